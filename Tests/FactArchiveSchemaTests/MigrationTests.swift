import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct MigrationTests {
  /// `Migration+Schema.swift` must equal `Schema/*.sql`: run `make schema` after editing SQL.
  @Test func embeddedSchemaMatchesSchemaFolder() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.schema.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
    #expect(files == Migration.all.map(\.fileName), "run `make schema`")
    for migration in Migration.all {
      let text = try String(
        contentsOf: TestPaths.schema.appendingPathComponent(migration.fileName), encoding: .utf8)
      #expect(
        text == migration.sql, "\(migration.fileName) differs from the binary: run `make schema`")
    }
  }

  @Test func versionsAreConsecutiveFromOne() {
    #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
  }

  @Test func openArchiveMigratesOnceAndRecordsUserVersion() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("a.sqlite").path
    do {
      let db = try Connection.openArchive(path: path)
      #expect(try db.schemaVersion == Migration.latestVersion)
      #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
      #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    }
    let again = try Connection.openArchive(path: path)
    #expect(try again.migrate().isEmpty)
  }

  /// A new archive gets 16 KiB pages; an archive made with SQLite's default 4 KiB keeps
  /// them when opened, migrated and written.
  @Test func newArchivesHaveSixteenKilobytePagesAndOldOnesKeepTheirs() throws {
    let folder = try TemporaryFolder()
    let fresh = try Connection.openArchive(path: folder.file("new.sqlite").path)
    #expect(try fresh.scalarInt("PRAGMA page_size") == 16_384)
    let oldPath = folder.file("old.sqlite").path
    do {
      let old = try Connection(path: oldPath, mode: .readWriteCreate)
      try old.execute("PRAGMA journal_mode = WAL")
      try old.migrate(Array(Migration.all.prefix(3)))
      #expect(try old.scalarInt("PRAGMA page_size") == 4_096)
    }
    let reopened = try Connection.openArchive(path: oldPath)
    #expect(try reopened.schemaVersion == Migration.latestVersion)
    #expect(try reopened.scalarInt("PRAGMA page_size") == 4_096)
    #expect(try reopened.scalarText("PRAGMA integrity_check") == "ok")
  }

  /// Every full-text index gathers 8 MB of pending terms before writing a segment
  /// (migration 16), and a search still finds what was written.
  @Test func fullTextIndexesFlushAtEightMegabytes() throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("a.sqlite").path)
    for index in ["questions_fts", "summaries_fts", "follow_ups_fts", "sources_fts", "checks_fts"] {
      #expect(
        try db.scalarInt("SELECT v FROM \(index)_config WHERE k = 'hashsize'") == 8 << 20,
        "\(index)")
    }
    try db.execute(
      """
      INSERT INTO questions (text, normalized_key, first_seen_at)
      VALUES ('Did the Corvale ferry fares double?', 'k', '2026-01-01T00:00:00Z')
      """)
    try db.execute(
      "INSERT INTO questions_fts (rowid, text) VALUES (last_insert_rowid(), 'Did the Corvale ferry fares double?')"
    )
    #expect(
      try db.scalarInt("SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'corvale'")
        == 1)
  }

  /// Version 17 indexes every check in `checks_fts`, those without key terms included: an
  /// archive whose writer left them out passes FTS5's check against the table afterwards.
  @Test func checksIndexHoldsEveryCheckFromVersion17() throws {
    let folder = try TemporaryFolder()
    let db = try Connection(path: folder.file("v16.sqlite").path)
    try db.migrate(Array(Migration.all.prefix(16)))
    try db.execute(
      """
      INSERT INTO documents (id, sha256, path, raw_text, byte_count, ingested_at, status,
                             parser_version)
      VALUES (1, 'a', 'a.txt', 'Q?', 2, '2026-01-01T00:00:00Z', 'parsed', 2);
      INSERT INTO questions (id, text, normalized_key, first_seen_at)
      VALUES (1, 'Did Lumexa leave the shelves?', 'k', '2026-01-01T00:00:00Z');
      INSERT INTO checks (id, question_id, document_id, article_index, key_terms)
      VALUES (1, 1, 1, 0, 'lumexa'), (2, 1, 1, 1, '');
      INSERT INTO checks_fts (rowid, key_terms) VALUES (1, 'lumexa');
      """)
    let checkAgainstTable =
      "INSERT INTO checks_fts (checks_fts, rank) VALUES ('integrity-check', 1)"
    #expect(throws: DatabaseError.self) { try db.execute(checkAgainstTable) }
    try db.migrate(Migration.all)
    try db.execute(checkAgainstTable)
    #expect(
      try db.scalarInt("SELECT count(*) FROM checks_fts WHERE checks_fts MATCH 'lumexa'") == 1)
  }

  @Test func questionsTrigramIndexHoldsEveryQuestionFromVersion18() throws {
    let folder = try TemporaryFolder()
    let db = try Connection(path: folder.file("v17.sqlite").path)
    try db.migrate(Array(Migration.all.prefix(17)))
    try db.execute(
      """
      INSERT INTO questions (id, text, normalized_key, first_seen_at)
      VALUES (1, 'Did Lumexa leave the shelves?', 'a', '2026-01-01T00:00:00Z'),
             (2, 'Is the Harbour levy 50%?', 'b', '2026-01-01T00:00:00Z');
      """)
    try db.migrate(Migration.all)
    try db.execute(
      "INSERT INTO questions_trigram (questions_trigram, rank) VALUES ('integrity-check', 1)")
    let found = try db.query(
      "SELECT rowid FROM questions_trigram WHERE questions_trigram MATCH ? ORDER BY rowid",
      [QuestionTextIndex.trigrams(of: "HARBOUR") ?? ""]
    ) { $0.int64(at: 0) }
    #expect(found == [2])
  }

  @Test func failedMigrationLeavesNoTrace() throws {
    let folder = try TemporaryFolder()
    let db = try Connection(path: folder.file("m.sqlite").path)
    let broken = [
      Migration(version: 1, name: "ok", sql: "CREATE TABLE a (x);"),
      Migration(
        version: 2, name: "broken", sql: "CREATE TABLE b (y); INSERT INTO nowhere VALUES (1);"),
    ]
    #expect(throws: DatabaseError.self) { try db.migrate(broken) }
    #expect(try db.schemaVersion == 1)
    #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'b'") == 0)
  }

  @Test func newerDatabaseIsRefused() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("new.sqlite").path
    do {
      let db = try Connection(path: path)
      try db.execute("PRAGMA user_version = \(Migration.latestVersion + 1)")
    }
    let error = try #require(throws: ArchiveError.self) { try Connection.openArchive(path: path) }
    #expect(error.description.contains("newer than this factarchive knows"))
  }

  @Test func schemaHasTheDocumentedTablesAndViews() throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("s.sqlite").path)
    let names = Set(
      try db.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')") {
        $0.text(at: 0) ?? ""
      })
    for name in [
      "documents", "questions", "checks", "summaries", "citations", "follow_ups", "latest_checks",
    ] {
      #expect(names.contains(name), "missing \(name)")
    }
    #expect(try db.scalarInt("SELECT count(*) FROM pragma_foreign_key_list('checks')") == 2)
  }
}

