import ArchiveTestSupport
import FactArchiveDesk
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// "Add to the archive": addresses fetched by the server and files uploaded, each form
/// guarded by the CSRF token, refused to viewers and read-only desks, and the server's
/// fetching kept away from loopback and private addresses unless allowed.
@Suite struct DeskAddTests {
  let fixture: DeskFixture

  init() throws {
    fixture = try DeskFixture()
  }

  @Test func pastedAddressesAreFetchedAndSayWhatTheyBecame() async throws {
    try await FixtureServer.run { port in
      var network = DeskFixture.Network()
      network.allowsPrivateFetch = true
      try await fixture.test(network: network) { browser in
        let form = try await browser.get("/add")
        #expect(form.status == .ok && form.text.contains("action=\"/add/urls\""))
        let token = try #require(browser.csrf(from: form))
        let urls =
          "http://127.0.0.1:\(port)/page\nhttp://127.0.0.1:\(port)/feeds/island-radio.json\n"
          + "http://127.0.0.1:\(port)/missing"
        // Without the token nothing is fetched.
        let refused = try await browser.post("/add/urls", [("urls", urls)])
        #expect(refused.status == .forbidden)
        let page = try await browser.post("/add/urls", [("csrf", token), ("urls", urls)])
        #expect(page.status == .ok)
        #expect(page.text.contains("\">a source</a></td>"))
        #expect(page.text.contains("rejected: HTTP 404"))
        let db = try fixture.database()
        #expect(try db.scalarInt("SELECT count(*) FROM feed_items") == 2)
        #expect(
          try db.scalarText("SELECT final_url FROM documents WHERE url LIKE '%/page'")
            == "http://127.0.0.1:\(port)/page")
      }
    }
  }

  @Test func theServerRefusesLoopbackAndPrivateAddressesUnlessAllowed() async throws {
    try await FixtureServer.run { port in
      try await fixture.test { browser in
        let token = try #require(browser.csrf(from: try await browser.get("/add")))
        let page = try await browser.post(
          "/add/urls",
          [
            ("csrf", token),
            ("urls", "http://127.0.0.1:\(port)/page\nhttp://10.0.0.7/wiki\nfile:///etc/passwd"),
          ])
        #expect(page.text.contains("127.0.0.1 is a loopback address"))
        #expect(page.text.contains("10.0.0.7 is a private address"))
        #expect(page.text.contains("only http and https"))
        #expect(
          try fixture.database().scalarInt("SELECT count(*) FROM documents WHERE url IS NOT NULL")
            == 0)
      }
    }
  }

  @Test func uploadedFilesLandWithTheTokenOnly() async throws {
    try await fixture.test { browser in
      let token = try #require(browser.csrf(from: try await browser.get("/add")))
      let feed = Array(try Data(contentsOf: TestPaths.fixture("feeds/coastal-bulletin.rdf")))
      let files: [(name: String, bytes: [UInt8])] = [
        ("coastal.rdf", feed), ("empty.txt", []),
      ]
      let without = try await browser.upload("/add/files", csrf: nil, files: files)
      #expect(without.status == .forbidden)
      let wrong = try await browser.upload("/add/files", csrf: "not-the-token", files: files)
      #expect(wrong.status == .forbidden)
      let page = try await browser.upload("/add/files", csrf: token, files: files)
      #expect(page.status == .ok)
      #expect(page.text.contains("<td>coastal.rdf</td><td><a href=\"/sources/"))
      #expect(page.text.contains("<td>empty.txt</td><td>rejected: "))
      // The rejected file is kept, and its row links to it.
      let link = try #require(page.text.range(of: "<a href=\"/documents/"))
      let id = page.text[link.upperBound...].prefix { $0.isNumber }
      let kept = try await browser.get("/documents/\(id)")
      #expect(kept.status == .ok && kept.text.contains("Rejected: upload:empty.txt"))
      #expect(try fixture.database().scalarInt("SELECT count(*) FROM feed_items") == 1)
    }
  }

  /// Pages saved as one file (Chrome's MHTML, Safari's web archive) land from the Add page
  /// as from `ingest`: the page inside is read, and the check or source links to it.
  @Test func pagesSavedAsArchivesLandFromTheAddPage() async throws {
    try await fixture.test { browser in
      let addPage = try await browser.get("/add")
      #expect(addPage.text.contains("MHTML or Safari web archives"))
      let token = try #require(browser.csrf(from: addPage))
      let files: [(name: String, bytes: [UInt8])] = try [
        "factcheck-saved-chrome.mhtml", "saved-safari-webarchive.webarchive",
      ].map { ($0, try TestPaths.bytes(TestPaths.fixture("pages/\($0)"))) }
      let page = try await browser.upload("/add/files", csrf: token, files: files)
      #expect(page.status == .ok)
      #expect(
        page.text.contains("<td>factcheck-saved-chrome.mhtml</td><td><a href=\"/checks/"))
      #expect(
        page.text.contains("<td>saved-safari-webarchive.webarchive</td><td><a href=\"/sources/"))
      let archives = try fixture.database().scalarInt(
        "SELECT count(*) FROM documents WHERE media_type IN "
          + "('multipart/related', 'application/x-webarchive')")
      #expect(archives == 2)
    }
  }

  @Test func readOnlyDesksHaveNoAddPage() async throws {
    try await fixture.test(readOnly: true) { browser in
      let page = try await browser.get("/add")
      #expect(page.status == .forbidden)
      let post = try await browser.post("/add/urls", [("urls", "https://example.org/")])
      #expect(post.status == .methodNotAllowed)
      let queue = try await browser.get("/")
      #expect(!queue.text.contains("href=\"/add\""))
    }
  }
}
