import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// Reading the links between claims (`other_verdicts`, `similar_questions`) as editors see
/// them: on the queue, the check page and `show`.
public enum ClaimLinks {
  /// Other publishers' verdicts on a check, dated on or before `day` and (`counted`, as the
  /// queue sees them) after its latest review, disagreements first.
  public static func otherVerdicts(
    on checkID: Int64, through day: Day?, counted: Bool = true, in db: Connection
  ) throws -> [OtherVerdict] {
    let verdicts = try db.query(
      """
      SELECT o.other_check_id, coalesce(t.publisher, 'this archive') AS publisher,
             q.text AS claim, t.rating, t.rating_class, o.other_date, o.shared_terms, o.score,
             o.disagrees
      FROM other_verdicts AS o
      JOIN checks AS c ON c.id = o.check_id
      JOIN checks AS t ON t.id = o.other_check_id
      JOIN questions AS q ON q.id = t.question_id
      WHERE o.check_id = :check_id AND (:day IS NULL OR o.other_date <= :day)
        AND (:counted = 0 OR \(CheckSQL().otherVerdictCounts()))
      """, [checkID, day?.iso, counted]
    ) { row in
      OtherVerdict(
        checkID: row.int64("other_check_id"), publisher: row.text("publisher") ?? "",
        claim: row.text("claim") ?? "", rating: row.text("rating"),
        ratingClass: row.text("rating_class").flatMap(RatingClass.init(rawValue:)),
        date: row.day("other_date") ?? Day.today(),
        sharedTerms: StoredList.names(from: row.text("shared_terms")),
        score: row.double("score"), disagrees: row.bool("disagrees"))
    }
    return OtherVerdict.listed(verdicts)
  }

  /// Questions of the same publisher that may be this one, closest first.
  public static func similarQuestions(to questionID: Int64, in db: Connection) throws
    -> [SimilarQuestion]
  {
    try db.query(
      """
      SELECT q.id, q.text, s.score, s.shared_terms
      FROM similar_questions AS s
      JOIN questions AS q
        ON q.id = CASE WHEN s.question_id = :id THEN s.other_question_id ELSE s.question_id END
      WHERE s.question_id = :id OR s.other_question_id = :id
      ORDER BY s.score DESC, q.id
      """, [questionID]
    ) { row in
      SimilarQuestion(
        questionID: row.int64("id"), question: row.text("text") ?? "", score: row.double("score"),
        sharedTerms: StoredList.names(from: row.text("shared_terms")))
    }
  }
}
