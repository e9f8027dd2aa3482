import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore

struct SnoozeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snooze",
    abstract: "Take a check out of the stale queue until a day, with a note.",
    discussion: """
      Example: factarchive snooze 42 --until 2026-12-15 --note "waiting for the court ruling"

      The check is back in the queue on that day. Every snooze is kept with who ($USER) and \
      when; 'factarchive history' shows them.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The check's id.", valueName: "check-id"))
  var checkID: Int64

  @Option(help: ArgumentHelp("Back in the queue on this day (YYYY-MM-DD).", valueName: "date"))
  var until: Day

  @Option(help: ArgumentHelp("Why it can wait.", valueName: "text"))
  var note: String

  func validate() throws {
    guard until > Day.today() else { throw ValidationError("--until must be after today.") }
    guard !note.allSatisfy(\.isWhitespace) else { throw ValidationError("--note must say why.") }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      do {
        try Snoozes.snooze(
          checkID: checkID, until: until, note: note, by: Terminal.userName, at: Timestamp.nowUTC(),
          in: db)
      } catch let failure as Snoozes.Failure {
        throw CommandFailure(message: failure.description, status: ExitStatus.partialFailure)
      }
      Terminal.writeOut("check \(checkID) snoozed until \(until.iso)\n")
    }
  }
}
