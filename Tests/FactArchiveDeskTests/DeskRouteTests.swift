import ArchiveTestSupport
import FactArchiveCore
import FactArchiveDesk
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Every page and API of the desk, in process.
@Suite struct DeskRouteTests {
  let fixture: DeskFixture

  init() throws {
    fixture = try DeskFixture()
  }

  @Test func theQueueIsTheSameListAsStaleInTiers() async throws {
    try await fixture.test { browser in
      let page = try await browser.get("/")
      #expect(page.status == .ok)
      #expect(page.headers[.contentType] == "text/html; charset=utf-8")
      #expect(page.text.contains("Stale queue"))
      let expected = try StaleQueue(asOf: DeskFixture.today, limit: 50).run(
        on: try fixture.database())
      #expect(!expected.isEmpty)
      // Every listed check, in the same order, with its reasons.
      var cursor = page.text.startIndex
      for check in expected {
        let range = try #require(
          page.text.range(of: "/checks/\(check.checkID)\"", range: cursor..<page.text.endIndex))
        cursor = range.upperBound
      }
      #expect(page.text.contains("<code>newer_evidence</code>"))
      #expect(page.text.contains("2 banner or newer evidence<span class=\"count\">"))
      // Filters and paging.
      let tier = try await browser.get("/?tier=4")
      #expect(tier.status == .ok)
      #expect(!tier.text.contains("tier tier-2"))
      let text = try await browser.get("/?q=norvik")
      #expect(text.text.contains("Norvik Shipping"))
      #expect(!text.text.contains("Tallis Bay"))
      #expect(text.text.contains("all<span class=\"count\">"))
      // Too short for the trigram index: the questions' rows are compared instead.
      let short = try await browser.get("/?q=vi")
      #expect(short.text.contains("Norvik Shipping"))
      #expect(short.text.contains("all<span class=\"count\">"))
      let earlier = try await browser.get("/?as_of=2025-01-01")
      #expect(earlier.text.contains("No stale checks match."))
    }
  }

  @Test func apiStaleIsExactlyWhatTheCLIPrints() async throws {
    try await fixture.test { browser in
      let api = try await browser.get("/api/stale?as_of=2026-11-23&reason=newer_evidence&limit=5")
      #expect(api.status == .ok)
      #expect(api.headers[.contentType] == "application/json; charset=utf-8")
      let queue = StaleQueue(asOf: Day(iso: "2026-11-23")!, reason: .newerEvidence, limit: 5)
      let cli = StaleReport.render(
        try queue.run(on: try fixture.database()), format: .json, asOf: queue.asOf)
      #expect(api.text == cli)
    }
  }

  @Test func aCheckPageShowsWhyAndTheEvidenceBesideIt() async throws {
    let id = try #require(
      try fixture.database().queryFirst(
        "SELECT c.id FROM checks c JOIN questions q ON q.id = c.question_id WHERE q.text LIKE 'Did Norvik%'",
        [], { $0.int64(at: 0) }))
    try await fixture.test { browser in
      let page = try await browser.get("/checks/\(id)")
      #expect(page.status == .ok)
      #expect(page.text.contains("<h1 dir=\"auto\">Did Norvik Shipping move cocaine"))
      #expect(page.text.contains("Why it may be outdated"))
      #expect(page.text.contains("shares <mark>norvik shipping</mark>"))
      #expect(page.text.contains("href=\"/sources/"))
      #expect(page.text.contains("1. <bdi>What the seizures show</bdi>"))
      // Archive text in any script takes its own direction (Arabic and Hebrew checks read
      // right to left inside the English page).
      #expect(page.text.contains("<div class=\"summary\" dir=\"auto\"><p dir=\"auto\">"))
      let queue = try await browser.get("/?as_of=2026-11-23")
      #expect(queue.text.contains("\"><bdi>Did Norvik Shipping move cocaine"))
      #expect(page.text.contains("Who owns Norvik Shipping?"))
      #expect(page.text.contains("action=\"/checks/\(id)/review\""))
      let api = try await browser.get("/api/checks/\(id)")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
      #expect((object["check"] as? [String: Any])?["check_id"] as? Int == Int(id))
      #expect(object["standing"] is [Any])
    }
  }

  @Test func historyShowsAWordDiffBetweenChecks() async throws {
    // The grain question was checked twice (2025, 2026).
    let ids = try fixture.database().query(
      """
      SELECT c.id FROM checks c JOIN questions q ON q.id = c.question_id
      WHERE q.text LIKE '%Norvale suspended grain%' ORDER BY c.checked_on
      """
    ) { $0.int64(at: 0) }
    #expect(ids.count == 2)
    try await fixture.test { browser in
      let page = try await browser.get("/checks/\(ids[1])")
      #expect(page.text.contains("History of the question"))
      #expect(page.text.contains("<del>") || page.text.contains("<ins>"))
      #expect(page.text.contains("href=\"/checks/\(ids[0])\""))
    }
  }

  @Test func searchSourcesAndReports() async throws {
    let db = try fixture.database()
    _ = try NightlyReport.run(
      asOf: DeskFixture.today, by: "cron", at: "2026-12-01T06:15:00Z", on: db)
    try await fixture.test { browser in
      let search = try await browser.get("/search?q=lumexa")
      #expect(search.status == .ok)
      #expect(search.text.contains("<mark>"))
      let bad = try await browser.get("/search?q=%22unbalanced")
      #expect(bad.status == .badRequest)
      #expect(bad.text.contains("could not be read"))
      let api = try await browser.get("/api/search?q=lumexa")
      #expect(
        (try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [Any])?.isEmpty == false)
      // Sources are searched too, each hit labelled and linked to its own page.
      let both = try await browser.get("/search?q=norvik")
      #expect(both.text.contains("href=\"/sources/") && both.text.contains("href=\"/checks/"))
      let sources = try await browser.get("/search?q=norvik&in=sources")
      #expect(
        sources.text.contains("href=\"/sources/") && !sources.text.contains("href=\"/checks/"))
      #expect(sources.text.contains("<option value=\"sources\" selected>"))
      let sourcesAPI = try await browser.get("/api/search?q=norvik&in=sources")
      let kinds =
        (try JSONSerialization.jsonObject(with: Data(sourcesAPI.text.utf8)) as? [[String: Any]])?
        .map { $0["kind"] as? String }
      #expect(kinds?.isEmpty == false && kinds?.allSatisfy { $0 == "source" } == true)
      #expect((try await browser.get("/api/search?q=norvik&in=everything")).status == .badRequest)
      let source = try await browser.get("/sources/1")
      #expect(source.status == .ok)
      #expect(source.text.contains("Newer evidence for"))
      let reports = try await browser.get("/reports")
      #expect(reports.text.contains("href=\"/reports/2026-12-01\""))
      #expect(reports.text.contains("<svg id=\"runs\""))
      let report = try await browser.get("/reports/2026-12-01")
      #expect(report.status == .ok)
      #expect(report.text.hasPrefix("<!DOCTYPE html>"))
      let policy = try #require(report.headers[.contentSecurityPolicy])
      #expect(policy.contains("style-src 'self' 'sha256-"))
      #expect((try await browser.get("/reports/2020-01-01")).status == .notFound)
      #expect((try await browser.get("/healthz")).text == "ok\n")
      let style = try await browser.get("/style.css")
      #expect(style.headers[.contentType] == "text/css; charset=utf-8")
    }
  }

  @Test func badRequestsGetClearErrorsNeverACrash() async throws {
    try await fixture.test { browser in
      let missing = try await browser.get("/checks/999999")
      #expect(missing.status == .notFound)
      #expect(missing.text.contains("There is no check 999999."))
      #expect((try await browser.get("/checks/abc")).status == .badRequest)
      #expect((try await browser.get("/no/such/page")).status == .notFound)
      let impossible = try await browser.get("/?as_of=2026-02-30")
      #expect(impossible.status == .badRequest)
      #expect(impossible.text.contains("as_of: &#39;2026-02-30&#39; is not a date"))
      #expect((try await browser.get("/?tier=9")).status == .badRequest)
      #expect((try await browser.get("/api/stale?reason=nonsense")).status == .badRequest)
      let apiMissing = try await browser.get("/api/checks/999999")
      #expect(apiMissing.status == .notFound)
      #expect(apiMissing.headers[.contentType] == "application/json; charset=utf-8")
      // Every response carries the security headers.
      for page in [missing, impossible] {
        #expect(page.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
        #expect(page.headers[.xContentTypeOptions] == "nosniff")
      }
    }
  }

  @Test func postsNeedTheSessionsTokenAndLargeBodiesAreRefused() async throws {
    try await fixture.test { browser in
      let page = try await browser.get("/checks/4")
      let token = try #require(browser.csrf(from: page))
      let before = try fixture.database().scalarInt("SELECT count(*) FROM reviews")
      let forged = try await browser.post(
        "/checks/4/review", [("verdict", "withdrawn"), ("csrf", "0123")])
      #expect(forged.status == .forbidden)
      let missing = try await browser.post("/checks/4/review", [("verdict", "withdrawn")])
      #expect(missing.status == .forbidden)
      #expect(try fixture.database().scalarInt("SELECT count(*) FROM reviews") == before)
      let huge = try await browser.post(
        "/checks/4/review",
        [
          ("csrf", token), ("verdict", "still-accurate"),
          ("note", String(repeating: "x", count: 70_000)),
        ])
      #expect(huge.status == .contentTooLarge)
      let future = try await browser.post(
        "/checks/4/review", [("csrf", token), ("verdict", "still-accurate"), ("on", "2027-01-01")])
      #expect(future.status == .badRequest)
      #expect(future.text.contains("after today"))
      let snooze = try await browser.post(
        "/checks/4/snooze", [("csrf", token), ("until", "2026-02-30"), ("note", "x")])
      #expect(snooze.status == .badRequest)
      #expect(try fixture.database().scalarInt("SELECT count(*) FROM reviews") == before)
    }
  }

  @Test func theReviewLoopEndToEnd() async throws {
    let log = Log()
    try await fixture.test(log: log) { browser in
      let queue = try await browser.get("/")
      #expect(queue.text.contains("href=\"/checks/4\""))
      let page = try await browser.get("/checks/4")
      let token = try #require(browser.csrf(from: page))
      let posted = try await browser.post(
        "/checks/4/review",
        [("csrf", token), ("verdict", "still-accurate"), ("note", "auction results unchanged")])
      #expect(posted.status == .seeOther)
      #expect(posted.headers[.location] == "/checks/4")
      let after = try await browser.get("/")
      #expect(!after.text.contains("href=\"/checks/4\""))
      let review = try #require(
        try fixture.database().queryFirst(
          "SELECT verdict, reviewed_by, note FROM reviews WHERE check_id = 4", [],
          { ($0.text(at: 0), $0.text(at: 1), $0.text(at: 2)) }))
      #expect(review.0 == "still_accurate")
      #expect(review.1 == "ana")
      #expect(review.2 == "auction results unchanged")
      let shown = try await browser.get("/checks/4")
      #expect(shown.text.contains("found still accurate on 2026-12-01 by ana"))
      // Snooze and unsnooze from the same page.
      let snoozed = try await browser.post(
        "/checks/4/snooze",
        [("csrf", token), ("until", "2027-06-01"), ("note", "court ruling due")])
      #expect(snoozed.status == .seeOther)
      #expect((try await browser.get("/checks/4")).text.contains("Snoozed until"))
      #expect(
        (try await browser.post("/checks/4/unsnooze", [("csrf", token)])).status == .seeOther)
    }
    #expect(log.lines.contains { $0.hasPrefix("POST /checks/4/review 303 ") })
    #expect(log.lines.contains { $0.hasPrefix("GET / 200 ") })
  }

  @Test func aDisplayNameSetOnThePageSignsReviews() async throws {
    try await fixture.test { browser in
      let page = try await browser.get("/")
      let token = try #require(browser.csrf(from: page))
      let named = try await browser.post("/name", [("csrf", token), ("name", "Bea Ortiz")])
      #expect(named.status == .seeOther)
      let again = try await browser.get("/checks/4")
      #expect(again.text.contains("value=\"Bea Ortiz\""))
      _ = try await browser.post(
        "/checks/4/review", [("csrf", token), ("verdict", "needs-update"), ("note", "new bids")])
      #expect(
        try fixture.database().scalarText("SELECT reviewed_by FROM reviews WHERE check_id = 4")
          == "Bea Ortiz")
    }
  }

  @Test func aReadOnlyDeskShowsNoFormsAndRefusesPosts() async throws {
    try await fixture.test(readOnly: true) { browser in
      let page = try await browser.get("/checks/4")
      #expect(page.status == .ok)
      #expect(!page.text.contains("<form method=\"post\""))
      #expect(!page.text.contains("action=\"/name\""))
      let post = try await browser.post("/checks/4/review", [("verdict", "withdrawn")])
      #expect(post.status == .methodNotAllowed)
      #expect(try fixture.database().scalarInt("SELECT count(*) FROM reviews") == 0)
    }
  }
}
