import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// What the issue-3 variants look like once stored.
@Suite struct StoredVariantTests {
  let folder: TemporaryFolder
  let db: Connection
  let tally: IngestTally

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    tally = try IngestSession(database: db).run(
      InputFiles(paths: [TestPaths.fixture("articles").path, TestPaths.fixture("sources").path]))
  }

  @Test func countsEveryArticleAndSource() {
    #expect(tally.rejected == 0)
    #expect(tally.sources == 3)
    #expect(tally.files == 35)
    #expect(tally.new + tally.rechecks == 34 + 3)
  }

  @Test func sourcesLandWithLinksAndSearch() throws {
    let row = try #require(
      try db.queryFirst(
        "SELECT title, label, byline, published_on FROM sources WHERE title LIKE 'Halden port workers%'"
      ) { $0.values })
    #expect(
      row == [
        .text("Halden port workers vote to accept new shift pattern"), .text("Coastal Desk"),
        .text("By Mira Okafor"), .text("2026-03-02"),
      ])
    #expect(try db.scalarInt("SELECT count(*) FROM source_links") == 5)
    #expect(try db.scalarInt("SELECT count(*) FROM source_links WHERE in_references = 1") == 3)
    let found = try db.query("SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'turbine' ") {
      $0.int64(at: 0)
    }
    #expect(found.count == 1)
    #expect(
      try db.scalarText("SELECT kind FROM documents WHERE path LIKE '%blog-undated.txt'")
        == "source")
    #expect(
      try db.scalarText(
        "SELECT published_on_inferred FROM sources WHERE title LIKE 'What the Norvale%'")
        == "2025-07-01")
  }

  @Test func checkColumnsForVariants() throws {
    func value(_ column: String, _ pathSuffix: String) throws -> DatabaseValue {
      try #require(
        try db.queryFirst(
          "SELECT c.\(column) FROM checks c JOIN documents d ON d.id = c.document_id WHERE d.path LIKE ?",
          ["%" + pathSuffix]
        ) { $0.value(at: 0) })
    }
    #expect(try value("checked_on", "undated.txt") == .null)
    #expect(try value("checked_on_inferred", "/undated.txt") == .text("2025-04-20"))
    #expect(try value("truncated", "truncated.txt") == .integer(1))
    #expect(
      try value("title_url", "title-html-link.txt")
        == .text("https://factually.co/fact-checks/politics/tallis-mayor-salary-7c1e"))
    #expect(try db.scalarInt("SELECT count(*) FROM citation_sources") == 8)
    #expect(
      try db.scalarText(
        "SELECT domain FROM citation_sources WHERE ref_number = 3 AND url LIKE '%crane%'")
        == "news.example.com")
    // Page chrome in the middle of a section: the body is rebuilt, not sliced.
    #expect(
      try db.scalarInt(
        """
        SELECT count(*) FROM summary_spans s JOIN checks c ON c.id = s.check_id
        JOIN documents d ON d.id = c.document_id
        WHERE s.body_text IS NOT NULL AND d.path LIKE '%page-chrome.txt' AND s.position = 1
        """) == 1)
    #expect(try db.scalarInt("PRAGMA foreign_key_check") == 0)
  }

  @Test func undatedChecksCountInLatestChecks() throws {
    #expect(
      try db.scalarText(
        "SELECT checked_on_inferred FROM latest_checks WHERE question LIKE 'Are cobalt%'")
        == "2025-04-20")
  }
}
