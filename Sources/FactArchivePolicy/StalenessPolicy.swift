import FactArchiveStore

/// The staleness policy, loaded from `staleness_rules`, applied to one check at a time.
///
/// ```swift
/// let policy = try StalenessPolicy.load(from: db)
/// let verdict = policy.assess(facts)
/// verdict.dueOn        // the first day the check counts as stale
/// verdict.maxAgeDays   // 30 under 'elections', 45 when time-sensitive under the default 90
/// ```
///
/// A check falls due the day after it reaches its maximum age; at once when the publisher
/// flagged it or when a newer source shares its names; and an undated check with no date in
/// its text is due from the day it was ingested.
public struct StalenessPolicy {
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

  /// What the policy reads from a check.
  public struct Facts: Sendable {
    public var question: String
    /// The executive summary (or the first summary when there is none).
    public var summary: String
    public var checkedOn: Day?
    public var checkedOnInferred: Day?
    public var ingestedOn: Day
    public var publisherFlagged: Bool
    /// The earliest date of a newer source sharing the check's names.
    public var evidenceOn: Day?

    public init(
      question: String, summary: String, checkedOn: Day?, checkedOnInferred: Day?, ingestedOn: Day,
      publisherFlagged: Bool, evidenceOn: Day? = nil
    ) {
      self.question = question
      self.summary = summary
      self.checkedOn = checkedOn
      self.checkedOnInferred = checkedOnInferred
      self.ingestedOn = ingestedOn
      self.publisherFlagged = publisherFlagged
      self.evidenceOn = evidenceOn
    }

    /// The date the check is aged from: stated, else inferred.
    public var baseDate: Day? { checkedOn ?? checkedOnInferred }
  }

  /// What the policy concludes.
  public struct Verdict: Sendable, Equatable {
    public var topic: String?
    public var maxAgeDays: Int
    public var timeSensitiveTerms: [String]
    public var keyTerms: [String]
    public var dueOn: Day
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

  public static func load(from db: Database) throws -> StalenessPolicy {
    try StalenessPolicy(rules: StalenessRule.all(in: db))
  }

  /// Key names kept per check, for matching newer evidence.
  public static let keyTermLimit = 12

  public func assess(_ facts: Facts) -> Verdict {
    let text = facts.question + "\n" + facts.summary
    let lowered = Array(text.lowercased().utf8)
    var topic: String?
    var maxAge = defaultMaxAgeDays
    for candidate in topics where matches(candidate, text: text, lowered: lowered) {
      if topic == nil || candidate.maxAgeDays < maxAge {
        topic = candidate.name
        maxAge = candidate.maxAgeDays
      }
    }
    let terms = timeSensitive.matches(inLowercased: lowered)
    if !terms.isEmpty {
      maxAge = maxAge * timeSensitivePercent / 100
    }
    var due: Day
    if let base = facts.baseDate {
      due = base.adding(days: maxAge + 1)
      if facts.publisherFlagged { due = min(due, base) }
    } else {
      due = facts.ingestedOn
    }
    if let evidence = facts.evidenceOn { due = min(due, evidence) }
    return Verdict(
      topic: topic, maxAgeDays: maxAge, timeSensitiveTerms: terms,
      keyTerms: KeyTerms.extract(from: text, limit: Self.keyTermLimit), dueOn: due)
  }

  private func matches(_ topic: Topic, text: String, lowered: [UInt8]) -> Bool {
    if !topic.words.isEmpty, !topic.words.matches(inLowercased: lowered).isEmpty { return true }
    if let pattern = topic.pattern, (try? pattern.firstMatch(in: text)) != nil { return true }
    return false
  }
}
