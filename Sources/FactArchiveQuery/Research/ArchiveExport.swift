import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// The archive in standard formats, one check at a time (memory stays flat).
///
/// - `ndjson`: one object per check, everything `factarchive show --format json` prints.
/// - `csv`: one row per check, the main columns and the executive summary.
/// - `claimreview`: schema.org `ClaimReview` JSON-LD, a JSON array with one review per check
///   (`claimReviewed`, `datePublished`, `dateModified`, `url` where known, `author` as an
///   `Organization`, `itemReviewed` as a `Claim` with its author, date and appearances where
///   known, `reviewBody`, and `reviewRating` when the check has one). See
///   <https://schema.org/ClaimReview> and
///   <https://developers.google.com/search/docs/appearance/structured-data/factcheck>.
public enum ArchiveExport {
  public enum Format: String, Sendable, CaseIterable {
    case ndjson, csv, claimreview
  }

  /// Factually, the publisher of the pages the parser reads.
  static let factually: JSON = .object([
    .init("@type", .string("Organization")), .init("name", .string("Factually")),
    .init("url", .string("https://factually.co")),
  ])

  static let csvHeader = [
    "check_id", "question_id", "question", "checked_on", "checked_on_inferred", "latest",
    "publisher_flagged_outdated", "truncated", "topic", "due_on", "citation_count", "url",
    "publisher", "rating", "summary", "claimant", "claim_date",
  ]

  /// Writes every check, oldest id first. Returns how many.
  @discardableResult
  public static func run(format: Format, on db: Connection, write: (String) -> Void) throws -> Int {
    var count = 0
    switch format {
    case .csv: write(TextTable.csvRow(csvHeader))
    case .claimreview: write("[")
    case .ndjson: break
    }
    var lastID: Int64 = 0
    while true {
      let ids = try db.query("SELECT id FROM checks WHERE id > ? ORDER BY id LIMIT 500", [lastID]) {
        $0.int64("id")
      }
      guard let last = ids.last else { break }
      lastID = last
      for id in ids {
        switch format {
        case .ndjson:
          guard let detail = try CheckDetail.load(id, from: db) else { continue }
          write(detail.json.rendered(pretty: false) + "\n")
        case .csv:
          guard let row = try csvRow(id, on: db) else { continue }
          write(TextTable.csvRow(row))
        case .claimreview:
          guard let review = try claimReview(id, on: db) else { continue }
          write((count == 0 ? "\n" : ",\n") + indented(review.rendered()))
        }
        count += 1
      }
    }
    if format == .claimreview { write(count == 0 ? "]\n" : "\n]\n") }
    return count
  }

  private static func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
      separator: "\n")
  }

  static let checkColumns = """
    SELECT c.id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
           c.superseded, c.publisher_flagged_outdated, c.truncated, c.topic, c.due_on,
           c.citation_count, c.title_url, c.publisher, c.rating, c.claimant, c.claim_date,
           (SELECT s.body FROM summaries AS s WHERE s.check_id = c.id ORDER BY s.position LIMIT 1)
             AS summary
    FROM checks AS c JOIN questions AS q ON q.id = c.question_id
    JOIN documents AS d ON d.id = c.document_id
    WHERE c.id = ?
    """

  static func csvRow(_ id: Int64, on db: Connection) throws -> [String]? {
    try db.queryFirst(checkColumns, [id]) { row in
      [
        String(row.int64("id")), String(row.int64("question_id")), row.text("question") ?? "",
        row.text("checked_on") ?? "", row.text("checked_on_inferred") ?? "",
        row.bool("superseded") ? "0" : "1", String(row.int("publisher_flagged_outdated")),
        String(row.int("truncated")), row.text("topic") ?? "", row.text("due_on") ?? "",
        String(row.int("citation_count")), row.text("title_url") ?? "",
        row.text("publisher") ?? "", row.text("rating") ?? "", row.text("summary") ?? "",
        row.text("claimant") ?? "", row.text("claim_date") ?? "",
      ]
    }
  }

  static func claimReview(_ id: Int64, on db: Connection) throws -> JSON? {
    try db.queryFirst(checkColumns, [id]) { row in
      var members: [JSON.Member] = [
        .init("@context", .string("https://schema.org")),
        .init("@type", .string("ClaimReview")),
        .init("claimReviewed", .string(row.text("question") ?? "")),
      ]
      // An undated page has no publication date to give (its inferred date is a guess).
      if let checked = row.text("checked_on") {
        members.append(.init("datePublished", .string(checked)))
        members.append(.init("dateModified", .string(checked)))
      }
      if let url = row.text("title_url") { members.append(.init("url", .string(url))) }
      let author: JSON =
        row.text("publisher").map {
          .object([.init("@type", .string("Organization")), .init("name", .string($0))])
        } ?? factually
      members.append(.init("author", author))
      let origin = try ClaimOrigin.stored(
        checkID: id, claimant: row.text("claimant"), date: row.day("claim_date"), in: db)
      members.append(.init("itemReviewed", claim(origin)))
      if let rating = row.text("rating") {
        members.append(
          .init(
            "reviewRating",
            .object([.init("@type", .string("Rating")), .init("alternateName", .string(rating))])))
      }
      if let summary = row.text("summary"), !summary.isEmpty {
        members.append(.init("reviewBody", .string(summary)))
      }
      members.append(.init("identifier", .string("factarchive:check:\(row.int64("id"))")))
      return .object(members)
    }
  }

  /// `itemReviewed`: a `Claim`, with who made it (`author`, untyped: the archive does not
  /// know whether a person or an organisation), when, and where it appeared.
  static func claim(_ origin: ClaimOrigin) -> JSON {
    var members: [JSON.Member] = [.init("@type", .string("Claim"))]
    if let claimant = origin.claimant {
      members.append(.init("author", .object([.init("name", .string(claimant))])))
    }
    if let date = origin.date { members.append(.init("datePublished", .string(date.iso))) }
    func work(_ url: String) -> JSON {
      .object([.init("@type", .string("CreativeWork")), .init("url", .string(url))])
    }
    if origin.firstIsNamed, let first = origin.appearances.first {
      members.append(.init("firstAppearance", work(first)))
    }
    if !origin.appearances.isEmpty {
      members.append(.init("appearance", .array(origin.appearances.map(work))))
    }
    return .object(members)
  }
}
