import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveStore

struct MergeQuestionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-questions",
    abstract: "Merge a question into another of the same publisher: its checks become re-checks.",
    discussion: """
      Example: factarchive merge-questions 12 31

      Question 31's checks move to question 12, whose id stays; the latest check of them all \
      is the one judged for staleness, and a later page asking question 31 lands on 12. \
      Questions worded alike are listed as "possibly the same question" by show, stale \
      --format json and the desk; nothing is merged unless an editor says so. The merge is \
      kept with who ($USER) and when; 'factarchive split-question 31' undoes it.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("The question kept.", valueName: "question-id"))
  var kept: Int64

  @Argument(help: ArgumentHelp("The question merged into it.", valueName: "question-id"))
  var merged: Int64

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let merge: QuestionMerges.Merge
      do {
        merge = try QuestionMerges.merge(
          merged, into: kept, by: Terminal.userName, at: Timestamp.nowUTC(), in: db)
      } catch let failure as QuestionMerges.Failure {
        throw CommandFailure(message: failure.description, status: ExitStatus.partialFailure)
      }
      let checks = merge.checkIDs.count == 1 ? "1 check" : "\(merge.checkIDs.count) checks"
      Terminal.writeOut(
        "question \(merged) merged into question \(kept): \(checks) moved; "
          + "undo with: factarchive split-question \(merged)\n")
    }
  }
}
