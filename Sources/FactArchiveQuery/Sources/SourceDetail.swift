import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// A source article read back: what `factarchive source` prints and the desk's source page
/// shows, with its links and the checks it is newer evidence for.
public struct SourceDetail: Sendable, Equatable {
  public struct Link: Sendable, Equatable {
    public var url: String
    public var domain: String?
    /// Listed under a "References" or "Sources" heading.
    public var inReferences: Bool
  }

  /// A check this source is newer evidence for.
  public struct EvidenceFor: Sendable, Equatable {
    public var checkID: Int64
    public var question: String
    public var checkedOn: Day?
    public var isLatest: Bool
    public var tellingTerms: [String]
    public var sharedTerms: [String]
    public var score: Double?
  }

  public var sourceID: Int64
  public var title: String
  public var label: String?
  public var byline: String?
  public var publishedOn: Day?
  public var publishedOnInferred: Day?
  public var body: String
  public var documentID: Int64
  public var documentPath: String
  public var keyTerms: [String]
  public var links: [Link]
  public var evidenceFor: [EvidenceFor]

  /// `2026-01-15`, `~2026-01-15` for an inferred date, `no date` for none.
  public var dateLabel: String {
    publishedOn?.iso ?? publishedOnInferred.map { "~" + $0.iso } ?? "no date"
  }

  /// The source with `id`, or `nil` when there is none.
  public static func load(_ id: Int64, from db: Connection) throws -> SourceDetail? {
    guard
      var detail = try db.queryFirst(
        """
        SELECT s.id, s.title, s.label, s.byline, s.published_on, s.published_on_inferred, s.body,
               s.document_id, d.path, s.key_terms
        FROM sources AS s JOIN documents AS d ON d.id = s.document_id
        WHERE s.id = ?
        """, [id],
        { row in
          SourceDetail(
            sourceID: row.int64("id"), title: row.text("title") ?? "", label: row.text("label"),
            byline: row.text("byline"), publishedOn: row.day("published_on"),
            publishedOnInferred: row.day("published_on_inferred"), body: row.text("body") ?? "",
            documentID: row.int64("document_id"), documentPath: row.text("path") ?? "",
            keyTerms: StoredList.names(from: row.text("key_terms")), links: [], evidenceFor: [])
        })
    else { return nil }
    detail.links = try db.query(
      "SELECT url, domain, in_references FROM source_links WHERE source_id = ? ORDER BY position",
      [id]
    ) {
      Link(
        url: $0.text("url") ?? "", domain: $0.text("domain"), inReferences: $0.bool("in_references")
      )
    }
    detail.evidenceFor = try db.query(
      """
      SELECT c.id, q.text AS question, c.checked_on, c.superseded, e.shared_terms,
             e.telling_terms, e.score
      FROM check_evidence AS e JOIN checks AS c ON c.id = e.check_id
      JOIN questions AS q ON q.id = c.question_id
      WHERE e.source_id = ?
      ORDER BY e.score DESC, c.id
      """, [id]
    ) { row in
      EvidenceFor(
        checkID: row.int64("id"), question: row.text("question") ?? "",
        checkedOn: row.day("checked_on"), isLatest: !row.bool("superseded"),
        tellingTerms: StoredList.names(from: row.text("telling_terms")),
        sharedTerms: StoredList.names(from: row.text("shared_terms")),
        score: row.isNull("score") ? nil : row.double("score"))
    }
    return detail
  }

  public var json: JSON {
    .object([
      .init("source_id", .int(sourceID)), .init("title", .string(title)),
      .init("label", .string(label)), .init("byline", .string(byline)),
      .init("published_on", .string(publishedOn?.iso)),
      .init("published_on_inferred", .string(publishedOnInferred?.iso)),
      .init("document_id", .int(documentID)), .init("document_path", .string(documentPath)),
      .init("key_terms", .array(keyTerms.map { .string($0) })),
      .init(
        "links",
        .array(
          links.map {
            .object([
              .init("url", .string($0.url)), .init("domain", .string($0.domain)),
              .init("in_references", .bool($0.inReferences)),
            ])
          })),
      .init(
        "evidence_for",
        .array(
          evidenceFor.map {
            .object([
              .init("check_id", .int($0.checkID)), .init("question", .string($0.question)),
              .init("checked_on", .string($0.checkedOn?.iso)), .init("latest", .bool($0.isLatest)),
              .init("telling_terms", .array($0.tellingTerms.map { .string($0) })),
              .init("shared_terms", .array($0.sharedTerms.map { .string($0) })),
              .init("score", $0.score.map { .double($0) } ?? .null),
            ])
          })),
      .init("body", .string(body)),
    ])
  }

  /// The source as readable text.
  public func text(style: TextStyle = .plain) -> String {
    var output = style.bold(title) + "\n"
    output += "source \(sourceID), \(dateLabel)"
    if let byline { output += ", \(byline)" }
    output += "\nfrom \(documentPath) (document \(documentID))\n"
    if let label { output += "label: \(label)\n" }
    output += "\n" + body + "\n"
    if !links.isEmpty {
      output += "\n" + style.bold("Links") + "\n"
      for link in links { output += "- \(link.url)\(link.inReferences ? " (reference)" : "")\n" }
    }
    output += "\n" + style.bold("Newer evidence for") + "\n"
    if evidenceFor.isEmpty { output += "no check\n" }
    for check in evidenceFor {
      output +=
        "- check \(check.checkID): \(check.question) (shares \(check.tellingTerms.joined(separator: ", ")))\n"
    }
    return output
  }
}
