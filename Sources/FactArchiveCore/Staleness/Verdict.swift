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
  /// The first day it counts as stale.
  public var dueOn: Day

  public init(
    topic: String?, maxAgeDays: Int, timeSensitiveTerms: [String], keyTerms: [String], dueOn: Day
  ) {
    self.topic = topic
    self.maxAgeDays = maxAgeDays
    self.timeSensitiveTerms = timeSensitiveTerms
    self.keyTerms = keyTerms
    self.dueOn = dueOn
  }

  /// `currently, this week` as stored in `checks.time_sensitive_terms`, or `nil` for none.
  public var timeSensitiveList: String? {
    timeSensitiveTerms.isEmpty ? nil : timeSensitiveTerms.joined(separator: ", ")
  }
}

/// A newer source that shares a check's names: evidence the check may be outdated.
public struct EvidenceLink: Sendable, Equatable {
  public var sourceID: Int64
  /// The names both mention.
  public var sharedTerms: [String]
  /// The source's date (stated or inferred).
  public var sourceDate: Day

  public init(sourceID: Int64, sharedTerms: [String], sourceDate: Day) {
    self.sourceID = sourceID
    self.sharedTerms = sharedTerms
    self.sourceDate = sourceDate
  }
}
