import FactArchiveCore

/// Search hits as the CLI prints them and the desk's API answers them.
extension FullTextSearch {
  public static func render(_ hits: [Hit], format: ListFormat, query: String, width: Int = 100)
    -> String
  {
    switch format {
    case .json:
      return JSON.array(hits.map(json)).rendered() + "\n"
    case .csv:
      return TextTable.csvRow([
        "rank", "kind", "id", "question_id", "title", "date", "latest", "field", "snippet",
        "score", "ranking",
      ])
        + hits.enumerated().map { offset, hit in
          TextTable.csvRow([
            String(offset + 1), hit.kind.rawValue, String(hit.id),
            hit.questionID.map(String.init) ?? "", hit.title,
            hit.date?.iso ?? hit.dateInferred.map { "~" + $0.iso } ?? "",
            hit.isLatest ? "1" : "0", hit.field, hit.snippet, String(hit.score),
            hit.ranking.rawValue,
          ])
        }.joined()
    case .table:
      guard !hits.isEmpty else { return "Nothing matches \(query).\n" }
      var output = ""
      if hits.contains(where: { $0.ranking == .newest }) {
        output += broadNote + "\n\n"
      } else if hits.contains(where: { $0.ranking == .address }) {
        output += addressNote + "\n\n"
      }
      for (offset, hit) in hits.enumerated() {
        let latest = hit.isLatest ? "" : ", superseded"
        output +=
          "\(offset + 1). \(hit.kind.rawValue) \(hit.id) (\(hit.dateLabel)\(latest)): "
          + TextTable.truncate(hit.title, to: max(20, width - 30)) + "\n"
        output += "   \(hit.field): \(hit.snippet)\n"
      }
      return output
    }
  }

  /// A check as `{"kind": "check", "check_id", "question_id", "question", "checked_on", …}`,
  /// a source as `{"kind": "source", "source_id", "title", "published_on", …}`.
  static func json(_ hit: Hit) -> JSON {
    let identity: [JSON.Member]
    switch hit.kind {
    case .check:
      identity = [
        .init("check_id", .int(hit.id)), .init("question_id", .int(hit.questionID ?? 0)),
        .init("question", .string(hit.title)), .init("checked_on", .string(hit.date?.iso)),
        .init("checked_on_inferred", .string(hit.dateInferred?.iso)),
        .init("latest", .bool(hit.isLatest)),
      ]
    case .source:
      identity = [
        .init("source_id", .int(hit.id)), .init("title", .string(hit.title)),
        .init("published_on", .string(hit.date?.iso)),
        .init("published_on_inferred", .string(hit.dateInferred?.iso)),
      ]
    }
    return .object(
      [.init("kind", .string(hit.kind.rawValue))] + identity + [
        .init("field", .string(hit.field)), .init("snippet", .string(hit.snippet)),
        .init("score", .double(hit.score)), .init("ranking", .string(hit.ranking.rawValue)),
      ])
  }
}

extension String {
  /// New lines as spaces: snippets print on one line.
  func replacingNewlines() -> String {
    String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}
