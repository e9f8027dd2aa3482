import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a whole check: question, date, summaries, citations and follow-ups.",
    discussion: "Example: factarchive show 42 --format json")

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The check's id (as listed by stale).", valueName: "check-id"))
  var checkID: Int64

  @Option(help: "Output format: text or json.")
  var format: DetailFormat = .text

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      guard let detail = try CheckDetail.load(checkID, from: db) else {
        throw CommandFailure(
          message: "no check \(checkID) in \(archive.path)", status: ExitStatus.partialFailure)
      }
      switch format {
      case .text: Terminal.writeOut(detail.text(style: Terminal.style(for: STDOUT_FILENO)))
      case .json: Terminal.writeOut(detail.json.rendered() + "\n")
      }
    }
  }
}
