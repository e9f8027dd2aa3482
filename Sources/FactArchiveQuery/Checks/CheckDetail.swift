import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// A whole check read back: question, date, summaries with headings, citations, follow-ups.
public struct CheckDetail: Sendable, Equatable {
  /// Another document holding this check.
  public struct Copy: Sendable, Equatable {
    public var documentID: Int64
    public var path: String
    public var mediaType: String
  }

  public struct Summary: Sendable, Equatable {
    public var position: Int
    public var heading: String?
    public var body: String
    public var citations: [Citation]
  }

  public struct Citation: Sendable, Equatable {
    public var refNumber: Int
    public var sentence: String
  }

  /// An entry of the page's reference list.
  public struct Reference: Sendable, Equatable {
    public var refNumber: Int
    public var url: String
  }

  public var checkID: Int64
  public var questionID: Int64
  public var question: String
  public var checkedOn: Day?
  /// For an undated page: the latest date its text mentions.
  public var checkedOnInferred: Day?
  public var titleURL: String?
  public var truncated: Bool
  public var unparsed: String?
  public var publisherFlaggedOutdated: Bool
  /// For an imported ClaimReview: its publisher and rating as written.
  public var publisher: String? = nil
  public var rating: String? = nil
  public var disclaimer: String?
  public var documentID: Int64
  public var documentPath: String
  /// Other documents holding the same check (the page saved again, as text or HTML).
  public var copies: [Copy] = []
  public var summaries: [Summary]
  public var followUps: [String]
  public var references: [Reference]
  /// Every editor's review, oldest first.
  public var reviews: [Review] = []

  /// The check with `id`, or `nil` when there is none.
  public static func load(_ id: Int64, from db: Connection) throws -> CheckDetail? {
    let head = try db.queryFirst(
      """
      SELECT c.id, c.question_id, q.text AS question, c.checked_on, c.publisher_flagged_outdated,
             c.disclaimer, c.document_id, d.path, c.checked_on_inferred, c.title_url,
             c.truncated, c.unparsed, c.publisher, c.rating
      FROM checks AS c
      JOIN questions AS q ON q.id = c.question_id
      JOIN documents AS d ON d.id = c.document_id
      WHERE c.id = ?
      """, [id]
    ) { row in
      var detail = CheckDetail(
        checkID: row.int64("id"), questionID: row.int64("question_id"),
        question: row.text("question") ?? "", checkedOn: row.day("checked_on"),
        checkedOnInferred: row.day("checked_on_inferred"), titleURL: row.text("title_url"),
        truncated: row.bool("truncated"), unparsed: row.text("unparsed"),
        publisherFlaggedOutdated: row.bool("publisher_flagged_outdated"),
        disclaimer: row.text("disclaimer"), documentID: row.int64("document_id"),
        documentPath: row.text("path") ?? "",
        summaries: [], followUps: [], references: [])
      detail.publisher = row.text("publisher")
      detail.rating = row.text("rating")
      return detail
    }
    guard var detail = head else { return nil }
    var citations: [Int: [Citation]] = [:]
    for (position, citation) in try db.query(
      "SELECT position, ref_number, sentence FROM citations WHERE check_id = ? ORDER BY id", [id],
      { row in
        (
          row.int("position"),
          Citation(refNumber: row.int("ref_number"), sentence: row.text("sentence") ?? "")
        )
      })
    {
      citations[position, default: []].append(citation)
    }
    detail.summaries = try db.query(
      "SELECT position, heading, body FROM summaries WHERE check_id = ? ORDER BY position", [id]
    ) { row in
      Summary(
        position: row.int("position"), heading: row.text("heading"), body: row.text("body") ?? "",
        citations: citations[row.int("position")] ?? [])
    }
    detail.references = try db.query(
      "SELECT ref_number, url FROM citation_sources WHERE check_id = ? ORDER BY ref_number", [id]
    ) { Reference(refNumber: $0.int("ref_number"), url: $0.text("url") ?? "") }
    detail.followUps = try db.query(
      "SELECT text FROM follow_ups WHERE check_id = ? ORDER BY position", [id]
    ) { $0.text("text") ?? "" }
    detail.reviews = try Reviews.all(checkID: id, in: db)
    detail.copies = try db.query(
      """
      SELECT d.id, d.path, d.media_type FROM check_copies AS cc
      JOIN documents AS d ON d.id = cc.document_id WHERE cc.check_id = ? ORDER BY d.id
      """, [id]
    ) {
      Copy(
        documentID: $0.int64("id"), path: $0.text("path") ?? "",
        mediaType: $0.text("media_type") ?? "")
    }
    return detail
  }

