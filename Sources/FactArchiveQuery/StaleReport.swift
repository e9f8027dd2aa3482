import FactArchiveStore

/// Output formats of the stale list.
public enum StaleFormat: String, Sendable, CaseIterable {
  /// Aligned columns for people, each check followed by its reasons.
  case table
  /// An array of objects: `check_id`, `question`, `checked_on`, `age_days`, `reasons`, ...
  case json
  /// One row per check; reasons joined by `; `.
  case csv
}

/// Renders a stale list; the same input always gives the same bytes.
public enum StaleReport {
  public static func render(
    _ checks: [StaleCheck], format: StaleFormat, asOf: Day, maxAgeDays: Int,
    style: TextStyle = .plain, width: Int = 100
  ) -> String {
    switch format {
    case .json: return json(checks).rendered() + "\n"
    case .csv: return csv(checks)
    case .table:
      return table(checks, asOf: asOf, maxAgeDays: maxAgeDays, style: style, width: width)
    }
  }

  public static func json(_ checks: [StaleCheck]) -> JSON {
    .array(checks.map(json))
  }

  static func json(_ check: StaleCheck) -> JSON {
    .object([
      .init("check_id", .int(check.checkID)),
      .init("question_id", .int(check.questionID)),
      .init("question", .string(check.question)),
      .init("checked_on", .string(check.checkedOn.iso)),
      .init("age_days", .int(check.ageDays)),
      .init("due_on", .string(check.dueOn.iso)),
      .init("overdue_days", .int(check.overdueDays)),
      .init(
        "reasons",
        .array(
          check.reasons.map {
            .object([.init("code", .string($0.code.rawValue)), .init("detail", .string($0.detail))])
          })),
    ])
  }

  static func csv(_ checks: [StaleCheck]) -> String {
    var output = TextTable.csvRow([
      "check_id", "question_id", "question", "checked_on", "age_days", "due_on", "overdue_days",
      "reason_codes", "reasons",
    ])
    for check in checks {
      output += TextTable.csvRow([
        String(check.checkID), String(check.questionID), check.question, check.checkedOn.iso,
        String(check.ageDays), check.dueOn.iso, String(check.overdueDays),
        check.reasons.map(\.code.rawValue).joined(separator: ";"),
        check.reasons.map(\.detail).joined(separator: "; "),
      ])
    }
    return output
  }

  static func table(
    _ checks: [StaleCheck], asOf: Day, maxAgeDays: Int, style: TextStyle, width: Int
  ) -> String {
    guard !checks.isEmpty else {
      return "No stale checks as of \(asOf.iso) (limit \(maxAgeDays) days).\n"
    }
    let noun = checks.count == 1 ? "check" : "checks"
    var output = style.bold("\(checks.count) stale \(noun) as of \(asOf.iso)") + "\n\n"
    let idWidth = max(5, checks.map { String($0.checkID).count }.max() ?? 0)
    let ageWidth = max(3, checks.map { String($0.ageDays).count }.max() ?? 0)
    let indent = idWidth + 2 + 10 + 2 + ageWidth + 2
    let questionWidth = max(20, width - indent)
    output +=
      style.bold(
        TextTable.pad("CHECK", idWidth, alignRight: true) + "  CHECKED ON  "
          + TextTable.pad("AGE", ageWidth, alignRight: true) + "  QUESTION") + "\n"
    for check in checks {
      output +=
        TextTable.pad(String(check.checkID), idWidth, alignRight: true) + "  "
        + check.checkedOn.iso + "  "
        + TextTable.pad(String(check.ageDays), ageWidth, alignRight: true)
        + "  " + TextTable.truncate(check.question, to: questionWidth) + "\n"
      for reason in check.reasons {
        let code =
          reason.code == .publisherFlag
          ? style.red(reason.code.rawValue) : style.yellow(reason.code.rawValue)
        output += String(repeating: " ", count: indent) + "↳ " + code + ": " + reason.detail + "\n"
      }
    }
    return output
  }
}
