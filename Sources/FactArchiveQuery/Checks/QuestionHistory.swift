import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// Every check of one question, oldest first: what `factarchive history` prints.
public struct QuestionHistory: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var checkID: Int64
    public var checkedOn: Day?
    public var checkedOnInferred: Day?
    /// The latest check (the one judged for staleness).
    public var isLatest: Bool
    public var publisherFlagged: Bool
    public var dueOn: Day?
    public var topic: String?
    public var documentPath: String
    public var ingestedAt: String
    public var snoozes: [Snoozes.Snooze]
    /// Every review, oldest first (kept when a newer check supersedes this one).
    public var reviews: [Review] = []
  }

  public var questionID: Int64
  public var question: String
  public var entries: [Entry]

  public static func load(questionID: Int64, from db: Connection) throws -> QuestionHistory? {
    guard
      let question = try db.queryFirst(
        "SELECT text FROM questions WHERE id = ?", [questionID], { $0.text("text") ?? "" })
    else { return nil }
    let rows = try db.query(
      """
      SELECT c.id, c.checked_on, c.checked_on_inferred, c.superseded, c.publisher_flagged_outdated,
             c.due_on, c.topic, d.path, d.ingested_at
      FROM checks AS c JOIN documents AS d ON d.id = c.document_id
      WHERE c.question_id = ?
      ORDER BY coalesce(c.checked_on, c.checked_on_inferred) IS NULL,
               coalesce(c.checked_on, c.checked_on_inferred), c.id
      """, [questionID]
    ) { row in
      Entry(
        checkID: row.int64("id"), checkedOn: row.day("checked_on"),
        checkedOnInferred: row.day("checked_on_inferred"), isLatest: !row.bool("superseded"),
        publisherFlagged: row.bool("publisher_flagged_outdated"), dueOn: row.day("due_on"),
        topic: row.text("topic"), documentPath: row.text("path") ?? "",
        ingestedAt: row.text("ingested_at") ?? "",
        snoozes: [])
    }
    var entries: [Entry] = []
    for var entry in rows {
      entry.snoozes = try Snoozes.all(checkID: entry.checkID, in: db)
      entry.reviews = try Reviews.all(checkID: entry.checkID, in: db)
      entries.append(entry)
    }
    return QuestionHistory(questionID: questionID, question: question, entries: entries)
  }

  public var json: JSON {
    .object([
      .init("question_id", .int(questionID)),
      .init("question", .string(question)),
      .init(
        "checks",
        .array(
          entries.map { entry in
            .object([
              .init("check_id", .int(entry.checkID)),
              .init("checked_on", .string(entry.checkedOn?.iso)),
              .init("checked_on_inferred", .string(entry.checkedOnInferred?.iso)),
              .init("latest", .bool(entry.isLatest)),
              .init("publisher_flagged_outdated", .bool(entry.publisherFlagged)),
              .init("due_on", .string(entry.dueOn?.iso)),
              .init("topic", .string(entry.topic)),
              .init("document_path", .string(entry.documentPath)),
              .init("ingested_at", .string(entry.ingestedAt)),
              .init(
                "snoozes",
                .array(
                  entry.snoozes.map { snooze in
                    .object([
                      .init("until", .string(snooze.until.iso)),
                      .init("note", .string(snooze.note)),
                      .init("by", .string(snooze.createdBy)),
                      .init("at", .string(snooze.createdAt)),
                      .init("ended_by", .string(snooze.endedBy)),
                      .init("ended_at", .string(snooze.endedAt)),
                    ])
                  })),
              .init("reviews", .array(entry.reviews.map(\.json))),
            ])
          })),
    ])
  }

  public func text(style: TextStyle = .plain) -> String {
    var output = style.bold(question) + "\n"
    output +=
      "question \(questionID): \(entries.count) \(entries.count == 1 ? "check" : "checks")\n\n"
    for entry in entries {
      let date =
        entry.checkedOn?.iso ?? entry.checkedOnInferred.map { "~\($0.iso) (no check date)" }
        ?? "no date"
      var line = "check \(entry.checkID)  \(date)"
      if entry.isLatest { line += "  latest" }
      if let due = entry.dueOn, entry.isLatest { line += ", due \(due.iso)" }
      if let topic = entry.topic { line += ", topic \(topic)" }
      if entry.publisherFlagged { line += ", flagged by the publisher" }
      if entry.reviews.last?.verdict == .withdrawn { line += ", withdrawn" }
      output += line + "\n    from \(entry.documentPath), ingested \(entry.ingestedAt)\n"
      for review in entry.reviews {
        output += "    reviewed: \(review.sentence)\n"
      }
      for snooze in entry.snoozes {
        output +=
          "    snoozed until \(snooze.until.iso) by \(snooze.createdBy) at \(snooze.createdAt): \(snooze.note)"
        if let endedBy = snooze.endedBy, let endedAt = snooze.endedAt {
          output += " (ended by \(endedBy) at \(endedAt))"
        }
        output += "\n"
      }
    }
    return output
  }
}
