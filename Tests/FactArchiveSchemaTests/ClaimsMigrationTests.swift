import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Migration 12 on an archive whose questions come to share a key once folded (`U.S.` =
/// `US`, a `Fact check:` prefix), and whose one question holds another publisher's check.
@Suite struct ClaimsMigrationTests {
  @Test func duplicateQuestionsAreMergedKeepingEveryCheckAndReview() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("v11.sqlite").path
    do {
      let db = try Connection(path: path)
      try db.migrate(Array(Migration.all.prefix(11)))
      #expect(try db.schemaVersion == 11)
      for id in 1...6 {
        try db.execute(
          """
          INSERT INTO documents (id, sha256, path, raw_text, byte_count, ingested_at, status,
            parser_version, kind)
          VALUES (?, ?, ?, '', 0, '2026-11-01T08:00:00Z', 'parsed', 2, 'fact_check')
          """, [id, "sha\(id)", "\(id).txt"])
      }
      try db.execute(
        """
        INSERT INTO questions (id, text, normalized_key, first_seen_at) VALUES
          (1, 'Did the U.S. ban Norvik Shipping?', 'did the u s ban norvik shipping', '2026-11-01T08:00:00Z'),
          (2, 'Did the US ban Norvik Shipping?', 'did the us ban norvik shipping', '2026-11-02T08:00:00Z'),
          (3, 'Fact check: did the US ban Norvik Shipping', 'fact check did the us ban norvik shipping', '2026-11-03T08:00:00Z'),
          (4, 'Did Kessland triple its cruise port tax?', 'did kessland triple its cruise port tax', '2026-11-04T08:00:00Z')
        """)
      // The writer indexes questions itself (no trigger since version 5).
      try db.execute("INSERT INTO questions_fts (rowid, text) SELECT id, text FROM questions")
      try db.execute(
        """
        INSERT INTO checks (id, question_id, document_id, checked_on, superseded, publisher) VALUES
          (1, 1, 1, '2025-03-04', 0, NULL), (2, 2, 2, '2025-09-01', 0, NULL),
          (3, 3, 3, '2026-01-10', 0, NULL), (4, 4, 4, '2025-08-01', 1, NULL),
          (5, 4, 5, '2026-09-15', 0, 'Tidewatch'), (6, 4, 6, '2025-02-01', 1, NULL)
        """)
      try db.execute(
        """
        INSERT INTO reviews (check_id, verdict, note, reviewed_on, reviewed_by, created_at) VALUES
          (2, 'still_accurate', 'fine', '2025-10-01', 'ana', '2025-10-01T09:00:00Z')
        """)
    }
    let db = try Connection.openArchive(path: path)
    #expect(try db.schemaVersion == Migration.latestVersion)
    // One question for the three spellings: the lowest id, its text as first written.
    let questions = try db.query(
      "SELECT id, text, normalized_key, publisher_key FROM questions ORDER BY id"
    ) { "\($0.int64("id"))|\($0.text("normalized_key") ?? "")|\($0.text("publisher_key") ?? "")" }
    #expect(questions.count == 3)
    #expect(questions[0] == "1|did the us ban norvik shipping|")
    #expect(questions[1] == "4|did kessland triple its cruise port tax|")
    #expect(questions[2].hasSuffix("|did kessland triple its cruise port tax|tidewatch"))
    #expect(
      try db.query("SELECT question_id FROM checks ORDER BY id") { $0.int64(at: 0) }.prefix(3)
        == [1, 1, 1])
    // The latest of the merged checks is the one judged; the review stays on its check.
    #expect(
      try db.query("SELECT id FROM checks WHERE question_id = 1 AND superseded = 0") {
        $0.int64(at: 0)
      } == [3])
    #expect(try db.scalarInt("SELECT count(*) FROM reviews WHERE check_id = 2") == 1)
    // Another publisher's check has a question of its own; ours are re-checks of each other.
    let tidewatch = try db.scalarInt("SELECT question_id FROM checks WHERE id = 5")
    #expect(tidewatch > 4)
    #expect(
      try db.query("SELECT id FROM checks WHERE question_id = 4 AND superseded = 0") {
        $0.int64(at: 0)
      } == [4])
    // Each merge is recorded, with what a split would need.
    let merges = try db.query(
      "SELECT question_id, merged_id, reason, check_ids, merged_by FROM question_merges ORDER BY id"
    ) {
      "\($0.int64("question_id"))<-\($0.int64("merged_id")) \($0.text("reason") ?? "") "
        + "\($0.text("check_ids") ?? "") \($0.text("merged_by") ?? "")"
    }
    #expect(
      merges == [
        "1<-2 key 2 migration 12", "1<-3 key 3 migration 12",
        "\(tidewatch)<-4 publisher 5 migration 12",
      ])
    // Claims were read, and the search index follows the questions.
    #expect(try db.scalarInt("SELECT count(*) FROM questions WHERE claim_terms IS NULL") == 0)
    #expect(
      try db.scalarInt("SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'norvik'") == 1
    )
    #expect(try db.scalarText("PRAGMA integrity_check") == "ok")
    #expect(try db.query("PRAGMA foreign_key_check") { $0.text(at: 0) ?? "" }.isEmpty)
  }
}
