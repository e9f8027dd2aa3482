import FactArchiveDesk
import Foundation
import HTTPTypes
import HummingbirdBcrypt
import TestSupport
import Testing

/// The desk on a newsroom's network: failed sign-ins throttled, editors and viewers, and a
/// TLS-terminating proxy trusted and nobody else.
@Suite struct DeskNetworkTests {
  let fixture: DeskFixture
  static let password = "correct horse battery staple"
  /// Cheap hashes (cost 4): the throttle tests try many passwords.
  static let accounts = EditorAccounts(
    hashes: [
      "ana": Bcrypt.hash(password, cost: 4), "ben": Bcrypt.hash(password, cost: 4),
      "vera": Bcrypt.hash(password, cost: 4),
    ], roles: ["vera": .viewer])

  init() throws {
    fixture = try DeskFixture()
  }

  func signIn(_ browser: Browser, _ user: String, _ password: String) async throws -> Browser.Page {
    let login = try await browser.get("/login")
    let token = try #require(browser.csrf(from: login))
    return try await browser.post(
      "/login", [("csrf", token), ("user", user), ("password", password), ("next", "/")])
  }

  @Test func fiveFailuresLockTheAccountEvenAgainstTheRightPassword() async throws {
    let log = Log()
    try await fixture.test(accounts: Self.accounts, log: log) { browser in
      for _ in 1...5 {
        let wrong = try await signIn(browser, "ana", "guess")
        #expect(wrong.status == .seeOther)
        #expect(wrong.headers[.location]?.contains("failed=1") == true)
      }
      let locked = try await signIn(browser, "ana", Self.password)
      #expect(locked.status == .tooManyRequests)
      #expect((1...60).contains(Int(locked.headers[.retryAfter] ?? "") ?? 0))
      #expect(locked.text.contains("Too many failed sign-ins"))
      // Another account from another address is not locked by ana's failures... but this
      // address has failed five times too: it is locked for every account.
      #expect(try await signIn(browser, "ben", Self.password).status == .tooManyRequests)
      // An unknown account is answered the same way as a known one.
      #expect(try await signIn(browser, "nobody", "guess").status == .tooManyRequests)
    }
    #expect(log.lines.filter { $0.hasPrefix("sign-in failed for ana from ") }.count == 5)
    #expect(log.lines.contains { $0.hasPrefix("sign-in locked for account ana at ") })
    #expect(log.lines.contains { $0.hasPrefix("sign-in refused for ana from ") })
  }

