import FactArchiveStore

/// Lists the latest check of each question that is stale on a date, most overdue first.
///
/// ```swift
/// let stale = try StalenessQuery(asOf: Day(iso: "2026-11-22")!, maxAgeDays: 90).run(on: db)
/// stale.first?.reasons.map(\.code)  // [.age, .publisherFlag]
/// ```
///
/// A check is stale when it is older than `maxAgeDays` (`age`) or when the publisher flagged
/// it as possibly outdated (`publisher_flag`). Only checks dated on or before `asOf` count:
/// a check from after that date did not exist yet.
public struct StalenessQuery: Sendable {
  public static let defaultMaxAgeDays = 90

  public var asOf: Day
  public var maxAgeDays: Int

  public init(asOf: Day, maxAgeDays: Int = StalenessQuery.defaultMaxAgeDays) {
    self.asOf = asOf
    self.maxAgeDays = maxAgeDays
  }

  static let sql = """
    SELECT l.id, l.question_id, l.question, l.checked_on, l.publisher_flagged_outdated,
           CAST(julianday(:as_of) - julianday(l.checked_on) AS INTEGER) AS age_days
    FROM latest_checks AS l
    WHERE l.checked_on IS NOT NULL AND l.checked_on <= :as_of
      AND (julianday(:as_of) - julianday(l.checked_on) > :max_age
           OR l.publisher_flagged_outdated = 1)
    ORDER BY age_days DESC, l.id
    """

  public func run(on db: Database) throws -> [StaleCheck] {
    let statement = try db.cachedStatement(StalenessQuery.sql)
    try statement.bind(named: [":as_of": asOf.iso, ":max_age": maxAgeDays])
    defer { statement.reset() }
    var checks: [StaleCheck] = []
    while try statement.step() {
      guard let checkedOn = statement.text(at: 3).flatMap({ Day(iso: $0) }) else { continue }
      let age = statement.int(at: 5)
      let due = checkedOn.adding(days: maxAgeDays)
      var reasons: [StaleReason] = []
      if age > maxAgeDays {
        reasons.append(
          StaleReason(
            code: .age,
            detail: "checked \(age) days ago; the limit is \(maxAgeDays) days "
              + "(\(age - maxAgeDays) days overdue)"))
      }
      if statement.bool(at: 4) {
        reasons.append(
          StaleReason(
            code: .publisherFlag,
            detail: "the publisher's page says \"This fact-check may be outdated\""))
      }
      checks.append(
        StaleCheck(
          checkID: statement.int64(at: 0), questionID: statement.int64(at: 1),
          question: statement.text(at: 2) ?? "", checkedOn: checkedOn, ageDays: age,
          dueOn: due, overdueDays: asOf.days(since: due), reasons: reasons))
    }
    return checks
  }
}
