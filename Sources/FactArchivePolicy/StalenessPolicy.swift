import FactArchiveCore

/// The staleness policy: its rules compiled, applied to one check at a time. Pure: facts in,
/// verdict out; the database module loads the rules and stores the verdicts.
///
/// ```swift
/// let policy = try StalenessPolicy(rules: rules)
/// let verdict = policy.assess(facts)
/// verdict.dueOn        // the first day the check counts as stale (see `DueDate`)
/// verdict.maxAgeDays   // 30 under 'elections', 45 when time-sensitive under the default 90
/// ```
public struct StalenessPolicy {
  public typealias Facts = CheckFacts
  public typealias Verdict = StalenessVerdict

  public let rules: [StalenessRule]
  public let defaultMaxAgeDays: Int
  public let timeSensitivePercent: Int
  private let timeSensitive: WordMatcher
  private let topics: [Topic]

  private struct Topic {
    var name: String
    var maxAgeDays: Int
    var words: WordMatcher
    var pattern: Regex<AnyRegexOutput>?
  }

  public enum PolicyError: Error, CustomStringConvertible {
    case badPattern(rule: String, message: String)
    case missingDefault

    public var description: String {
      switch self {
      case .badPattern(let rule, let message): return "rule '\(rule)': bad pattern: \(message)"
      case .missingDefault: return "the policy has no 'default' rule"
      }
    }
  }

  public init(rules: [StalenessRule]) throws {
    self.rules = rules
    guard let base = rules.first(where: { $0.kind == .default }), let days = base.maxAgeDays else {
      throw PolicyError.missingDefault
    }
    defaultMaxAgeDays = days
    let sensitive = rules.first { $0.kind == .timeSensitive }
    timeSensitivePercent = sensitive?.maxAgePercent ?? 100
    timeSensitive = WordMatcher(sensitive?.words ?? [])
    var topics: [Topic] = []
    for rule in rules where rule.kind == .topic {
      var pattern: Regex<AnyRegexOutput>?
      if let text = rule.pattern {
        do {
          pattern = try Regex(text).ignoresCase()
        } catch {
          throw PolicyError.badPattern(rule: rule.name, message: "\(error)")
        }
      }
      topics.append(
        Topic(
          name: rule.name, maxAgeDays: rule.maxAgeDays ?? days, words: WordMatcher(rule.words),
          pattern: pattern))
    }
    self.topics = topics
  }

  public func assess(_ facts: Facts) -> Verdict {
    let text = facts.text
    let lowered = WordMatcher.Text(text)
    var topic: String?
    var ruleAge = defaultMaxAgeDays
    for candidate in topics where matches(candidate, text: text, lowered: lowered) {
      if topic == nil || candidate.maxAgeDays < ruleAge {
        topic = candidate.name
        ruleAge = candidate.maxAgeDays
      }
    }
    let terms = timeSensitive.matches(in: lowered)
    let maxAge = terms.isEmpty ? ruleAge : shortened(ruleAge)
    var verdict = Verdict(
      topic: topic, maxAgeDays: maxAge, timeSensitiveTerms: terms,
      keyTerms: AboutText.checkNames(facts), dueOn: nil)
    verdict.reconsider(facts.timeline)
    return verdict
  }

  /// The maximum age the rule for `topic` allows (`nil`: the default rule), before
  /// time-bound wording shortens it.
  public func ruleMaxAge(topic: String?) -> Int {
    topic.flatMap { name in topics.first { $0.name == name }?.maxAgeDays } ?? defaultMaxAgeDays
  }

  /// An age as the time-sensitive rule shortens it.
  public func shortened(_ maxAgeDays: Int) -> Int {
    maxAgeDays * timeSensitivePercent / 100
  }

  private func matches(_ topic: Topic, text: String, lowered: WordMatcher.Text) -> Bool {
    if topic.words.matchesAny(in: lowered) { return true }
    if let pattern = topic.pattern, (try? pattern.firstMatch(in: text)) != nil { return true }
    return false
  }
}
