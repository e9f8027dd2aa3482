/// What a nightly report says, independent of its format. It is stored with its run
/// (`staleness_runs.report`) so that running the same day again prints the same bytes.
public struct ReportContent: Sendable, Equatable {
  public struct Totals: Sendable, Equatable {
    /// Latest checks in the archive (one per question).
    public var checks: Int
    /// In the queue: stale and not snoozed.
    public var stale: Int
    /// Stale now, not in the previous run's queue.
    public var newStale: Int
    /// Stale now and in the previous run's queue.
    public var stillStale: Int
    /// In the previous run's queue, re-checked since.
    public var refreshed: Int
    /// Stale but snoozed.
    public var snoozed: Int
    /// Latest checks without a `Checked on` date.
    public var undated: Int
    /// Reviews dated since the previous report (`nil` in reports recorded before reviews).
    public var reviewed: Int?
    /// Other publishers' verdicts on a similar claim dated since the previous report, on
    /// latest checks, and how many of them disagree with ours (`nil` in reports recorded
    /// before claims were matched).
    public var otherVerdicts: Int? = nil
    public var disagreements: Int? = nil

    public init(
      checks: Int, stale: Int, newStale: Int, stillStale: Int, refreshed: Int, snoozed: Int,
      undated: Int, reviewed: Int?
    ) {
      self.checks = checks
      self.stale = stale
      self.newStale = newStale
      self.stillStale = stillStale
      self.refreshed = refreshed
      self.snoozed = snoozed
      self.undated = undated
      self.reviewed = reviewed
    }
  }

  /// A named count (a topic, a reason, an age band, a past run).
  public struct Count: Sendable, Equatable, Codable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
      self.name = name
      self.count = count
    }
  }

  public var asOf: Day
  public var recordedAt: String
  public var previousAsOf: Day?
  public var totals: Totals
  public var byTopic: [Count]
  public var byReason: [Count]
  /// Latest checks by age band (`0–30 days`, ..., `no date`).
  public var ageBands: [Count]
  /// Queue size of each run up to this one (name: the run's day).
  public var history: [Count]
  /// Each list holds at most `ReportContent.listLimit` items, most urgent first; the full
  /// sets are in `staleness_flags`.
  public var newlyStale: [StaleCheck]
  public var stillStale: [StaleCheck]
  public var refreshed: [StaleCheck]
  public var snoozed: [StaleCheck]
  public var oldest: [StaleCheck]
  /// Checks in the queue by tier (`1 needs update`, ...); `nil` in reports recorded before
  /// tiers.
  public var byTier: [Count]?
  /// Other publishers' checks in the queue by their rating's class (`false`, …); `nil` in
  /// reports recorded before rating classes, left out of the report when empty.
  public var byRatingClass: [Count]?
  /// Checks reviewed since the previous report, each with that review as `lastReview`;
  /// `nil` in reports recorded before reviews.
  public var reviewed: [StaleCheck]?
  /// Pages and feeds fetched since the previous report; `nil` when nothing was ever fetched
  /// (and in reports recorded before fetching).
  public var feeds: FeedsSection?

  public static let listLimit = 100
  public static let oldestLimit = 10

  public init(
    asOf: Day, recordedAt: String, previousAsOf: Day?, totals: Totals, byTopic: [Count],
    byReason: [Count], ageBands: [Count], history: [Count], newlyStale: [StaleCheck],
    stillStale: [StaleCheck], refreshed: [StaleCheck], snoozed: [StaleCheck],
    oldest: [StaleCheck], byTier: [Count]?, reviewed: [StaleCheck]?
  ) {
    self.asOf = asOf
    self.recordedAt = recordedAt
    self.previousAsOf = previousAsOf
    self.totals = totals
    self.byTopic = byTopic
    self.byReason = byReason
    self.ageBands = ageBands
    self.history = history
    self.newlyStale = newlyStale
    self.stillStale = stillStale
    self.refreshed = refreshed
    self.snoozed = snoozed
    self.oldest = oldest
    self.byTier = byTier
    self.reviewed = reviewed
  }
}

