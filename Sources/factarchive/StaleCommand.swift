import ArgumentParser
import FactArchiveQuery
import FactArchiveStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension StaleFormat: ExpressibleByArgument {}

struct StaleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stale",
    abstract: "List the checks that may be outdated, most overdue first, with reasons.",
    discussion: """
      Example: factarchive stale --as-of 2026-11-22 --format json

      The latest check of each question is stale when it is older than --max-age days \
      (reason 'age') or when the publisher's page says it may be outdated (reason \
      'publisher_flag'). Checks dated after --as-of are not judged.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: ArgumentHelp("Judge staleness on this day (YYYY-MM-DD).", valueName: "date"))
  var asOf: Day?

  @Option(help: ArgumentHelp("Days after which a check is stale.", valueName: "days"))
  var maxAge = StalenessQuery.defaultMaxAgeDays

  @Option(help: "Output format: table, json or csv.")
  var format: StaleFormat = .table

  func validate() throws {
    guard maxAge >= 0 else { throw ValidationError("--max-age must be 0 or more days.") }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let day = asOf ?? Day.today()
      let checks = try StalenessQuery(asOf: day, maxAgeDays: maxAge).run(on: db)
      Terminal.writeOut(
        StaleReport.render(
          checks, format: format, asOf: day, maxAgeDays: maxAge,
          style: Terminal.style(for: STDOUT_FILENO), width: Terminal.width(of: STDOUT_FILENO)))
    }
  }
}
