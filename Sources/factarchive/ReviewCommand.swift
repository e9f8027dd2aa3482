import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore

extension ReviewVerdict: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.argument) }
}

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Record what re-checking a check found: still accurate, needs an update, withdrawn.",
    discussion: """
      Example: factarchive review 42 --verdict still-accurate --note "figures unchanged"

      still-accurate: the check's clock restarts on the review day (its due date is computed \
      from that day by the same rules), the publisher's banner no longer counts, and only \
      sources published after the review count as newer evidence.
      needs-update: the check stays at the top of the queue (reason 'review') until a newer \
      check of its question is ingested.
      withdrawn: the check leaves the queue for good; 'show' and 'history' say so.

      Every review is kept with who ($USER) and when; the latest one counts. Only the latest \
      check of a question can be reviewed.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The check's id (as listed by stale).", valueName: "check-id"))
  var checkID: Int64

  @Option(help: "What the review found: still-accurate, needs-update or withdrawn.")
  var verdict: ReviewVerdict

  @Option(help: ArgumentHelp("What the editor found, in a sentence.", valueName: "text"))
  var note: String = ""

  @Option(
    help: ArgumentHelp("The day of the review (YYYY-MM-DD); default today.", valueName: "date"))
  var on: Day?

  func validate() throws {
    if let on, on > Day.today() { throw ValidationError("--on cannot be after today.") }
    if verdict == .needsUpdate, note.allSatisfy(\.isWhitespace) {
      throw ValidationError("--note must say what needs updating.")
    }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let review: Review
      do {
        review = try Reviews.record(
          checkID: checkID, verdict: verdict, note: note, on: on ?? Day.today(),
          by: Terminal.userName, at: Timestamp.nowUTC(), in: db)
      } catch let failure as Reviews.Failure {
        throw CommandFailure(message: failure.description, status: ExitStatus.partialFailure)
      }
      let due = try db.scalarText("SELECT due_on FROM checks WHERE id = ?", [checkID])
      let consequence =
        switch verdict {
        case .stillAccurate: due.map { "; next due \($0)" } ?? ""
        case .needsUpdate: "; it stays at the top of the queue until it is re-checked"
        case .withdrawn: "; it has left the queue"
        }
      Terminal.writeOut("check \(checkID) \(review.sentence)\(consequence)\n")
    }
  }
}
