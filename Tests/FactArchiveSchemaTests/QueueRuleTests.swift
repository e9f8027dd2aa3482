import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// The SQL of the queue's rule is generated from the Swift rules; these tests hold the two
/// equal, and the researchers' view equal to the generated text.
@Suite struct QueueRuleTests {
  static func collapsed(_ sql: String) -> String {
    sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: ";"))
  }

  @Test func theStaleNowViewIsTheRule() throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("a.sqlite").path)
    let stored = try #require(
      try db.scalarText("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'stale_now'"))
    #expect(
      Self.collapsed(stored) == Self.collapsed(QueueSQL.staleNowView),
      """
      stale_now differs from the queue's rule: write a migration that drops the view and \
      creates it as
      \(QueueSQL.staleNowView);
      """)
  }

  @Test func everyViewThatSaysTodayUsesTheOneToday() throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("a.sqlite").path)
    let views = try db.query("SELECT name, sql FROM sqlite_master WHERE type = 'view'") {
      (name: $0.text("name") ?? "", sql: $0.text("sql") ?? "")
    }
    for view in views where view.sql.contains("'now'") {
      let others = view.sql.replacingOccurrences(of: QueueSQL.today, with: "")
      #expect(!others.contains("'now'"), "\(view.name) says today another way")
    }
  }

  /// A table with the columns the fragments read, one row per combination of review,
  /// dates and banner.
  struct Case: CustomStringConvertible {
    var verdict: ReviewVerdict?
    var reviewedOn: Day?
    var checkedOn: Day?
    var inferred: Day?
    var flagged: Bool

    var timeline: CheckTimeline {
      CheckTimeline(
        checkedOn: checkedOn, checkedOnInferred: inferred, ingestedOn: day("2026-11-01"),
        publisherFlagged: flagged, reviewVerdict: verdict, reviewedOn: reviewedOn)
    }

    var description: String {
      "verdict \(verdict?.rawValue ?? "-") on \(reviewedOn?.iso ?? "-"), checked "
        + "\(checkedOn?.iso ?? "-"), inferred \(inferred?.iso ?? "-"), flagged \(flagged)"
    }

    static var all: [Case] {
      var cases: [Case] = []
      for verdict in [nil] + ReviewVerdict.allCases.map(Optional.some) {
        for reviewedOn in [nil, day("2026-06-01")] {
          for checkedOn in [nil, day("2026-01-10")] {
            for inferred in [nil, day("2025-12-24")] {
              for flagged in [false, true] {
                cases.append(
                  Case(
                    verdict: verdict, reviewedOn: reviewedOn, checkedOn: checkedOn,
                    inferred: inferred, flagged: flagged))
              }
            }
          }
        }
      }
      return cases
    }
  }

  func table(_ cases: [Case], maxAge: Int) throws -> Connection {
    let db = try Connection(path: ":memory:")
    try db.execute(
      """
      CREATE TABLE checks (id INTEGER PRIMARY KEY, review_verdict TEXT, reviewed_on TEXT,
        checked_on TEXT, checked_on_inferred TEXT, publisher_flagged_outdated INTEGER,
        max_age_days INTEGER)
      """)
    for (index, item) in cases.enumerated() {
      try db.execute(
        "INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
          index, item.verdict?.rawValue, item.reviewedOn?.iso, item.checkedOn?.iso,
          item.inferred?.iso, item.flagged, maxAge,
        ])
    }
    return db
  }

  @Test func agedFromAndTheBannerAgreeWithTheTimeline() throws {
    let cases = Case.all
    let db = try table(cases, maxAge: 90)
    let check = CheckSQL("c")
    let rows = try db.query(
      "SELECT id, \(check.agedFrom) AS aged_from, \(check.bannerCounts) AS banner FROM checks AS c ORDER BY id"
    ) { (id: $0.int("id"), agedFrom: $0.text("aged_from"), banner: $0.bool("banner")) }
    #expect(rows.count == cases.count)
    for row in rows {
      let item = cases[row.id]
      #expect(row.agedFrom == item.timeline.agedFrom?.iso, "\(item)")
      #expect(row.banner == item.timeline.bannerCounts, "\(item)")
    }
  }

  /// The age reason holds from the day `DueDate.byAge` gives, not a day before.
  @Test(arguments: [0, 1, 30, 90, 365])
  func theAgeConditionAgreesWithTheDueDateOnTheBoundaryDays(maxAge: Int) throws {
    let cases = Case.all
    let db = try table(cases, maxAge: maxAge)
    let statement = try db.prepare(
      "SELECT coalesce(\(QueueSQL().reason(.age)), 0) AS past FROM checks AS c WHERE c.id = :id")
    for (index, item) in cases.enumerated() {
      guard let agedFrom = item.timeline.agedFrom else { continue }
      let due = DueDate.byAge(from: agedFrom, maxAgeDays: maxAge)
      for asOf in [due.adding(days: -1), due, due.adding(days: 1)] {
        try statement.bind(named: [":id": index, ":as_of": asOf.iso])
        var past = false
        try statement.forEachRow { past = $0.bool("past") }
        #expect(past == (due <= asOf), "\(item), max age \(maxAge), as of \(asOf.iso)")
      }
    }
  }
}

func day(_ iso: String) -> Day {
  Day(iso: iso) ?? Day(daysSinceEpoch: 0)
}
