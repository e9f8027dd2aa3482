import FactArchiveWebPage
import Testing

/// The headline where a page's `<h1>` shows its site's name (`PageHeadings`), and the parts
/// of headings and code that generated pages mark with class names the furniture rules know
/// (`MainTextExtractor`): the shapes of documentation sites, blog themes and highlighters.
@Suite struct PageHeadingsTests {
  static let paragraphs = """
    <p>The harbour board met on Tuesday and agreed, after a long debate, to keep the north \
    slipway open through the winter, which the fishermen had asked for since the spring.</p>
    <p>The cost of the repairs, about forty thousand pounds, will be shared with the council, \
    and the work is to be finished before the first storms of the season reach the bay.</p>
    """

  static func page(head: String = "", body: String) -> String {
    """
    <!doctype html><html lang="en"><head><meta charset="utf-8">\(head)</head>
    <body>\(body)</body></html>
    """
  }

  static func title(_ html: String) throws -> String? {
    try WebPage(Array(html.utf8)).metadata.title
  }

  /// The main text of a page whose `<main>` holds `content` between two paragraphs.
  static func mainText(_ content: String) throws -> MainText {
    try WebPage(Array(page(body: "<main>\(paragraphs)\(content)\(paragraphs)</main>").utf8))
      .mainText
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var head: String
    var body: String
    var title: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a menu bar's title, then the chapter's heading",
      head: "<title>Slipway Repairs - The Harbour Handbook</title>",
      body: """
        <div class="menu-bar"><h1 class="menu-title">The Harbour Handbook</h1></div>
        <main><h1>Slipway Repairs</h1>\(paragraphs)</main>
        """,
      title: "Slipway Repairs"),
    Case(
      name: "a blog's name linked home, the headline in an h2",
      head: "<title>Slipway kept open &#8211; Quayside Diary</title>",
      body: """
        <div id="top"><h1><span><a href="/" rel="home">Quayside Diary</a></span></h1></div>
        <div class="post"><h2>Slipway kept open</h2>\(paragraphs)</div>
        """,
      title: "Slipway kept open"),
    Case(
      name: "a site's name linked to its front page by address",
      head: "<title>Slipway kept open | Quay News</title>",
      body: """
        <h1><a href="https://quay.example/">Quay News</a></h1>
        <div class="post">\(paragraphs)</div>
        """,
      title: "Slipway kept open"),
    Case(
      name: "the title's last part as a heading before the headline",
      head: "<title>Slipway kept open - Bay Courier</title>",
      body: "<h1>Bay Courier</h1><article><h1>Slipway kept open</h1>\(paragraphs)</article>",
      title: "Slipway kept open"),
    Case(
      name: "the only h1 is the title's last part, an h2 its first",
      head: "<title>Tide gauges | Harbourline Documentation</title>",
      body: """
        <header><h1>Harbourline documentation</h1></header>
        <div id="apicontent"><h2>Tide gauges<a class="srclink" href="/src">[src]</a></h2>
        \(paragraphs)</div>
        """,
      title: "Tide gauges"),
    Case(
      name: "the site's own name in an h1",
      head:
        "<title>Slipway kept open</title><meta property=\"og:site_name\" content=\"Bay Courier\">",
      body: "<h1>Bay Courier</h1><div>\(paragraphs)</div>",
      title: "Slipway kept open"),
    Case(
      name: "a headline that is the title's last part, with nothing to say it is a site's",
      head: "<title>Bay Courier - Slipway kept open</title>",
      body: "<h1>Slipway kept open</h1><div>\(paragraphs)</div>",
      title: "Slipway kept open"),
    Case(
      name: "the headline, and the site's name after it in the title",
      head: "<title>Slipway kept open | Bay Courier</title>",
      body: "<h1>Slipway kept open</h1><div>\(paragraphs)</div>",
      title: "Slipway kept open"),
    Case(
      name: "a button inside the heading",
      head: "<title>Tide in harbour::gauges - Rust</title>",
      body: """
        <h1>Struct <span class="struct">Tide</span>&nbsp;<button id="copy-path">Copy item path</button></h1>
        <div>\(paragraphs)</div>
        """,
      title: "Struct Tide"),
    Case(
      name: "no h1, the post's title in Blogger's h3",
      head: "<title>Quayside Diary</title>",
      body: """
        <div class="header"><div class="titlewrapper">Quayside Diary</div></div>
        <div class="post"><h3 class="post-title entry-title" itemprop="name">Slipway kept open</h3>
        \(paragraphs)</div>
        """,
      title: "Slipway kept open"),
    Case(
      name: "two h1s, the headline named by itemprop",
      head: "<title>Quayside Diary</title>",
      body: """
        <h1>Latest</h1><article><h1 itemprop="headline">Slipway kept open</h1>\(paragraphs)</article>
        """,
      title: "Slipway kept open"),
    Case(
      name: "the only h1 before teasers named as headlines",
      head: "<title>Quayside Diary</title>",
      body: """
        <article><h1>Slipway kept open</h1>\(paragraphs)</article>
        <div class="more"><h2 class="headline">Lifeboat open day</h2></div>
        """,
      title: "Slipway kept open"),
    Case(
      name: "a permalink mark after the heading",
      head: "<title>Slipway kept open &#8212; Harbour 3.2 documentation</title>",
      body: """
        <h1>Slipway kept open<a class="headerlink" href="#slipway" title="Permalink">¶</a></h1>
        <div>\(paragraphs)</div>
        """,
      title: "Slipway kept open"),
    Case(
      name: "headings only for screen readers over each menu",
      head: "<title>Harbour portal</title>",
      body: """
        <div class="service"><h1 class="unsichtbar">Metanavigation - Service-Menue</h1></div>
        <nav><h1 class="element-invisible">Main menu</h1></nav>
        <h2 class="sr-only">Search</h2>
        <div class="story"><h1>Slipway kept open</h1>\(paragraphs)</div>
        """,
      title: "Slipway kept open"),
  ]

  @Test(arguments: cases)
  func theHeadlineIsNotTheSitesName(_ item: Case) throws {
    #expect(try Self.title(Self.page(head: item.head, body: item.body)) == item.title)
  }

  @Test func aHeadingWrappedInALinkToItselfStaysInTheText() throws {
    let text = try Self.mainText(
      """
      <h2 id="cost"><a class="header" href="#cost">Who pays for the work</a></h2>
      \(Self.paragraphs)
      <h3 id="when">When it starts<a class="headerlink" href="#when">¶</a></h3>
      <h3 id="where">Where the crane stands<span><a class="mark" href="#where">#</a></span></h3>
      """)
    let headings = text.blocks.filter(\.isHeading).map(\.text)
    #expect(headings.contains("Who pays for the work"))
    #expect(headings.contains("When it starts"))
    #expect(headings.contains("Where the crane stands"))
  }

  @Test func highlightedCodeKeepsItsComments() throws {
    let text = try Self.mainText(
      """
      <pre><code><span class="token keyword">let</span> tide <span class="token operator">=</span> read() <span class="token comment">// metres above datum</span>
      <span class="hljs-comment"># the outer gauge</span>
      <span class="c1">/* share of the cost */</span></code></pre>
      """
    ).text
    #expect(text.contains("// metres above datum"))
    #expect(text.contains("# the outer gauge"))
    #expect(text.contains("/* share of the cost */"))
  }

  @Test func aFootnoteMarkIsNotAPermalink() throws {
    let text = try Self.mainText(
      """
      <p>The harbour board met on Tuesday and agreed to keep the north slipway open through \
      the winter<a href="#note-1">*</a>, which the fishermen had asked for since the \
      spring<a href="#note-2">2</a>, at a cost of forty thousand pounds to the council.</p>
      """
    ).text
    #expect(text.contains("winter*"))
    #expect(text.contains("spring2"))
  }

  @Test func aSharingLinkIsStillFurniture() throws {
    let text = try Self.mainText(
      """
      <p><a class="share-twitter" href="https://x.example/share">Post this on the social \
      network</a></p>
      """
    ).text
    #expect(!text.contains("Post this"))
  }
}
