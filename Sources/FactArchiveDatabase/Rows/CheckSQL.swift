import FactArchiveCore

/// SQL over a check (`c`) generated from the Swift rules it must agree with, so the rule has
/// one home: what a review does to a check (`ReviewVerdict`) is written in Swift and read
/// here.
public enum CheckSQL {
  /// `'still_accurate'`: the verdicts matching `include`, as an SQL list.
  static func verdicts(_ include: (ReviewVerdict) -> Bool) -> String {
    ReviewVerdict.allCases.filter(include).map { "'\($0.rawValue)'" }.joined(separator: ", ")
  }

  /// The check's latest review has this property.
  static func reviewed(_ property: (ReviewVerdict) -> Bool) -> String {
    "coalesce(c.review_verdict IN (\(verdicts(property))), 0)"
  }

  /// The day its age counts from (`CheckTimeline.agedFrom`).
  public static let agedFrom = """
    CASE WHEN \(reviewed(\.restartsClock)) THEN c.reviewed_on \
    ELSE coalesce(c.checked_on, c.checked_on_inferred) END
    """

  /// Whether the publisher's banner still counts (`CheckTimeline.bannerCounts`).
  public static let bannerCounts =
    "(c.publisher_flagged_outdated = 1 AND NOT \(reviewed(\.restartsClock)))"

  /// Whether evidence row `e` counts: published after the check's latest review.
  public static func evidenceCounts(_ e: String = "e") -> String {
    "\(e).source_date > coalesce(c.reviewed_on, '')"
  }

  /// The check is withdrawn: its latest review takes it out of the queue for good.
  public static let withdrawn = reviewed(\.leavesQueue)

  /// A check the policy has not judged yet: no due date, and not withdrawn (a withdrawn
  /// check has none, for good).
  public static let unjudged = "(c.due_on IS NULL AND NOT \(reviewed(\.leavesQueue)))"
}
