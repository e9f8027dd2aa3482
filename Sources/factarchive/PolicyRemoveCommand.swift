import ArgumentParser
import FactArchiveCore
import FactArchivePolicy
import FactArchiveRecording
import FactArchiveSchema

struct PolicyRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Remove a topic rule, then recompute every due date.",
    discussion: "Example: factarchive policy remove history")

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The topic rule's name.", valueName: "name"))
  var name: String

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      do {
        let judged = try PolicyChange.remove(named: name, in: db)
        Terminal.writeOut("rule '\(name)' removed; \(judged) checks judged again\n")
      } catch let failure as PolicyChange.Failure {
        throw CommandFailure(message: failure.description, status: ExitStatus.partialFailure)
      }
    }
  }
}
