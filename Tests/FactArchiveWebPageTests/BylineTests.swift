import FactArchiveCore
import FactArchiveWebPage
import Testing

/// Bylines as real pages wrote them where the reader took the wrong names (htmldate's saved
/// pages): Blogger's `Posted by`, a hidden `Autor:` label inside microdata, a picture's
/// credit in a box named for the author, a quotation's `<cite>`, a date after a `<br>`.
@Suite struct BylineTests {
  static let html = NewsLayoutTests.html
  static func page(head: String = "", body: String) throws -> WebPage {
    try NewsLayoutTests.page(head: head, body: body)
  }

  @Test func bloggersPostedByIsAPrefix() throws {
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1>\(Self.html)
        <div class="post-footer"><span class="post-author vcard"> Posted by \
        <span class="fn">Ned Deily</span></span></div>
        """)
    #expect(page.metadata.authors == ["Ned Deily"])
  }

  /// `von` for readers, `Autor:` for screen readers, the name inside a link.
  @Test func aMicrodataAuthorsNameInsideALink() throws {
    let page = try Self.page(
      body: """
        <div itemprop="author" itemscope itemtype="https://schema.org/Person">\
        <span>von </span><a href="/autor/georg-holzer" itemprop="url">\
        <span class="hide">Autor: </span><span itemprop="name">Georg Holzer</span></a></div>
        <h1>Slipway kept open</h1>\(Self.html)
        """)
    #expect(page.metadata.authors == ["Georg Holzer"])
  }

  @Test func aSecondPrefixGoesOnlyBeforeAColon() throws {
    let page = try Self.page(
      body: "<h1>Slipway kept open</h1><p class=\"byline\">By Di Caprio</p>\(Self.html)")
    #expect(page.metadata.authors == ["Di Caprio"])
    let labelled = try Self.page(
      body: "<h1>Slipway kept open</h1><p class=\"byline\">von Autor: Georg Holzer</p>\(Self.html)")
    #expect(labelled.metadata.authors == ["Georg Holzer"])
  }

  @Test func aPicturesCreditIsNotTheByline() throws {
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1>\(Self.html)
        <div class="author-credentials"><p><a href="https://commons.example/map.gif">Photo</a> \
        by Nikolai Tornau, public domain.</p></div>
        """)
    #expect(page.metadata.authors.isEmpty)
    let signed = try Self.page(
      body: """
        <h1>Slipway kept open</h1><p class="meta">By <a rel="author" href="/author/ana">Ana \
        Ruiz</a></p>\(Self.html)
        <div class="author-credentials"><p>Foto: Nikolai Tornau</p></div>
        """)
    #expect(signed.metadata.authors == ["Ana Ruiz"])
  }

  /// `<cite class="auteurcit">` names who said a quotation, not who wrote the page.
  @Test func aQuotationsCiteIsNotTheByline() throws {
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1>\(Self.html)
        <blockquote><p>The slipway is the harbour's heart.</p>\
        <cite class="auteurcit">Mara Lind, harbour master, 27 June 2019</cite></blockquote>
        """)
    #expect(page.metadata.authors.isEmpty)
  }

  /// `Maximilian Steinbeis<br/><time>Sa 13 Jul 2019</time>`: the name, without the date's
  /// weekday run into it.
  @Test func aDateAfterABreakIsNotPartOfTheName() throws {
    let page = try Self.page(
      body: """
        <h1>Slipway kept open</h1><div class="entry-byline"><a href="/author/mara">Mara Lind\
        </a><br/><time datetime="2019-07-13">Sa 13 Jul 2019</time></div>\(Self.html)
        """)
    #expect(page.metadata.authors == ["Mara Lind"])
  }
}
