import ArchiveTestSupport
import FactArchiveCore
import FactArchiveDesk
import FactArchiveQuery
import FactArchiveStore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// What any web client expects of the desk: HEAD like GET, pages of the configured size,
/// forms read as browsers send them.
@Suite struct DeskShapeTests {
  let fixture: DeskFixture

  init() throws {
    fixture = try DeskFixture()
  }

  @Test func headAnswersEveryPageLikeGetWithoutItsBody() async throws {
    let db = try fixture.database()
    let check = try db.scalarInt("SELECT min(id) FROM checks")
    let source = try db.scalarInt("SELECT min(id) FROM sources")
    try await fixture.test { browser in
      for path in [
        "/", "/checks/\(check)", "/search?q=norvik", "/sources/\(source)", "/reports",
        "/api/stale", "/api/checks/\(check)", "/api/search?q=norvik", "/healthz", "/style.css",
        "/login", "/no-such-page", "/checks/999999",
      ] {
        let get = try await browser.get(path)
        let head = try await browser.head(path)
        #expect(head.status == get.status, "\(path)")
        #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
        #expect(head.text.isEmpty, "\(path)")
        #expect(!get.text.isEmpty || get.status.code / 100 == 3 || get.status == .noContent)
      }
    }
  }

  @Test func searchPagesHoldTheConfiguredNumberOfHits() async throws {
    try await fixture.test(pageSize: 2) { browser in
      let first = try await browser.get("/search?q=the")
      #expect(first.status == .ok)
      #expect(first.text.components(separatedBy: "<li><span class=\"sub\">").count - 1 == 2)
      #expect(first.text.contains("next page →"))
      let second = try await browser.get("/search?q=the&page=2")
      #expect(second.text.contains("<ol class=\"hits\" start=\"3\">"))
      #expect(second.text.components(separatedBy: "<li><span class=\"sub\">").count - 1 == 2)
      let queue = try await browser.get("/")
      #expect(queue.text.components(separatedBy: "<tr><td><span class=\"tier").count - 1 == 2)
    }
  }

  @Test func formsAreReadAsBrowsersSendThem() async throws {
    try await fixture.test { browser in
      let page = try await browser.get("/")
      let csrf = try #require(browser.csrf(from: page))
      let id = try fixture.database().scalarInt(
        "SELECT id FROM checks WHERE superseded = 0 ORDER BY id LIMIT 1")
      // `+` is a space, `%XX` a byte.
      let raw = "csrf=\(csrf)&verdict=still-accurate&note=figures+unchanged%2C+still"
      let posted = try await browser.send(
        "/checks/\(id)/review", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded"], body: raw)
      #expect(posted.status == .seeOther)
      let review = try #require(try Reviews.latest(checkID: id, in: fixture.database()))
      #expect(review.note == "figures unchanged, still")
      // A field given twice cannot be read: 400, nothing recorded.
      let twice = try await browser.send(
        "/checks/\(id)/review", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded"],
        body: "csrf=\(csrf)&verdict=withdrawn&verdict=still-accurate")
      #expect(twice.status == .badRequest)
      #expect(try Reviews.all(checkID: id, in: fixture.database()).count == 1)
      // A query string with a bad value names the field.
      let bad = try await browser.get("/?tier=9")
      #expect(bad.status == .badRequest)
      #expect(
        bad.text.contains("tier: &#39;9&#39; is not a whole number from 1 to 4")
          || bad.text.contains("tier: '9'"))
    }
  }
}
