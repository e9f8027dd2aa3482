import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct ReasonTests {
  let scenario: Scenario

  init() throws {
    scenario = try Scenario()
  }

  @Test func everyReasonWithASentence() throws {
    let queue = try scenario.queue()
    func detail(_ question: String, _ code: StaleReason.Code) -> String? {
      queue.first { $0.question == question }?.reasons.first { $0.code == code }?.detail
    }
    #expect(
      detail("Did Orlen Bay close its fish market?", .age)
        == "checked 326 days ago; the default rule allows 90")
    #expect(try scenario.reasons("Did Pellmar raise bus fares?") == [.publisherFlag])
    #expect(try scenario.reasons("Is the Tarrow dam currently closed?") == [.age, .timeSensitive])
    #expect(
      detail("Is the Tarrow dam currently closed?", .timeSensitive)
        == "leans on time-bound wording (“currently”), so it falls due after 45 days instead of 90")
    #expect(
      try scenario.reasons("Did the Valmora Grain Council cut exports to Estmark?") == [
        .newerEvidence
      ])
    #expect(
      detail("Did the Valmora Grain Council cut exports to Estmark?", .newerEvidence)
        == "“Valmora Grain Council and Estmark settle export row” (2026-11-10) shares estmark, valmora grain council"
    )
    #expect(try scenario.reasons("Who owns the Brisk ferry line?") == [.age, .undated])
    #expect(
      detail("Who owns the Brisk ferry line?", .undated)
        == "no check date; newest date mentioned is 2025-04-20, 582 days ago")
    #expect(try scenario.reasons("Is the Lune tunnel toll-free?") == [.undated])
    #expect(
      detail("Is the Lune tunnel toll-free?", .undated)
        == "no check date and no date in its text; listed until it is re-checked")
    #expect(try scenario.reasons("Was the Kessing election result certified?") == [.age])
    #expect(
      detail("Was the Kessing election result certified?", .age)
        == "checked 53 days ago; rule 'elections' allows 30")
  }

  @Test func newerEvidenceIsNotReportedBeforeTheSourceExisted() throws {
    #expect(
      try scenario.reasons(
        "Did the Valmora Grain Council cut exports to Estmark?", asOf: "2026-11-09") == nil)
  }

  @Test func supersededChecksAreNeverListed() throws {
    let questions = try scenario.queue().map(\.question)
    #expect(!questions.contains("Did Hallen ban scooters?"))
    #expect(try scenario.db.scalarInt("SELECT count(*) FROM checks WHERE superseded = 1") == 1)
  }

  @Test func overdueOrderPutsTheLongestOverdueFirstAndDatelessLastAmongEquals() throws {
    let queue = try scenario.queue(order: .overdue)
    #expect(queue.map(\.dueOn) == queue.map(\.dueOn).sorted())
    #expect(queue.first?.question == "Who owns the Brisk ferry line?")  // due since 2025-07-21
    #expect(queue.last?.question == "Is the Lune tunnel toll-free?")  // due on its ingest day
  }

  @Test func topicReasonAndLimitFilters() throws {
    #expect(
      try scenario.queue(topic: "elections").map(\.question) == [
        "Was the Kessing election result certified?"
      ])
    #expect(try scenario.queue(topic: "default").count == 6)
    #expect(try scenario.queue(reason: .undated).count == 2)
    #expect(
      try scenario.queue(reason: .publisherFlag).map(\.question) == ["Did Pellmar raise bus fares?"]
    )
    #expect(try scenario.queue(limit: 3).count == 3)
    #expect(try scenario.queue(limit: 3) == Array(try scenario.queue().prefix(3)))
  }

  @Test func snoozedChecksLeaveTheQueueUntilTheirDay() throws {
    let db = scenario.db
    let target = try #require(try scenario.queue().first { $0.question.hasPrefix("Did Orlen Bay") })
    try Snoozes.snooze(
      checkID: target.checkID, until: day("2026-12-01"), note: "waiting for the council",
      by: "editor", at: "2026-11-23T09:00:00Z", in: db)
    #expect(try !scenario.queue().contains { $0.checkID == target.checkID })
    #expect(try scenario.queue("2026-12-01").contains { $0.checkID == target.checkID })
    try Snoozes.unsnooze(
      checkID: target.checkID, today: day("2026-11-24"), by: "chief", at: "2026-11-24T09:00:00Z",
      in: db)
    #expect(try scenario.queue().contains { $0.checkID == target.checkID })
    #expect(throws: Snoozes.Failure.self) {
      try Snoozes.unsnooze(
        checkID: target.checkID, today: day("2026-11-24"), by: "chief", at: "x", in: db)
    }
    let audit = try Snoozes.all(checkID: target.checkID, in: db)
    #expect(audit.map(\.createdBy) == ["editor"])
    #expect(audit.first?.endedBy == "chief")
  }

  @Test func changingARuleRecomputesDueDates() throws {
    let db = scenario.db
    #expect(try scenario.queue(reason: .age).count == 4)
    var rule = try #require(try StalenessRule.all(in: db).first { $0.name == "default" })
    rule.maxAgeDays = 400
    let judged = try PolicyChange.set(rule, in: db)
    #expect(judged == 9)
    #expect(
      try scenario.queue(reason: .age).map(\.question) == [
        "Who owns the Brisk ferry line?", "Was the Kessing election result certified?",
      ])
    try PolicyChange.remove(named: "elections", in: db)
    #expect(try scenario.queue(reason: .age).map(\.question) == ["Who owns the Brisk ferry line?"])
    #expect(throws: PolicyChange.Failure.self) { try PolicyChange.remove(named: "default", in: db) }
    let topic = StalenessRule(name: "ferries", kind: .topic, pattern: "ferr(y|ies)", maxAgeDays: 10)
    try PolicyChange.set(topic, in: db)
    #expect(
      try scenario.queue(topic: "ferries").map(\.question) == ["Who owns the Brisk ferry line?"])
  }

  @Test func refreshingIsIngestingANewerCheck() throws {
    let before = try #require(try scenario.queue().first { $0.question.hasPrefix("Did Orlen Bay") })
    try scenario.ingest([
      (
        "refresh.txt",
        ArticleText.factCheck(
          question: "Did Orlen Bay close its fish market?", checkedOn: "November 22, 2026")
      )
    ])
    #expect(try !scenario.queue().contains { $0.questionID == before.questionID })
    let history = try #require(
      try QuestionHistory.load(questionID: before.questionID, from: scenario.db))
    #expect(history.entries.map(\.isLatest) == [false, true])
  }
}

@Suite struct TierCountTests {
  @Test func tierCountsAgreeWithTheListWithAndWithoutFilters() throws {
    let scenario = try Scenario()
    let stale = try scenario.queue()
    let snoozed = try #require(stale.first)
    try Snoozes.snooze(
      checkID: snoozed.checkID, until: day("2027-01-01"), note: "later", by: "t", at: "t",
      in: scenario.db)
    for (queue, label) in [
      (StaleQueue(asOf: day(Scenario.today)), "no filter"),
      (
        {
          var q = StaleQueue(asOf: day(Scenario.today))
          q.text = "the"
          return q
        }(), "text"
      ),
    ] {
      let listed = try queue.run(on: scenario.db)
      var expected: [QueueTier: Int] = [:]
      for check in listed {
        if let tier = check.tier { expected[tier, default: 0] += 1 }
      }
      let counts = try #require(try queue.tierCounts(on: scenario.db)).filter { $0.value > 0 }
      #expect(counts == expected, "\(label)")
    }
  }
}
