import ArgumentParser
import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension StaleReason.Code: ExpressibleByArgument {}
extension QueueOrder: ExpressibleByArgument {}

extension RatingClass: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.argument) }
}

struct StaleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stale",
    abstract: "List the checks that may be outdated, most urgent first, with reasons.",
    discussion: """
      Example: factarchive stale --as-of 2026-11-22 --limit 20 --format json

      The latest check of each question is judged by the policy (see 'factarchive policy \
      list'). Reasons: age (past its due date), publisher_flag (the publisher's own "may be \
      outdated" banner), time_sensitive (time-bound wording: falls due sooner), \
      newer_evidence (newer sources share its names), undated (no check date: aged from the \
      newest date its text mentions, or always listed when there is none).

      Order (--order tier, the default): tier by tier, so the checks most likely to be \
      wrong now come first: 1 marked needs update by an editor (reason review), 2 the \
      publisher's banner or newer evidence, 3 time-bound wording, 4 only old; inside a tier \
      the most overdue first, then the most cited. --order overdue: the most overdue first, \
      then the most reasons, then the most citations, undated last among equals. --order \
      citations: the most cited first. Each entry carries its tier (json, csv). Snoozed, \
      withdrawn and superseded checks are not listed.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: ArgumentHelp("Judge staleness on this day (YYYY-MM-DD).", valueName: "date"))
  var asOf: Day?

  @Option(
    help: ArgumentHelp(
      "Only this topic ('default' for checks no topic rule claims).", valueName: "name"))
  var topic: String?

  @Option(
    help: ArgumentHelp(
      "Only checks stale for this reason: age, publisher_flag, time_sensitive, newer_evidence, undated, review.",
      valueName: "code"))
  var reason: StaleReason.Code?

  @Option(help: ArgumentHelp("Only checks in this tier (1 to 4).", valueName: "tier"))
  var tier: Int?

  @Option(
    help: ArgumentHelp("Only checks whose question contains this text.", valueName: "text"))
  var text: String?

  @Option(
    help: ArgumentHelp(
      "Only other publishers' checks whose rating has this class: false, mostly-false, mixed, mostly-true, true, unproven or other.",
      valueName: "class"))
  var ratingClass: RatingClass?

  @Option(help: ArgumentHelp("At most this many checks.", valueName: "count"))
  var limit: Int?

  @Option(
    help: ArgumentHelp("Skip this many checks first (with --limit: paging).", valueName: "count"))
  var offset: Int?

  @Option(
    help: ArgumentHelp(
      "Judge every check by this maximum age instead of the policy (slower: no index).",
      valueName: "days"))
  var maxAge: Int?

  @Option(help: "Order: tier, overdue or citations.")
  var order: QueueOrder = .tier

  @Option(help: "Output format: table, json or csv.")
  var format: ListFormat = .table

  func validate() throws {
    if let maxAge, maxAge < 0 { throw ValidationError("--max-age must be 0 or more days.") }
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    if let tier, !(1...4).contains(tier) { throw ValidationError("--tier must be 1 to 4.") }
    if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more.") }
    if offset != nil, limit == nil, maxAge == nil {
      throw ValidationError("--offset pages with --limit: give both.")
    }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      let day = asOf ?? Day.today()
      var queue = StaleQueue(
        asOf: day, topic: topic, reason: reason, limit: limit, maxAgeOverride: maxAge, order: order)
      queue.tier = tier.flatMap(QueueTier.init(rawValue:))
      queue.text = text
      queue.ratingClass = ratingClass
      queue.offset = offset
      Terminal.writeOut(
        StaleReport.render(
          try Timing.measure("stale") { try queue.run(on: db) }, format: format, asOf: day,
          style: Terminal.style(for: STDOUT_FILENO), width: Terminal.width(of: STDOUT_FILENO),
          byTier: order == .tier))
    }
  }
}
