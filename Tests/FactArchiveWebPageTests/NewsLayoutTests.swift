import FactArchiveCore
import FactArchiveWebPage
import Testing

/// Shapes real news and blog pages took that the reader lost text or metadata on (found by
/// reading newspaper4k's 22 saved news pages): an article body wrapped in a box named like
/// furniture, a paywalled page whose article is whole only in its JSON-LD, dates given only
/// in ISO 8601's basic format or in the address, the site's name among the authors.
@Suite struct NewsLayoutTests {
  static let paragraphs = [
    "The harbour board met on Tuesday and agreed, after a long debate, to keep the north slipway open through the winter, which the fishermen had asked for since the spring.",
    "The cost of the repairs, about forty thousand pounds, will be shared with the council, and the work is to be finished before the first storms of the season reach the bay.",
    "The board will meet again in March to decide whether the south slipway, closed since the landslip two years ago, can be reopened for the summer season.",
    "Until then, boats that used the south slipway may use the north one on weekdays, and the harbour master will keep a list of who is to launch when.",
  ]
  static let html = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")

  static func page(head: String = "", body: String) throws -> WebPage {
    try WebPage(
      Array(
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8">\(head)</head>
        <body>\(body)</body></html>
        """.utf8))
  }

  // MARK: - A body container inside a box named like furniture

  @Test func aBodyInsideAWidgetIsRead() throws {
    let page = try Self.page(
      body: """
        <div class="main section"><div class="widget Blog" id="Blog1">
        <h3 class="post-title">Slipway kept open</h3>
        <div class="post-body entry-content">\(Self.html)</div></div></div>
        <div class="sidebar"><div class="widget HTML"><p>About this blog: \
        notes from the harbour, written by the people who work on it, since 2009.</p></div></div>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  @Test func aBodyInsideAStronglyNamedWrapperIsReadWithoutTheAdvertInIt() throws {
    let page = try Self.page(
      body: """
        <div class="container advert-content-wrap"><div class="post-content">
        <p>\(Self.paragraphs[0])</p>
        <div class="advert"><span>Advertisement</span> <a href="https://ads.example/">Win a cruise</a></div>
        \(Self.paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined())</div></div>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  @Test func aHiddenBodyStaysHidden() throws {
    let page = try Self.page(
      body: """
        <div style="display:none"><div class="widget"><div class="post-body">\(Self.html)</div>
        </div></div><p>Nothing else here.</p>
        """)
    #expect(!page.mainText.text.contains("slipway"))
  }

  /// The retry is for a page whose own reading found little: a sidebar teaser named like a
  /// body does not join an article read without one.
  @Test func aTeaserInASidebarWidgetStaysOut() throws {
    let teaser =
      "Last month on the blog: the lifeboat crew's open day drew more visitors than ever, with queues along the quay for the afternoon demonstrations and the tea tent."
    let page = try Self.page(
      body: """
        <div class="story"><h1>Slipway kept open</h1>\(Self.html)</div>
        <div class="widget recent"><div class="entry-content"><p>\(teaser)</p></div></div>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  /// A theme that names its main column for the layout (`sidebar_content`) and its article
  /// body for nothing the hints know: the article is found by a retry with the layout's
  /// words unread (a West African conservation site's WordPress theme came out empty).
  @Test func aMainColumnNamedForTheLayoutIsRead() throws {
    let page = try Self.page(
      body: """
        <div class="inner_wrapper"><div class="sidebar_content"><div class="post_wrapper">
        <h3>Slipway kept open</h3><div class="post_excerpt">\(Self.html)</div></div></div>
        <div class="sidebar_wrapper"><div class="sidebar"><ul>
        <li><a href="/a">Ferry fares rise</a></li><li><a href="/b">New pontoon</a></li>
        </ul></div></div></div>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  /// Page builders: Elementor names every box of the article a widget (`elementor-widget
  /// elementor-widget-text-editor`), so the first pass finds only a heading; Avada wraps
  /// the whole article in a row named `…-height-scrolling` (`scroll` is a negative word).
  /// Both came out empty or nearly (trafilatura's saved pages of a fashion blog and a
  /// German blog).
  @Test func pageBuildersBoxesAreRead() throws {
    let widgets = Self.paragraphs.map {
      """
      <div class="elementor-element elementor-widget elementor-widget-text-editor">
      <div class="elementor-widget-container"><div class="elementor-text-editor">
      <p>\($0)</p></div></div></div>
      """
    }.joined(separator: "\n")
    let elementor = try Self.page(
      body: """
        <div class="title_wrap"><h2>Slipway kept open</h2></div>
        <div class="elementor elementor-11210"><div class="elementor-widget-wrap">
        <div class="elementor-element elementor-widget elementor-widget-heading">
        <h1 class="elementor-heading-title">Slipway kept open all winter</h1></div>
        \(widgets)</div></div>
        <div class="sidebar"><ul><li><a href="/a">Ferry fares rise</a></li></ul></div>
        """)
    #expect(elementor.mainText.paragraphs == Self.paragraphs)
    let avada = try Self.page(
      body: """
        <main id="main"><section id="content"><article class="post type-post">
        <div class="post-content"><div class="fusion-fullwidth non-hundred-percent-height-scrolling">
        <div class="fusion-builder-row"><div class="fusion-text">\(Self.html)</div></div></div>
        </div></article></section></main>
        """)
    #expect(avada.mainText.paragraphs == Self.paragraphs)
  }

  /// Soft hyphens (`&shy;`, written by hyphenation plugins inside long German and French
  /// words), zero-width spaces and word joiners show nothing: they are dropped from the
  /// headline, the text and structured data, so the words read, and are searched, as typed
  /// (a full-text index splits `Wäh&shy;rend` into two words).
  @Test func invisibleBreakHintsAreDropped() throws {
    let page = try Self.page(
      head: """
        <title>Histo&shy;rischer Markt</title>
        <script type="application/ld+json">{"@type": "NewsArticle",
        "headline": "Histo\\u00adrischer Markt", "description": "Wehr\\u00adanlage"}</script>
        """,
      body: """
        <article><h1>Histo&shy;rischer Markt</h1>
        <p>Wäh&shy;rend Sie über den Markt schlen\u{AD}dern, probieren Sie Wehr&shy;mauer&shy;brot.
        Ein\u{200B}tritt frei\u{2060}!</p><pre>ko&shy;de</pre></article>
        """)
    #expect(page.metadata.title == "Historischer Markt")
    #expect(page.metadata.description == "Wehranlage")
    #expect(
      page.mainText.paragraphs == [
        "Während Sie über den Markt schlendern, probieren Sie Wehrmauerbrot. Eintritt frei!",
        "kode",
      ])
    #expect(!page.mainText.text.unicodeScalars.contains { $0.value == 0xAD })
  }

  /// A heading's id is its anchor, a slug of its text (a table of contents links to it): the
  /// words in it say what the section is about, so `nav_…`, `share-prices…` or
  /// `comments-on…` do not make the heading furniture (heise.de and channelpartner.de lost
  /// every subheading). Its class still does.
  @Test func headingsAnchoredBySlugsOfTheirTextAreKept() throws {
    let page = try Self.page(
      body: """
        <article><h1>Slipway kept open</h1>
        <p>\(Self.paragraphs[0])</p>
        <h3 class="subheading" id="nav_the_cost__0">The cost</h3><p>\(Self.paragraphs[1])</p>
        <h3 id="share-prices-of-the-yard">Share prices of the yard</h3><p>\(Self.paragraphs[2])</p>
        <h3 id="comments-on-the-plan">Comments on the plan</h3><p>\(Self.paragraphs[3])</p>
        <h3 class="share-title">Share this story</h3></article>
        """)
    #expect(
      page.mainText.paragraphs == [
        Self.paragraphs[0], "The cost", Self.paragraphs[1], "Share prices of the yard",
        Self.paragraphs[2], "Comments on the plan", Self.paragraphs[3],
      ])
  }

  /// The retry never trades a short article for a longer text in the sidebar beside it.
  @Test func aShortArticleKeepsItsPlaceBesideALongSidebarText() throws {
    let brief = "The north slipway stays open all winter, the harbour board decided on Tuesday."
    let page = try Self.page(
      body: """
        <div class="story"><h1>Slipway kept open</h1><p>\(brief)</p></div>
        <div class="sidebar"><div class="textwidget">\(Self.html)</div></div>
        """)
    #expect(page.mainText.paragraphs == [brief])
  }

  // MARK: - Drupal's fields and a paper's aside

  /// Drupal 8 marks a field whose label is hidden `field--label-hidden`: the field is shown.
  /// (A page of Drupal's paragraph items, each a picture field and a text field, came out
  /// empty.)
  @Test func aFieldWhoseLabelIsHiddenIsRead() throws {
    let items = Self.paragraphs.map {
      """
      <div class="field--item"><div class="paragraph paragraph--type--img-txt">\
      <div class="field field--name-field-image field--label-hidden col-md-4">\
      <img src="/a.jpg"></div><div class="field field--name-field-text field--label-hidden \
      col-md-8"><p>\($0)</p></div></div></div>
      """
    }.joined()
    let page = try Self.page(
      body: """
        <div class="pagerow main-container" role="main"><section class="col-md-12">\
        <div class="region region-content"><article class="paragraph-page full">\
        <div class="content"><div class="field field--name-field-sections field--label-hidden \
        field--items">\(items)</div></div></article></div></section></div>
        <footer><p>Harbour Board · Quay Road 1</p></footer>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  /// A paper that puts its whole article, headline and all, in an `<aside>` inside `<main>`;
  /// a sidebar `<aside>` with teasers but no `<h1>` stays out.
  @Test func anAsideHoldingTheHeadlineIsTheArticle() throws {
    let page = try Self.page(
      body: """
        <main class="nfy-content"><aside class="nfy-pa nfy-pa-direct-content">\
        <section class="nfy-ar-detail" itemscope itemtype="http://schema.org/Article">\
        <h1 itemprop="headline">Slipway kept open</h1>\(Self.html)</section></aside>
        <aside class="nfy-sidebar"><article><h2>Ferry fares rise</h2><p>The ferry company \
        raised its fares on Monday for the first time in four years, by about a tenth.</p>\
        </article></aside></main>
        """)
    #expect(page.metadata.title == "Slipway kept open")
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  /// A page header with a `<div>` left open: libxml2 does not let `</section>` or
  /// `</header>` close it, as a browser does, so the header swallows the article; a header
  /// that holds the page's article is read, and the named body found inside its boxes.
  @Test func aHeaderThatSwallowedTheArticleIsRead() throws {
    let page = try Self.page(
      body: """
        <header id="page-header"><section id="m-header"><div class="m-header-wrapper">\
        <h1 class="site-title"><a href="/" rel="home">Quay News</a></h1></section></header>
        <div class="grid"><article class="content-area"><header class="entry-header">\
        <h1>Slipway kept open</h1></header><div class="entry-content">\(Self.html)</div>\
        </article></div>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  // MARK: - A root element closed at once

  /// An XHTML template's `<html xml:lang="de" />`: libxml2 closes the root, and the page
  /// after it (head and body) is read as a browser reads it.
  @Test func aRootClosedAtOnceStillHoldsThePage() throws {
    let page = try WebPage(
      Array(
        """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd" />
        <html xml:lang="de" />
        <head><meta charset="utf-8"><title>Slipway kept open</title></head>
        <body><div id="content"><h1>Slipway kept open</h1>\(Self.html)</div></body></html>
        """.utf8))
    #expect(page.metadata.title == "Slipway kept open")
    #expect(page.mainText.paragraphs == Self.paragraphs)
    #expect(String(decoding: page.lines.text, as: UTF8.self).contains("north slipway"))
  }

  // MARK: - A page inside a form

  /// ASP.NET Web Forms wraps the whole page in one `<form>` (forms do not nest): its text,
  /// headline and date are read, and its text lines for the Factually reader.
  @Test func aPageWrappedInAFormIsRead() throws {
    let page = try Self.page(
      body: """
        <form name="aspnetForm" method="post" action="./story" id="aspnetForm">
        <input type="hidden" name="__VIEWSTATE" value="yMi+2ay">
        <div class="search"><input name="q"><button>Search</button></div>
        <div id="content"><h1>Slipway kept open</h1><span class="date">6. Mai 2018</span>
        \(Self.html)</div>
        </form>
        """)
    #expect(page.metadata.title == "Slipway kept open")
    #expect(page.metadata.published?.iso == "2018-05-06")
    #expect(page.mainText.paragraphs == Self.paragraphs)
    #expect(String(decoding: page.lines.text, as: UTF8.self).contains("north slipway"))
  }

  @Test func aFormWithoutProseIsStillFurniture() throws {
    let page = try Self.page(
      body: """
        \(Self.html)
        <form class="newsletter"><p>Get the harbour news every Friday.</p>
        <input name="email"><button>Sign up</button></form>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  /// WordPress's comment form: long notes and a consent paragraph, but a text box to write
  /// in; its `Name *` label (in `comment-form-author`) is no byline.
  @Test func aCommentFormWithLongNotesIsStillFurniture() throws {
    let consent =
      "By using this form you agree with the storage and handling of your data by this website."
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1>\(Self.html)
        <form id="commentform" class="comment-form">
        <p class="comment-notes">Your email address will not be published. Required fields are \
        marked with a star, and your comment may wait for moderation.</p>
        <p class="comment-form-author"><label for="author">Name *</label> <input id="author"></p>
        <p class="comment-form-comment"><label>Comment</label><textarea id="c1"></textarea>\
        <script>document.getElementById("c1").setAttribute("id", "comment"); \
        document.getElementById("comment").setAttribute("autocomplete", "nope");</script></p>
        <p class="gdpr">\(consent) \(consent)</p><p class="gdpr">\(consent)</p></form>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
    #expect(page.metadata.authors.isEmpty)
  }

  // MARK: - A lead paragraph outside the named body

  static let lead =
    "The north slipway stays open all winter, the harbour board decided on Tuesday after a long debate."

  @Test func aLeadBeforeTheNamedBodyComesFirst() throws {
    let page = try Self.page(
      body: """
        <article><h1>Slipway kept open</h1><div class="article__lead"><p>\(Self.lead)</p></div>
        <div class="article__meta"><span>3 May 2026</span></div>
        <div class="article__body">\(Self.html)</div></article>
        """)
    #expect(page.mainText.paragraphs == [Self.lead] + Self.paragraphs)
  }

  @Test func aLedeThatIsAPictureOrAnAdvertIsNotALead() throws {
    let page = try Self.page(
      body: """
        <article><h1>Slipway kept open</h1>
        <div class="image__lede"><figure><img src="/slipway.jpg" alt=""><figcaption>The north \
        slipway at low tide, photographed on Monday by the harbour master.</figcaption></figure></div>
        <div class="ad-leaderboard"><p>Sponsored: the best waterproof jackets for a winter on the \
        quay, tested by our writers.</p></div>
        <div class="article-body">\(Self.html)</div></article>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  // MARK: - The article body stated in JSON-LD

  static func stated(_ paragraphs: [String]) -> String {
    let body = paragraphs.joined(separator: "\\n").replacingOccurrences(of: "\"", with: "\\\"")
    return """
      <script type="application/ld+json">{"@context": "https://schema.org", \
      "@type": "NewsArticle", "headline": "Slipway kept open", "articleBody": "\(body)"}</script>
      """
  }

  @Test func aPaywalledPageIsCompletedFromItsStatedBody() throws {
    let page = try Self.page(
      head: Self.stated(Self.paragraphs),
      body: """
        <article><h1>Slipway kept open</h1><div class="story-body"><p>\(Self.paragraphs[0])</p>
        </div><div class="paywall"><p>Subscribe to keep reading.</p></div></article>
        """)
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  @Test func aStatedBodyWithoutItsBreaksTakesThePagesPlace() throws {
    let run = Self.paragraphs.joined(separator: " ")
    let page = try Self.page(
      head: Self.stated([run]),
      body: """
        <article><div class="story-body"><p>\(Self.paragraphs[0])</p></div>
        <div class="paywall"><p>Subscribe to keep reading.</p></div></article>
        """)
    #expect(page.mainText.paragraphs == [run])
  }

  @Test func aStatedBodyOfAnotherTextAddsNothing() throws {
    let other = (1...4).map {
      "Paragraph \($0) of a different story, about the ferry timetable, long enough to count as text and to outweigh what the page shows by far."
    }
    let page = try Self.page(
      head: Self.stated(other),
      body: "<article><div class=\"story-body\"><p>\(Self.paragraphs[0])</p></div></article>")
    #expect(page.mainText.paragraphs == [Self.paragraphs[0]])
  }

  @Test func aStatedBodyNoLongerThanThePageAddsNothing() throws {
    let page = try Self.page(
      head: Self.stated(Self.paragraphs + ["One more line."]),
      body: "<article><div class=\"story-body\">\(Self.html)</div></article>")
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  @Test func aPageShowingNothingTakesItsStatedBody() throws {
    let page = try Self.page(
      head: Self.stated(Self.paragraphs),
      body: "<div id=\"app\"></div><script>render()</script>")
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  // MARK: - Dates

  @Test func isoBasicFormatIsADay() {
    #expect(MetadataDate.day("20180619T055000+0900")?.iso == "2018-06-19")
    #expect(MetadataDate.day("20180619")?.iso == "2018-06-19")
    #expect(MetadataDate.day("1529283660000") == nil)
    #expect(MetadataDate.day("Mon, 2019-01-21 13:49")?.iso == "2019-01-21")
    #expect(MetadataDate.day("Month 2019-01-21") == nil)
    #expect(MetadataDate.day("2004년 05월 28일")?.iso == "2004-05-28")
  }

  /// Drupal's "Submitted on …" line above the text gives the day and leaves the text.
  @Test func aSubmittedLineIsTheDate() throws {
    let page = try Self.page(
      body: """
        <article><h1>Slipway kept open</h1><div class="content">
        <span class="submitted-by">Submitted on Mon, 2019-01-21 13:49</span>
        \(Self.html)</div></article>
        """)
    #expect(page.metadata.published?.iso == "2019-01-21")
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }

  @Test(arguments: [
    ("https://news.example/2023/11/06/politics/story/index.html", "2023-11-06"),
    ("https://news.example/world/2023-11-17-floods-in-the-north", "2023-11-17"),
    ("http://www.news.example/fortune/2023-11/17/c_1129981476.htm", "2023-11-17"),
    ("https://blog.example/2026/10/the-leek-trial.html", nil),
    ("https://news.example/story/20231106/item", nil),
    ("https://news.example/1987/04/12/archive", nil),
    ("https://news.example/2023/13/40/story", nil),
    ("https://news.example/search?from=2023-11-06", nil),
    ("https://2023-11-06.example/", nil),
  ])
  func aDayInTheAddress(_ address: String, _ day: String?) {
    #expect(MetadataDate.day(inAddress: address)?.iso == day)
  }

  @Test func theAddressGivesTheDayOnlyWhenThePageGivesNone() throws {
    let canonical = "<link rel=\"canonical\" href=\"https://news.example/2023/11/06/slipway\">"
    let undated = try Self.page(head: canonical, body: Self.html)
    #expect(undated.metadata.published?.iso == "2023-11-06")
    let dated = try Self.page(
      head: canonical + "<meta property=\"article:published_time\" content=\"2023-11-07\">",
      body: Self.html)
    #expect(dated.metadata.published?.iso == "2023-11-07")
    let cxense = try Self.page(
      head: "<meta name=\"cXenseParse:recs:publishtime\" content=\"2018-06-18T10:01:00.000Z\">",
      body: Self.html)
    #expect(cxense.metadata.published?.iso == "2018-06-18")
  }

  // MARK: - Authors and titles

  @Test func theSiteIsNotAnAuthorBesidePeople() throws {
    let site = "<meta property=\"og:site_name\" content=\"Quay News\">"
    let several = try Self.page(
      head: site + "<meta name=\"author\" content=\"Ana Ruiz, and Tom Lee, Quay News\">",
      body: Self.html)
    #expect(several.metadata.authors == ["Ana Ruiz", "Tom Lee"])
    let alone = try Self.page(
      head: site + "<meta name=\"author\" content=\"Quay News\">", body: Self.html)
    #expect(alone.metadata.authors == ["Quay News"])
  }

  @Test func aNoBreakSpaceInANameIsASpace() throws {
    let page = try Self.page(
      head: """
        <script type="application/ld+json">{"@type": "NewsArticle", \
        "author": {"@type": "Person", "name": "Joan\\u00a0Biskupic"}}</script>
        """,
      body: Self.html)
    #expect(page.metadata.authors == ["Joan Biskupic"])
  }

  @Test func aDoubleHyphenSeparatesTheSiteFromTheHeadline() throws {
    let page = try Self.page(
      head: """
        <title>Slipway kept open -- Quay News</title>
        <meta property="og:site_name" content="Quay News">
        """,
      body: Self.html)
    #expect(page.metadata.title == "Slipway kept open")
  }

  /// `<ol start>` and `<li value>` number a list as a browser shows it (a list continued
  /// after a paragraph; inscriptis's test pages).
  @Test func listsAreNumberedAsTheyStartAndAsTheirItemsSay() throws {
    let page = try Self.page(
      body: """
        <main>\(Self.html)<ol start="4"><li>Fourth step</li><li>Fifth step</li></ol>
        <ol><li value="10">Tenth</li><li>Eleventh</li></ol><ol start="x"><li>First</li></ol></main>
        """)
    let numbers = page.mainText.blocks.compactMap { block -> Int? in
      if case .listItem(ordered: true, let number) = block.kind { return number }
      return nil
    }
    #expect(numbers == [4, 5, 10, 11, 1])
  }

  @Test func aBlockOfOnlyAByteOrderMarkIsDropped() throws {
    let page = try Self.page(body: "<main>\(Self.html)<p>\u{FEFF}</p><p>\u{200B} </p></main>")
    #expect(page.mainText.paragraphs == Self.paragraphs)
  }
}
