import Foundation
import TestSupport
import Testing

/// `factarchive serve` as a process: where it may listen, accounts, signals, and a real
/// browser on its pages.
@Suite(.serialized) struct ServeCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
    let hostile = ArticleText.factCheck(
      question: "Did <script>document.title='pwned'</script> Orlen Bay close its market?",
      checkedOn: "January 2, 2026", banner: true)
    let page = try folder.write("hostile.txt", hostile)
    let result = try CommandRunner.run(
      ["ingest", "--db", db, TestPaths.fixture("evidence").path, page] + TestPaths.coreArticles)
    precondition(result.status == 0, result.stderr)
  }

  @Test func refusesToListenBeyondLoopbackWithoutAccounts() throws {
    let result = try CommandRunner.run(["serve", "--db", db, "--host", "0.0.0.0", "--port", "0"])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("refusing to serve on 0.0.0.0 without accounts"), "\(result.stderr)")
  }

  /// Off loopback, accounts are not enough: without a TLS-terminating proxy, passwords
  /// would cross the network in clear.
  @Test func refusesPlainHTTPBeyondLoopbackAndNamesBothWays() throws {
    let auth = folder.file("net.auth").path
    _ = try CommandRunner.run(
      ["serve", "--add-user", "ana", "--auth-file", auth], stdin: Array("s3cret words\n".utf8))
    let plain = try CommandRunner.run(
      ["serve", "--db", db, "--host", "0.0.0.0", "--port", "0", "--auth-file", auth])
    #expect(plain.status == 2)
    #expect(plain.stderr.contains("over plain HTTP"), "\(plain.stderr)")
    #expect(plain.stderr.contains("--behind-proxy ADDRESS") && plain.stderr.contains("--tls-cert"))
    let proxyWithoutAccounts = try CommandRunner.run(
      ["serve", "--db", db, "--behind-proxy", "127.0.0.1", "--port", "0"])
    #expect(proxyWithoutAccounts.status == 2)
    #expect(proxyWithoutAccounts.stderr.contains("--behind-proxy needs --auth-file"))
    let notAnAddress = try CommandRunner.run(
      ["serve", "--db", db, "--behind-proxy", "proxy.example", "--auth-file", auth])
    #expect(notAnAddress.status == 2)
    // Behind a proxy, the desk starts (and says so).
    let server = try DeskServer(
      ["--db", db, "--auth-file", auth, "--behind-proxy", "127.0.0.1"],
      in: folder)
    defer { server.stop() }
    #expect(server.output.contains("behind the proxy at 127.0.0.1"), "\(server.output)")
  }

  @Test func viewersAndUnlockThroughTheCLI() throws {
    let auth = folder.file("roles.auth").path
    let viewer = try CommandRunner.run(
      ["serve", "--add-user", "vera", "--role", "viewer", "--auth-file", auth],
      stdin: Array("look only\n".utf8))
    #expect(viewer.status == 0, "\(viewer.stderr)")
    #expect(viewer.stdout.contains("as a viewer"))
    let text = try String(contentsOfFile: auth, encoding: .utf8)
    #expect(text.contains("vera:$2b$12$") && text.contains(":viewer\n"))
    let wrongRole = try CommandRunner.run(["serve", "--role", "viewer", "--db", db])
    #expect(wrongRole.status == 2)
    let unlock = try CommandRunner.run(["serve", "--auth-file", auth, "--unlock", "vera"])
    #expect(unlock.status == 0, "\(unlock.stderr)")
    #expect(try String(contentsOfFile: auth + ".unlock", encoding: .utf8) == "vera\n")
  }

  @Test func addUserWritesAHashAndTheDeskAsksForASignIn() throws {
    let auth = folder.file("desk.auth").path
    let added = try CommandRunner.run(
      ["serve", "--add-user", "ana", "--auth-file", auth], stdin: Array("s3cret words\n".utf8))
    #expect(added.status == 0, "\(added.stderr)")
    let text = try String(contentsOfFile: auth, encoding: .utf8)
    #expect(text.contains("ana:$2b$12$"))
    #expect(!text.contains("s3cret"))
    let attributes = try FileManager.default.attributesOfItem(atPath: auth)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let server = try DeskServer(["--db", db, "--auth-file", auth], in: folder)
    defer { server.stop() }
    #expect(server.output.contains("sign-in required"))
    let page = try server.get("/login")
    #expect(page.status == 200)
    #expect(page.body.contains("Sign in"))
    #expect(try server.get("/healthz").body == "ok\n")
  }

  @Test func logsEachRequestAndStopsCleanlyOnSIGTERM() throws {
    let server = try DeskServer(["--db", db], in: folder)
    #expect(try server.get("/healthz").status == 200)
    #expect(try server.get("/checks/999999").status == 404)
    // Uptime monitors and `curl -I` ask with HEAD: the status, no body.
    let head = try server.send("/", method: "HEAD")
    #expect(head.status == 200)
    #expect(head.body.isEmpty)
    #expect(try server.send("/checks/999999", method: "HEAD").status == 404)
    let status = server.stop()
    #expect(status == 0, "\(server.output)")
    #expect(server.output.contains("GET /healthz 200"))
    #expect(server.output.contains("GET /checks/999999 404"))
    #expect(server.output.contains("HEAD / 200"))
  }

  @Test func aReadOnlyDeskAnswers405ToPosts() throws {
    let server = try DeskServer(["--db", db, "--read-only"], in: folder)
    defer { server.stop() }
    #expect(server.output.contains("read-only"))
    let code = try server.send("/checks/1/review", method: "POST", body: "verdict=withdrawn").status
    #expect(code == 405)
  }
}

