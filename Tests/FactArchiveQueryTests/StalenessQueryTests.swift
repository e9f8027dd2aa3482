import FactArchiveIngest
import FactArchiveQuery
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Opens a fresh archive holding `paths`.
func archive(with paths: [String], in folder: TemporaryFolder) throws -> Database {
  let db = try Database.openArchive(path: folder.file("archive.sqlite").path)
  try IngestSession(database: db).run(InputFiles(paths: paths))
  return db
}

func day(_ iso: String) -> Day {
  Day(iso: iso) ?? Day(daysSinceEpoch: 0)
}

@Suite struct StalenessQueryTests {
  let folder: TemporaryFolder
  let db: Database

  init() throws {
    folder = try TemporaryFolder()
    db = try archive(with: TestPaths.coreArticles, in: folder)
  }

  @Test func listsOnlyLatestChecksOlderThanTheLimit() throws {
    let stale = try StalenessQuery(asOf: day("2026-11-23")).run(on: db)
    // wind-leases (286 days) is stale; the grain question was re-checked 82 days ago, so its
    // flagged 2025 check is superseded; ferry fares is 24 days old.
    #expect(stale.map(\.question) == ["Which companies won the Tallis Bay coastal wind leases?"])
    let check = try #require(stale.first)
    #expect(check.ageDays == 286)
    #expect(check.dueOn == day("2026-05-11"))
    #expect(check.overdueDays == 196)
    #expect(
      check.reasons == [
        StaleReason(
          code: .age, detail: "checked 286 days ago; the limit is 90 days (196 days overdue)")
      ])
  }

  @Test func mostOverdueComesFirst() throws {
    let stale = try StalenessQuery(asOf: day("2027-06-01"), maxAgeDays: 30).run(on: db)
    #expect(stale.map(\.checkedOn.iso) == ["2026-02-10", "2026-09-02", "2026-10-30"])
    #expect(stale.map(\.ageDays) == stale.map(\.ageDays).sorted(by: >))
  }

  @Test func exactlyTheLimitIsNotStale() throws {
    let stale = try StalenessQuery(asOf: day("2026-05-11"), maxAgeDays: 90).run(on: db)
    #expect(stale.isEmpty)
    #expect(try StalenessQuery(asOf: day("2026-05-12")).run(on: db).count == 1)
  }

  @Test func checksFromAfterTheDateAreNotJudged() throws {
    // The latest check of each question is judged; on 2025-07-01 none of them existed yet
    // (the flagged 2025 grain check has been superseded by its 2026 re-check).
    #expect(try StalenessQuery(asOf: day("2025-07-01")).run(on: db).isEmpty)
    #expect(try StalenessQuery(asOf: day("2026-02-11"), maxAgeDays: 0).run(on: db).count == 1)
  }
}

@Suite(.enabled(if: TestPaths.sharedAvailable, "../shared/seeds not found: seed tests skipped"))
struct SeedStalenessTests {
  let folder: TemporaryFolder
  let db: Database

  init() throws {
    folder = try TemporaryFolder()
    let seeds = try [#require(TestPaths.seed("000_")), #require(TestPaths.seed("001_"))]
    db = try archive(with: seeds.map(\.path), in: folder)
  }

  @Test func bothSeedsAreStaleForAgeOn20261122() throws {
    let stale = try StalenessQuery(asOf: day("2026-11-22")).run(on: db)
    #expect(stale.count == 2)
    #expect(stale.allSatisfy { $0.reasons.contains { $0.code == .age } })
    #expect(stale.map(\.ageDays) == [354, 337])
    let flagged = try #require(stale.last)
    #expect(flagged.reasons.map(\.code) == [.age, .publisherFlag])
  }

  @Test func onlySeed001IsStaleOn20251221ForItsBanner() throws {
    let stale = try StalenessQuery(asOf: day("2025-12-21")).run(on: db)
    #expect(stale.count == 1)
    #expect(stale.first?.checkedOn == day("2025-12-20"))
    #expect(stale.first?.reasons.map(\.code) == [.publisherFlag])
  }

  @Test func jsonHasTheDocumentedFields() throws {
    let stale = try StalenessQuery(asOf: day("2026-11-22")).run(on: db)
    let text = StaleReport.render(stale, format: .json, asOf: day("2026-11-22"), maxAgeDays: 90)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
    let first = try #require(array.first)
    for key in ["check_id", "question", "checked_on", "age_days", "reasons"] {
      #expect(first[key] != nil, "missing \(key)")
    }
    let reasons = try #require(first["reasons"] as? [[String: String]])
    #expect(reasons.first?["code"] == "age")
    #expect(reasons.first?["detail"]?.contains("354 days") == true)
  }
}
