import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
  enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case new, any
  }

  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "The nightly staleness report: recorded once per day, in four formats.",
    discussion: """
      Example: factarchive report --format html --out stale.html --fail-on new

      Totals, checks newly stale since the previous report, still stale, refreshed since the \
      previous report, snoozed, undated; counts by topic and by reason; the oldest checks; \
      charts of check ages and of stale counts over past reports (html). Each run is \
      recorded in staleness_runs, in day order, and the queue as periods in \
      staleness_periods (staleness_flags and newly_stale are views over them); running the \
      same --as-of again prints the recorded report, byte for byte, and a report for an \
      earlier day that was never recorded is refused.

      Exit status: 0 success; 3 with --fail-on new when there are newly stale checks, or \
      with --fail-on any when any check is stale; 2 usage error; 4 database failure.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: ArgumentHelp("Report on this day (YYYY-MM-DD).", valueName: "date"))
  var asOf: Day?

  @Option(help: "Output format: markdown, json, csv or html.")
  var format: ReportFormat = .markdown

  @Option(
    help: ArgumentHelp(
      "Write the report to this file instead of standard output.", valueName: "file"))
  var out: String?

  @Option(
    help: ArgumentHelp(
      "Exit 3 when there are newly stale (new) or any stale (any) checks.", valueName: "when"))
  var failOn: FailOn?

  @Flag(help: "List the recorded reports (day, stale, newly stale, ...) instead of running one.")
  var list = false

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      if list {
        var rows = [["DAY", "CHECKS", "STALE", "NEW", "REFRESHED", "SNOOZED", "REVIEWED"]]
        for run in try NightlyReport.recordedRuns(on: db) {
          rows.append(
            [run.asOf.iso]
              + [run.checks, run.stale, run.newStale, run.refreshed, run.snoozed, run.reviewed]
              .map(String.init))
        }
        Terminal.writeOut(rows.count == 1 ? "No report recorded yet.\n" : TextTable.columns(rows))
        return
      }
      let content: ReportContent
      do {
        content = try Timing.measure("report") {
          try NightlyReport.run(
            asOf: asOf ?? Day.today(), by: Terminal.userName, at: Timestamp.nowUTC(), on: db)
        }
      } catch let error as NightlyReport.OutOfOrder {
        throw CommandFailure(message: error.description, status: ExitStatus.usage)
      }
      let text = ReportRenderer.render(content, format: format)
      if let out {
        do {
          try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
          throw CommandFailure(
            message: "cannot write \(out): \(error.localizedDescription)", status: 1)
        }
      } else {
        Terminal.writeOut(text)
      }
      switch failOn {
      case .new where content.totals.newStale > 0, .any where content.totals.stale > 0:
        throw ExitCode(ExitStatus.staleFound)
      default:
        break
      }
    }
  }
}