/// The desk in headless Chromium (Debian's `chromium`; `make browser` installs it): the
/// queue loads, a check page renders its question and reasons, and no script from article
/// text runs. Screenshots of both pages go to `.build/desk-check/`.
@Suite(
  .serialized,
  .enabled(
    if: Requirement.met(Browser.chromium != nil),
    "chromium not installed: desk browser test skipped"))
struct DeskBrowserTests {
  @Test func chromiumShowsTheQueueAndACheckAndRunsNoArticleScript() throws {
    let folder = try TemporaryFolder()
    let db = folder.file("archive.sqlite").path
    let hostile = "Did <script>document.title='pwned'</script> Orlen Bay close its market?"
    let page = try folder.write(
      "hostile.txt",
      ArticleText.factCheck(question: hostile, checkedOn: "January 2, 2026", banner: true))
    let ingest = try CommandRunner.run(
      ["ingest", "--db", db, TestPaths.fixture("evidence").path, page] + TestPaths.coreArticles)
    #expect(ingest.status == 0)
    let server = try DeskServer(["--db", db], in: folder)
    defer { server.stop() }

    let queue = try #require(try Browser.dumpDOM(server.url))
    #expect(queue.contains("<title>Stale queue · FactArchive desk</title>"))
    #expect(queue.contains("Did &lt;script&gt;document.title='pwned'&lt;/script&gt; Orlen Bay"))
    #expect(!queue.contains("pwned</title>"))
    #expect(queue.contains("<code>newer_evidence</code>"))

    let checkPath = try #require(
      queue.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        .first { $0.hasPrefix("/checks/") && queue.contains("\($0)\"><bdi>Did &lt;script&gt;") })
    let check = try #require(
      try Browser.dumpDOM(URL(string: String(checkPath), relativeTo: server.url)!))
    #expect(
      check.contains(
        "<h1 dir=\"auto\">Did &lt;script&gt;document.title='pwned'&lt;/script&gt; Orlen Bay close its market?</h1>"
      ))
    #expect(check.contains("Why it may be outdated"))
    #expect(check.contains("<code>publisher_flag</code>"))
    #expect(!check.contains("pwned</title>"))

    let shots = TestPaths.packageRoot.appendingPathComponent(".build/desk-check")
    try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
    #expect(try Browser.screenshot(server.url, to: shots.appendingPathComponent("queue.png")))
    #expect(
      try Browser.screenshot(
        URL(string: String(checkPath), relativeTo: server.url)!,
        to: shots.appendingPathComponent("check.png")))
  }
}
