/// What the staleness policy concludes about one check.
public struct StalenessVerdict: Sendable, Equatable {
  /// The topic rule that set its maximum age; `nil` for the default rule.
  public var topic: String?
  /// The age it may reach: the rule's, shortened when it leans on time-bound wording.
  public var maxAgeDays: Int
  /// The time-bound wording found ("currently", "this week").
  public var timeSensitiveTerms: [String]
  /// The names it is about, most frequent first, for matching newer evidence.
  public var keyTerms: [String]
  /// The first day it counts as stale; `nil` for a withdrawn check, never due.
  public var dueOn: Day?
  /// Its tier in the queue (`QueueTier.of` in the policy); `nil` for a withdrawn check.
  public var tier: QueueTier?

  public init(
    topic: String?, maxAgeDays: Int, timeSensitiveTerms: [String], keyTerms: [String], dueOn: Day?,
    tier: QueueTier? = nil
  ) {
    self.topic = topic
    self.maxAgeDays = maxAgeDays
    self.timeSensitiveTerms = timeSensitiveTerms
    self.keyTerms = keyTerms
    self.dueOn = dueOn
    self.tier = tier
  }

  /// `currently, this week` as stored in `checks.time_sensitive_terms`, or `nil` for none.
  public var timeSensitiveList: String? {
    timeSensitiveTerms.isEmpty ? nil : timeSensitiveTerms.joined(separator: ", ")
  }
}

/// A newer source that shares a check's names: evidence the check may be outdated.
public struct EvidenceLink: Sendable, Equatable {
  public var sourceID: Int64
  /// The names both mention, most telling first.
  public var sharedTerms: [String]
  /// The shared names that counted (not common), most telling first.
  public var tellingTerms: [String]
  /// How telling the shared names are together: the sum of the telling names' weights.
  public var score: Double
  /// The source's date (stated or inferred).
  public var sourceDate: Day

  public init(
    sourceID: Int64, sharedTerms: [String], tellingTerms: [String], score: Double, sourceDate: Day
  ) {
    self.sourceID = sourceID
    self.sharedTerms = sharedTerms
    self.tellingTerms = tellingTerms
    self.score = score
    self.sourceDate = sourceDate
  }
}
