import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveStore
import Foundation

/// Fetches addresses and ingests what they answer, as `factarchive fetch` and the desk's
/// "Add to the archive" page do: a few at a time, at most one request per host per
/// interval, conditional requests from what `fetched_urls` remembers, each answer read like
/// a saved file and written in its own transaction (a failure loses nothing else), and
/// every request recorded in `fetched_urls`.
public final class FetchSession {
  public struct Options: Sendable {
    public var concurrency = 4
    public var perHostInterval: Duration = .seconds(1)
    /// Fetch the page of each new feed item, for its full text.
    public var followItems = false
    /// The addresses come from a feed list (`fetched_urls.is_feed`).
    public var areFeeds = false

    public init() {}
  }

  /// What became of one address.
  public enum Outcome: Sendable {
    /// `304 Not Modified`: nothing downloaded.
    case notModified
    /// The answer was read and written (a document, with what became of its articles).
    case landed(DocumentOutcome, documentID: Int64?)
    case failed(HTTPFetcher.Failure)
  }

  public struct Result: Sendable {
    public var url: String
    public var outcome: Outcome
    /// Feed items the answer added.
    public var newItems: Int
  }

  public let session: IngestSession
  public let fetcher: HTTPFetcher
  public let options: Options
  var db: Connection { session.writer.db }

  public init(session: IngestSession, fetcher: HTTPFetcher, options: Options = Options()) {
    self.session = session
    self.fetcher = fetcher
    self.options = options
  }

  /// Fetches `urls` (each once), writing each answer as it arrives; `report` is called and
  /// the results returned in the order the URLs were given (output a script can diff).
  public func run(_ urls: [String], report: (Result) -> Void = { _ in }) async throws -> [Result] {
    var seen: Set<String> = []
    let unique = urls.filter { seen.insert($0).inserted }
    let known = try FetchLog.conditions(for: unique, in: db)
    let throttle = HostThrottle(interval: options.perHostInterval)
    let fetcher = self.fetcher
    var landed: [Result?] = Array(repeating: nil, count: unique.count)
    var reported = 0
    try await withThrowingTaskGroup(
      of: (Int, Swift.Result<HTTPFetcher.Response, HTTPFetcher.Failure>).self
    ) { group in
      var next = 0
      func start() {
        guard next < unique.count else { return }
        let (index, url) = (next, unique[next])
        next += 1
        let request = known[url] ?? HTTPFetcher.Request(url: url)
        group.addTask {
          await throttle.wait(for: url)
          return (index, await fetcher.fetch(request))
        }
      }
      for _ in 0..<max(1, options.concurrency) { start() }
      while let (index, answer) = try await group.next() {
        landed[index] = try land(unique[index], answer)
        while reported < landed.count, let ready = landed[reported] {
          report(ready)
          reported += 1
        }
        start()
      }
    }
    var results = landed.compactMap { $0 }
    if options.followItems {
      let links = try FetchLog.newItemLinks(of: results, in: db)
      let pages = try await FetchSession(
        session: session, fetcher: fetcher, options: pageOptions
      ).fetchItemPages(links, report: report)
      results += pages
    }
    return results
  }

  private var pageOptions: Options {
    var options = self.options
    options.followItems = false
    options.areFeeds = false
    return options
  }

  /// The pages of new feed items: each page's text replaces its item's summary.
  func fetchItemPages(_ links: [(sourceID: Int64, url: String)], report: (Result) -> Void)
    async throws -> [Result]
  {
    var results: [Result] = []
    let throttle = HostThrottle(interval: options.perHostInterval)
    for (sourceID, url) in links {
      await throttle.wait(for: url)
      let answer = await fetcher.fetch(HTTPFetcher.Request(url: url))
      let result: Result
      switch answer {
      case .failure(let failure):
        try FetchLog.record(
          url: url, answer: .failure(failure), documentID: nil, newItems: 0, isFeed: false, in: db)
        result = Result(url: url, outcome: .failed(failure), newItems: 0)
      case .success(let response):
        let input = Self.input(from: response)
        let (outcome, documentID) = try session.writer.db.transaction {
          try session.writer.attachPage(session.prepare(input), toSource: sourceID)
        }
        try FetchLog.record(
          url: url, answer: .success(response), documentID: documentID, newItems: 0, isFeed: false,
          in: db)
        result = Result(url: url, outcome: .landed(outcome, documentID: documentID), newItems: 0)
      }
      report(result)
      results.append(result)
    }
    return results
  }

