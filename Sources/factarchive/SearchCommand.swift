import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Full-text search of checks and sources, best matches first.",
    discussion: """
      Example: factarchive search '"cartel de los soles" OR tren' --limit 5
               factarchive search --in sources 'ferry fares'
               factarchive search 'https://x.com/someone/status/1712345678901234567'

      TERMS use FTS5 query syntax: words (stemmed: 'sanction' finds 'sanctioned'), \
      "exact phrases", OR, NOT, prefix*, and column:word. A match in the question counts \
      double, one in a follow-up question half; a source's match in its headline counts double. \
      Each hit says whether it is a check or a source (--in chooses: checks, sources or \
      all; source text is not stemmed: use prefix* there). Matches print in **bold** within a snippet. \
      A query with a word or phrase found in more than 20,000 passages of an index is too \
      broad to rank: its matches are listed most recently added first, with a note \
      (ranking "newest" in json and csv). A query FTS5 cannot read exits 2 with its message.       A query that is one web address lists the checks of claims that appeared there,       however the address was written, and the sources saved from it (ranking "address").
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("What to look for (FTS5 query syntax).", valueName: "terms"))
  var terms: String

  @Option(name: .customLong("in"), help: "What to search: checks, sources or all.")
  var scope: FullTextSearch.Scope = .all

  @Option(help: ArgumentHelp("At most this many hits.", valueName: "count"))
  var limit = 20

  @Option(
    help: ArgumentHelp("Skip this many of the best hits first (paging).", valueName: "count"))
  var offset = 0

  @Option(help: "Output format: table, json or csv.")
  var format: ListFormat = .table

  func validate() throws {
    guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
    guard offset >= 0 else { throw ValidationError("--offset must be 0 or more.") }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      do {
        let hits = try Timing.measure("search") {
          try FullTextSearch(query: terms, limit: limit, offset: offset, in: scope).run(on: db)
        }
        Terminal.writeOut(FullTextSearch.render(hits, format: format, query: terms))
      } catch let error as FullTextSearch.SyntaxError {
        throw CommandFailure(message: error.description, status: ExitStatus.usage)
      }
    }
  }
}

extension FullTextSearch.Scope: ExpressibleByArgument {}