  @Test func aSuccessResetsTheAccountsCountNotTheAddresses() async {
    var rules = SignInThrottle.Rules()
    rules.failures = 3
    let throttle = SignInThrottle(rules: rules)
    _ = await throttle.failed(account: "ana", address: "a1", now: 0)
    _ = await throttle.failed(account: "ana", address: "a2", now: 1)
    await throttle.succeeded(account: "ana")
    #expect(await throttle.failed(account: "ana", address: "a3", now: 2).isEmpty)
    #expect(await throttle.failed(account: "ana", address: "a4", now: 3).isEmpty)
    #expect(await throttle.wait(account: "ana", address: "a5", now: 4) == nil)
    // Without the success, the third failure in the window locks the account.
    #expect(
      await throttle.failed(account: "ana", address: "a6", now: 5).map(\.key) == ["account ana"])
    // Failures older than the window are forgotten.
    _ = await throttle.failed(account: "ben", address: "b1", now: 0)
    _ = await throttle.failed(account: "ben", address: "b2", now: 1)
    #expect(await throttle.failed(account: "ben", address: "b3", now: 2_000).isEmpty)
  }

  @Test func lockOutsDoubleAndUnlockEndsThem() async throws {
    let unlock = fixture.folder.file("desk.auth.unlock").path
    var network = DeskFixture.Network()
    network.unlockFile = unlock
    network.rules.failures = 2
    // Through the desk: locked after two failures, even against the right password. (How
    // the lock-outs double is tested on the throttle's own clock below: a test that waits
    // for a lock to run out on the wall clock fails on a loaded machine.)
    try await fixture.test(accounts: Self.accounts, network: network) { browser in
      for _ in 1...2 { _ = try await signIn(browser, "ana", "guess") }
      let locked = try await signIn(browser, "ana", Self.password)
      #expect(locked.status == .tooManyRequests)
      // The seconds left are rounded up, so a slow machine may already answer 59.
      #expect((1...60).contains(Int(locked.headers[.retryAfter] ?? "") ?? 0))
    }
    let twice = SignInThrottle(rules: network.rules)
    for now in [0.0, 1.0] { _ = await twice.failed(account: "ana", address: "x", now: now) }
    #expect(await twice.wait(account: "ana", address: "y", now: 2) == 59)
    #expect(await twice.wait(account: "ana", address: "y", now: 62) == nil)
    for now in [63.0, 64.0] { _ = await twice.failed(account: "ana", address: "x", now: now) }
    #expect(await twice.wait(account: "ana", address: "y", now: 65) == 119)
    // The throttle on its own: an account locked, then unlocked through the file.
    let throttle = SignInThrottle(rules: network.rules, unlockFile: unlock)
    _ = await throttle.failed(account: "ben", address: "a", now: 100)
    let started = await throttle.failed(account: "ben", address: "b", now: 101)
    #expect(started.map(\.key) == ["account ben"])
    #expect(await throttle.wait(account: "ben", address: "c", now: 101) != nil)
    try SignInThrottle.requestUnlock(of: "ben", authFile: fixture.folder.file("desk.auth").path)
    #expect(await throttle.wait(account: "ben", address: "c", now: 101) == nil)
    // Doubling, up to the longest lock-out.
    var rules = SignInThrottle.Rules()
    rules.failures = 1
    let doubling = SignInThrottle(rules: rules)
    var seconds: [Int] = []
    var now = 0.0
    for _ in 1...8 {
      seconds += await doubling.failed(account: "c", address: "d", now: now)
        .filter { $0.key.hasPrefix("account") }.map(\.seconds)
      now += 4000
    }
    #expect(seconds == [60, 120, 240, 480, 960, 1920, 3600, 3600])
  }

  @Test func viewersSeeEveryPageAndChangeNothing() async throws {
    try await fixture.test(accounts: Self.accounts) { browser in
      #expect(try await signIn(browser, "vera", Self.password).status == .seeOther)
      let page = try await browser.get("/checks/4")
      #expect(page.status == .ok)
      #expect(page.text.contains("vera <span class=\"role\">(viewer)</span>"))
      #expect(!page.text.contains("/checks/4/review\""))
      let token = try #require(browser.csrf(from: page))  // the sign-out form's
      let before = try fixture.database().scalarInt("SELECT count(*) FROM reviews")
      let posted = try await browser.post(
        "/checks/4/review", [("csrf", token), ("verdict", "withdrawn"), ("note", "x")])
      #expect(posted.status == .forbidden)
      #expect(try fixture.database().scalarInt("SELECT count(*) FROM reviews") == before)
      // No Add page for viewers, and nothing fetched for them.
      #expect(!page.text.contains("href=\"/add\""))
      #expect((try await browser.get("/add")).status == .forbidden)
      let added = try await browser.post(
        "/add/urls", [("csrf", token), ("urls", "https://example.org/")])
      #expect(added.status == .forbidden)
      #expect((try await browser.get("/api/stale")).status == .ok)
      #expect((try await browser.post("/logout", [("csrf", token)])).status == .seeOther)
    }
    let credentials = Data("vera:\(Self.password)".utf8).base64EncodedString()
    try await fixture.test(accounts: Self.accounts) { browser in
      let api = try await browser.get(
        "/api/stale", headers: [.authorization: "Basic \(credentials)"])
      #expect(api.status == .ok)
    }
  }

  @Test func theTrustedProxySaysHTTPSAndWhoAsked() async throws {
    let log = Log()
    var network = DeskFixture.Network()
    network.trustedProxy = "127.0.0.1"
    let forwarded: HTTPFields = [
      HTTPField.Name("X-Forwarded-Proto")!: "https",
      HTTPField.Name("X-Forwarded-For")!: "203.0.113.9, 198.51.100.7",
    ]
    try await fixture.test(accounts: Self.accounts, log: log, network: network) { browser in
      let page = try await browser.get("/login", headers: forwarded)
      #expect(page.status == .ok)
      #expect(page.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
      #expect(page.headers[.setCookie]?.contains("; Secure") == true)
      var plain = forwarded
      plain[HTTPField.Name("X-Forwarded-Proto")!] = "http"
      let redirected = try await browser.get("/checks/4?as_of=2026-12-01", headers: plain)
      #expect(redirected.status == .permanentRedirect)
      #expect(redirected.headers[.location]?.hasPrefix("https://") == true)
      #expect(redirected.headers[.location]?.hasSuffix("/checks/4?as_of=2026-12-01") == true)
    }
    #expect(log.lines.contains { $0.hasPrefix("GET /login 200 ") && $0.hasSuffix(" 198.51.100.7") })
  }

  @Test func anUntrustedClientCannotClaimHTTPSOrAnotherAddress() async throws {
    let log = Log()
    var network = DeskFixture.Network()
    network.trustedProxy = "10.1.2.3"
    try await fixture.test(accounts: Self.accounts, log: log, network: network) { browser in
      let page = try await browser.get(
        "/login",
        headers: [
          HTTPField.Name("X-Forwarded-Proto")!: "https",
          HTTPField.Name("X-Forwarded-For")!: "203.0.113.9",
        ])
      #expect(page.status == .ok)
      #expect(page.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
      #expect(page.headers[.setCookie]?.contains("Secure") == false)
    }
    #expect(log.lines.contains { $0.hasPrefix("GET /login 200 ") && $0.hasSuffix(" 127.0.0.1") })
  }
}
