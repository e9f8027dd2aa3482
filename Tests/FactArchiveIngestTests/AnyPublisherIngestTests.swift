import FactArchiveCore
import FactArchiveIngest
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Any publisher's page, as the archive stores it: other publishers' fact-checks with their
/// headline, reporters, normalised rating and linked citations; news pages as sources with
/// their address, language and dates.
@Suite struct AnyPublisherIngestTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    let tally = try IngestSession(database: db).run(
      InputFiles(paths: [TestPaths.fixture("pages").path]))
    precondition(tally.rejected == 0, "a page was rejected")
  }

  @Test func factCheckPagesStoreTheirArticleWhole() throws {
    let rows = try db.query(
      """
      SELECT c.id, q.text AS question, c.title, c.publisher, c.rating, c.rating_class, c.language,
             c.date_source, c.citation_count,
             (SELECT group_concat(name, '|') FROM check_reporters r WHERE r.check_id = c.id) AS reporters,
             (SELECT count(*) FROM summary_spans s WHERE s.check_id = c.id) AS summaries
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id ORDER BY c.id
      """
    ) { row in
      (
        id: row.int64("id"), question: row.text("question") ?? "", title: row.text("title"),
        publisher: row.text("publisher"), rating: row.text("rating"),
        ratingClass: row.text("rating_class"), language: row.text("language"),
        dateSource: row.text("date_source"), citations: row.int("citation_count"),
        reporters: row.text("reporters"), summaries: row.int("summaries")
      )
    }
    // Each page's expected verdict class (its `.expected.json`), by its claim.
    let pages = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("pages").path)
      .filter { $0.hasSuffix(".expected.json") }
    var expectedClass: [String: String] = [:]
    for page in pages {
      let json = try JSONSerialization.jsonObject(
        with: Data(try TestPaths.bytes(TestPaths.fixture("pages/\(page)"))))
      let check = (json as? [String: Any])?["fact_check"] as? [String: Any]
      if let question = check?["question"] as? String {
        expectedClass[question] = check?["rating_class"] as? String
      }
    }
    #expect(rows.count == expectedClass.count)
    for row in rows {
      #expect(row.ratingClass == expectedClass[row.question], "\(row.question)")
    }
    let german = try #require(rows.first { $0.language == "de" })
    #expect(german.question == "Hagenfurt hat die Grundsteuer für 2026 verdreifacht")
    #expect(german.title == "Hat Hagenfurt die Grundsteuer verdreifacht?")
    #expect(german.publisher == "Faktencheck Nord")
    #expect(german.reporters == "Jonas Keller")
    #expect(german.rating == "Größtenteils falsch")
    #expect(german.ratingClass == "mostly_false")
    let french = try #require(rows.first { $0.language == "fr" })
    #expect(french.dateSource == "date_modified")
    #expect(french.ratingClass == "false")
    for row in rows {
      #expect(row.summaries >= 2, "\(row.question): the article's sections are kept")
      #expect(row.citations >= 1, "\(row.question): its links are its citations")
      #expect(row.publisher != nil && row.reporters != nil)
    }
    // Citations that are links: their words, their sentence and their address.
    let english = try #require(rows.first { $0.language == "en" })
    let citations = try db.query(
      "SELECT sentence, anchor_text, url FROM citations WHERE check_id = ? ORDER BY id",
      [english.id]
    ) { ($0.text("sentence") ?? "", $0.text("anchor_text") ?? "", $0.text("url") ?? "") }
    #expect(
      citations.map(\.2) == [
        "https://ota.example/news/card-only-trial", "https://ota.example/fares",
      ])
    #expect(citations[0].1 == "press release on 12 February")
    #expect(citations[0].0.hasPrefix("The Orvana Transit Authority announced a trial"))
    #expect(citations[0].0.contains(citations[0].1))
    // The article's words are searchable.
    let express = try db.scalarInt(
      "SELECT count(*) FROM summaries_fts WHERE summaries_fts MATCH '\"express routes\"'")
    #expect(express >= 1)
  }

  @Test func newsPagesAreSourcesWithTheirPagesMetadata() throws {
    let sources = try db.query(
      "SELECT title, byline, published_on, modified_on, language, url, label FROM sources ORDER BY id"
    ) {
      (
        title: $0.text("title") ?? "", byline: $0.text("byline"),
        published: $0.text("published_on"),
        modified: $0.text("modified_on"), language: $0.text("language"), url: $0.text("url"),
        label: $0.text("label")
      )
    }
    #expect(sources.count == 32)
    let wire = try #require(
      sources.first { $0.title == "Orvana port strike ends after four-day stoppage" })
    #expect(wire.byline == "Lena Marsh, Tomas Reyl")
    #expect(wire.published == "2026-05-03")
    #expect(wire.modified == "2026-05-03")
    #expect(wire.url == "https://brevin-news.example/world/orvana-port-strike-ends-2026-05-03/")
    #expect(wire.label == "Brevin News")
    let chinese = try #require(sources.first { $0.language == "zh-CN" })
    #expect(chinese.title == "青川市新建跨江大桥正式通车")
    // The links of the main text only: none of the related lists' or menus'.
    let links = try db.query(
      """
      SELECT l.url FROM source_links AS l JOIN sources AS s ON s.id = l.source_id
      WHERE s.title = 'Orvana port strike ends after four-day stoppage' ORDER BY l.position
      """
    ) { $0.text("url") ?? "" }
    #expect(links == ["https://odu.example/statements/2026-05-03"])
  }

  @Test func migration11ClassifiesRatingsStoredBeforeIt() throws {
    // An archive of the release before (schema 9) with an imported review rated in Spanish.
    let legacy = TestPaths.fixture("archives/schema-9/archive.sqlite")
    let path = folder.file("legacy.sqlite").path
    try FileManager.default.copyItem(atPath: legacy.path, toPath: path)
    do {
      let old = try Connection(path: path)
      try old.execute(
        "UPDATE checks SET publisher = 'Verifica Valdoria', rating = 'Engañoso' WHERE id = 1")
      try old.execute("UPDATE checks SET rating = '2' WHERE id = 2")
    }
    let migrated = try Connection.openArchive(path: path)
    #expect(try migrated.schemaVersion == Migration.latestVersion)
    #expect(
      try migrated.scalarText("SELECT rating_class FROM checks WHERE id = 1") == "mostly_false")
    // A bare number without its scale says nothing of truth.
    #expect(try migrated.scalarText("SELECT rating_class FROM checks WHERE id = 2") == "other")
    #expect(
      try migrated.scalarInt(
        "SELECT count(*) FROM checks WHERE rating IS NULL AND rating_class IS NOT NULL") == 0)
  }
}
