import ArchiveTestSupport
import FactArchiveCore
import FactArchiveDigest
import FactArchiveIngest
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// An archive of every fixture, closed, for read-only use.
struct FixtureArchive {
  let folder: TemporaryFolder
  var path: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    try IngestSession(database: db).run(InputFiles(paths: [TestPaths.fixtures.path]))
    _ = try NightlyReport.run(asOf: day("2026-11-23"), by: "test", at: "t", on: db)
  }

  /// SHA-256 of the database file and of its WAL's content (a reader may leave an empty
  /// WAL file behind; no content is the same as no file), to prove nothing changed.
  func fingerprint() throws -> [String] {
    try [path, path + "-wal"].map { file in
      let bytes =
        FileManager.default.fileExists(atPath: file)
        ? try Data(contentsOf: URL(fileURLWithPath: file)) : Data()
      return SHA256.hex(Array(bytes))
    }
  }
}

@Suite struct ReadOnlySQLTests {
  static let attempts = [
    "DELETE FROM checks",
    "DROP TABLE checks",
    "INSERT INTO questions (text, normalized_key, first_seen_at) VALUES ('x', 'x', 'x')",
    "UPDATE documents SET status = 'rejected'",
    "REPLACE INTO staleness_rules (name, kind, max_age_days, updated_at, updated_by) VALUES ('default', 'default', 1, 'x', 'x')",
    "CREATE TABLE loot (x)",
    "CREATE TEMP TABLE loot (x)",
    "CREATE VIEW v AS SELECT 1",
    "ALTER TABLE checks ADD COLUMN x",
    "CREATE INDEX i ON checks (topic)",
    "WITH doomed AS (SELECT id FROM checks) DELETE FROM checks WHERE id IN doomed",
    "ATTACH DATABASE '/tmp/factarchive-escape.sqlite' AS escape",
    "ATTACH 'file:/tmp/factarchive-escape.sqlite?mode=rwc' AS escape",
    "DETACH main",
    "PRAGMA user_version = 99",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA writable_schema = ON",
    "PRAGMA query_only = OFF",
    "PRAGMA foreign_keys = OFF",
    "PRAGMA wal_checkpoint(TRUNCATE)",
    "PRAGMA optimize",
    "SELECT load_extension('/tmp/evil.so')",
    "SELECT fts3_tokenizer('simple')",
    "SELECT 1; DROP TABLE checks",
    "SELECT 1; ATTACH 'x.db' AS x",
    "VACUUM",
    "VACUUM INTO '/tmp/factarchive-escape-copy.sqlite'",
    "REINDEX",
    "ANALYZE",
    "BEGIN IMMEDIATE",
    "SAVEPOINT s",
    "INSERT INTO questions_fts (questions_fts) VALUES ('delete-all')",
    "INSERT INTO summaries_fts (summaries_fts, rank) VALUES ('rank', 'bm25(10.0)')",
  ]

  @Test func everyEscapeAttemptIsRefusedAndTheFileIsUnchanged() throws {
    let archive = try FixtureArchive()
    let before = try archive.fingerprint()
    var refused = 0
    do {
      let db = try Connection.openReadOnly(path: archive.path)
      for sql in Self.attempts {
        do {
          try ResearchQuery(sql: sql).run(on: db, format: .csv) { _ in }
          Issue.record("not refused: \(sql)")
        } catch let error as DatabaseError {
          refused += 1
          #expect(!error.message.isEmpty, "\(sql)")
        }
      }
      // The connection still reads after all that.
      #expect(
        try ResearchQuery(sql: "SELECT count(*) FROM checks").run(on: db, format: .csv) { _ in }
          == 1)
    }
    #expect(refused == Self.attempts.count)
    #expect(try archive.fingerprint() == before)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/factarchive-escape.sqlite"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/factarchive-escape-copy.sqlite"))
  }

  @Test func refusalsSayWhy() throws {
    let archive = try FixtureArchive()
    let db = try Connection.openReadOnly(path: archive.path)
    func message(_ sql: String) -> String {
      do {
        try ResearchQuery(sql: sql).run(on: db, format: .csv) { _ in }
        return ""
      } catch {
        return (error as? DatabaseError)?.message ?? "\(error)"
      }
    }
    #expect(
      message("ATTACH 'x.db' AS x")
        == "refused: ATTACH is not allowed: only this database can be read")
    #expect(
      message("PRAGMA user_version = 9")
        == "refused: PRAGMA user_version = 9 is not allowed: pragmas may only read")
    #expect(
      message("DELETE FROM checks").hasPrefix("refused: the statement could change the database"))
    #expect(message("SELECT load_extension('x')") == "refused: load_extension() is not allowed")
    #expect(message("SELECT 1; SELECT 2") == "only one statement at a time")
    #expect(message("SELEC 1").contains("syntax error"))
  }

  @Test func readingPragmasAndFullTextQueriesWork() throws {
    let archive = try FixtureArchive()
    let db = try Connection.openReadOnly(path: archive.path)
    var output = ""
    for sql in [
      "PRAGMA table_info(checks)", "PRAGMA user_version",
      "SELECT * FROM pragma_index_list('checks')",
      "SELECT rowid FROM questions_fts WHERE questions_fts MATCH 'ferry'", "PRAGMA integrity_check",
    ] {
      #expect(try ResearchQuery(sql: sql).run(on: db, format: .csv) { output += $0 } > 0, "\(sql)")
    }
  }

  @Test func everyFormatAndParameters() throws {
    let archive = try FixtureArchive()
    let db = try Connection.openReadOnly(path: archive.path)
    let sql =
      "SELECT :id AS id, :name AS name, NULL AS missing, 1.5 AS real, x'00ff' AS data, 'a\nb' AS two_lines"
    func run(_ format: ResearchQuery.Format) throws -> String {
      var output = ""
      try ResearchQuery(sql: sql, parameters: ["id=7", "name=Valmora, \"port\""]).run(
        on: db, format: format
      ) {
        output += $0
      }
      return output
    }
    #expect(
      try run(.csv)
        == "id,name,missing,real,data,two_lines\n7,\"Valmora, \"\"port\"\"\",,1.5,\u{0}\u{FFFD},\"a\nb\"\n"
    )
    #expect(
      try run(.ndjson)
        == #"{"id":7,"name":"Valmora, \"port\"","missing":null,"real":1.5,"data":{"$base64":true,"encoded":"AP8="},"two_lines":"a\nb"}"#
        + "\n")
    let json = try run(.json)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(array.first?["id"] as? Int == 7)
    #expect(
      try run(.table).contains("7   Valmora, \"port\"  NULL     1.5   <2 bytes>  a↵b\n(1 row)\n"))
    #expect(throws: DatabaseError.self) {
      try ResearchQuery(sql: "SELECT :id", parameters: ["nope=1"]).run(on: db, format: .csv) { _ in
      }
    }
    #expect(throws: ResearchQuery.Failure.self) {
      try ResearchQuery(sql: "SELECT :id", parameters: ["id"]).run(on: db, format: .csv) { _ in }
    }
  }

  @Test func theViewsAnswerWithoutJoins() throws {
    let archive = try FixtureArchive()
    let db = try Connection.openReadOnly(path: archive.path)
    for view in [
      "latest_checks", "check_ages", "citation_counts", "stale_now", "summaries", "citations",
    ] {
      #expect(try db.scalarInt("SELECT count(*) FROM \(view)") > 0, "\(view)")
    }
    #expect(try db.scalarInt("SELECT count(*) FROM check_ages WHERE age_days IS NULL") == 1)
    #expect(
      try db.scalarInt(
        "SELECT citations FROM citation_counts WHERE check_id = (SELECT c.id FROM checks c JOIN questions q ON q.id = c.question_id WHERE q.text LIKE 'Did Corvale%')"
      ) == 19)
  }
}