/// The one JSON shape of a report: what `factarchive report --format json` prints and what
/// `staleness_runs.report` stores (its lists hold stale checks in their one shape).
extension ReportContent: Codable {
  enum CodingKeys: String, CodingKey {
    case asOf = "as_of"
    case recordedAt = "recorded_at"
    case previousAsOf = "previous_as_of"
    case totals
    case byTier = "by_tier"
    case byRatingClass = "by_rating_class"
    case byTopic = "by_topic"
    case byReason = "by_reason"
    case ageBands = "age_bands"
    case history
    case newlyStale = "newly_stale"
    case stillStale = "still_stale"
    case refreshed, snoozed, reviewed, oldest, feeds
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(asOf, forKey: .asOf)
    try container.encode(recordedAt, forKey: .recordedAt)
    try container.encode(previousAsOf, forKey: .previousAsOf)
    try container.encode(totals, forKey: .totals)
    try container.encode(byTier, forKey: .byTier)
    if let byRatingClass, !byRatingClass.isEmpty {
      try container.encode(byRatingClass, forKey: .byRatingClass)
    }
    try container.encode(byTopic, forKey: .byTopic)
    try container.encode(byReason, forKey: .byReason)
    try container.encode(ageBands, forKey: .ageBands)
    try container.encode(history, forKey: .history)
    try container.encode(newlyStale, forKey: .newlyStale)
    try container.encode(stillStale, forKey: .stillStale)
    try container.encode(refreshed, forKey: .refreshed)
    try container.encode(snoozed, forKey: .snoozed)
    try container.encodeIfPresent(reviewed, forKey: .reviewed)
    try container.encode(oldest, forKey: .oldest)
    try container.encodeIfPresent(feeds, forKey: .feeds)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      asOf: try container.decode(Day.self, forKey: .asOf),
      recordedAt: try container.decodeIfPresent(String.self, forKey: .recordedAt) ?? "",
      previousAsOf: try container.decodeIfPresent(Day.self, forKey: .previousAsOf),
      totals: try container.decode(Totals.self, forKey: .totals),
      byTopic: try container.decode([Count].self, forKey: .byTopic),
      byReason: try container.decode([Count].self, forKey: .byReason),
      ageBands: try container.decode([Count].self, forKey: .ageBands),
      history: try container.decode([Count].self, forKey: .history),
      newlyStale: try container.decode([StaleCheck].self, forKey: .newlyStale),
      stillStale: try container.decode([StaleCheck].self, forKey: .stillStale),
      refreshed: try container.decode([StaleCheck].self, forKey: .refreshed),
      snoozed: try container.decode([StaleCheck].self, forKey: .snoozed),
      oldest: try container.decode([StaleCheck].self, forKey: .oldest),
      byTier: try container.decodeIfPresent([Count].self, forKey: .byTier),
      reviewed: try container.decodeIfPresent([StaleCheck].self, forKey: .reviewed))
    byRatingClass = try container.decodeIfPresent([Count].self, forKey: .byRatingClass)
    feeds = try container.decodeIfPresent(FeedsSection.self, forKey: .feeds)
  }
}

extension ReportContent.Totals: Codable {
  enum CodingKeys: String, CodingKey {
    case checks, stale
    case newStale = "newly_stale"
    case stillStale = "still_stale"
    case refreshed, snoozed, undated, reviewed
    case otherVerdicts = "other_verdicts"
    case disagreements
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(checks, forKey: .checks)
    try container.encode(stale, forKey: .stale)
    try container.encode(newStale, forKey: .newStale)
    try container.encode(stillStale, forKey: .stillStale)
    try container.encode(refreshed, forKey: .refreshed)
    try container.encode(snoozed, forKey: .snoozed)
    try container.encode(undated, forKey: .undated)
    try container.encode(reviewed, forKey: .reviewed)
    try container.encodeIfPresent(otherVerdicts, forKey: .otherVerdicts)
    try container.encodeIfPresent(disagreements, forKey: .disagreements)
  }
}