  /// Writes one answer and records the request (the desk fetches first, then lands each
  /// answer with the archive's connection).
  public func land(
    _ url: String, _ answer: Swift.Result<HTTPFetcher.Response, HTTPFetcher.Failure>
  ) throws -> Result {
    switch answer {
    case .failure(let failure):
      try FetchLog.record(
        url: url, answer: answer, documentID: nil, newItems: 0, isFeed: options.areFeeds, in: db)
      return Result(url: url, outcome: .failed(failure), newItems: 0)
    case .success(let response) where response.notModified:
      try FetchLog.record(
        url: url, answer: answer, documentID: nil, newItems: 0, isFeed: options.areFeeds, in: db)
      return Result(url: url, outcome: .notModified, newItems: 0)
    case .success(let response):
      if let refusal = Self.unreadable(response) {
        let failure = HTTPFetcher.Failure(url: url, message: refusal, status: response.status)
        try FetchLog.record(
          url: url, answer: .failure(failure), documentID: nil, newItems: 0,
          isFeed: options.areFeeds, in: db)
        return Result(url: url, outcome: .failed(failure), newItems: 0)
      }
      guard let (prepared, outcome) = try session.write([Self.input(from: response)]).first else {
        throw HTTPFetcher.Failure(url: url, message: "nothing was written")
      }
      let documentID = try db.queryFirst(
        "SELECT id FROM documents WHERE sha256 = ?", [prepared.sha256]
      ) { $0.int64("id") }
      var newItems = 0
      if case .parsed(let articles) = outcome, prepared.mediaType.isFeed {
        newItems = articles.filter { if case .source = $0 { true } else { false } }.count
      }
      try FetchLog.record(
        url: url, answer: answer, documentID: documentID, newItems: newItems,
        isFeed: options.areFeeds, in: db)
      return Result(url: url, outcome: .landed(outcome, documentID: documentID), newItems: newItems)
    }
  }

  /// An answer as an input: its bytes, named by its address, with where it came from.
  static func input(from response: HTTPFetcher.Response) -> InputDocument {
    var input = InputDocument(path: response.url, bytes: response.body)
    input.origin = FetchOrigin(
      url: response.url, finalURL: response.finalURL, status: response.status,
      contentType: response.contentType, fetchedAt: response.fetchedAt)
    return input
  }

  /// Why an answer is not read (an image, a PDF): `nil` for HTML, a feed, JSON-LD, or text.
  static func unreadable(_ response: HTTPFetcher.Response) -> String? {
    let type =
      (response.contentType ?? "").split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      } ?? ""
    let body = response.body
    if DocumentParser.mediaType(of: body, format: .text) != .plainText
      || DocumentParser.looksLikeJSON(body)
    {
      return nil
    }
    let readableTypes = ["", "text/plain", "text/html", "application/xhtml+xml"]
    if readableTypes.contains(type),
      body.withUnsafeBufferPointer({ UTF8Validation.firstNUL($0) == nil })
    {
      return nil
    }
    return "not HTML, a feed or JSON-LD (\(type.isEmpty ? "binary" : type))"
  }
}

/// At most one request per host per interval, across the session's concurrent fetches.
actor HostThrottle {
  let interval: Duration
  private var next: [String: ContinuousClock.Instant] = [:]

  init(interval: Duration) {
    self.interval = interval
  }

  func wait(for url: String) async {
    let host = URLParts(url)?.host ?? url
    let now = ContinuousClock.now
    let start = max(now, next[host] ?? now)
    next[host] = start + interval
    if start > now { try? await Task.sleep(until: start, clock: .continuous) }
  }
}
