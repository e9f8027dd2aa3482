import ArchiveTestSupport
import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveStore
import TestSupport
import Testing

/// `stale_now` (researchers' view of the queue today) lists what `stale` lists today, in
/// `QueueOrder`'s order, including on the boundary days of due dates and snoozes.
@Suite struct StaleNowViewTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try archive(
      with: [TestPaths.fixture("evidence").path] + TestPaths.coreArticles, in: folder)
  }

  func viewIDs() throws -> [Int64] {
    try db.query("SELECT check_id FROM stale_now") { $0.int64("check_id") }
  }

  @Test func theViewIsTheQueueTodayInQueueOrder() throws {
    let queue = try StaleQueue(asOf: Day.today()).run(on: db)
    #expect(queue.count > 10)
    let sorted = queue.sorted { QueueOrder.tier.isMoreUrgent($0, $1) { $0.priorityValue($1) } }
    #expect(try viewIDs() == sorted.map(\.checkID))
    #expect(try viewIDs() == queue.map(\.checkID))
  }

  @Test func dueTodayIsInAndDueTomorrowIsNot() throws {
    let ids = try viewIDs()
    let today = Day.today()
    let (dueToday, dueTomorrow, snoozedToToday, snoozedToTomorrow) = (
      ids[0], ids[1], ids[2], ids[3]
    )
    try db.execute("UPDATE checks SET due_on = ? WHERE id = ?", [today.iso, dueToday])
    try db.execute(
      "UPDATE checks SET due_on = ? WHERE id = ?", [today.adding(days: 1).iso, dueTomorrow])
    for (id, until) in [(snoozedToToday, today), (snoozedToTomorrow, today.adding(days: 1))] {
      try db.execute(
        "INSERT INTO snoozes (check_id, until, note, created_by, created_at) VALUES (?, ?, 'n', 't', 't')",
        [id, until.iso])
    }
    let view = try viewIDs()
    #expect(view.contains(dueToday))
    #expect(!view.contains(dueTomorrow))
    #expect(view.contains(snoozedToToday), "a snooze ends on its day")
    #expect(!view.contains(snoozedToTomorrow))
    #expect(view == (try StaleQueue(asOf: today).run(on: db)).map(\.checkID))
  }
}
