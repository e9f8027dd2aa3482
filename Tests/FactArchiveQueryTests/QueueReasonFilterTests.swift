import ArchiveTestSupport
import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// The queue filtered by a reason or a verdict that few checks have is read from the checks
/// an index says it can apply to (`QueueSQL.candidates`, `checks_by_rating_class`), and
/// must list exactly what walking the queue in its order and testing every check lists.
@Suite struct QueueReasonFilterTests {
  let folder: TemporaryFolder
  let db: Connection
  let asOf = day("2026-12-01")

  /// Every kind of article and page the fixtures hold (undated, time-bound wording, newer
  /// evidence, other publishers' later verdicts with ratings), and editors' reviews.
  init() throws {
    folder = try TemporaryFolder()
    db = try archive(
      with: ["articles", "evidence", "claims", "html/claimreview"].map {
        TestPaths.fixture($0).path
      }, in: folder)
    let live = try db.query(
      "SELECT id FROM checks WHERE superseded = 0 AND due_on IS NOT NULL ORDER BY id"
    ) { $0.int64(at: 0) }
    for (index, id) in live.enumerated() where index % 7 == 2 {
      try Reviews.record(
        checkID: id, verdict: index % 14 == 2 ? .needsUpdate : .stillAccurate, note: "",
        on: day("2026-06-01"), by: "ana", at: "2026-06-01T09:00:00Z", in: db)
    }
  }

  func queue(_ order: QueueOrder, _ reason: StaleReason.Code?, _ rating: RatingClass?)
    -> StaleQueue
  {
    var queue = StaleQueue(asOf: asOf, reason: reason, order: order)
    queue.ratingClass = rating
    return queue
  }

  @Test func everyReasonAndVerdictListsWhatWalkingTheQueueLists() throws {
    var found: Set<String> = []
    for order in QueueOrder.allCases {
      for reason in [nil] + StaleReason.Code.allCases {
        for rating in [nil, .false, .true, .mixed] as [RatingClass?] {
          guard reason != nil || rating != nil else { continue }
          let label = "\(order) \(reason?.rawValue ?? "-") \(rating?.rawValue ?? "-")"
          var walked = queue(order, reason, rating)
          walked.drivenChecks = 0
          let all = try walked.run(on: db).map(\.checkID)
          #expect(try queue(order, reason, rating).run(on: db).map(\.checkID) == all, "\(label)")
          if !all.isEmpty { found.insert(reason?.rawValue ?? rating?.rawValue ?? "") }
          for start in [0, 2] {
            var page = queue(order, reason, rating)
            page.limit = 2
            page.offset = start
            #expect(
              try page.run(on: db).map(\.checkID) == Array(all.dropFirst(start).prefix(2)),
              "\(label) from \(start)")
          }
        }
      }
    }
    // In the citations order a tier or a topic with few checks is read from its own index.
    for (tier, topic) in [(QueueTier.onlyOld, nil), (.bannerOrEvidence, nil), (.needsUpdate, nil)]
      + [
        (nil, StalenessRule.defaultName), (nil, "elections"), (.onlyOld, StalenessRule.defaultName),
      ]
      as [(QueueTier?, String?)]
    {
      var walked = StaleQueue(asOf: asOf, order: .citations)
      walked.tier = tier
      walked.topic = topic
      walked.drivenChecks = 0
      var driven = walked
      driven.drivenChecks = 5_000
      #expect(
        try driven.run(on: db).map(\.checkID) == (try walked.run(on: db).map(\.checkID)),
        "\(String(describing: tier)) \(topic ?? "-")")
    }
    // The comparison means something only where the lists are not empty.
    for expected in ["review", "undated", "time_sensitive", "newer_evidence", "false"] {
      #expect(found.contains(expected), "no check listed for \(expected): \(found.sorted())")
    }
  }

  /// The desk's tabs for one verdict are summed from the kept counts (`queue_counts` by
  /// rating class), less the snoozed: the same numbers as the checks listed.
  @Test func aVerdictsTierCountsAreTheChecksItLists() throws {
    let rated = try #require(
      try db.queryFirst(
        "SELECT id FROM checks WHERE superseded = 0 AND rating_class IS NOT NULL AND due_on <= ?",
        [asOf.iso]
      ) { $0.int64(at: 0) })
    try Snoozes.snooze(
      checkID: rated, until: day("2026-12-20"), note: "", by: "ana", at: "t", in: db)
    var listedAny = 0
    for rating in [nil] + RatingClass.allCases as [RatingClass?] {
      for topic in [nil, StalenessRule.defaultName] {
        var queue = queue(.tier, nil, rating)
        queue.topic = topic
        let counts = try #require(try queue.tierCounts(on: db))
        let listed = try queue.run(on: db)
        if rating != nil { listedAny += listed.count }
        for tier in QueueTier.allCases {
          #expect(
            counts[tier, default: 0] == listed.filter { $0.tier == tier }.count,
            "\(rating?.rawValue ?? "all") \(topic ?? "-") \(tier)")
        }
      }
    }
    #expect(listedAny > 0)
  }

  @Test func aRareReasonOrVerdictIsReadFromItsIndex() throws {
    let cases: [(StaleReason.Code?, RatingClass?, String)] = [
      (.review, nil, "checks_needing_update"), (.timeSensitive, nil, "checks_time_bound"),
      (.undated, nil, "checks_without_date"), (.newerEvidence, nil, "check_evidence"),
      (.otherVerdict, nil, "other_verdicts"), (nil, .false, "checks_by_rating_class"),
    ]
    for (reason, rating, index) in cases {
      for order in QueueOrder.allCases {
        var filtered = queue(order, reason, rating)
        filtered.limit = 51
        let plan = try filtered.queryPlan(on: db)
        #expect(plan.contains { $0.contains(index) }, "\(index) \(order): \(plan)")
        #expect(!plan.contains { $0.contains("checks_by_citations") }, "\(index): \(plan)")
        // More checks than are read first: walked in the queue's order, as before.
        filtered.drivenChecks = 0
        let walked = try filtered.queryPlan(on: db)
        #expect(!walked.contains { $0.contains("SCAN m") }, "\(index) \(order): \(walked)")
      }
    }
    // The reasons most checks may have are walked in the queue's order.
    for reason in [StaleReason.Code.age, .publisherFlag] {
      let plan = try queue(.citations, reason, nil).queryPlan(on: db)
      #expect(plan.contains { $0.contains("checks_by_citations") }, "\(reason): \(plan)")
    }
  }
}
