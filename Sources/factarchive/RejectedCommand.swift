import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema

struct RejectedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rejected",
    abstract: "List the documents the parser rejected, with where and why.",
    discussion: """
      Example: factarchive rejected --format csv

      Rejected documents keep their bytes; after a parser upgrade, 'factarchive reparse \
      --rejected' reads them again.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: "Output format: table, json or csv.")
  var format: ListFormat = .table

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      Terminal.writeOut(RejectedDocument.render(try RejectedDocument.all(in: db), format: format))
    }
  }
}
