import ArgumentParser
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore

struct ImportClaimReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-claimreview",
    abstract: "Import schema.org ClaimReview JSON-LD from other publishers.",
    discussion: """
      Example: factarchive import-claimreview feed.json saved-review-page.html

      FILE is a JSON-LD file or a publisher's web page saved as HTML, whose \
      application/ld+json scripts are read. It holds one ClaimReview object, an array of \
      them, an @graph, or a DataFeed with dataFeedElement. Each review becomes a check in \
      the same tables as ingested pages: question = claimReviewed (else the reviewed \
      claim's name or headline), date = datePublished, rating and publisher kept. Reviews \
      that lack a claim or have a bad date are reported and skipped; the rest land. The file \
      is kept whole in documents, like any input.

      Exit status: 0 all landed, 1 some entries or files were rejected, 2 usage error, \
      4 database failure.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Flag(name: .shortAndLong, help: "Print only errors.")
  var quiet = false

  @Argument(
    help: ArgumentHelp(
      "ClaimReview JSON-LD files or saved web pages, or - for standard input.", valueName: "file"))
  var files: [String]

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let session = try IngestSession(
        database: db,
        options: .init(
          parse: ArticleParser.Options(latestPlausibleDay: Day.today()), format: .claimReview))
      var skipped = 0
      let tally = try session.run(InputFiles(paths: files).map { $0 }) { document, outcome in
        if case .rejected(let error) = outcome {
          Terminal.writeError(error.formatted(path: document.input.path))
        }
        skipped += Terminal.reportNotes(of: document)
      }
      Timing.report("claim matching", session.writer.assessor.claimMatchingTime)
      if !quiet {
        Terminal.writeOut(
          tally.summary
            + (skipped > 0 ? ", \(skipped) \(skipped == 1 ? "entry" : "entries") skipped" : "")
            + "\n")
      }
      if tally.rejected > 0 || skipped > 0 { throw ExitCode(ExitStatus.partialFailure) }
    }
  }
}
