import ArgumentParser
import FactArchiveCore
import FactArchivePolicy
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation

struct PolicySetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set", abstract: "Add or change a rule, then recompute every due date.",
    discussion: """
      Examples:
        factarchive policy set default --max-age 120
        factarchive policy set time-sensitive --percent 50 --words "currently, this week"
        factarchive policy set geopolitics --max-age 60 --pattern "sanction|embargo|treaty"
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("'default', 'time-sensitive', or a topic name.", valueName: "name"))
  var name: String

  @Option(help: ArgumentHelp("Days a check stays fresh (default and topics).", valueName: "days"))
  var maxAge: Int?

  @Option(
    help: ArgumentHelp(
      "Comma-separated words or phrases, matched as whole words in any case.", valueName: "words"))
  var words: String?

  @Option(
    help: ArgumentHelp("A regular expression, matched ignoring case (topics).", valueName: "regex"))
  var pattern: String?

  @Option(
    help: ArgumentHelp(
      "Time-sensitive: the share of its maximum age a check keeps.", valueName: "percent"))
  var percent: Int?

  func validate() throws {
    if let maxAge, maxAge < 0 { throw ValidationError("--max-age must be 0 or more days.") }
    if let percent, !(1...100).contains(percent) {
      throw ValidationError("--percent must be 1 to 100.")
    }
    switch name {
    case StalenessRule.defaultName:
      guard maxAge != nil, words == nil, pattern == nil, percent == nil else {
        throw ValidationError("The default rule takes only --max-age.")
      }
    case StalenessRule.timeSensitiveName:
      guard maxAge == nil, pattern == nil, percent != nil || words != nil else {
        throw ValidationError("The time-sensitive rule takes --percent and --words.")
      }
    default:
      guard percent == nil else {
        throw ValidationError("--percent is for the time-sensitive rule.")
      }
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
      else {
        throw ValidationError("A topic name is letters, digits, '-' and '_'.")
      }
    }
  }

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let existing = try StalenessRule.all(in: db).first { $0.name == name }
      let kind = StalenessRule.kind(ofName: name)
      var rule =
        existing
        ?? StalenessRule(name: name, kind: kind)
      if let maxAge { rule.maxAgeDays = maxAge }
      if let percent { rule.maxAgePercent = percent }
      if let words {
        rule.words = StalenessRule.words(fromList: words)
      }
      if let pattern { rule.pattern = pattern.isEmpty ? nil : pattern }
      if kind == .topic {
        guard rule.maxAgeDays != nil else {
          throw CommandFailure(message: "a new topic needs --max-age", status: ExitStatus.usage)
        }
        guard !rule.words.isEmpty || rule.pattern != nil else {
          throw CommandFailure(
            message: "a topic needs --words or --pattern", status: ExitStatus.usage)
        }
      }
      rule.updatedAt = Timestamp.nowUTC()
      rule.updatedBy = Terminal.userName
      do {
        let judged = try PolicyChange.set(rule, in: db)
        Terminal.writeOut("rule '\(name)' saved; \(judged) checks judged again\n")
      } catch let error as StalenessPolicy.PolicyError {
        throw CommandFailure(message: error.description, status: ExitStatus.usage)
      }
    }
  }
}
