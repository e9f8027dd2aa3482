import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// The normalised verdict (`checks.rating_class`) of stored checks, from their rating by
/// the one rule (`RatingLexicon`).
public enum RatingClasses {
  /// Migration 11, and after the lexicon changes: every check with a rating classified
  /// again. Returns how many changed.
  @discardableResult
  @Sendable public static func classifyStored(in db: Connection) throws -> Int {
    let rows = try db.query(
      """
      SELECT id, rating, rating_value, rating_worst, rating_best, rating_class
      FROM checks WHERE rating IS NOT NULL OR rating_value IS NOT NULL
      """
    ) { row in
      (
        id: row.int64("id"), rating: row.text("rating"),
        scale: row.isNull("rating_value")
          ? nil
          : RatingScale(
            value: row.double("rating_value"),
            worst: row.isNull("rating_worst") ? nil : row.double("rating_worst"),
            best: row.isNull("rating_best") ? nil : row.double("rating_best")),
        stored: row.text("rating_class")
      )
    }
    var changed = 0
    for row in rows {
      let rating = RatingLexicon.classify(row.rating, scale: row.scale)?.rawValue
      guard rating != row.stored else { continue }
      try db.execute("UPDATE checks SET rating_class = ? WHERE id = ?", [rating, row.id])
      changed += 1
    }
    return changed
  }
}
