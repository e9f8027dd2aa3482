import FactArchiveCore
import FactArchiveStore

/// Questions merged into others (`question_merges`): by the migration that folded keys, or by
/// an editor (`merge-questions`, the desk's button), which `split-question` can undo.
public enum QuestionMerges {
  /// One merge as editors see it.
  public struct Merge: Sendable, Equatable {
    public var id: Int64
    /// The question kept.
    public var questionID: Int64
    /// The question merged into it, and its text.
    public var mergedID: Int64
    public var mergedText: String
    public var checkIDs: [Int64]
    /// `key` (the same key once folded), `publisher` (another publisher's checks given a
    /// question of their own) or `editor`.
    public var reason: String
    public var mergedBy: String
    public var mergedAt: String
    public var splitBy: String?
    public var splitAt: String?

    /// Only an editor's merge is undone by a split: a key merge would come back with the
    /// next page that asks the question.
    public var canSplit: Bool { reason == "editor" && splitAt == nil }

    public var json: JSON {
      .object([
        .init("merge_id", .int(id)), .init("question_id", .int(questionID)),
        .init("merged_id", .int(mergedID)), .init("merged_text", .string(mergedText)),
        .init("check_ids", .array(checkIDs.map { .int($0) })),
        .init("reason", .string(reason)), .init("merged_by", .string(mergedBy)),
        .init("merged_at", .string(mergedAt)), .init("split_by", .string(splitBy)),
        .init("split_at", .string(splitAt)),
      ])
    }

    /// "question 12 (“Did …?”) merged into this one by ana on 2026-12-01T…".
    public var sentence: String {
      let how =
        switch reason {
        case "key": "its key is this one's once folded"
        case "publisher": "another publisher's checks given their own question"
        default: "by \(mergedBy)"
        }
      var sentence = "question \(mergedID) (“\(mergedText)”) merged in, \(how), at \(mergedAt)"
      if let splitAt { sentence += "; split again by \(splitBy ?? "?") at \(splitAt)" }
      return sentence
    }
  }

  /// The merges into a question, oldest first (split ones too: the history stays).
  public static func into(_ questionID: Int64, in db: Connection) throws -> [Merge] {
    try db.query(
      """
      SELECT id, question_id, merged_id, merged_text, check_ids, reason, merged_by, merged_at,
             split_by, split_at
      FROM question_merges WHERE question_id = ? AND reason <> 'publisher' ORDER BY id
      """, [questionID], Merge.init(row:))
  }

  /// The latest merge of `mergedID` still in force, if any.
  public static func current(of mergedID: Int64, in db: Connection) throws -> Merge? {
    try db.queryFirst(
      """
      SELECT id, question_id, merged_id, merged_text, check_ids, reason, merged_by, merged_at,
             split_by, split_at
      FROM question_merges WHERE merged_id = ? AND split_at IS NULL AND reason <> 'publisher'
      ORDER BY id DESC LIMIT 1
      """, [mergedID], Merge.init(row:))
  }
}

extension QuestionMerges.Merge {
  init(row: Row) {
    self.init(
      id: row.int64("id"), questionID: row.int64("question_id"), mergedID: row.int64("merged_id"),
      mergedText: row.text("merged_text") ?? "",
      checkIDs: (row.text("check_ids") ?? "").split(separator: "|").compactMap { Int64($0) },
      reason: row.text("reason") ?? "", mergedBy: row.text("merged_by") ?? "",
      mergedAt: row.text("merged_at") ?? "", splitBy: row.text("split_by"),
      splitAt: row.text("split_at"))
  }
}