  public var json: JSON {
    .object([
      .init("check_id", .int(checkID)),
      .init("question_id", .int(questionID)),
      .init("question", .string(question)),
      .init("checked_on", .string(checkedOn?.iso)),
      .init("checked_on_inferred", .string(checkedOnInferred?.iso)),
      .init("title_url", .string(titleURL)),
      .init("truncated", .bool(truncated)),
      .init("publisher_flagged_outdated", .bool(publisherFlaggedOutdated)),
      .init("disclaimer", .string(disclaimer)),
      .init("document_id", .int(documentID)),
      .init("document_path", .string(documentPath)),
      .init(
        "copies",
        .array(
          copies.map {
            .object([
              .init("document_id", .int($0.documentID)), .init("path", .string($0.path)),
              .init("media_type", .string($0.mediaType)),
            ])
          })),
      .init(
        "summaries",
        .array(
          summaries.map { summary in
            .object([
              .init("position", .int(summary.position)),
              .init("heading", .string(summary.heading)),
              .init("body", .string(summary.body)),
              .init(
                "citations",
                .array(
                  summary.citations.map {
                    .object([
                      .init("ref_number", .int($0.refNumber)),
                      .init("sentence", .string($0.sentence)),
                    ])
                  })),
            ])
          })),
      .init("follow_ups", .array(followUps.map { .string($0) })),
      .init(
        "references",
        .array(
          references.map {
            .object([.init("ref_number", .int($0.refNumber)), .init("url", .string($0.url))])
          })),
      .init("unparsed", .string(unparsed)),
      .init("reviews", .array(reviews.map(\.json))),
    ])
  }

  /// The check as readable text.
  public func text(style: TextStyle = .plain) -> String {
    var output = style.bold(question) + "\n"
    output += "check \(checkID) of question \(questionID)"
    if let checkedOn {
      output += ", checked on \(checkedOn.iso)"
    } else if let checkedOnInferred {
      output += ", no check date (newest date mentioned: \(checkedOnInferred.iso))"
    } else {
      output += ", no check date"
    }
    output += "\nfrom \(documentPath) (document \(documentID))\n"
    for copy in copies {
      output += "also saved as \(copy.path) (document \(copy.documentID), \(copy.mediaType))\n"
    }
    if let titleURL { output += "link: \(titleURL)\n" }
    if truncated {
      output += style.yellow("This copy of the page is truncated: it ends part-way.") + "\n"
    }
    if publisherFlaggedOutdated {
      output += style.red("The publisher marked this fact-check as possibly outdated.") + "\n"
    }
    if let latest = reviews.last, latest.verdict == .withdrawn {
      output += style.red("Withdrawn: \(latest.sentence)") + "\n"
    }
    if let disclaimer { output += style.dim(disclaimer) + "\n" }
    for summary in summaries {
      output += "\n"
      let number = summary.position == 0 ? "" : "\(summary.position). "
      output += style.bold(number + (summary.heading ?? "Summary")) + "\n\n"
      output += summary.body + "\n"
      if !summary.citations.isEmpty {
        let numbers = summary.citations.map { "[\($0.refNumber)]" }.joined(separator: " ")
        output += style.dim("citations: \(numbers)") + "\n"
      }
    }
    if !followUps.isEmpty {
      output += "\n" + style.bold("Want to dive deeper?") + "\n"
      for question in followUps { output += "- \(question)\n" }
    }
    if !references.isEmpty {
      output += "\n" + style.bold("References") + "\n"
      for reference in references { output += "[\(reference.refNumber)] \(reference.url)\n" }
    }
    if let unparsed {
      output += "\n" + style.bold("Text the parser could not place") + "\n" + unparsed + "\n"
    }
    if !reviews.isEmpty {
      output += "\n" + style.bold("Reviews") + "\n"
      for review in reviews { output += "- \(review.sentence)\n" }
    }
    return output
  }
}
