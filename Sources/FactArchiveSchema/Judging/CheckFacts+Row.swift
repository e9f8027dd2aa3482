import FactArchiveCore
import FactArchiveStore

/// Reading what the policy needs of a stored check, by name, from one place.
extension CheckTimeline {
  /// The columns `init(row:)` reads, from `checks AS c JOIN documents AS d`. Evidence is
  /// the earliest newer source or other publisher's later verdict; only evidence dated
  /// after the latest review counts.
  public static let columns = """
    c.checked_on, c.checked_on_inferred, substr(d.ingested_at, 1, 10) AS ingested_on,
    c.publisher_flagged_outdated, c.review_verdict, c.reviewed_on,
    (SELECT min(day) FROM (
       SELECT min(e.source_date) AS day FROM check_evidence AS e
       WHERE e.check_id = c.id AND \(CheckSQL().evidenceCounts())
       UNION ALL
       SELECT min(o.other_date) FROM other_verdicts AS o
       WHERE o.check_id = c.id AND \(CheckSQL().otherVerdictCounts()))) AS evidence_on
    """

  /// A stored check's timeline; a check whose ingest time cannot be read counts as
  /// ingested on `fallback`.
  public init(row: Row, ingestedOnFallback fallback: Day) {
    self.init(
      checkedOn: row.day("checked_on"), checkedOnInferred: row.day("checked_on_inferred"),
      ingestedOn: row.day("ingested_on") ?? fallback,
      publisherFlagged: row.bool("publisher_flagged_outdated"), evidenceOn: row.day("evidence_on"),
      reviewVerdict: row.text("review_verdict").flatMap(ReviewVerdict.init(rawValue:)),
      reviewedOn: row.day("reviewed_on"))
  }
}

extension CheckFacts {
  /// The columns `init(row:)` reads, from `checks AS c JOIN questions AS q JOIN documents AS d`.
  public static let columns = """
    q.text AS question,
    (SELECT s.body FROM summaries AS s WHERE s.check_id = c.id ORDER BY s.position LIMIT 1)
      AS summary,
    (SELECT group_concat(heading, char(10)) FROM (
       SELECT s.heading FROM summary_spans AS s
       WHERE s.check_id = c.id AND s.position > 0 AND s.heading IS NOT NULL ORDER BY s.position))
      AS headings,
    \(CheckTimeline.columns)
    """

  /// A stored check's facts, as the policy judges them.
  public init(row: Row, ingestedOnFallback fallback: Day) {
    self.init(
      question: row.text("question") ?? "", summary: row.text("summary") ?? "",
      headings: (row.text("headings") ?? "").split(separator: "\n").map(String.init),
      timeline: CheckTimeline(row: row, ingestedOnFallback: fallback))
  }
}
