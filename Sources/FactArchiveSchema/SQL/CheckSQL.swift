import FactArchiveCore

/// SQL over one check, generated from the Swift rules it must agree with, so each rule has
/// one home: what a review does to a check (`ReviewVerdict`) and the day its age counts from
/// (`CheckTimeline`) are written in Swift and read here. Tests hold the two equal on every
/// combination of review, dates and banner.
///
/// ```swift
/// CheckSQL("c").agedFrom  // CASE WHEN coalesce(c.review_verdict IN ('still_accurate'), 0) THEN …
/// ```
public struct CheckSQL: Sendable {
  /// The table alias of `checks` in the statement (`c`).
  public var alias: String

  public init(_ alias: String = "c") {
    self.alias = alias
  }

  /// A column of the check: `c.due_on`.
  public func column(_ name: String) -> String { "\(alias).\(name)" }

  /// `'still_accurate'`: the verdicts matching `include`, as an SQL list.
  static func verdicts(_ include: (ReviewVerdict) -> Bool) -> String {
    ReviewVerdict.allCases.filter(include).map { "'\($0.rawValue)'" }.joined(separator: ", ")
  }

  /// The check's latest review has this property.
  func reviewed(_ property: (ReviewVerdict) -> Bool) -> String {
    "coalesce(\(column("review_verdict")) IN (\(Self.verdicts(property))), 0)"
  }

  /// Its own date, stated or inferred (`CheckTimeline.baseDate`).
  public var baseDate: String {
    "coalesce(\(column("checked_on")), \(column("checked_on_inferred")))"
  }

  /// The day its age counts from (`CheckTimeline.agedFrom`).
  public var agedFrom: String {
    "CASE WHEN \(reviewed(\.restartsClock)) AND \(column("reviewed_on")) IS NOT NULL "
      + "THEN \(column("reviewed_on")) ELSE \(baseDate) END"
  }

  /// Whether the publisher's banner still counts (`CheckTimeline.bannerCounts`).
  public var bannerCounts: String {
    "(\(column("publisher_flagged_outdated")) = 1 AND NOT \(reviewed(\.restartsClock)))"
  }

  /// Whether evidence row `e` counts: published after the check's latest review.
  public func evidenceCounts(_ e: String = "e") -> String {
    "\(e).source_date > coalesce(\(column("reviewed_on")), '')"
  }

  /// Whether other verdict `o` counts: dated after the check's latest review.
  public func otherVerdictCounts(_ o: String = "o") -> String {
    "\(o).other_date > coalesce(\(column("reviewed_on")), '')"
  }

  /// The check is withdrawn: its latest review takes it out of the queue for good.
  public var withdrawn: String { reviewed(\.leavesQueue) }

  /// A check the policy has not judged yet: no due date, and not withdrawn (a withdrawn
  /// check has none, for good).
  public var unjudged: String { "(\(column("due_on")) IS NULL AND NOT \(withdrawn))" }
}
