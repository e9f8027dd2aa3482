import FactArchiveCore
import FactArchiveWebPage
import Testing

/// Where real pages state the day they were published, and where they show days that are
/// not theirs (found by reading htmldate's 66 saved pages, most of them German: press
/// releases, blogs, a party's site, magazines): Yoast's `WebPage`, a `Datum:` line, a day
/// and month of one digit, a dateline inside a date element, a Drupal "submitted" line; and
/// a masthead's edition date, a sidebar's recent posts.
@Suite struct PageDateTests {
  static let html = NewsLayoutTests.html
  static func page(head: String = "", body: String) throws -> WebPage {
    try NewsLayoutTests.page(head: head, body: body)
  }

  // MARK: - How dates are written

  @Test(arguments: [
    ("15.2.2018", "2018-02-15"),
    ("1.4.2018, 19:51", "2018-04-01"),
    ("03.05.2013", "2013-05-03"),
    ("27/06/2018", "2018-06-27"),
    ("06/27/2018", "2018-06-27"),
    ("08/08/2017", "2017-08-08"),
    ("05/07/2019", nil),  // May or July: not told
    ("31.02.2019", nil),
    ("1.2.20189", nil),
    ("15.2.18", nil),
  ])
  func dayAndMonthOfOneOrTwoDigits(_ text: String, _ day: String?) {
    #expect(MetadataDate.day(text)?.iso == day)
  }

  @Test(arguments: [
    ("Letzte Aktualisierung: 18.01.2018", "2018-01-18"),
    ("Schengen, 3. Juli 2018", "2018-07-03"),
    ("Gespeichert von rasos am 24. Juli 2017 - 18:55", "2017-07-24"),
    ("(18.01.2018) Deutschlands Landwirte", "2018-01-18"),
    ("Ausgabe 129.3.2018", nil),
    ("Ref ab29.03.2017", nil),
    ("5 Kommentare", nil),
  ])
  func aDateWrittenInsideAShortText(_ text: String, _ day: String?) {
    #expect(MetadataDate.firstDay(in: text)?.iso == day)
  }

  // MARK: - Where the page states its day

  /// Yoast SEO describes a WordPress page as a `WebPage` in its `@graph`, with the post's
  /// dates and no `Article`; the page's `name` (title and site) is not its headline.
  @Test func aYoastWebPageGivesItsDates() throws {
    let graph = """
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[\
      {"@type":"WebSite","@id":"https://clinic.example/#website","name":"Clinic"},\
      {"@type":"WebPage","@id":"https://clinic.example/eyelids/#webpage",\
      "name":"Eyelid surgery - Clinic Example GmbH","datePublished":"2018-02-28T15:07:03+00:00",\
      "dateModified":"2020-01-08T10:30:47+00:00"}]}</script>
      <meta property="og:title" content="Eyelid surgery">
      """
    let page = try Self.page(head: graph, body: Self.html)
    #expect(page.metadata.published?.iso == "2018-02-28")
    #expect(page.metadata.modified?.iso == "2020-01-08")
    #expect(page.metadata.title == "Eyelid surgery")
  }

  @Test func anArticleOutranksItsWebPage() throws {
    let graph = """
      <script type="application/ld+json">{"@graph":[\
      {"@type":"WebPage","datePublished":"2018-01-01"},\
      {"@type":"NewsArticle","headline":"Slipway kept open","datePublished":"2018-03-04"}]}</script>
      """
    let page = try Self.page(head: graph, body: Self.html)
    #expect(page.metadata.published?.iso == "2018-03-04")
    #expect(page.metadata.title == "Slipway kept open")
  }

  /// `<h3>Datum: 22.12.2012, Rubrik: USA</h3>` under the headline: the day, and the line
  /// leaves the text.
  @Test func aDateLineUnderTheHeadline() throws {
    let page = try Self.page(
      body: "<h1>Slipway kept open</h1><h3>Datum: 22.12.2012, Rubrik: USA</h3>\(Self.html)")
    #expect(page.metadata.published?.iso == "2012-12-22")
    #expect(page.mainText.paragraphs == NewsLayoutTests.paragraphs)
  }

  /// A short first sentence that mentions a day is the article's, not its date line.
  @Test func aShortSentenceWithADayStaysInTheText() throws {
    let sentence = "On 3 May 2020 the council met in the old hall."
    let page = try Self.page(body: "<h1>Slipway kept open</h1><p>\(sentence)</p>\(Self.html)")
    #expect(page.metadata.published == nil)
    #expect(page.mainText.paragraphs.first == sentence)
  }

  @Test func aWeekdayBeforeADayOfOneDigitMonth() throws {
    let page = try Self.page(
      body: "<h1>Slipway kept open</h1><small>Donnerstag, 15.2.2018, 19:51</small>\(Self.html)")
    #expect(page.metadata.published?.iso == "2018-02-15")
  }

