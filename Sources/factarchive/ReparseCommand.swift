import ArgumentParser
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema

struct ReparseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reparse",
    abstract: "Read stored documents again with this version's parser.",
    discussion: """
      Example: factarchive reparse --rejected

      Without a flag, documents last read by an older parser are read again. Each document \
      is updated in its own transaction and its checks keep their ids. A document that used \
      to parse but now fails keeps its earlier rows and is reported.

      Exit status: 0 all parsed, 1 some are (still) rejected or failed, 4 database failure.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Flag(help: "Read every document again.")
  var all = false

  @Flag(help: "Read only the rejected documents again.")
  var rejected = false

  @Flag(name: .shortAndLong, help: "Print only errors.")
  var quiet = false

  func validate() throws {
    if all && rejected { throw ValidationError("Give --all or --rejected, not both.") }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let scope: Reparser.Scope = all ? .all : rejected ? .rejected : .outdated
      let tally = try Reparser(database: db).run(scope) { path, outcome in
        switch outcome {
        case .stillRejected(let error):
          Terminal.writeError(error.formatted(path: path) + " (still rejected)")
        case .failed(let error):
          Terminal.writeError(error.formatted(path: path) + " (kept the earlier reading)")
        case .updated, .recovered:
          break
        }
      }
      if !quiet { Terminal.writeOut(tally.summary + "\n") }
      if tally.stillRejected + tally.failed > 0 { throw ExitCode(ExitStatus.partialFailure) }
    }
  }
}
