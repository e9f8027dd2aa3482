import ArgumentParser
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Parse fact-check articles into the archive.",
    discussion: """
      Example: factarchive ingest Fixtures/ saved-page.txt

      PATH is a file, a folder (read recursively for *.txt, *.html, *.htm, *.mhtml, *.mht, \
      *.webarchive and feeds, in sorted order; the X_files folder a browser saves beside \
      X.html is passed over) or - for standard input. Pages saved as text, as HTML, or as \
      one file with their images (MHTML, Safari's web archives: the page inside is read, \
      the archive kept) are told apart by their content; a page embedding schema.org \
      ClaimReview gives its reviews. Fact-check pages \
      and source articles (news and analysis pieces) are told apart from their text unless \
      --kind says which. Ingesting the same bytes again adds nothing; the same question \
      with a later 'Checked on' date adds a re-check, and with the same date is another \
      copy of the check it has. A file that cannot be parsed is reported as \
      path:line: message on stderr and kept in the archive as rejected; the other files \
      still land. A 'Checked on' line whose date cannot be read is reported as \
      path:line: warning: message, and the check lands with the date its text implies.

      Thousands of paths are best given with --files-from (one per line, or NUL-separated \
      as find -print0 writes them) rather than as arguments: the command line's parser \
      takes time that grows with the square of the number of arguments (2.5 s for 10,000).

      Exit status: 0 all landed, 1 some were rejected (or ClaimReview entries skipped), \
      2 usage error, 4 database failure.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Flag(name: .shortAndLong, help: "Print only errors: no progress bar, no closing line.")
  var quiet = false

  @Flag(help: "Read and parse everything, report what is wrong, write nothing.")
  var dryRun = false

  @Option(
    help: ArgumentHelp(
      "What the inputs are: auto (decide from the text), fact-check or source.",
      valueName: "kind"))
  var kind: ArticleParser.Kind = .auto

  @Option(
    help: ArgumentHelp("Reject inputs larger than this without reading them.", valueName: "bytes"))
  var maxBytes = InputReader.defaultMaxBytes

  @Option(
    help: ArgumentHelp(
      "Documents per transaction: each is searchable once its batch commits; a smaller batch holds less in memory.",
      valueName: "n"))
  var batchSize = IngestSession.Options().batchSize

  @Option(
    help: ArgumentHelp(
      "Also read the files and folders this list names, one per line (- for standard input).",
      valueName: "list"))
  var filesFrom: String?

  @Argument(help: ArgumentHelp("Files, folders, or - for standard input.", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    guard !paths.isEmpty || filesFrom != nil else {
      throw ValidationError("Give at least one file, folder or -, or --files-from.")
    }
    guard paths.filter({ $0 == "-" }).count + (filesFrom == "-" ? 1 : 0) <= 1 else {
      throw ValidationError("Standard input (-) can be read only once.")
    }
    guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive.") }
    guard batchSize > 0 else { throw ValidationError("--batch-size must be positive.") }
    for path in paths where path != "-" {
      var info = stat()
      guard stat(path, &info) == 0 else {
        throw ValidationError("\(path): \(String(cString: strerror(errno)))")
      }
    }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let inputs = InputFiles(paths: try paths + listedPaths())
      let showProgress = ProgressBar.wanted(quiet: quiet)
      let progress = ProgressBar(total: showProgress ? inputs.count : 0, enabled: showProgress)
      let session = try IngestSession(
        database: db,
        options: .init(
          maxBytes: maxBytes, batchSize: batchSize,
          parse: ArticleParser.Options(kind: kind, latestPlausibleDay: Day.today()),
          afterEachDocument: Self.killHook()))
      if dryRun {
        var rejected = 0
        let (documents, articles) = try session.check(inputs) { document in
          if case .failure(let error) = document.parsed {
            rejected += 1
            Terminal.writeError(error.formatted(path: document.input.path))
          }
          progress.advance(articles: 0)
        }
        progress.finish()
        if !quiet {
          Terminal.writeOut(
            "\(documents + rejected) files: \(articles) articles would land, \(rejected) rejected "
              + "(dry run: nothing written)\n")
        }
        if rejected > 0 { throw ExitCode(ExitStatus.partialFailure) }
        return
      }
      let tally: IngestTally
      var skipped = 0
      do {
        tally = try session.run(inputs) { document, outcome in
          var articles = 0
          switch outcome {
          case .rejected(let error):
            if showProgress { progress.finish() }
            Terminal.writeError(error.formatted(path: document.input.path))
          case .parsed(let outcomes):
            articles = outcomes.count
            skipped += Terminal.reportNotes(of: document)
          case .unchanged:
            break
          }
          progress.advance(articles: articles)
        }
      } catch {
        progress.finish()
        throw CommandFailure.database(error, path: archive.path)
      }
      progress.finish()
      Timing.report("claim matching", session.writer.assessor.claimMatchingTime)
      Timing.report("reading thread cpu", session.threadTimes.readerCPU)
      Timing.report("writing thread cpu", session.threadTimes.writerCPU)
      Timing.report("writing thread waiting", session.threadTimes.writerWaiting)
      if !quiet {
        Terminal.writeOut(
          tally.summary
            + (skipped > 0
              ? ", \(skipped) ClaimReview \(skipped == 1 ? "entry" : "entries") skipped" : "")
            + "\n")
      }
      if tally.rejected > 0 || skipped > 0 {
        throw ExitCode(ExitStatus.partialFailure)
      }
    }
  }
}
extension IngestCommand {
  /// The paths `--files-from` names (none without it).
  func listedPaths() throws -> [String] {
    guard let filesFrom else { return [] }
    let item: InputFiles.Item = filesFrom == "-" ? .standardInput : .file(filesFrom)
    switch InputFiles.paths(listedIn: InputReader.load(item, maxBytes: 1 << 30)) {
    case .success(let listed): return listed
    case .failure(let error):
      throw CommandFailure(message: "\(filesFrom): \(error.message)", status: ExitStatus.usage)
    }
  }

  /// The crash tests' hook: with `FACTARCHIVE_TEST_KILL_AFTER=N` in the environment, the
  /// process kills itself with SIGKILL right after writing its Nth document, inside the
  /// open transaction, so a test knows exactly which batches had committed.
  static func killHook() -> (@Sendable (Int) -> Void)? {
    guard let value = getenv("FACTARCHIVE_TEST_KILL_AFTER"),
      let limit = Int(String(cString: value)), limit > 0
    else { return nil }
    return { written in
      if written == limit { kill(getpid(), SIGKILL) }
    }
  }
}

extension ArticleParser.Kind: ExpressibleByArgument {}
