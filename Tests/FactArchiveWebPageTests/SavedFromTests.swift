import FactArchiveWebPage
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

  @Test func aLocalFileIsNoAddress() throws {
    let page = try WebPage(Self.page(mark: "<!-- saved from url=(0014)about:internet -->"))
    #expect(page.metadata.canonicalURL == nil)
    #expect(page.mainText.links.isEmpty)
  }
}
