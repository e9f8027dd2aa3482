import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore

struct UnsnoozeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unsnooze", abstract: "Put a snoozed check back in the stale queue now.",
    discussion: "Example: factarchive unsnooze 42")

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The check's id.", valueName: "check-id"))
  var checkID: Int64

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      do {
        try Snoozes.unsnooze(
          checkID: checkID, today: Day.today(), by: Terminal.userName, at: Timestamp.nowUTC(),
          in: db)
      } catch let failure as Snoozes.Failure {
        throw CommandFailure(message: failure.description, status: ExitStatus.partialFailure)
      }
      Terminal.writeOut("check \(checkID) is back in the queue\n")
    }
  }
}
