import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct FixtureQueueTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try archive(with: TestPaths.coreArticles, in: folder)
  }

  @Test func listsOnlyLatestChecksPastTheirDueDate() throws {
    let stale = try StaleQueue(asOf: day("2026-11-23")).run(on: db)
    // wind-leases (286 days) is stale; the grain question was re-checked 82 days ago, so its
    // flagged 2025 check is superseded; ferry fares is 24 days old.
    #expect(stale.map(\.question) == ["Which companies won the Tallis Bay coastal wind leases?"])
    let check = try #require(stale.first)
    #expect(check.ageDays == 286)
    #expect(check.dueOn == day("2026-05-12"))
    #expect(check.overdueDays == 195)
    #expect(
      check.reasons == [
        StaleReason(code: .age, detail: "checked 286 days ago; the default rule allows 90")
      ])
  }

  @Test func maximumAgeOverrideJudgesEveryCheckAlike() throws {
    let stale = try StaleQueue(asOf: day("2027-06-01"), maxAgeOverride: 30).run(on: db)
    #expect(stale.map(\.checkedOn?.iso) == ["2026-02-10", "2026-09-02", "2026-10-30"])
    #expect(stale.first?.reasons.first?.detail == "checked 476 days ago; --max-age allows 30")
  }

  @Test func theDueDateItselfIsStale() throws {
    #expect(try StaleQueue(asOf: day("2026-05-11")).run(on: db).isEmpty)
    #expect(try StaleQueue(asOf: day("2026-05-12")).run(on: db).count == 1)
  }

  @Test func theQueueIsAnIndexRangeScan() throws {
    // The statement `stale` really runs, with every filter it can take.
    let queues = [
      (
        StaleQueue(asOf: day("2026-11-23"), limit: 100),
        "checks_by_tier (queue_tier=? AND due_on<?)"
      ),
      (StaleQueue(asOf: day("2026-11-23")), "checks_by_tier (queue_tier=? AND due_on<?)"),
      (
        StaleQueue(asOf: day("2026-11-23"), limit: 100, order: .overdue),
        "checks_stale_queue (due_on<?)"
      ),
      (
        StaleQueue(asOf: day("2026-11-23"), topic: "elections", reason: .age, limit: 10),
        "checks_by_topic_tier (topic=? AND queue_tier=? AND due_on<?)"
      ),
      (
        StaleQueue(asOf: day("2026-11-23"), topic: "default", limit: 51),
        "checks_by_topic_tier (topic=? AND queue_tier=? AND due_on<?)"
      ),
    ]
    for (queue, index) in queues {
      let plan = try queue.queryPlan(on: db)
      #expect(plan.contains { $0.contains("SEARCH c USING INDEX \(index)") }, "\(plan)")
      #expect(!plan.contains { $0.hasPrefix("SCAN c") || $0.hasPrefix("SCAN checks") }, "\(plan)")
      // The index gives the queue's order: every matching row sorted would be a scan's cost.
      #expect(!plan.contains { $0.contains("USE TEMP B-TREE FOR ORDER BY") }, "\(plan)")
    }
  }
}

@Suite(
  .enabled(
    if: Requirement.met(TestPaths.sharedAvailable), "../shared/seeds not found: seed tests skipped")
)
struct SeedQueueTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    let seeds = try [#require(TestPaths.seed("000_")), #require(TestPaths.seed("001_"))]
    db = try archive(with: seeds.map(\.path), in: folder)
  }

  @Test func bothSeedsAreStaleForAgeOn20261122() throws {
    let stale = try StaleQueue(asOf: day("2026-11-22")).run(on: db)
    #expect(stale.count == 2)
    #expect(stale.allSatisfy { $0.reasons.contains { $0.code == .age } })
    // 001 carries the banner and time-bound wording ("now"): due since its check date.
    #expect(stale.map(\.ageDays) == [337, 354])
    #expect(stale.first?.reasons.map(\.code) == [.age, .publisherFlag, .timeSensitive])
  }

  @Test func onlySeed001IsStaleOn20251221ForItsBanner() throws {
    let stale = try StaleQueue(asOf: day("2025-12-21")).run(on: db)
    #expect(stale.count == 1)
    #expect(stale.first?.checkedOn == day("2025-12-20"))
    #expect(stale.first?.reasons.map(\.code) == [.publisherFlag, .timeSensitive])
  }

  @Test func jsonHasTheDocumentedFields() throws {
    let stale = try StaleQueue(asOf: day("2026-11-22")).run(on: db)
    let text = StaleReport.render(stale, format: .json, asOf: day("2026-11-22"))
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
    let last = try #require(array.last)
    for key in ["check_id", "question", "checked_on", "age_days", "reasons"] {
      #expect(last[key] != nil, "missing \(key)")
    }
    let reasons = try #require(last["reasons"] as? [[String: String]])
    #expect(reasons.first?["code"] == "age")
    #expect(reasons.first?["detail"] == "checked 354 days ago; the default rule allows 90")
  }
}