  @Test(arguments: [
    "<span class=\"press_location_time\"> Schengen, 3. Juli 2018 </span>",
    "<a class=\"post-meta-time\" href=\"/2018/07/03/\">July 3, 2018</a>",
    "<div class=\"submitted\">Gespeichert von rasos am 3. Juli 2018 - 18:55</div>",
    "<span class=\"created-post\">03.07.2018 09:54</span>",
    "<p class=\"article_date\">Letzte Aktualisierung: 03.07.2018</p>",
    "<span class=\"post-timestamp\"> Tuesday, July 3, 2018 </span>",
  ])
  func aDateElementAsPublishersNameIt(_ element: String) throws {
    // Below the text, where the text's own first lines cannot give the day.
    let page = try Self.page(body: "<h1>Slipway kept open</h1>\(Self.html)\(element)")
    #expect(page.metadata.published?.iso == "2018-07-03")
  }

  /// `<dt>Datum</dt><dd>12.01.2017</dd>`, a book page's `Erschienen:` and its value: the
  /// label's next sibling. A label whose sibling is no date gives nothing.
  @Test(arguments: [
    ("<dl><dt>Kategorie</dt><dd>AutoCAD</dd><dt>Datum</dt><dd>12.01.2017</dd></dl>", "2017-01-12"),
    ("<span>Erschienen:</span> <span>12.01.2017</span>", "2017-01-12"),
    ("<table><tr><th>Publication date</th><td>January 12, 2017</td></tr></table>", "2017-01-12"),
    ("<dl><dt>Date</dt><dd>to be announced</dd></dl>", nil),
    ("<p>Date</p> some words <p>12.01.2017</p>", nil),
  ])
  func aDateAfterItsLabel(_ element: String, _ day: String?) throws {
    let page = try Self.page(body: "<h1>Slipway kept open</h1>\(Self.html)\(element)")
    #expect(page.metadata.published?.iso == day)
  }

  /// `Mai<span>06</span>2018`: each element's text apart.
  @Test func aDateWrittenAcrossElements() throws {
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1>\(Self.html)
        <p class="copyright"><span class="date">Mai<span>06</span>2018</span></p>
        """)
    #expect(page.metadata.published?.iso == "2018-05-06")
  }

  /// `time` names a date element only as a whole class name or a part of one: a timeline's
  /// days are the story's events.
  @Test func aTimelineIsNotTheDate() throws {
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1>\(Self.html)
        <div class="timeline">3 March 2016</div>
        """)
    #expect(page.metadata.published == nil)
  }

  // MARK: - Days that are not the page's

  /// A news site's masthead shows the day's edition, not the article's day.
  @Test func aMastheadsDateIsNotTheArticles() throws {
    let masthead = """
      <header role="banner"><div class="logo">Harbour News</div>
      <div class="fecha"><time datetime="jueves, 09 enero 2014 10:21">jueves, 09 enero 2014</time>
      </div></header>
      """
    let undated = try Self.page(body: masthead + "<h1>Slipway kept open</h1>" + Self.html)
    #expect(undated.metadata.published == nil)
    let dated = try Self.page(
      body: masthead + "<h1>Slipway kept open</h1><span class=\"date\">3 May 2013</span>"
        + Self.html)
    #expect(dated.metadata.published?.iso == "2013-05-03")
  }

  /// A sidebar's recent posts each carry a date under one class (here one of them cannot
  /// be read); none is the page's. The article's own element of that class, outside the
  /// list, still is; so is the one dated item of a list of the article's details.
  @Test func aListOfRecentPostsIsNotTheDate() throws {
    let recent = """
      <ul class="widget_recent_entries">
      <li><a href="/a">Ferry fares rise</a> <span class="post-date">09/09/2019</span></li>
      <li><a href="/b">New pontoon</a> <span class="post-date">05/07/2019</span></li></ul>
      """
    let undated = try Self.page(body: "<h1>Slipway kept open</h1>\(Self.html)\(recent)")
    #expect(undated.metadata.published == nil)
    let dated = try Self.page(
      body: """
        <h1>Slipway kept open</h1><span class="post-date">14/06/2019</span>\(Self.html)\(recent)
        """)
    #expect(dated.metadata.published?.iso == "2019-06-14")
    let onlyOne = try Self.page(
      body: """
        <h1>Slipway kept open</h1><ul class="meta"><li class="post-date">14/06/2019</li></ul>
        \(Self.html)
        """)
    #expect(onlyOne.metadata.published?.iso == "2019-06-14")
  }

  // MARK: - The headline

  /// A post's title linked to itself (`rel="bookmark"`) is its headline, even when a
  /// sidebar's heading starts as the site's part of `<title>`.
  @Test func aPermalinkedHeadingIsTheHeadline() throws {
    let page = try Self.page(
      head: "<title>MIDP Emulator and Brick Challenge | -=daMax=-</title>",
      body: """
        <h1><a href="https://blog.example/2018/midp/" rel="bookmark">MIDP Emulator and Brick \
        Challenge</a></h1>\(Self.html)
        <div class="widgets"><h2>daMax elsewhere</h2><p>Links.</p></div>
        <div id="ad-space"><h1><b>OOPS!</b></h1></div>
        """)
    #expect(page.metadata.title == "MIDP Emulator and Brick Challenge")
  }
}
