import FactArchiveCore
import Testing

@Suite struct DayTests {
  @Test func parsesAndPrintsISO() throws {
    let day = try #require(Day(iso: "2025-12-03"))
    #expect(day.year == 2025 && day.month == 12 && day.day == 3)
    #expect(day.iso == "2025-12-03")
  }

  @Test(arguments: [
    "2025-02-29", "2025-02-30", "2024-13-01", "2024-00-10", "0000-01-01", "2024-1-01", "20240101",
    "",
  ])
  func rejectsImpossibleOrMalformedDates(_ text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test func acceptsLeapDays() {
    #expect(Day(iso: "2024-02-29") != nil)
    #expect(Day(iso: "2000-02-29") != nil)
    #expect(Day(iso: "1900-02-29") == nil)
  }

  @Test func countsDaysBetweenDates() throws {
    let checked = try #require(Day(iso: "2025-12-03"))
    #expect(try #require(Day(iso: "2026-11-22")).days(since: checked) == 354)
    #expect(checked.adding(days: 90).iso == "2026-03-03")
    #expect(Day(daysSinceEpoch: 0).iso == "1970-01-01")
    #expect(try #require(Day(iso: "9999-12-31")).adding(days: -1).iso == "9999-12-30")
  }

  @Test func roundTripsEveryDayOfSeveralYears() {
    var day = Day(daysSinceEpoch: Day(year: 1999, month: 12, day: 25)?.daysSinceEpoch ?? 0)
    for _ in 0..<3000 {
      #expect(Day(iso: day.iso) == day)
      #expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day)
      let next = day.adding(days: 1)
      #expect(next > day)
      day = next
    }
  }
}

@Suite struct TimestampTests {
  @Test(arguments: [
    (0, "1970-01-01T00:00:00Z"), (1_764_749_700, "2025-12-03T08:15:00Z"),
    (951_827_696, "2000-02-29T12:34:56Z"), (253_402_300_799, "9999-12-31T23:59:59Z"),
  ])
  func utcIsWrittenAsTheArchiveStoresIt(_ seconds: Int, _ expected: String) {
    #expect(Timestamp.utc(secondsSince1970: seconds) == expected)
  }

  @Test func nowIsToday() {
    let now = Timestamp.nowUTC()
    #expect(now.count == 20 && now.hasSuffix("Z"))
    #expect(Day(iso: now.prefix(10)) != nil)
  }
}
