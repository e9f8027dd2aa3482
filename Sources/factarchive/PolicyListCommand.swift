import ArgumentParser
import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveSchema

struct PolicyListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the rules.",
    discussion: "Example: factarchive policy list --format json")

  @OptionGroup var archive: ArchiveOptions

  @Option(help: "Output format: table (or text) or json.")
  var format: DetailFormat = .text

  func run() throws {
    try runReportingFailures {
      let rules = try StalenessRule.all(in: try archive.openForReading())
      switch format {
      case .json:
        let array: [JSON] = rules.map { rule in
          .object([
            .init("name", .string(rule.name)), .init("kind", .string(rule.kind.rawValue)),
            .init("max_age_days", rule.maxAgeDays.map { .int($0) } ?? .null),
            .init("max_age_percent", rule.maxAgePercent.map { .int($0) } ?? .null),
            .init("words", .array(rule.words.map { .string($0) })),
            .init("pattern", .string(rule.pattern)), .init("updated_at", .string(rule.updatedAt)),
            .init("updated_by", .string(rule.updatedBy)),
          ])
        }
        Terminal.writeOut(JSON.array(array).rendered() + "\n")
      case .text:
        var rows = [["RULE", "MAX AGE", "MATCHES", "CHANGED"]]
        for rule in rules {
          let age =
            rule.maxAgePercent.map { "\($0)% of the age" } ?? rule.maxAgeDays.map { "\($0) days" }
            ?? ""
          var matches = rule.words.joined(separator: ", ")
          if let pattern = rule.pattern {
            matches += (matches.isEmpty ? "" : "; ") + "pattern /\(pattern)/"
          }
          if rule.kind == .default { matches = "every check no topic claims" }
          rows.append([rule.name, age, matches, "\(rule.updatedAt) by \(rule.updatedBy)"])
        }
        Terminal.writeOut(TextTable.columns(rows))
      }
    }
  }
}
