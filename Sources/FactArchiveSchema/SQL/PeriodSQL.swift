/// SQL over the queue's periods (`staleness_periods AS p`): what "newly stale" and
/// "refreshed" mean for a run, written once for the run that records them and the report
/// that reads them.
public enum PeriodSQL {
  /// Periods run `run` opened for checks that were not stale the night before (a check
  /// whose snooze starts or ends changes state, not staleness).
  /// - Parameter perCheck: the condition is asked of one check's periods (`p.check_id =
  ///   c.id`): then SQLite must not read the run's periods through `opened_run` instead
  ///   (`+` keeps it from that index), which per check would be a scan.
  public static func newlyStale(run: String = ":run", perCheck: Bool = false) -> String {
    """
    \(perCheck ? "+" : "")p.opened_run = \(run) AND p.state = 'queued'
    AND NOT EXISTS (SELECT 1 FROM staleness_periods AS b
                    WHERE b.check_id = p.check_id AND +b.closed_run = p.opened_run
                      AND b.closed_as IN ('snoozed', 'unsnoozed'))
    """
  }

  /// Periods run `run` closed because a newer check of the question arrived.
  public static func refreshed(run: String = ":run") -> String {
    "p.closed_run = \(run) AND p.closed_as = 'refreshed'"
  }
}
