import FactArchiveWebPage
import TestSupport
import Testing

/// The address a browser wrote at the top of a page it saved (`<!-- saved from url=(NNNN)…
/// -->`) stands in for the address a fetch would have known: the page's address when it has
/// no canonical one, the base of its relative links, its host for the site's name.
@Suite struct SavedFromTests {
  static func page(mark: String, head: String = "") -> [UInt8] {
    Array(
      """
      <!DOCTYPE html>
      \(mark)
      <html lang="en"><head><title>Slipway kept open | Quay News</title>\(head)</head><body>
      <article><h1>Slipway kept open</h1>
      <p>The harbour board met on Tuesday and agreed to keep the north slipway open through \
      the winter, as the <a href="/tides/north">tide tables</a> allow, which the fishermen \
      had asked for since the spring.</p></article></body></html>
      """.utf8)
  }

  @Test func theMarkGivesTheAddressAndResolvesLinks() throws {
    let page = try WebPage(
      Self.page(mark: "<!-- saved from url=(0033)https://quay.example/news/slipway -->"))
    #expect(page.metadata.canonicalURL == "https://quay.example/news/slipway")
    #expect(page.mainText.links.map(\.url) == ["https://quay.example/tides/north"])
  }

  @Test func aMarkThatCountsWrongStopsAtTheSpace() throws {
    let page = try WebPage(
      Self.page(mark: "<!-- saved from url=(0040)https://quay.example/news/slipway -->"))
    #expect(page.metadata.canonicalURL == "https://quay.example/news/slipway")
  }

  @Test func theCanonicalAddressAndAGivenOneComeFirst() throws {
    let mark = "<!-- saved from url=(0033)https://quay.example/news/slipway -->"
    let canonical = try WebPage(
      Self.page(mark: mark, head: "<link rel=\"canonical\" href=\"https://quay.example/s/1\">"))
    #expect(canonical.metadata.canonicalURL == "https://quay.example/s/1")
    let given = try WebPage(Self.page(mark: mark), url: "https://mirror.example/slipway")
    #expect(given.metadata.canonicalURL == "https://mirror.example/slipway")
  }

  @Test func aTrackedAddressIsKeptWithoutItsSharingParameters() throws {
    let mark =
      "<!-- saved from url=(0060)https://quay.example/news/slipway?utm_source=newsletter&id=4 -->"
    let page = try WebPage(Self.page(mark: mark))
    #expect(page.metadata.canonicalURL == "https://quay.example/news/slipway?id=4")
    #expect(page.metadata.archivedCopy == nil)
  }

  @Test func aLocalFileIsNoAddress() throws {
    let page = try WebPage(Self.page(mark: "<!-- saved from url=(0014)about:internet -->"))
    #expect(page.metadata.canonicalURL == nil)
    #expect(page.mainText.links.isEmpty)
  }
}

/// A page saved from the Wayback Machine is read as the page it copied: its address and its
/// links are the originals the archive rewrote (`https://web.archive.org/web/…/https://…`),
/// and the archive's toolbar and print line are not text.
@Suite struct WaybackCaptureTests {
  @Test func aCaptureReadsAsThePageItCopied() throws {
    let page = try WebPage(TestPaths.bytes(TestPaths.fixture("html/wayback-capture.html")))
    #expect(
      page.metadata.canonicalURL == "https://www.tidewatch.example/fact-check/brask-tram-cost/")
    #expect(
      page.metadata.archivedCopy
        == "https://web.archive.org/web/20260312084510/https://www.tidewatch.example/fact-check/brask-tram-cost/"
    )
    #expect(page.metadata.published?.iso == "2026-03-11")
    #expect(page.mainText.paragraphs.first?.hasPrefix("A post shared widely this week") == true)
    #expect(!page.mainText.text.contains("Wayback"))
    #expect(
      page.mainText.links.map(\.url) == [
        "https://brask-council.example/transport/tram-budget-2026",
        "https://brask-news.example/2025/depot-dropped",
      ])
  }

  @Test func aPageCitingAnArchivedCopyKeepsTheArchivesAddress() throws {
    let page = try WebPage(
      Array(
        """
        <html><head><link rel="canonical" href="https://quay.example/news/slipway"></head>
        <body><article><h1>Slipway kept open</h1><p>The board's minutes, since taken down, \
        are in <a href="https://web.archive.org/web/2025/https://board.example/minutes">the \
        archive</a>, and the harbour board kept the north slipway open through the winter, \
        as the fishermen had asked.</p></article></body></html>
        """.utf8))
    #expect(page.metadata.archivedCopy == nil)
    #expect(
      page.mainText.links.map(\.url) == [
        "https://web.archive.org/web/2025/https://board.example/minutes"
      ])
  }
}

/// A link pasted from a Google Doc, a mail or a Facebook post keeps the wrapper that
/// redirects to it: the page's links are their targets, so a citation is counted under the
/// site it cites, not google.com.
@Suite struct RedirectingLinkTests {
  @Test func aWrappedLinkIsItsTarget() throws {
    let page = try WebPage(
      Array(
        """
        <html><head><link rel="canonical" href="https://quay.example/news/slipway"></head>
        <body><article><h1>Slipway kept open</h1><p>The board's <a \
        href="https://www.google.com/url?q=https://board.example/minutes%3Fyear%3D2026&amp;sa=D&amp;source=editors&amp;ust=1">minutes</a> \
        and the <a href="https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Ftides.example%2Fnorth&amp;data=05">tide \
        tables</a> show the harbour board kept the north slipway open through the winter, \
        as the fishermen had asked; <a href="https://t.co/AbCdE">a post</a> said so.</p>\
        </article></body></html>
        """.utf8))
    #expect(
      page.mainText.links.map(\.url) == [
        "https://board.example/minutes?year=2026", "https://tides.example/north",
        "https://t.co/AbCdE",
      ])
  }
}
