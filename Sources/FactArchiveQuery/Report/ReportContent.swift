import FactArchiveCore

/// What a nightly report says, independent of its format. It is stored with its run
/// (`staleness_runs.report`) so that running the same day again prints the same bytes.
public struct ReportContent: Sendable, Equatable, Codable {
  public struct Totals: Sendable, Equatable, Codable {
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
  /// Checks reviewed since the previous report, each with that review as `lastReview`;
  /// `nil` in reports recorded before reviews.
  public var reviewed: [StaleCheck]?

  public static let listLimit = 100
  public static let oldestLimit = 10
}
