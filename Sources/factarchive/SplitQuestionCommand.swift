import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveStore

struct SplitQuestionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "split-question",
    abstract: "Undo merge-questions: give a merged question back its id, text and checks.",
    discussion: """
      Example: factarchive split-question 31

      The checks that moved with question 31 (those still on the question it went into) \
      move back, and each question's latest check is judged again. Only an editor's merge \
      can be split: questions merged because their keys are the same once folded (U.S. = \
      US) would merge again with the next page. The split is kept with who ($USER) and when.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The question merged away.", valueName: "question-id"))
  var merged: Int64

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let moved: [Int64]
      do {
        moved = try QuestionMerges.split(
          merged, by: Terminal.userName, at: Timestamp.nowUTC(), in: db)
      } catch let failure as QuestionMerges.Failure {
        throw CommandFailure(message: failure.description, status: ExitStatus.partialFailure)
      }
      let checks = moved.count == 1 ? "1 check" : "\(moved.count) checks"
      Terminal.writeOut("question \(merged) is back: \(checks) moved back\n")
    }
  }
}
