import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Pages saved from a browser, as ingest meets them: in folders beside their `_files`,
/// next to a text copy of the same article, and read again by `reparse`.
@Suite struct WebPageIngestTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
  }

  @discardableResult
  func ingest(_ paths: [String]) throws -> (IngestTally, [DocumentOutcome]) {
    try ingestReporting(paths, into: db)
  }

  /// A fetched page is read in the charset its server named, over the page's own
  /// `<meta charset>`, as browsers read it; its relative links resolve against the address
  /// it came from. `reparse` reads it again the same way: before, it lost both.
  @Test func aFetchedPageIsReadInItsServersCharsetAndReparsedAsItWasRead() throws {
    let html = """
      <html><head><meta charset="iso-8859-1"><title>Порт снова открывает северный слип</title>
      </head><body><article><h1>Порт снова открывает северный слип</h1>
      <p>Совет порта решил оставить северный слип открытым всю зиму, как с весны просили \
      рыбаки. Смета ремонта <a href="/docs/smeta.pdf">опубликована</a> на сайте порта.</p>
      </article></body></html>
      """
    let bytes = try #require(html.data(using: .windowsCP1251).map { Array($0) })
    var input = InputDocument(path: "https://port.example/news/1", bytes: bytes)
    input.origin = FetchOrigin(
      url: "https://port.example/news/1", finalURL: "https://port.example/news/1", status: 200,
      contentType: "text/html; charset=windows-1251", fetchedAt: "2026-12-07T15:00:00Z")
    let session = try IngestSession(database: db)
    _ = try session.write([input])
    func stored() throws -> [String] {
      let title = try db.scalarText("SELECT title FROM sources") ?? ""
      let links = try db.query("SELECT url FROM source_links ORDER BY position") {
        $0.text("url") ?? ""
      }
      return [title] + links
    }
    let expected = ["Порт снова открывает северный слип", "https://port.example/docs/smeta.pdf"]
    #expect(try stored() == expected)
    try Reparser(database: db).run(.all)
    #expect(try stored() == expected)
  }

  /// JSON given to `ingest` is read by its content: ClaimReview lands as `import-claimreview`
  /// would land it; any other JSON is rejected with its reason, never stored as a page whose
  /// title is "{". A page copied as text that opens with a Markdown link is still a page.
  @Test func jsonGivenAsAPageIsReadByItsContent() throws {
    let review = try folder.write(
      "review.json",
      "\u{FEFF}  [ {\"@type\": \"ClaimReview\", \"claimReviewed\": \"Valmora raised tram fares\","
        + " \"datePublished\": \"2026-01-05\", \"author\": {\"@type\": \"Organization\","
        + " \"name\": \"Tram Facts\"}, \"reviewRating\": {\"alternateName\": \"False\"}} ]")
    let other = try folder.write("settings.json", "{\"theme\": \"dark\"}\n")
    let (tally, outcomes) = try ingest([review, other])
    #expect(tally.new == 1 && tally.rejected == 1 && tally.sources == 0)
    guard case .rejected(let error) = outcomes[1] else {
      Issue.record("settings.json landed")
      return
    }
    #expect(error.message.hasPrefix("a JSON file, not a saved page, and no ClaimReview"))
    #expect(
      try db.scalarText("SELECT publisher || ' ' || rating FROM checks") == "Tram Facts False")
    #expect(
      try db.scalarText("SELECT media_type FROM documents WHERE path = ?", [review])
        == "application/ld+json")
    #expect(DocumentParser.looksLikeJSON(Array("[]".utf8)))
    #expect(!DocumentParser.looksLikeJSON(Array("[Did Valmora ban trams?](https://x)".utf8)))
    #expect(!DocumentParser.looksLikeJSON(Array("Did Valmora ban trams?".utf8)))
  }

  @Test func foldersGiveHTMLPagesAndPassOverTheirFilesFolders() throws {
    let root = folder.url.appendingPathComponent("saved")
    let page = Array("<html><body><p>x</p></body></html>".utf8)
    _ = try HostileCase.file(root, "a.html", page)
    _ = try HostileCase.file(root, "b.HTM", page)
    _ = try HostileCase.file(root, "c.txt", page)
    _ = try HostileCase.file(root, "d.json", page)
    // JSON is read by what it holds: reviews (an export, the Fact Check Tools API's answer)
    // and JSON Feeds are; a page's settings or a test's expectations are passed over.
    let review = Array("{\"@type\": \"ClaimReview\", \"claimReviewed\": \"x\"}".utf8)
    _ = try HostileCase.file(root, "i.json", review)
    _ = try HostileCase.file(root, "j.JSONLD", Array("{\"claims\": [{\"claimReview\": []}]}".utf8))
    _ = try HostileCase.file(
      root, "k.json", Array("{\"version\": \"https://jsonfeed.org/version/1.1\"}".utf8))
    _ = try HostileCase.file(root, "l.expected.json", Array("{\"title\": \"x\"}".utf8))
    _ = try HostileCase.file(root, "m.json", [0xFF, 0xFE, 0x00])
    _ = try HostileCase.file(root, "f.mhtml", page)
    _ = try HostileCase.file(root, "g.MHT", page)
    _ = try HostileCase.file(root, "h.webarchive", page)
    // "Save page as… complete": a.html's scripts, styles and frames.
    _ = try HostileCase.file(root.appendingPathComponent("a_files"), "frame.html", page)
    _ = try HostileCase.file(root.appendingPathComponent("a_files"), "app.js", page)
    // A folder that happens to end in _files, with no page beside it, is read.
    _ = try HostileCase.file(root.appendingPathComponent("old_files"), "e.txt", page)
    let names = InputFiles(paths: [root.path]).map { item -> String in
      guard case .file(let path) = item else { return "?" }
      return String(path.dropFirst(root.path.count + 1))
    }
    #expect(
      names == [
        "a.html", "b.HTM", "c.txt", "f.mhtml", "g.MHT", "h.webarchive", "i.json", "j.JSONLD",
        "k.json", "old_files/e.txt",
      ])
    // Named outright, any JSON is read (and refused with its reason when it is not JSON
    // the archive takes).
    #expect(InputFiles(paths: [root.appendingPathComponent("l.expected.json").path]).count == 1)
    // Named outright, a _files folder is read like any folder.
    #expect(InputFiles(paths: [root.appendingPathComponent("a_files").path]).count == 1)
  }

  @Test func theSameCheckSavedAsTextAndAsHTMLIsOneCheckWithTwoCopies() throws {
    let text = TestPaths.fixture("articles/ferry-fares.txt").path
    let html = TestPaths.fixture("html/ferry-fares.html").path
    let (tally, outcomes) = try ingest([text, html])
    #expect(tally.new == 1 && tally.rechecks == 0 && tally.unchanged == 1)
    guard case .parsed(let first) = outcomes[0], case .new(let checkID) = first.first,
      case .parsed(let second) = outcomes[1]
    else {
      Issue.record("unexpected outcomes \(outcomes)")
      return
    }
    #expect(second == [.duplicate(checkID: checkID)])
    #expect(try db.scalarInt("SELECT count(*) FROM checks") == 1)
    let copies = try db.query(
      """
      SELECT cc.check_id, d.path, d.media_type, cc.article_index
      FROM check_copies cc JOIN documents d ON d.id = cc.document_id
      """
    ) { "\($0.int64(at: 0)) \($0.text(at: 1) ?? "") \($0.text(at: 2) ?? "") \($0.int(at: 3))" }
    #expect(copies == ["\(checkID) \(html) text/html 0"])
    #expect(
      try db.query("SELECT media_type FROM documents ORDER BY id") { $0.text(at: 0) ?? "" }
        == ["text/plain", "text/html"])
    // The other order: the page first, then its text copy.
    let other = try Connection.openArchive(path: folder.file("other.sqlite").path)
    try IngestSession(database: other).run(InputFiles(paths: [html, text]))
    #expect(try other.scalarInt("SELECT count(*) FROM checks") == 1)
    #expect(try other.scalarInt("SELECT count(*) FROM check_copies") == 1)
  }

  @Test func rejectedPagesKeepTheirBytesAndMediaType() throws {
    let page = try folder.write(
      "deep.html",
      "<html><body>" + String(repeating: "<div>", count: 1000) + "<h1>Q?</h1></body></html>")
    let (tally, _) = try ingest([page])
    #expect(tally.rejected == 1)
    let row = try db.queryFirst(
      "SELECT media_type, status, error, raw_text FROM documents"
    ) { ($0.text(at: 0), $0.text(at: 1), $0.text(at: 2) ?? "", $0.text(at: 3)) }
    #expect(row?.0 == "text/html" && row?.1 == "rejected")
    #expect(row?.2.hasPrefix("tags nested more than 256 deep") == true)
    #expect(row?.3 == (try String(contentsOfFile: page, encoding: .utf8)))
    let reparse = try Reparser(database: db).run(.rejected)
    #expect(reparse.stillRejected == 1)
    #expect(try db.scalarText("SELECT media_type FROM documents") == "text/html")
  }

  @Test func reparseReadsPagesAgainAndKeepsCopiesAsCopies() throws {
    try ingest([
      TestPaths.fixture("articles/ferry-fares.txt").path,
      TestPaths.fixture("html/ferry-fares.html").path,
      TestPaths.fixture("html/complete-save").path,
      TestPaths.fixture("html/news-source.html").path,
      TestPaths.fixture("html/claimreview/graph-author-id.html").path,
    ])
    let snapshot = {
      try db.query(
        """
        SELECT 'check', id, question_id, document_id, checked_on, citation_count FROM checks
        UNION ALL SELECT 'copy', check_id, document_id, article_index, NULL, NULL FROM check_copies
        UNION ALL SELECT 'source', id, document_id, title, published_on, byline FROM sources
        UNION ALL SELECT 'document', id, media_type, kind, status, format FROM documents
        ORDER BY 1, 2, 3
        """
      ) { $0.values }
    }
    let before = try snapshot()
    #expect(before.count == 3 + 1 + 1 + 5)
    let tally = try Reparser(database: db).run(.all)
    #expect(tally.updated == 5 && tally.failed == 0)
    #expect(try snapshot() == before)
  }

  @Test func anHTMLPageStoredAsTextBeforeVersion7IsReadAsAPageByReparse() throws {
    // What an older factarchive made of a saved page: a check whose question is the
    // doctype line.
    let page = TestPaths.fixture("html/complete-save/dredging-permits.html").path
    try ingest([page])
    try db.execute(
      "UPDATE questions SET text = '<!DOCTYPE html>', normalized_key = 'doctype html'")
    try db.execute("UPDATE documents SET parser_version = 2, media_type = 'text/plain'")
    let tally = try Reparser(database: db).run(.outdated)
    #expect(tally.updated == 1)
    #expect(
      try db.scalarText("SELECT text FROM questions")
        == "Has Pellmar suspended all harbour dredging permits?")
    #expect(try db.scalarText("SELECT media_type FROM documents") == "text/html")
    #expect(try db.scalarText("SELECT checked_on FROM checks") == "2026-03-14")
  }

  @Test func aClaimReviewPageGivenToIngestImportsItsReviews() throws {
    let (tally, _) = try ingest([TestPaths.fixture("html/claimreview").path])
    #expect(tally.new == 10 && tally.rejected == 0)
    #expect(
      try db.scalarInt("SELECT count(*) FROM documents WHERE media_type = 'text/html'") == 5)
    #expect(
      try db.scalarText(
        "SELECT publisher FROM checks c JOIN questions q ON q.id = c.question_id WHERE q.text LIKE 'Harlund%'"
      ) == "Coastline Verify")
  }

  /// A page saved as an MHTML archive lands as the page inside it would, kept whole as its
  /// document (`multipart/related`); `reparse` reads it again the same; a broken archive is
  /// rejected on its line and kept; the same check saved as a page and as an archive is one
  /// check with two copies.
  @Test func pagesSavedAsArchivesLandKeptWholeAndReadAgain() throws {
    let archive = folder.url.appendingPathComponent("ferry-fares.mhtml").path
    let page = try String(contentsOf: TestPaths.fixture("html/ferry-fares.html"), encoding: .utf8)
    try Data(MHTMLFile.chrome(page)).write(to: URL(fileURLWithPath: archive))
    let broken = folder.url.appendingPathComponent("broken.mht").path
    try Data(
      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=q\r\n\r\nno parts\r\n".utf8
    ).write(to: URL(fileURLWithPath: broken))
    let (tally, outcomes) = try ingest([
      archive, TestPaths.fixture("html/ferry-fares.html").path,
      TestPaths.fixture("pages/factcheck-saved-chrome.mhtml").path, broken,
      TestPaths.fixture("pages/saved-safari-webarchive.webarchive").path,
    ])
    #expect(tally.new == 3 && tally.unchanged == 1 && tally.rejected == 1)
    guard case .rejected(let error) = outcomes[3] else {
      Issue.record("the broken archive landed: \(outcomes[3])")
      return
    }
    #expect(
      error.formatted(path: broken)
        == "\(broken):2: an MHTML archive whose parts never start: its boundary is not in it")
    let documents = try db.query(
      "SELECT media_type, status, raw_text FROM documents ORDER BY id"
    ) { ($0.text(at: 0) ?? "", $0.text(at: 1) ?? "", $0.text(at: 2) ?? "") }
    #expect(
      documents.map { "\($0.0) \($0.1)" } == [
        "multipart/related parsed", "text/html parsed", "multipart/related parsed",
        "multipart/related rejected", "application/x-webarchive parsed",
      ])
    #expect(documents[0].2 == String(decoding: MHTMLFile.chrome(page), as: UTF8.self))
    #expect(try db.scalarInt("SELECT count(*) FROM check_copies") == 1)
    #expect(
      try db.scalarText("SELECT publisher FROM checks WHERE rating = 'Misleading'")
        == "Northbay Verify")
    let snapshot = {
      try db.query(
        """
        SELECT 'check', id, question_id, document_id, checked_on, citation_count FROM checks
        UNION ALL SELECT 'summary', check_id, position, length(heading), NULL, NULL
          FROM summary_spans
        UNION ALL SELECT 'document', id, media_type, kind, status, error_line FROM documents
        UNION ALL SELECT 'source', id, document_id, title, published_on, byline FROM sources
        ORDER BY 1, 2, 3
        """
      ) { $0.values }
    }
    let before = try snapshot()
    #expect(before.contains { $0.first == .text("source") })
    let again = try Reparser(database: db).run(.all)
    #expect(again.failed == 0)
    #expect(try snapshot() == before)
  }

  /// What version 4 made of an MHTML archive: a page of quoted-printable (`=3D` in every
  /// attribute) stored as HTML. `reparse --outdated` reads it as the archive it is.
  @Test func anArchiveStoredAsHTMLByVersion4IsReadAsAnArchiveByReparse() throws {
    let path = TestPaths.fixture("pages/factcheck-saved-chrome.mhtml").path
    try ingest([path])
    try db.execute(
      "UPDATE documents SET parser_version = 4, media_type = 'text/html'")
    try db.execute("UPDATE checks SET title = 'Will Lake Ostra=E2=80=99s ferry fares double'")
    let tally = try Reparser(database: db).run(.outdated)
    #expect(tally.updated == 1)
    #expect(try db.scalarText("SELECT media_type FROM documents") == "multipart/related")
    #expect(
      try db.scalarText("SELECT title FROM checks")
        == "Will Lake Ostra’s ferry fares double in 2027?")
  }

  /// An archive of schema version 9, opened by this version: its documents may now be
  /// archives (migration 23 widens the media types allowed).
  @Test func anOlderArchiveTakesPagesSavedAsArchivesAfterMigrating() throws {
    let path = folder.file("legacy.sqlite").path
    try FileManager.default.copyItem(
      atPath: TestPaths.fixture("archives/schema-9/archive.sqlite").path, toPath: path)
    let migrated = try Connection.openArchive(path: path)
    let (tally, _) = try ingestReporting(
      [
        TestPaths.fixture("pages/factcheck-saved-chrome.mhtml").path,
        TestPaths.fixture("pages/saved-safari-webarchive.webarchive").path,
      ], into: migrated)
    #expect(tally.new == 2 && tally.rejected == 0)
    #expect(
      try migrated.query("SELECT media_type FROM documents ORDER BY id DESC LIMIT 2") {
        $0.text(at: 0) ?? ""
      } == ["application/x-webarchive", "multipart/related"])
    #expect(try migrated.scalarText("PRAGMA integrity_check") == "ok")
  }
}