/// An archive from before reviews and weighted evidence (schema version 5) is judged again,
/// once, when it is first opened for writing.
@Suite struct ReviewsAndEvidenceMigrationTests {
  @Test func aVersion5ArchiveIsJudgedAgainOnFirstOpen() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("v5.sqlite").path
    do {
      let db = try Connection(path: path)
      try db.migrate(Array(Migration.all.prefix(5)))
      #expect(try db.schemaVersion == 5)
      func document(_ id: Int, _ path: String, kind: String) throws {
        try db.execute(
          """
          INSERT INTO documents (id, sha256, path, raw_text, byte_count, ingested_at, status,
            parser_version, kind)
          VALUES (?, ?, ?, '', 0, '2026-11-01T08:00:00Z', 'parsed', 2, ?)
          """, [id, "sha\(id)", path, kind])
      }
      try document(1, "a.txt", kind: "fact_check")
      try document(2, "b.txt", kind: "fact_check")
      try document(3, "s.txt", kind: "source")
      try db.execute(
        """
        INSERT INTO questions (id, text, normalized_key, first_seen_at) VALUES
          (1, 'Did Norvik Shipping move cocaine through Mexican ports?',
           'did norvik shipping move cocaine through mexican ports', '2026-11-01T08:00:00Z'),
          (2, 'Did Mexico raise fuel prices?', 'did mexico raise fuel prices', '2026-11-01T08:00:00Z')
        """)
      try db.execute(
        """
        INSERT INTO checks (id, question_id, document_id, checked_on, due_on, key_terms) VALUES
          (1, 1, 1, '2025-03-04', '2025-06-03', NULL), (2, 2, 2, '2025-03-04', '2025-06-03', NULL)
        """)
      try db.execute(
        """
        INSERT INTO summary_spans (check_id, position, heading, body_text) VALUES
          (1, 0, 'Executive summary', 'Prosecutors in Mexico say Norvik Shipping containers carried cocaine.'),
          (2, 0, 'Executive summary', 'Mexico raised fuel prices by a tenth.')
        """)
      try db.execute(
        """
        INSERT INTO sources (id, document_id, title, published_on, body) VALUES
          (1, 3, 'Norvik Shipping loses its port licence', '2026-01-15',
           'The port authority in Mexico withdrew the licence of Norvik Shipping.')
        """)
    }
    let db = try Connection.openArchive(path: path)
    #expect(try db.schemaVersion == Migration.latestVersion)
    #expect(
      try db.scalarInt(
        "SELECT count(*) FROM checks WHERE due_on IS NULL OR queue_tier IS NULL OR key_terms IS NULL"
      )
        == 0)
    #expect(try db.scalarInt("SELECT documents FROM name_totals") == 3)
    #expect(try db.scalarInt("SELECT documents FROM names WHERE name = 'norvik shipping'") == 2)
    // The shared distinctive name links check 1; check 2 shares only a country.
    #expect(try db.query("SELECT check_id FROM check_evidence") { $0.int64(at: 0) } == [1])
    #expect(try db.scalarText("SELECT due_on FROM checks WHERE id = 1") == "2025-06-03")
    #expect(try db.scalarInt("SELECT queue_tier FROM checks WHERE id = 1") == 2)
    #expect(try db.scalarInt("SELECT queue_tier FROM checks WHERE id = 2") == 4)
    // Once: the next open has nothing left to judge.
    #expect(try db.scalarText("SELECT judged_at FROM name_totals") != nil)
  }
}

