/// Why a check may be outdated: a code for scripts and a sentence for editors.
public struct StaleReason: Sendable, Equatable, Codable {
  public enum Code: String, Sendable, CaseIterable, Codable {
    /// An editor reviewed it and marked it as needing an update (listed first: it is known
    /// to be wrong).
    case review
    /// Past its due date: older than the policy allows.
    case age
    /// The publisher's own "This fact-check may be outdated" banner.
    case publisherFlag = "publisher_flag"
    /// Leans on time-bound wording ("currently", "this week"), so it falls due sooner.
    case timeSensitive = "time_sensitive"
    /// Sources published after it share its names.
    case newerEvidence = "newer_evidence"
    /// Another publisher rated a similar claim after it.
    case otherVerdict = "other_verdict"
    /// No check date on the page.
    case undated
  }

  public var code: Code
  public var detail: String

  public init(code: Code, detail: String) {
    self.code = code
    self.detail = detail
  }
}

/// A newer source that shares a check's names.
public struct EvidenceSource: Sendable, Equatable {
  public var sourceID: Int64
  public var title: String
  public var date: Day
  /// The shared names, most telling first.
  public var sharedTerms: [String]
  /// How telling the shared names are together (the sum of their weights); `nil` for links
  /// made before scores were kept.
  public var score: Double?
  /// The shared names telling enough to count (the others are too common).
  public var tellingTerms: [String]?

  public init(
    sourceID: Int64, title: String, date: Day, sharedTerms: [String], score: Double? = nil,
    tellingTerms: [String]? = nil
  ) {
    self.sourceID = sourceID
    self.title = title
    self.date = date
    self.sharedTerms = sharedTerms
    self.score = score
    self.tellingTerms = tellingTerms
  }
}

/// The latest check of a question, judged on a day.
public struct StaleCheck: Sendable, Equatable {
  public var checkID: Int64
  public var questionID: Int64
  public var question: String
  /// The `Checked on` date.
  public var checkedOn: Day?
  /// For an undated page: the newest date its text mentions.
  public var checkedOnInferred: Day?
  /// Days from the check's (stated or inferred) date to the judging day.
  public var ageDays: Int?
  /// The first day the check counts as stale.
  public var dueOn: Day
  /// Days since `dueOn` (0 on the day it falls due).
  public var overdueDays: Int
  /// The topic rule that set its maximum age; `nil` for the default.
  public var topic: String?
  /// The age it may reach under the policy.
  public var maxAgeDays: Int
  public var citationCount: Int
  public var reasons: [StaleReason]
  public var evidence: [EvidenceSource]
  /// Set when an editor snoozed it past the judging day.
  public var snoozedUntil: Day?
  /// Its tier in the queue; `nil` in reports recorded before tiers.
  public var tier: QueueTier?
  /// The latest editor's review, when it has one.
  public var lastReview: Review?
  /// For another publisher's fact-check: the organisation, and its rating normalised.
  public var publisher: String?
  public var ratingClass: RatingClass?
  /// Other publishers' later verdicts on similar claims, disagreements first.
  public var otherVerdicts: [OtherVerdict] = []
  /// Questions of the same publisher that may be this one.
  public var possiblySameQuestions: [SimilarQuestion] = []

  /// The date it is aged from: stated, else inferred.
  public var baseDate: Day? { checkedOn ?? checkedOnInferred }

  /// `2025-12-03`, `~2025-04-20` for an inferred date, `no date` for none.
  public var dateLabel: String {
    checkedOn?.iso ?? checkedOnInferred.map { "~" + $0.iso } ?? "no date"
  }

  public init(
    checkID: Int64, questionID: Int64, question: String, checkedOn: Day?, checkedOnInferred: Day?,
    ageDays: Int?, dueOn: Day, overdueDays: Int, topic: String?, maxAgeDays: Int,
    citationCount: Int, reasons: [StaleReason], evidence: [EvidenceSource], snoozedUntil: Day?,
    tier: QueueTier? = nil, lastReview: Review? = nil
  ) {
    self.checkID = checkID
    self.questionID = questionID
    self.question = question
    self.checkedOn = checkedOn
    self.checkedOnInferred = checkedOnInferred
    self.ageDays = ageDays
    self.dueOn = dueOn
    self.overdueDays = overdueDays
    self.topic = topic
    self.maxAgeDays = maxAgeDays
    self.citationCount = citationCount
    self.reasons = reasons
    self.evidence = evidence
    self.snoozedUntil = snoozedUntil
    self.tier = tier
    self.lastReview = lastReview
  }
}
