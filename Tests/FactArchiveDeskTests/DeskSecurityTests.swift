import ArchiveTestSupport
import FactArchiveDesk
import FactArchiveSchema
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Accounts, sign-in, and hostile article text.
@Suite struct DeskSecurityTests {
  static let password = "correct horse battery staple"

  static func accounts(in folder: TemporaryFolder) throws -> EditorAccounts {
    let path = folder.file("desk.auth").path
    try EditorAccounts.add(user: "ana", password: password, to: path)
    return try EditorAccounts.load(path: path)
  }

  @Test func withAccountsEveryPageAsksForASignIn() async throws {
    let fixture = try DeskFixture()
    let accounts = try Self.accounts(in: fixture.folder)
    try await fixture.test(accounts: accounts) { browser in
      let first = try await browser.get("/checks/4")
      #expect(first.status == .seeOther)
      #expect(first.headers[.location] == "/login?next=%2Fchecks%2F4")
      #expect((try await browser.get("/healthz")).status == .ok)
      let api = try await browser.get("/api/stale")
      #expect(api.status == .unauthorized)
      #expect(api.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
      let login = try await browser.get("/login?next=%2Fchecks%2F4")
      let token = try #require(browser.csrf(from: login))
      let wrong = try await browser.post(
        "/login", [("csrf", token), ("user", "ana"), ("password", "guess"), ("next", "/checks/4")])
      #expect(wrong.headers[.location]?.contains("failed=1") == true)
      let right = try await browser.post(
        "/login",
        [("csrf", token), ("user", "ana"), ("password", Self.password), ("next", "/checks/4")])
      #expect(right.status == .seeOther)
      #expect(right.headers[.location] == "/checks/4")
      let page = try await browser.get("/checks/4")
      #expect(page.status == .ok)
      #expect(page.text.contains("<span>ana <span class=\"role\">(editor)</span></span>"))
      #expect(page.text.contains("<button type=\"submit\">Sign out</button>"))
      // The session's new token is on the page; a review carries the signed-in name.
      let newToken = try #require(browser.csrf(from: page))
      let posted = try await browser.post(
        "/checks/4/review", [("csrf", newToken), ("verdict", "withdrawn"), ("note", "gone")])
      #expect(posted.status == .seeOther)
      #expect(
        try fixture.database().scalarText("SELECT reviewed_by FROM reviews WHERE check_id = 4")
          == "ana")
      // Sign out: back to the sign-in page.
      _ = try await browser.post("/logout", [("csrf", newToken)])
      #expect((try await browser.get("/")).status == .seeOther)
    }
  }

  @Test func scriptsMayUseBasicCredentials() async throws {
    let fixture = try DeskFixture()
    let accounts = try Self.accounts(in: fixture.folder)
    try await fixture.test(accounts: accounts) { browser in
      let credentials = Data("ana:\(Self.password)".utf8).base64EncodedString()
      let api = try await browser.get(
        "/api/stale", headers: [.authorization: "Basic \(credentials)"])
      #expect(api.status == .ok)
      let bad = Data("ana:nope".utf8).base64EncodedString()
      #expect(
        (try await browser.get("/api/stale", headers: [.authorization: "Basic \(bad)"])).status
          == .unauthorized)
    }
  }

  @Test func signInOnlyGoesBackToThisSite() {
    #expect(Desk.isLoopback("127.0.0.1") && Desk.isLoopback("localhost") && Desk.isLoopback("::1"))
    #expect(!Desk.isLoopback("0.0.0.0") && !Desk.isLoopback("192.168.1.4"))
  }

  @Test func hostileArticleTextStaysText() async throws {
    let question =
      "Did <script>document.title='pwned'</script> \"\u{301}Orlen\" <\u{301}b>Bay close its market?"
    let page = ArticleText.factCheck(
      question: question, checkedOn: "January 2, 2026",
      summary: "The market closed [1]. <img src=x onerror=alert(1)> '\u{301}quoted'\u{301}.")
    let source = """
      News
      Orlen Bay market deal collapses
      By Staff
      Published on March 3, 2026

      The Orlen Bay market deal collapsed, officials said.

      References
      javascript:alert(1)
      https://example.org/orlen-bay
      """
    let fixture = try DeskFixture(extra: [("hostile.txt", page), ("source.txt", source)])
    let id = try #require(
      try fixture.database().queryFirst(
        "SELECT c.id FROM checks c JOIN questions q ON q.id = c.question_id WHERE q.text LIKE '%pwned%'",
        [], { $0.int64(at: 0) }))
    try await fixture.test { browser in
      let forbidden = ["<script", "<img src=x", "<\u{301}b>", "\"\u{301}Orlen", "'\u{301}quoted"]
      for uri in ["/", "/checks/\(id)", "/search?q=orlen"] {
        let html = try await browser.get(uri).text
        let found = forbidden.filter { html.contains($0) }
        #expect(found.isEmpty, "\(uri)")
      }
      let check = try await browser.get("/checks/\(id)")
      #expect(check.text.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
      let sourceID = try #require(
        try fixture.database().queryFirst(
          "SELECT id FROM sources WHERE title LIKE 'Orlen Bay%'", [], { $0.int64(at: 0) }))
      let sourcePage = try await browser.get("/sources/\(sourceID)")
      #expect(sourcePage.status == .ok)
      #expect(!sourcePage.text.contains("href=\"javascript:"))
      #expect(sourcePage.text.contains("href=\"https://example.org/orlen-bay\""))
    }
  }
}
