import FactArchiveDatabase
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
      let db = try Database.openArchive(path: path)
      #expect(try db.schemaVersion == Migration.latestVersion)
      #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
      #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    }
    let again = try Database.openArchive(path: path)
    #expect(try again.migrate().isEmpty)
  }

  @Test func failedMigrationLeavesNoTrace() throws {
    let folder = try TemporaryFolder()
    let db = try Database(path: folder.file("m.sqlite").path)
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
      let db = try Database(path: path)
      try db.execute("PRAGMA user_version = \(Migration.latestVersion + 1)")
    }
    let error = try #require(throws: ArchiveError.self) { try Database.openArchive(path: path) }
    #expect(error.description.contains("newer than this factarchive knows"))
  }

  @Test func schemaHasTheDocumentedTablesAndViews() throws {
    let folder = try TemporaryFolder()
    let db = try Database.openArchive(path: folder.file("s.sqlite").path)
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