@Suite struct WebPageMigrationTests {
  /// Version 7 records each document's media type: JSON-LD from its format, pages ingested
  /// before it from their first tag (`reparse` then reads them as pages).
  @Test func existingDocumentsGetTheirMediaType() throws {
    let folder = try TemporaryFolder()
    let db = try Connection(path: folder.file("v6.sqlite").path)
    try db.migrate(Array(Migration.all.prefix(6)))
    let rows: [(String, String, String)] = [
      ("a", "Did it happen?\nChecked on May 1, 2025\n", "text"),
      ("b", "\u{FEFF}\n  <!DOCTYPE html><html><body><h1>Q?</h1></body></html>", "text"),
      ("c", "<HTML><body>x</body></HTML>", "text"),
      ("d", "{\"@type\": \"ClaimReview\"}", "claimreview"),
    ]
    for (sha, text, format) in rows {
      try db.execute(
        """
        INSERT INTO documents (sha256, path, raw_text, byte_count, ingested_at, status,
                               parser_version, format)
        VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', 'rejected', 2, ?)
        """, [sha, sha + ".txt", text, text.utf8.count, format])
    }
    try db.migrate(Migration.all)
    let types = try db.query("SELECT sha256, media_type FROM documents ORDER BY sha256") {
      ($0.text(at: 0) ?? "") + " " + ($0.text(at: 1) ?? "")
    }
    #expect(types == ["a text/plain", "b text/html", "c text/html", "d application/ld+json"])
    #expect(try db.scalarInt("SELECT count(*) FROM check_copies") == 0)
  }
}
