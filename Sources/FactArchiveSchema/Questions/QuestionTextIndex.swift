import FactArchiveStore

/// The two full-text indexes of the questions' text, written together wherever a question
/// is created (the schema has no insert triggers: `Schema/005_ingest_speed.sql`; migration
/// 12's re-keying, which ran before the second existed, writes the first only):
/// `questions_fts`, by word and stemmed, for search and claim candidates; and
/// `questions_trigram`, every three characters (`Schema/018_question_text_trigrams.sql`), for
/// the queue's text filter, which matches any part of the text as `LIKE '%text%'` does.
///
/// ```swift
/// QuestionTextIndex.trigrams(of: "Harbour")  // "\"Har\" AND \"arb\" AND …", or nil under 3
/// ```
public enum QuestionTextIndex {
  /// The indexes, by name.
  public static let indexes = ["questions_fts", "questions_trigram"]

  /// One statement per index writing a question's row (`?` the id, `?` the text).
  public static let insertRow = indexes.map { "INSERT INTO \($0) (rowid, text) VALUES (?, ?)" }

  /// One statement per index writing the rows of every question after an id (`?`): a
  /// writer's batch indexes its questions at its end (`ArchiveWriter+HeldRows`).
  public static let indexAfter = indexes.map {
    "INSERT INTO \($0) (rowid, text) SELECT id, text FROM questions WHERE id > ?"
  }

  /// Writes a question's rows in both indexes.
  public static func index(_ questionID: Int64, text: String, in db: Connection) throws {
    for sql in insertRow { try db.execute(sql, [questionID, text]) }
  }

  /// Three-character runs asked of `questions_trigram` at most: any of them finds every
  /// question holding the text (and a few more, which the exact comparison drops), so a long
  /// text is looked up by runs spread across it.
  static let runsAsked = 12

  /// An FTS5 query finding, in `questions_trigram`, every question whose text contains
  /// `text` in any case (with a few that hold its runs apart, for an exact comparison to
  /// drop); `nil` when the text has fewer than three characters, which the index cannot
  /// look up.
  public static func trigrams(of text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    // (A NUL would end the query early.)
    guard scalars.count >= 3, !scalars.contains("\u{0}") else { return nil }
    var runs: [String] = []
    var seen = Set<String>()
    let count = scalars.count - 2
    // Evenly spaced starts, the first and the last included.
    let asked = min(count, runsAsked)
    for step in 0..<asked {
      let start = asked == 1 ? 0 : step * (count - 1) / (asked - 1)
      var run = String.UnicodeScalarView()
      run.append(contentsOf: scalars[start..<start + 3])
      let word = String(run)
      if seen.insert(word.lowercased()).inserted { runs.append(word) }
    }
    return runs.map { Quoting.doubleQuoted($0) }.joined(separator: " AND ")
  }
}
