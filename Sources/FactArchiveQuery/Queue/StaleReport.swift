import FactArchiveCore
import FactArchivePolicy

/// Renders a stale list; the same input always gives the same bytes.
public enum StaleReport {
  /// - Parameter byTier: the list is in tier order: the table heads each tier.
  public static func render(
    _ checks: [StaleCheck], format: ListFormat, asOf: Day, style: TextStyle = .plain,
    width: Int = 100, byTier: Bool = false
  ) -> String {
    switch format {
    case .json: return json(checks).rendered() + "\n"
    case .csv: return csv(checks)
    case .table: return table(checks, asOf: asOf, style: style, width: width, byTier: byTier)
    }
  }

  /// The checks in their one JSON shape (`StaleCheck: Codable`).
  public static func json(_ checks: [StaleCheck]) -> JSON {
    JSON(encoding: checks)
  }

  static let csvHeader = [
    "check_id", "question_id", "question", "checked_on", "checked_on_inferred", "age_days",
    "due_on", "overdue_days", "topic", "reason_codes", "reasons", "tier",
  ]

  static func csvFields(_ check: StaleCheck) -> [String] {
    [
      String(check.checkID), String(check.questionID), check.question, check.checkedOn?.iso ?? "",
      check.checkedOnInferred?.iso ?? "", check.ageDays.map(String.init) ?? "", check.dueOn.iso,
      String(check.overdueDays), check.topic ?? "",
      check.reasons.map(\.code.rawValue).joined(separator: ";"),
      check.reasons.map(\.detail).joined(separator: "; "),
      check.tier.map { String($0.rawValue) } ?? "",
    ]
  }

  static func csv(_ checks: [StaleCheck]) -> String {
    TextTable.csvRow(csvHeader) + checks.map { TextTable.csvRow(csvFields($0)) }.joined()
  }

  static func table(
    _ checks: [StaleCheck], asOf: Day, style: TextStyle, width: Int, byTier: Bool
  ) -> String {
    guard !checks.isEmpty else { return "No stale checks as of \(asOf.iso).\n" }
    let noun = checks.count == 1 ? "check" : "checks"
    var output =
      style.bold("\(checks.count) stale \(noun) as of \(asOf.iso), most urgent first") + "\n\n"
    let idWidth = max(5, checks.map { String($0.checkID).count }.max() ?? 0)
    let ages = checks.map { $0.ageDays.map(String.init) ?? "-" }
    let ageWidth = max(3, ages.map(\.count).max() ?? 0)
    let dateWidth = checks.contains { $0.checkedOn == nil } ? 11 : 10
    let indent = idWidth + 2 + dateWidth + 2 + ageWidth + 2
    let questionWidth = max(20, width - indent)
    output +=
      style.bold(
        TextTable.pad("CHECK", idWidth, alignRight: true) + "  "
          + TextTable.pad("CHECKED ON", dateWidth) + "  "
          + TextTable.pad("AGE", ageWidth, alignRight: true) + "  QUESTION") + "\n"
    var currentTier: QueueTier?
    for (check, age) in zip(checks, ages) {
      if byTier, let tier = check.tier, tier != currentTier {
        currentTier = tier
        let count = checks.filter { $0.tier == tier }.count
        output += style.dim("── tier \(tier.rawValue): \(tier.name) (\(count))") + "\n"
      }
      output +=
        TextTable.pad(String(check.checkID), idWidth, alignRight: true) + "  "
        + TextTable.pad(check.dateLabel, dateWidth) + "  "
        + TextTable.pad(age, ageWidth, alignRight: true) + "  "
        + TextTable.truncate(check.question, to: questionWidth) + "\n"
      for reason in check.reasons {
        let code =
          reason.code == .publisherFlag || reason.code == .newerEvidence
          ? style.red(reason.code.rawValue) : style.yellow(reason.code.rawValue)
        output += String(repeating: " ", count: indent) + "↳ " + code + ": " + reason.detail + "\n"
      }
    }
    return output
  }
}