@Suite struct SchemaReferenceTests {
  @Test func theBinaryCarriesTheSchemaReference() throws {
    let text = try String(
      contentsOf: TestPaths.schema.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(SchemaReference.markdown == text, "run `make schema`")
  }

  /// Every table, view and column in the database is described in Schema/README.md.
  @Test func everyTableAndColumnIsDocumented() throws {
    let archive = try FixtureArchive()
    let db = try Connection.openReadOnly(path: archive.path)
    let entries = Dictionary(
      uniqueKeysWithValues: DatasetteMetadata.entries().map { ($0.name, $0) })
    // Full-text indexes and their shadow tables are described in a section of their own.
    let relations = try db.query(
      """
      SELECT name FROM sqlite_master AS m WHERE type IN ('table', 'view')
        AND name NOT LIKE 'sqlite_%'
        AND NOT EXISTS (
          SELECT 1 FROM sqlite_master AS f WHERE f.sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'
            AND (m.name = f.name OR substr(m.name, 1, length(f.name) + 1) = f.name || '_'))
      """
    ) { $0.text(at: 0) ?? "" }
    #expect(relations.count >= 20)
    let indexes = try db.query(
      "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
    ) { $0.text(at: 0) ?? "" }
    #expect(indexes.count >= 6)
    for index in indexes {
      #expect(
        SchemaReference.markdown.contains("| `\(index)` |"), "\(index) is not in Schema/README.md")
    }
    for relation in relations {
      let entry = try #require(entries[relation], "\(relation) is not in Schema/README.md")
      #expect(!entry.description.isEmpty, "\(relation) has no description")
      let columns = try db.query("SELECT name FROM pragma_table_info(?)", [relation]) {
        $0.text(at: 0) ?? ""
      }
      let documented = Set(entry.columns.map(\.name))
      for column in columns where !documented.contains(column) && !(relation == "latest_checks") {
        Issue.record("\(relation).\(column) is not in Schema/README.md")
      }
    }
  }

  /// The ten example queries in Schema/README.md run against Fixtures/ and return rows.
  @Test func theExampleQueriesRunOnTheFixtures() throws {
    let markdown = SchemaReference.markdown
    let examples = try #require(markdown.range(of: "## Examples"))
    let block = try #require(markdown[examples.upperBound...].range(of: "```sql\n"))
    let end = try #require(markdown[block.upperBound...].range(of: "```"))
    let queries = markdown[block.upperBound..<end.lowerBound].components(separatedBy: ";\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    #expect(queries.count == 10)
    let archive = try FixtureArchive()
    let db = try Connection.openReadOnly(path: archive.path)
    for query in queries {
      let rows = try ResearchQuery(sql: query).run(on: db, format: .csv) { _ in }
      #expect(rows > 0, "no rows: \(query.prefix(60))")
    }
  }

  @Test func datasetteMetadataNamesTheSearchIndexes() throws {
    let text = DatasetteMetadata.json(databaseName: "factarchive").rendered()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let databases = try #require(object["databases"] as? [String: [String: Any]])
    let tables = try #require(databases["factarchive"]?["tables"] as? [String: [String: Any]])
    #expect(tables["summaries"]?["fts_table"] as? String == "summaries_fts")
    #expect(tables["summaries"]?["fts_pk"] as? String == "id")
    #expect(
      (tables["checks"]?["columns"] as? [String: String])?["due_on"]?.hasPrefix(
        "the first day it counts as stale") == true)
    #expect(tables["documents"]?["description"] as? String == "every input ever ingested")
  }
}
