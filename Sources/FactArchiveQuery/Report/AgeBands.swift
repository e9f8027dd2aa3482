import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// The latest checks by age band on a day, how many there are, and how many have no
/// `Checked on` date: one pass over the `checks_by_age` index, comparing dates (a check is
/// at most N days old when its date is on or after the day minus N days). Each count is a
/// named column, read by its name.
struct AgeBands {
  /// The bands' upper bounds in days, with their names; older checks are `over 2 years`,
  /// checks with no date at all `no date`.
  static let bands: [(name: String, days: Int)] = [
    ("0–30 days", 30), ("31–90 days", 90), ("91–180 days", 180), ("181–365 days", 365),
    ("1–2 years", 730),
  ]
  static let older = "over 2 years"
  static let noDate = "no date"

  var bands: [ReportContent.Count] = []
  var checks = 0
  var undated = 0

  init(asOf: Day, on db: Connection) throws {
    let date = CheckSQL("checks").baseDate
    var sums: [String] = []
    var values: [String: any DatabaseValueConvertible] = [:]
    var newer: String?
    for (index, band) in Self.bands.enumerated() {
      values[":since_\(index)"] = asOf.adding(days: -band.days).iso
      sums.append(
        "coalesce(sum(\(date) >= :since_\(index)"
          + (newer.map { " AND \(date) < \($0)" } ?? "") + "), 0) AS band_\(index)")
      newer = ":since_\(index)"
    }
    sums.append("coalesce(sum(\(date) < \(newer ?? ":as_of")), 0) AS band_older")
    values[":as_of"] = asOf.iso
    let statement = try db.prepare(
      """
      SELECT count(*) AS checks, coalesce(sum(checked_on IS NULL), 0) AS undated,
             coalesce(sum(\(date) IS NULL), 0) AS band_no_date, \(sums.joined(separator: ", "))
      FROM checks WHERE \(QueueSQL(check: "checks").live)
      """)
    try statement.bind(named: values.filter { statement.sql.contains($0.key) })
    try statement.forEachRow { row in
      checks = row.int("checks")
      undated = row.int("undated")
      bands =
        Self.bands.indices.map { index in
          ReportContent.Count(name: Self.bands[index].name, count: row.int("band_\(index)"))
        } + [
          ReportContent.Count(name: Self.older, count: row.int("band_older")),
          ReportContent.Count(name: Self.noDate, count: row.int("band_no_date")),
        ]
    }
  }
}
