import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Every check of a question, oldest first, with snoozes.",
    discussion: """
      Example: factarchive history 7

      A refresh is simply a newer check of the same question: ingest it, and the queue \
      judges the new check instead of the old one.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(
    help: ArgumentHelp("The question's id (stale lists show it).", valueName: "question-id"))
  var questionID: Int64

  @Option(help: "Output format: text or json.")
  var format: DetailFormat = .text

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      guard let history = try QuestionHistory.load(questionID: questionID, from: db) else {
        throw CommandFailure(
          message: "no question \(questionID) in \(archive.path)", status: ExitStatus.partialFailure
        )
      }
      switch format {
      case .text: Terminal.writeOut(history.text(style: Terminal.style(for: STDOUT_FILENO)))
      case .json: Terminal.writeOut(history.json.rendered() + "\n")
      }
    }
  }
}
