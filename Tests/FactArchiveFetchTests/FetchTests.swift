import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@testable import FactArchiveFetch

/// `fetch` against a local server started by the test: every kind of answer, the limits,
/// conditional requests, and the address policy at every redirect.
@Suite struct FetchTests: @unchecked Sendable {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
  }

  static func fetcher(
    allowsPrivate: Bool = true, exempt: Set<String> = [], maxBytes: Int = 16 << 20,
    wholeSeconds: Double = 120
  ) -> HTTPFetcher {
    // Generous limits: the whole suite runs in parallel on two cores, and the in-process
    // server may wait its turn for many seconds.
    var limits = HTTPFetcher.Limits(maxBytes: maxBytes)
    limits.wholeSeconds = wholeSeconds
    limits.idleSeconds = min(60, wholeSeconds)
    return HTTPFetcher(
      limits: limits, policy: AddressPolicy(allowsPrivate: allowsPrivate, exemptHosts: exempt),
      userAgent: "factarchive-tests/1")
  }

  func fetchAll(_ urls: [String], fetcher: HTTPFetcher = fetcher(), feeds: Bool = false)
    async throws -> [FetchSession.Result]
  {
    var options = FetchSession.Options()
    options.perHostInterval = .zero
    options.areFeeds = feeds
    let session = try IngestSession(database: db)
    return try await FetchSession(session: session, fetcher: fetcher, options: options).run(urls)
  }

  static func failure(_ result: FetchSession.Result) -> String? {
    if case .failed(let failure) = result.outcome { return failure.message }
    return nil
  }

  @Test func feedsAndPagesLandAndASecondFetchIsNotModified() async throws {
    try await FixtureServer.run { port in
      let base = "http://127.0.0.1:\(port)"
      let feeds = [
        "harbour-gazette.rss", "coastal-bulletin.rdf", "tidewater-notes.atom", "island-radio.json",
      ].map { "\(base)/feeds/\($0)" }
      let first = try await fetchAll(feeds + ["\(base)/page"], feeds: true)
      #expect(first.allSatisfy { Self.failure($0) == nil }, "\(first)")
      #expect(first.map(\.newItems).reduce(0, +) == 7)
      #expect(try db.scalarInt("SELECT count(*) FROM sources") == 8)
      let page = try #require(
        try db.queryFirst(
          "SELECT url, final_url, http_status, content_type, fetched_at IS NOT NULL AS dated FROM documents WHERE url = ?",
          ["\(base)/page"]
        ) { [$0.text("final_url"), $0.text("content_type"), $0.text("dated")] })
      #expect(page == ["\(base)/page", "text/html", "1"])
      // The feeds answer 304 to their ETag: nothing is downloaded or written again.
      let second = try await fetchAll(feeds, feeds: true)
      #expect(second.allSatisfy { if case .notModified = $0.outcome { true } else { false } })
      #expect(try db.scalarInt("SELECT count(*) FROM fetched_urls WHERE last_status = 304") == 4)
      #expect(
        try db.scalarInt("SELECT count(*) FROM fetched_urls WHERE is_feed = 1 AND etag IS NOT NULL")
          == 4)
    }
  }

  /// An archive answered by a server is read by its content, as a saved file is: the page
  /// inside, at the archive's address, the archive kept with the Content-Type it came with.
  @Test func pagesSavedAsArchivesAreReadWhenFetched() async throws {
    try await FixtureServer.run { port in
      let base = "http://127.0.0.1:\(port)"
      let results = try await fetchAll(["\(base)/saved.mhtml", "\(base)/saved.webarchive"])
      #expect(results.allSatisfy { Self.failure($0) == nil }, "\(results)")
      let documents = try db.query(
        "SELECT media_type, content_type, status FROM documents ORDER BY url"
      ) { "\($0.text(at: 0) ?? "") \($0.text(at: 1) ?? "") \($0.text(at: 2) ?? "")" }
      #expect(
        documents == [
          "multipart/related multipart/related parsed",
          "application/x-webarchive application/x-webarchive parsed",
        ])
      #expect(try db.scalarText("SELECT rating FROM checks") == "Misleading")
      #expect(
        try db.scalarText("SELECT title FROM sources")
          == "Porto de Valmar amplia horário da balsa no verão")
    }
  }

  @Test func followingItemsGivesTheirSourcesTheWholeArticle() async throws {
    try await FixtureServer.run { port in
      var options = FetchSession.Options()
      options.perHostInterval = .zero
      options.followItems = true
      options.areFeeds = true
      let session = try IngestSession(database: db)
      let results = try await FetchSession(
        session: session, fetcher: Self.fetcher(), options: options
      ).run(["http://127.0.0.1:\(port)/local-feed"])
      #expect(results.count == 2 && results.allSatisfy { Self.failure($0) == nil }, "\(results)")
      let body = try #require(try db.scalarText("SELECT body FROM sources"))
      #expect(!body.contains("Only a summary.") && body.count > 500)
      // The source keeps the feed's label and reads from the page's document now.
      #expect(try db.scalarText("SELECT label FROM sources") == "Local Wire")
      #expect(
        try db.scalarText(
          "SELECT d.url FROM sources AS s JOIN documents AS d ON d.id = s.document_id")
          == "http://127.0.0.1:\(port)/page")
      #expect(try db.scalarInt("SELECT count(*) FROM sources") == 1)
    }
  }

  @Test func redirectsAreFollowedFiveTimesAndJudgedEachTime() async throws {
    try await FixtureServer.run { port in
      let base = "http://127.0.0.1:\(port)"
      // Loopback is allowed here only as the test server's own host.
      let guarded = Self.fetcher(allowsPrivate: false, exempt: ["127.0.0.1"])
      let results = try await fetchAll(
        [
          "\(base)/redirect/5", "\(base)/redirect/6", "\(base)/to-private", "\(base)/to-metadata",
          "\(base)/to-file",
        ], fetcher: guarded)
      #expect(Self.failure(results[0]) == nil)
      #expect(
        try db.scalarText("SELECT final_url FROM documents WHERE url = ?", ["\(base)/redirect/5"])
          == "\(base)/page")
      #expect(Self.failure(results[1]) == "more than 5 redirects")
      #expect(Self.failure(results[2])?.contains("10.20.30.40 is a private address") == true)
      #expect(Self.failure(results[3])?.contains("169.254.169.254 is a link-local address") == true)
      #expect(Self.failure(results[4]) != nil, "\(results[4])")
      #expect(
        try db.scalarInt("SELECT count(*) FROM documents WHERE url = ?", ["\(base)/to-file"]) == 0)
      // Without the exemption the server itself is refused before any request.
      let refused = try await fetchAll(
        ["\(base)/page"], fetcher: Self.fetcher(allowsPrivate: false))
      #expect(Self.failure(refused[0])?.contains("127.0.0.1 is a loopback address") == true)
    }
  }

  /// DNS rebinding: the name resolves to a public address when the policy judges it, and to
  /// the loopback address when libcurl connects. The connection is refused as it is opened;
  /// the same fetch with private addresses allowed reaches the server, so the refusal is the
  /// policy's, not a failed connection.
  @Test func aNameThatResolvesInwardAtConnectionTimeIsRefused() async throws {
    try await FixtureServer.run { port in
      let url = "http://rebind.test:\(port)/page"
      func fetcher(allowsPrivate: Bool) -> HTTPFetcher {
        var fetcher = Self.fetcher(allowsPrivate: allowsPrivate)
        fetcher.policy.resolver = { host in
          host == "rebind.test" ? [AddressPolicy.Address([93, 184, 216, 34])] : []
        }
        fetcher.connectionOverrides = ["rebind.test:\(port):127.0.0.1"]
        return fetcher
      }
      #expect(fetcher(allowsPrivate: false).policy.refusal(of: url) == nil)
      let guarded = await fetcher(allowsPrivate: false).fetch(.init(url: url))
      guard case .failure(let failure) = guarded else {
        Issue.record("a name that rebound to loopback was fetched")
        return
      }
      #expect(failure.message.hasPrefix("refused: rebind.test is a loopback address (127.0.0.1)"))
      let allowed = await fetcher(allowsPrivate: true).fetch(.init(url: url))
      guard case .success(let response) = allowed else {
        Issue.record("\(allowed)")
        return
      }
      #expect(response.status == 200 && response.finalURL == url)
    }
  }

  @Test func limitsAndFailuresAreOneLineEachAndTheRestLands() async throws {
    try await FixtureServer.run { port in
      let base = "http://127.0.0.1:\(port)"
      // The slow answer on its own fetcher with a short limit: the others keep the usual
      // 30 s, so a loaded machine cannot time them out.
      let slow = try await fetchAll(["\(base)/slow"], fetcher: Self.fetcher(wholeSeconds: 1))
      #expect(Self.failure(slow[0]) == "timed out after 1 s")
      let rest = try await fetchAll(
        [
          "\(base)/slow", "\(base)/huge", "\(base)/missing", "\(base)/image", "\(base)/gzip",
          "http://name-that-does-not-resolve.invalid/",
        ].dropFirst().map { $0 }, fetcher: Self.fetcher(maxBytes: 200_000))
      let results = slow + rest
      #expect(Self.failure(results[1]) == "larger than 200000 bytes")
      #expect(Self.failure(results[2]) == "HTTP 404")
      #expect(Self.failure(results[3]) == "not HTML, a feed or JSON-LD (image/png)")
      #expect(Self.failure(results[4]) == nil)
      #expect(Self.failure(results[5]) == "could not resolve host")
      // The gzip body was decoded and read as the page it is.
      #expect(
        try db.scalarText("SELECT title FROM sources")
          == "Ostra harbour dredging to resume after sediment review clears two basins")
      // Failures are remembered with when they began; nothing half-written.
      #expect(
        try db.scalarInt("SELECT count(*) FROM fetched_urls WHERE failing_since IS NOT NULL") == 5)
      #expect(try db.scalarInt("SELECT count(*) FROM documents") == 1)
    }
  }

  /// The nightly report's "Feeds" section: what was fetched, the new items, and each failing
  /// address with when it began failing (a later success ends it).
  @Test func theReportSaysWhatWasFetchedAndWhatIsFailing() async throws {
    try await FixtureServer.run { port in
      let base = "http://127.0.0.1:\(port)"
      _ = try await fetchAll(
        ["\(base)/feeds/harbour-gazette.rss", "\(base)/missing"], feeds: true)
      let today = Day.today()
      let report = try NightlyReport.run(asOf: today, by: "cron", on: db)
      let feeds = try #require(report.feeds)
      #expect(feeds.fetched == 2 && feeds.newItems == 2)
      #expect(feeds.failing.map(\.url) == ["\(base)/missing"])
      #expect(feeds.failing.first?.error == "HTTP 404")
      let text = ReportRenderer.markdown(report)
      #expect(text.contains("## Feeds") && text.contains("| HTTP 404 |"))
    }
  }

  /// The command as cron runs it: one line per URL in the order given, each failure one line
  /// on stderr, exit status 1 when any failed and 0 when none did (a second run: 304s).
  @Test func theCommandReportsEachURLAndExitsByWhatFailed() async throws {
    try await FixtureServer.run { port in
      let base = "http://127.0.0.1:\(port)"
      let archive = folder.file("cli.sqlite").path
      let list = try folder.write("feeds.txt", "# nightly\n\(base)/feeds/harbour-gazette.rss\n")
      // A generous timeout, as for the in-process fetches: the in-process server may wait
      // its turn for many seconds while the whole suite runs on two cores.
      let first = try await Self.runOffThePool(
        [
          "fetch", "--timeout", "60", "--db", archive, "--feeds", list, "\(base)/page",
          "\(base)/missing",
        ])
      #expect(first.status == 1)
      #expect(
        first.stdout == "\(base)/feeds/harbour-gazette.rss: 2 new sources\n"
          + "\(base)/page: 1 new source\n" + "2 landed (2 new feed items), 0 unchanged, 1 failed\n")
      #expect(first.stderr == "\(base)/missing: HTTP 404\n")
      let second = try await Self.runOffThePool(
        ["fetch", "--timeout", "60", "--db", archive, "--feeds", list])
      #expect(second.status == 0)
      #expect(second.stdout.hasPrefix("\(base)/feeds/harbour-gazette.rss: not modified\n"))
    }
  }

  /// The binary run on a thread of its own, so that waiting for it never holds one of the
  /// few threads the in-process server's handlers need.
  static func runOffThePool(_ arguments: [String]) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try CommandRunner.run(arguments) }) }.start()
    }
  }

  @Test func addressesAreJudgedAsTheirKind() {
    let cases: [([UInt8], String?)] = [
      ([127, 0, 0, 1], "a loopback address"), ([10, 1, 2, 3], "a private address"),
      ([172, 20, 0, 1], "a private address"), ([192, 168, 1, 1], "a private address"),
      ([169, 254, 169, 254], "a link-local address"), ([0, 0, 0, 0], "an unspecified address"),
      ([224, 0, 0, 1], "a multicast address"),
      ([100, 64, 0, 1], "a shared (carrier-grade NAT) address"),
      ([93, 184, 215, 14], nil), ([172, 32, 0, 1], nil),
      (Array(repeating: 0, count: 15) + [1], "a loopback address"),
      (Array(repeating: 0, count: 16), "an unspecified address"),
      ([0xFD, 0x12] + Array(repeating: 0, count: 14), "a private (unique local) address"),
      ([0xFE, 0x80] + Array(repeating: 0, count: 14), "a link-local address"),
      ([0xFF, 0x02] + Array(repeating: 0, count: 14), "a multicast address"),
      (Array(repeating: 0, count: 10) + [0xFF, 0xFF, 10, 0, 0, 1], "a private address"),
      ([0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 12), nil),
    ]
    for (bytes, kind) in cases {
      #expect(AddressPolicy.internalKind(.init(bytes)) == kind, "\(AddressPolicy.Address(bytes))")
    }
    let policy = AddressPolicy(allowsPrivate: false)
    #expect(policy.refusal(of: "http://[::1]:8080/")?.contains("loopback") == true)
    #expect(policy.refusal(of: "http://user@127.0.0.1/")?.contains("loopback") == true)
    #expect(policy.refusal(of: "http://localhost/")?.contains("loopback") == true)
    #expect(policy.refusal(of: "ftp://example.org/")?.contains("only http and https") == true)
    #expect(policy.refusal(of: "http:/x") == "not a URL")
  }

  @Test func feedListsSkipCommentsAndRefuseWhatIsNotAURL() throws {
    let urls = try FeedList.parse(
      "# morning feeds\nhttps://a.example/feed.xml\n\n  https://b.example/rss  # b\n", path: "f")
    #expect(urls == ["https://a.example/feed.xml", "https://b.example/rss"])
    #expect(throws: FeedList.Failure.self) { try FeedList.parse("not a url\n", path: "f") }
  }
}
