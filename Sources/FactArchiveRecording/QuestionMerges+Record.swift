import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

/// Recording editors' merges: two questions of one publisher that are the same question
/// become one (`merge-questions`), and a merge can be undone (`split-question`). Each is one
/// transaction, recorded in `question_merges` with who and when.
extension QuestionMerges {
  public enum Failure: Error, CustomStringConvertible, Equatable {
    case noSuchQuestion(Int64)
    case sameQuestion(Int64)
    case otherPublishers(Int64, Int64)
    case notMerged(Int64)
    case notAnEditorsMerge(Int64, reason: String)
    case keyTaken(Int64, by: Int64)

    public var description: String {
      switch self {
      case .noSuchQuestion(let id): return "no question \(id)"
      case .sameQuestion(let id): return "question \(id) cannot be merged into itself"
      case .otherPublishers(let kept, let merged):
        return
          "questions \(kept) and \(merged) belong to different publishers: another publisher's "
          + "check is an other verdict, never a re-check"
      case .notMerged(let id): return "question \(id) is not merged into another"
      case .notAnEditorsMerge(let id, let reason):
        return
          "question \(id) was merged because "
          + (reason == "key"
            ? "its key is the same once folded: it would merge again with the next page"
            : "its checks are another publisher's")
          + "; only an editor's merge can be split"
      case .keyTaken(let id, let other):
        return "question \(id) cannot come back: question \(other) now has the same key"
      }
    }
  }

  /// Merges question `mergedID` into `questionID`: its checks move, the latest of them all is
  /// the one judged, and its row goes until a split. Returns the merge recorded.
  @discardableResult
  public static func merge(
    _ mergedID: Int64, into questionID: Int64, by editor: String, at time: String,
    in db: Connection
  ) throws -> Merge {
    guard mergedID != questionID else { throw Failure.sameQuestion(questionID) }
    return try db.transaction {
      let kept = try stored(questionID, in: db)
      let merged = try stored(mergedID, in: db)
      guard kept.publisherKey == merged.publisherKey else {
        throw Failure.otherPublishers(questionID, mergedID)
      }
      let checkIDs = try db.query(
        "SELECT id FROM checks WHERE question_id = ? ORDER BY id", [mergedID]
      ) { $0.int64(at: 0) }
      try db.execute(
        "UPDATE checks SET question_id = ? WHERE question_id = ?", [questionID, mergedID])
      try db.execute(
        """
        INSERT INTO question_merges
          (question_id, merged_id, merged_text, merged_key, merged_publisher_key,
           merged_first_seen_at, check_ids, reason, merged_by, merged_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'editor', ?, ?)
        """,
        [
          questionID, mergedID, merged.text, merged.key, merged.publisherKey, merged.firstSeen,
          checkIDs.map(String.init).joined(separator: "|"), editor, time,
        ])
      let mergeID = db.lastInsertedRowID
      try ClaimWordCounts(database: db).remove(merged.claimTerms)
      try db.execute(
        "DELETE FROM similar_questions WHERE question_id = ? OR other_question_id = ?",
        [mergedID, mergedID])
      try db.execute("DELETE FROM questions WHERE id = ?", [mergedID])
      try QuestionSQL.markLatest(questionID: questionID, in: db)
      guard let recorded = try current(of: mergedID, in: db), recorded.id == mergeID else {
        throw Failure.notMerged(mergedID)
      }
      return recorded
    }
  }

  /// Undoes the latest editor's merge of `mergedID`: the question comes back with its id,
  /// text and key, and the checks that moved with it (those still on the question it went
  /// into) move back. Returns the checks moved back.
  @discardableResult
  public static func split(_ mergedID: Int64, by editor: String, at time: String, in db: Connection)
    throws -> [Int64]
  {
    try db.transaction {
      guard let merge = try current(of: mergedID, in: db) else {
        throw Failure.notMerged(mergedID)
      }
      guard merge.reason == "editor" else {
        throw Failure.notAnEditorsMerge(mergedID, reason: merge.reason)
      }
      guard
        let (key, publisherKey, firstSeen) = try db.queryFirst(
          """
          SELECT merged_key, merged_publisher_key, merged_first_seen_at
          FROM question_merges WHERE id = ?
          """, [merge.id],
          {
            (
              $0.text("merged_key") ?? "", $0.text("merged_publisher_key") ?? "",
              $0.text("merged_first_seen_at") ?? ""
            )
          })
      else { throw Failure.notMerged(mergedID) }
      if let other = try db.queryFirst(
        "SELECT id FROM questions WHERE publisher_key = ? AND normalized_key = ?",
        [publisherKey, key], { $0.int64(at: 0) })
      {
        throw Failure.keyTaken(mergedID, by: other)
      }
      let moved = try db.query(
        "SELECT id FROM checks WHERE question_id = ? ORDER BY id", [merge.questionID]
      ) { $0.int64(at: 0) }.filter(Set(merge.checkIDs).contains)
      let language = try moved.last.flatMap { last in
        try db.queryFirst("SELECT language FROM checks WHERE id = ?", [last]) {
          $0.text("language")
        } ?? nil
      }
      let claim = ClaimProfile(merge.mergedText, language: language)
      try db.execute(
        """
        INSERT INTO questions
          (id, text, normalized_key, first_seen_at, publisher_key, language, claim_terms,
           claim_profile)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          mergedID, merge.mergedText, key, firstSeen, publisherKey, claim.language,
          StoredList.names(claim.terms), claim.stored,
        ])
      try QuestionTextIndex.index(mergedID, text: merge.mergedText, in: db)
      try ClaimWordCounts(database: db).add(claim.terms)
      for checkID in moved {
        try db.execute("UPDATE checks SET question_id = ? WHERE id = ?", [mergedID, checkID])
      }
      try db.execute(
        "UPDATE question_merges SET split_by = ?, split_at = ? WHERE id = ?",
        [editor, time, merge.id])
      try QuestionSQL.markLatest(questionID: merge.questionID, in: db)
      try QuestionSQL.markLatest(questionID: mergedID, in: db)
      return moved
    }
  }

  private static func stored(_ id: Int64, in db: Connection) throws -> (
    text: String, key: String, publisherKey: String, firstSeen: String, claimTerms: [String]
  ) {
    guard
      let row = try db.queryFirst(
        """
        SELECT text, normalized_key, publisher_key, first_seen_at, claim_terms
        FROM questions WHERE id = ?
        """, [id],
        {
          (
            text: $0.text("text") ?? "", key: $0.text("normalized_key") ?? "",
            publisherKey: $0.text("publisher_key") ?? "", firstSeen: $0.text("first_seen_at") ?? "",
            claimTerms: StoredList.names(from: $0.text("claim_terms"))
          )
        })
    else { throw Failure.noSuchQuestion(id) }
    return row
  }
}
