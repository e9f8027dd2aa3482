/// A fact-check's verdict, normalised across publishers and languages (`checks.rating_class`):
/// the publisher's own words stay in `checks.rating`. Which class a rating has is decided by
/// the policy (`RatingLexicon` in `FactArchivePolicy`).
public enum RatingClass: String, Sendable, CaseIterable, Codable {
  case `false`
  case mostlyFalse = "mostly_false"
  case mixed
  case mostlyTrue = "mostly_true"
  case `true`
  case unproven
  /// A rating that says something else: satire, a doctored image, out of context.
  case other

  /// Where it stands from false to true (`nil` for unproven and other): two verdicts
  /// disagree when they stand on opposite sides of mixed.
  public var truthiness: Int? {
    switch self {
    case .false: return 0
    case .mostlyFalse: return 1
    case .mixed: return 2
    case .mostlyTrue: return 3
    case .true: return 4
    case .unproven, .other: return nil
    }
  }

  /// As typed on the command line and shown to editors: `mostly-false`.
  public var argument: String { String(rawValue.map { $0 == "_" ? "-" : $0 }) }

  public init?(argument: String) {
    self.init(rawValue: String(argument.lowercased().map { $0 == "-" ? "_" : $0 }))
  }
}
