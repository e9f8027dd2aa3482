import ArgumentParser
import FactArchiveCore
import FactArchiveFetch
import FactArchiveIngest
import FactArchiveParser
import FactArchiveStore

struct FetchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Download pages and feeds by URL and read them into the archive.",
    discussion: """
      Examples: factarchive fetch https://news.example/2026/03/story
                factarchive fetch --feeds feeds.txt --follow-items

      Each answer is read like a saved file (a fact-check page, a source, a feed of \
      sources, ClaimReview JSON-LD), and its document records the URL, the final URL after \
      redirects, the HTTP status, the Content-Type and the time. Requests: at most 10 s \
      without a byte and 30 s in all, at most --max-bytes, at most 5 redirects, gzip and \
      deflate. An address fetched before is asked for with its ETag and Last-Modified, so a \
      nightly run downloads only what changed (304: nothing to read).

      --feeds FILE names one URL per line (# starts a comment). Feeds and pages are \
      fetched a few at a time (--concurrency) and at most one request per host per \
      --per-host-interval seconds. With --follow-items, each new feed item's page is \
      fetched too, so its source has the full article, not only the feed's summary.

      Every failure is one line on stderr (URL: could not resolve host, timed out after \
      30 s, HTTP 404, larger than 16 MiB, certificate not trusted, not HTML, a feed or \
      JSON-LD); the rest still land.

      Exit status: 0 every URL landed (or was unchanged), 1 some failed or were rejected, \
      2 usage error, 4 database failure.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Flag(name: .shortAndLong, help: "Print only failures: no line per URL, no closing line.")
  var quiet = false

  @Option(
    help: ArgumentHelp("Also fetch the URLs this list names, one per line.", valueName: "file"))
  var feeds: String?

  @Flag(help: "Fetch the page of each new feed item for its full text.")
  var followItems = false

  @Option(help: ArgumentHelp("Requests at a time.", valueName: "n"))
  var concurrency = 4

  @Option(help: ArgumentHelp("Seconds between two requests to one host.", valueName: "seconds"))
  var perHostInterval = 1.0

  @Option(help: ArgumentHelp("Refuse answers larger than this.", valueName: "bytes"))
  var maxBytes = InputReader.defaultMaxBytes

  @Option(
    help: ArgumentHelp(
      "Give up on an answer after this many seconds without a byte (the whole answer may "
        + "take three times as long).", valueName: "seconds"))
  var timeout = 10.0

  @Argument(help: ArgumentHelp("Addresses to fetch (http or https).", valueName: "url"))
  var urls: [String] = []

  func validate() throws {
    guard !urls.isEmpty || feeds != nil else {
      throw ValidationError("Give at least one URL, or --feeds FILE.")
    }
    guard concurrency > 0, concurrency <= 64 else {
      throw ValidationError("--concurrency must be between 1 and 64.")
    }
    guard perHostInterval >= 0 else {
      throw ValidationError("--per-host-interval must not be negative.")
    }
    guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive.") }
    guard timeout > 0, timeout <= 3600 else {
      throw ValidationError("--timeout must be between 0 and 3600 seconds.")
    }
  }

  func run() async throws {
    var listed: [String] = []
    if let feeds {
      do {
        listed = try FeedList.read(feeds)
      } catch {
        throw CommandFailure(message: error.message, status: ExitStatus.usage).exit()
      }
    }
    let db: Connection
    do {
      db = try archive.open()
    } catch {
      throw CommandFailure.database(error, path: archive.path).exit()
    }
    var limits = HTTPFetcher.Limits(maxBytes: maxBytes)
    limits.idleSeconds = timeout
    limits.wholeSeconds = 3 * timeout
    let fetcher = HTTPFetcher(
      limits: limits, policy: AddressPolicy(allowsPrivate: true),
      userAgent: FactArchive.userAgent)
    let printer = FetchPrinter(quiet: quiet)
    do {
      let session = try IngestSession(database: db, options: .init(maxBytes: maxBytes))
      var options = FetchSession.Options()
      options.concurrency = concurrency
      options.perHostInterval = .milliseconds(Int(perHostInterval * 1000))
      options.followItems = followItems
      if !listed.isEmpty {
        var feedOptions = options
        feedOptions.areFeeds = true
        _ = try await FetchSession(session: session, fetcher: fetcher, options: feedOptions)
          .run(listed, report: printer.print)
      }
      if !urls.isEmpty {
        _ = try await FetchSession(session: session, fetcher: fetcher, options: options)
          .run(urls, report: printer.print)
      }
    } catch {
      throw CommandFailure.database(error, path: archive.path).exit()
    }
    printer.finish()
    if printer.failed > 0 { throw ExitCode(ExitStatus.partialFailure) }
  }
}

/// One line per URL as it lands, failures on stderr, and the closing line.
final class FetchPrinter {
  let quiet: Bool
  private(set) var failed = 0
  private var landed = 0
  private var unchanged = 0
  private var newItems = 0

  init(quiet: Bool) {
    self.quiet = quiet
  }

  func print(_ result: FetchSession.Result) {
    switch result.outcome {
    case .failed(let failure):
      failed += 1
      Terminal.writeError(failure.description)
    case .notModified:
      unchanged += 1
      say("\(result.url): not modified")
    case .landed(.rejected(let error), _):
      failed += 1
      Terminal.writeError(error.formatted(path: result.url))
    case .landed(.unchanged, _):
      unchanged += 1
      say("\(result.url): unchanged")
    case .landed(.parsed(let articles), _):
      landed += 1
      newItems += result.newItems
      say("\(result.url): \(Self.describe(articles))")
    }
  }

  func finish() {
    say("\(landed) landed (\(newItems) new feed items), \(unchanged) unchanged, \(failed) failed")
  }

  private func say(_ line: String) {
    if !quiet { Terminal.writeOut(line + "\n") }
  }

  /// What a page or feed became: `2 new sources, 1 updated`.
  static func describe(_ articles: [ArticleOutcome]) -> String {
    var (new, rechecks, copies, sources, updated, unchanged) = (0, 0, 0, 0, 0, 0)
    for article in articles {
      switch article {
      case .new: new += 1
      case .recheck: rechecks += 1
      case .duplicate: copies += 1
      case .source: sources += 1
      case .sourceUpdated: updated += 1
      case .sourceUnchanged: unchanged += 1
      }
    }
    let parts = [
      (new, "new check", "new checks"), (rechecks, "re-check", "re-checks"),
      (copies, "copy of a check", "copies of checks"), (sources, "new source", "new sources"),
      (updated, "source updated", "sources updated"), (unchanged, "unchanged", "unchanged"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
    return parts.isEmpty ? "nothing to read" : parts.joined(separator: ", ")
  }
}
