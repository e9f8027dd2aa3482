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

struct SourceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "source",
    abstract: "Print a source article: its text, links, and the checks it is newer evidence for.",
    discussion: "Example: factarchive source 7 --format json")

  @OptionGroup var archive: ArchiveOptions

  @Argument(
    help: ArgumentHelp("The source's id (as newer evidence lists it).", valueName: "source-id"))
  var sourceID: Int64

  @Option(help: "Output format: text or json.")
  var format: DetailFormat = .text

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      guard let detail = try SourceDetail.load(sourceID, from: db) else {
        throw CommandFailure(
          message: "no source \(sourceID) in \(archive.path)", status: ExitStatus.partialFailure)
      }
      switch format {
      case .text: Terminal.writeOut(detail.text(style: Terminal.style(for: STDOUT_FILENO)))
      case .json: Terminal.writeOut(detail.json.rendered() + "\n")
      }
    }
  }
}
