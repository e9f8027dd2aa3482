import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct NightlyReportTests {
  let scenario: Scenario

  init() throws {
    scenario = try Scenario()
  }

  func run(_ asOf: String) throws -> ReportContent {
    try NightlyReport.run(asOf: day(asOf), by: "cron", at: "\(asOf)T03:00:00Z", on: scenario.db)
  }

  @Test func threeConsecutiveRunsTellNewStillAndRefreshed() throws {
    let first = try run("2026-11-21")
    #expect(first.previousAsOf == nil)
    #expect(first.totals.newStale == first.totals.stale)
    // The dateless check enters the queue on its ingest day (2026-11-23).
    #expect(first.totals.stale == 6)
    #expect(first.totals.checks == 8)
    #expect(first.totals.undated == 2)

    // Overnight: one check is refreshed, a new flagged check arrives, one is snoozed.
    try scenario.ingest([
      (
        "refresh.txt",
        ArticleText.factCheck(
          question: "Did Orlen Bay close its fish market?", checkedOn: "November 21, 2026")
      ),
      (
        "late.txt",
        ArticleText.factCheck(
          question: "Did Lunmark cut ferry staff?", checkedOn: "November 21, 2026", banner: true)
      ),
    ])
    let snoozed = try #require(
      first.newlyStale.first { $0.question == "Is the Tarrow dam currently closed?" })
    try Snoozes.snooze(
      checkID: snoozed.checkID, until: day("2026-12-31"), note: "after the inspection",
      by: "editor", at: "2026-11-21T10:00:00Z", in: scenario.db)

    let second = try run("2026-11-22")
    #expect(second.previousAsOf == day("2026-11-21"))
    #expect(second.newlyStale.map(\.question) == ["Did Lunmark cut ferry staff?"])
    #expect(second.refreshed.map(\.question) == ["Did Orlen Bay close its fish market?"])
    #expect(second.snoozed.map(\.question) == ["Is the Tarrow dam currently closed?"])
    #expect(second.totals.stillStale == 4)
    #expect(second.totals.stale == 5)

    let third = try run("2026-11-23")
    #expect(third.newlyStale.map(\.question) == ["Is the Lune tunnel toll-free?"])
    #expect(third.totals.refreshed == 0)
    #expect(third.totals.stillStale == 5)
    #expect(third.history.map(\.name) == ["2026-11-21", "2026-11-22", "2026-11-23"])
    #expect(third.history.map(\.count) == [6, 5, 6])
    #expect(third.byReason.first { $0.name == "undated" }?.count == 2)
    #expect(third.byTopic.map(\.name).contains("elections"))

    // The runs are in SQL too.
    #expect(
      try scenario.db.scalarInt(
        "SELECT count(*) FROM staleness_flags f JOIN staleness_runs r ON r.id = f.run_id WHERE r.as_of = '2026-11-22' AND f.status = 'new'"
      ) == 1)
  }

  @Test func aRepeatedDayPrintsTheSameBytesEvenAfterChanges() throws {
    let first = try run("2026-11-22")
    let rendered = ReportFormat.allCases.map { ReportRenderer.render(first, format: $0) }
    try scenario.ingest([
      (
        "late.txt",
        ArticleText.factCheck(
          question: "Did Lunmark cut ferry staff?", checkedOn: "November 21, 2026", banner: true)
      )
    ])
    _ = try run("2026-11-23")
    let again = try run("2026-11-22")
    #expect(ReportFormat.allCases.map { ReportRenderer.render(again, format: $0) } == rendered)
    #expect(
      try scenario.db.scalarInt("SELECT count(*) FROM staleness_runs WHERE as_of = '2026-11-22'")
        == 1)
  }

  @Test func formatsCarryTheSameContent() throws {
    let content = try run("2026-11-23")
    let json = ReportRenderer.render(content, format: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((object["totals"] as? [String: Int])?["stale"] == content.totals.stale)
    #expect((object["newly_stale"] as? [Any])?.count == content.newlyStale.count)
    let csv = ReportRenderer.render(content, format: .csv)
    #expect(csv.split(separator: "\n").count == 1 + content.newlyStale.count + content.oldest.count)
    let markdown = ReportRenderer.render(content, format: .markdown)
    #expect(markdown.hasPrefix("# Staleness report for 2026-11-23\n"))
    #expect(markdown.contains("## Newly stale (7)"))
    #expect(markdown.contains("## By reason"))
  }

  @Test func articleTextIsEscapedInHTMLAndMarkdown() throws {
    let hostile = "Did <script>document.title='pwned'</script> & <b>friends</b> win?"
    try scenario.ingest([
      ("hostile.txt", ArticleText.factCheck(question: hostile, checkedOn: "January 2, 2026"))
    ])
    let content = try run("2026-11-23")
    let html = ReportRenderer.render(content, format: .html)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>friends"))
    #expect(
      html.contains(
        "Did &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt; win?"
      ))
    for attribute in ["src=", "href=", "url(", "@import", "<script", "<link"] {
      #expect(!html.contains(attribute), "the page loads nothing: \(attribute)")
    }
    let markdown = ReportRenderer.render(content, format: .markdown)
    #expect(!markdown.contains("<script"))
  }
}

/// The HTML page in a real browser: Chromium's DOM has the question as text, no script ran,
/// and the charts are there. Skipped when Chromium is not installed (`make html-check`
/// installs it).
@Suite(
  .enabled(
    if: Requirement.met(Browser.chromium != nil), "chromium not installed: browser check skipped"))
struct BrowserTests {
  @Test func chromiumShowsTheQuestionAsText() throws {
    let scenario = try Scenario()
    let hostile = "Did <script>document.title='pwned'</script> happen?"
    try scenario.ingest([
      ("hostile.txt", ArticleText.factCheck(question: hostile, checkedOn: "January 2, 2026"))
    ])
    let content = try NightlyReport.run(
      asOf: day("2026-11-23"), by: "test", at: "t", on: scenario.db)
    let page = scenario.folder.file("report.html")
    try Data(ReportRenderer.render(content, format: .html).utf8).write(to: page)
    let dom = try #require(try Browser.dumpDOM(page))
    #expect(dom.contains("<title>Staleness report for 2026-11-23</title>"))
    #expect(!dom.contains("pwned</title>"))
    #expect(dom.contains("Did &lt;script&gt;document.title='pwned'&lt;/script&gt; happen?"))
    #expect(dom.contains("<svg id=\"ages\""))
    #expect(dom.contains("<svg id=\"runs\""))
  }
}
