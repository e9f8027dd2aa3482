import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@testable import FactArchiveQuery

@Suite struct RenderingTests {
  let sample = [
    StaleCheck(
      checkID: 7, questionID: 3, question: "Did \"X\", say: y?\nnew line",
      checkedOn: day("2026-01-01"), checkedOnInferred: nil,
      ageDays: 100, dueOn: day("2026-04-01"), overdueDays: 10, topic: nil, maxAgeDays: 90,
      citationCount: 2,
      reasons: [
        StaleReason(code: .age, detail: "a; b"), StaleReason(code: .publisherFlag, detail: "flag"),
      ], evidence: [], snoozedUntil: nil)
  ]

  @Test func csvQuotesFieldsThatNeedIt() {
    let csv = StaleReport.render(sample, format: .csv, asOf: day("2026-04-11"))
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[0]
        == "check_id,question_id,question,checked_on,checked_on_inferred,age_days,due_on,overdue_days,topic,reason_codes,reasons,tier"
    )
    #expect(
      csv.contains(
        "7,3,\"Did \"\"X\"\", say: y?\nnew line\",2026-01-01,,100,2026-04-01,10,,age;publisher_flag,a; b; flag,\n"
      ))
  }

  @Test func jsonEscapesAndIsValid() throws {
    let text = StaleReport.render(sample, format: .json, asOf: day("2026-04-11"))
    #expect(text.contains(#""question": "Did \"X\", say: y?\nnew line""#))
    #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [Any])
  }

  @Test func tableListsEachReasonUnderItsCheck() {
    let text = StaleReport.render(sample, format: .table, asOf: day("2026-04-11"))
    #expect(text.hasPrefix("1 stale check as of 2026-04-11, most urgent first\n"))
    #expect(text.contains("↳ age: a; b"))
    #expect(text.contains("↳ publisher_flag: flag"))
    #expect(!text.contains("\u{1B}["))
  }

  @Test func emptyListSaysSo() {
    #expect(
      StaleReport.render([], format: .table, asOf: day("2026-04-11"))
        == "No stale checks as of 2026-04-11.\n")
    #expect(
      StaleReport.render([], format: .json, asOf: day("2026-04-11")) == "[]\n")
  }

  @Test func showReadsTheWholeCheckBack() throws {
    let folder = try TemporaryFolder()
    let db = try archive(with: [TestPaths.fixture("articles/ferry-fares.txt").path], in: folder)
    let detail = try #require(try CheckDetail.load(1, from: db))
    #expect(detail.question.hasPrefix("Did the Calloway Harbour Authority"))
    #expect(detail.checkedOn == day("2026-10-30"))
    #expect(
      detail.summaries.map(\.heading) == [
        "Executive summary", "What the authority actually changed",
        "Where the \"doubled\" figure comes from",
        "Bottom line and open questions",
      ])
    #expect(detail.summaries.flatMap(\.citations).count == 17)
    #expect(detail.followUps.count == 3)
    let text = detail.text()
    #expect(text.contains("3. Bottom line and open questions"))
    #expect(text.contains("Want to dive deeper?\n- How did the 2025 storm season"))
    #expect(try CheckDetail.load(99, from: db) == nil)
  }
}
