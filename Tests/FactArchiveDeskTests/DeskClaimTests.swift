import FactArchiveCore
import FactArchiveDesk
import FactArchiveQuery
import FactArchiveStore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// The check page's claim links: other publishers' verdicts beside ours, questions that may
/// be the same, and the merge and split buttons (each a POST with the session's CSRF token).
@Suite struct DeskClaimTests {
  let fixture: DeskFixture

  init() throws {
    let claims = TestPaths.fixture("claims")
    let files = try FileManager.default.contentsOfDirectory(atPath: claims.path)
      .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
    fixture = try DeskFixture(
      extra: try files.map {
        ($0, try String(contentsOf: claims.appendingPathComponent($0), encoding: .utf8))
      })
  }

  func id(_ sql: String, _ values: [any DatabaseValueConvertible] = []) throws -> Int64 {
    try fixture.database().scalarInt(sql, values)
  }

  @Test func mergeAndSplitFromTheCheckPage() async throws {
    let original = try id(
      "SELECT id FROM questions WHERE text LIKE 'Did the Calloway Harbour Authority double%'")
    let reworded = try id("SELECT id FROM questions WHERE text LIKE 'Did Calloway''s harbour%'")
    let check = try id("SELECT id FROM checks WHERE question_id = ?", [original])
    try await fixture.test { browser in
      let page = try await browser.get("/checks/\(check)")
      #expect(page.text.contains("Other publishers' later verdicts"))
      #expect(page.text.contains("Tidewatch"))
      #expect(page.text.contains("Possibly the same question"))
      #expect(page.text.contains("action=\"/questions/\(original)/merge\""))
      let token = try #require(browser.csrf(from: page))
      // Without the token nothing changes.
      let forged = try await browser.post(
        "/questions/\(original)/merge", [("other", "\(reworded)"), ("back", "\(check)")])
      #expect(forged.status == .forbidden)
      #expect(try id("SELECT count(*) FROM question_merges") == 0)
      // Another publisher's question is refused plainly.
      let tidewatch = try id("SELECT question_id FROM checks WHERE publisher = 'Tidewatch' LIMIT 1")
      let refused = try await browser.post(
        "/questions/\(original)/merge", [("csrf", token), ("other", "\(tidewatch)")])
      #expect(refused.status == .conflict)
      let merged = try await browser.post(
        "/questions/\(original)/merge",
        [("csrf", token), ("other", "\(reworded)"), ("back", "\(check)")])
      #expect(merged.status == .seeOther)
      #expect(merged.headers[.location] == "/checks/\(check)")
      #expect(
        try id(
          "SELECT count(*) FROM question_merges WHERE merged_id = ? AND merged_by = 'ana'",
          [
            reworded
          ]) == 1)
      let after = try await browser.get("/checks/\(check)")
      #expect(after.text.contains("Merged into this question"))
      #expect(after.text.contains("action=\"/questions/\(reworded)/split\""))
      let split = try await browser.post(
        "/questions/\(reworded)/split", [("csrf", token), ("back", "\(check)")])
      #expect(split.status == .seeOther)
      #expect(try id("SELECT count(*) FROM questions WHERE id = ?", [reworded]) == 1)
      let again = try await browser.post("/questions/\(reworded)/split", [("csrf", token)])
      #expect(again.status == .conflict)
      // The return address is a check page or nothing: never another site.
      let elsewhere = try await browser.post(
        "/questions/\(original)/merge",
        [("csrf", token), ("other", "\(reworded)"), ("back", "https://example.com")])
      #expect(elsewhere.status == .badRequest)
      #expect(try id("SELECT count(*) FROM questions WHERE id = ?", [reworded]) == 1)
    }
  }

  /// Who made the claim, when, and links to where it appeared (each link's host shown,
  /// the address escaped, only web addresses linked).
  @Test func theCheckPageSaysWhereTheClaimCameFrom() async throws {
    let json = String(
      decoding: try TestPaths.bytes(TestPaths.fixture("claimreview/claim-origins.json")),
      as: UTF8.self)
    let origins = try DeskFixture(extra: [("claim-origins.json", json)])
    let check = try origins.database().scalarInt(
      "SELECT id FROM checks WHERE claimant = 'Brennick Residents'' Forum'")
    try await origins.test { browser in
      let page = try await browser.get("/checks/\(check)")
      #expect(page.status == .ok)
      #expect(
        page.text.contains(
          "<p class=\"meta claim-origin\">claim made by Brennick Residents&#39; Forum on 2026-09-09; "
            + "seen at <a href=\"https://forum.brennick.example/t/storm-damage/4411\" "
            + "rel=\"noopener noreferrer\">forum.brennick.example</a> (first appearance), "))
      #expect(page.text.contains(">brennick-gazette.example</a>, "))
      #expect(page.text.contains(">social.example</a></p>"))
      // The post's address, pasted into the search box as shared, finds the check.
      let shared = "https://m.social.example/brennickwatch/status/7781?utm_source=copy"
      let query = try #require(shared.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
      let search = try await browser.get("/search?q=\(query)")
      #expect(search.status == .ok)
      #expect(search.text.contains(FullTextSearch.addressNote))
      #expect(search.text.contains("href=\"/checks/\(check)\""))
    }
  }

  @Test func aReadOnlyDeskShowsTheLinksButNoButtons() async throws {
    let original = try id(
      "SELECT id FROM questions WHERE text LIKE 'Did the Calloway Harbour Authority double%'")
    let check = try id("SELECT id FROM checks WHERE question_id = ?", [original])
    try await fixture.test(readOnly: true) { browser in
      let page = try await browser.get("/checks/\(check)")
      #expect(page.text.contains("Possibly the same question"))
      #expect(!page.text.contains("/merge\""))
    }
  }
}
