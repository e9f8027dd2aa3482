internal import CLibXML2
import FactArchiveCore
import Foundation

/// Reads what a page says about itself, each field from the best source it has:
///
/// | field | in order |
/// |---|---|
/// | headline | JSON-LD `headline`, `og:title`/`twitter:title`, `DC.title`, `parsely-title`, the first `<h1>` that is not the site's name (`PageHeadings`), `<title>` — each without the site's name |
/// | authors | JSON-LD `author` (people), `article:author`/`author`/`DC.creator`/`parsely-author`/`byl`, microdata `itemprop=author`, a byline element (`By …`) |
/// | published | JSON-LD `datePublished` (an article's, else a `WebPage`'s), `article:published_time`, `DC.date`, `parsely-pub-date`, `<meta name=date>` and kin, a `<time datetime>` in the article's header, a date element (not in the masthead, not a list's) |
/// | modified | JSON-LD `dateModified`, `article:modified_time`, `og:updated_time`, `DC.modified` |
/// | publisher | JSON-LD `publisher`, an Organization `author`, `og:site_name` |
///
/// Sources: the Open Graph protocol (ogp.me), Dublin Core's meta conventions, Parse.ly's
/// metadata tags, schema.org's Article and its JSON-LD, and the order trafilatura's
/// `metadata` module reads them in.
struct MetadataReader {
  var meta: [String: [String]] = [:]
  var title: String?
  var canonical: String?
  var base: String?
  var language: String?
  /// JSON-LD scripts, and the reviews written as microdata or RDFa (`EmbeddedItems`).
  var jsonLD: [[UInt8]] = []
  /// How many top-level microdata or RDFa items have been read.
  var itemsRead = 0
  var headings = PageHeadings()
  /// `<time datetime>`s, and whether each stood in the article's header or its byline.
  var times: [(datetime: String, inHeader: Bool, itemprop: String?)] = []
  /// Text of elements that look like a byline (class, id, itemprop or rel naming the
  /// author), in document order.
  var bylines: [String] = []
  var microdataAuthors: [String] = []
  /// Short texts of elements whose class names a date (`date`, `published`, `fecha`), with
  /// their class and id and whether they stand in a list item.
  var dateTexts: [(classes: String, text: String, spaced: String, inListItem: Bool)] = []

  /// Walks the whole page once.
  init(root: xmlNodePtr) {
    language = root.attribute("lang")
    // Page furniture (menus, footers, asides, forms) is walked for reviews written as
    // microdata or RDFa only: a verdict box may stand in an aside. The site's masthead and
    // complementary boxes give no dates (`elsewhere`): a masthead's is the day's edition.
    var stack: [(node: xmlNodePtr, headerDepth: Int, furniture: Bool, elsewhere: Bool)] = [
      (root, 0, false, false)
    ]
    var visited = 0
    while let (node, headerDepth, furniture, elsewhere) = stack.popLast() {
      visited += 1
      if visited > HTMLDOM.mostNodes { break }
      guard node.isElement else { continue }
      if itemsRead < EmbeddedItems.mostItems, let syntax = EmbeddedItems.topLevelSyntax(of: node) {
        itemsRead += 1
        if let review = EmbeddedItems.reviewJSON(node, syntax: syntax) { jsonLD.append(review) }
        if furniture { continue }
      }
      let name = node.elementName
      if furniture
        || (["nav", "footer", "form", "aside"].contains(name)
          && !PageWrapper.wrapsArticle(node, name: name))
      {
        for child in node.children.reversed() where child.isElement {
          stack.append((child, 0, true, false))
        }
        continue
      }
      var inHeader = headerDepth
      switch name {
      case "title":
        if title == nil { title = node.ownText.trimmingSpaces() }
        continue
      case "meta":
        readMeta(node)
        continue
      case "link":
        if node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true,
          let href = node.attribute("href")?.trimmingSpaces(), !href.isEmpty
        {
          canonical = canonical ?? href
        }
        continue
      case "base":
        if base == nil, let href = node.attribute("href")?.trimmingSpaces(), !href.isEmpty {
          base = href
        }
        continue
      case "script":
        if node.attribute("type")?.lowercased().hasPrefix("application/ld+json") == true {
          jsonLD.append(Array(node.ownText.utf8))
        }
        continue
      case "style", "noscript", "template", "svg":
        continue
      case "h1", "h2", "h3":
        headings.read(node, level: Int(String(name.dropFirst())) ?? 3, hints: PageHints.shared)
      case "header":
        inHeader += 1
      case "time":
        if !elsewhere, let datetime = node.attribute("datetime") {
          times.append(
            (datetime: datetime, inHeader: headerDepth > 0, itemprop: node.attribute("itemprop")))
        }
      default:
        break
      }
      readByline(node, name: name)
      let role = node.attribute("role")?.lowercased()
      let isElsewhere = elsewhere || role == "banner" || role == "complementary"
      if !isElsewhere { readDateText(node) }
      for child in node.children.reversed() where child.isElement {
        stack.append((child, inHeader, false, isElsewhere))
      }
    }
  }

  mutating func readMeta(_ node: xmlNodePtr) {
    guard
      let key =
        (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?
        .lowercased().trimmingSpaces(),
      !key.isEmpty,
      let content = node.attribute("content")?.trimmingSpaces(), !content.isEmpty
    else { return }
    meta[key, default: []].append(content)
  }

  /// A byline element: `class="byline"`, `rel="author"`, `itemprop="author"`. Not inside a
  /// quotation or its `<cite>` (`Laurence Bloch, directrice de France Inter` names who said
  /// it), and not a picture's credit (`Photo by …`).
  mutating func readByline(_ node: xmlNodePtr, name: String) {
    let itemprop = node.attribute("itemprop")?.lowercased()
    if itemprop == "author" || itemprop == "creator" {
      // The author's `name`, wherever it stands inside (a link often wraps it).
      let named = node.descendant(within: 3) { $0.attribute("itemprop")?.lowercased() == "name" }
      let text = Self.collapsed((named ?? node).textContent)
      if !text.isEmpty, text.count <= 120 { microdataAuthors.append(text) }
      return
    }
    let rel = node.attribute("rel")?.lowercased()
    let words = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
      .joined(separator: " ").lowercased()
    let named =
      rel == "author"
      || (!words.isEmpty && PageHints.contains(words, anyOf: PageHints.shared.bylineClass))
    guard named, !PageHints.contains(words, anyOf: ["bio", "avatar", "image", "photo", "img"]),
      name != "cite", !Self.isQuoted(node)
    else {
      return
    }
    let text = Self.collapsed(Self.spacedText(node))
    guard !text.isEmpty, text.count <= 160, !BylineText.isCredit(text) else { return }
    bylines.append(text)
  }

  /// Whether an element stands in a `<blockquote>`, a `<cite>` or a `<q>` (within eight
  /// levels).
  static func isQuoted(_ node: xmlNodePtr) -> Bool {
    node.hasAncestor(named: ["blockquote", "cite", "q"], within: 8)
  }

  /// An element's text with a space for each `<br>` and around each block (`textContent`
  /// runs `Steinbeis<br>Sa 13 Jul` together), or around every element.
  static func spacedText(_ node: xmlNodePtr, everyElement: Bool = false) -> String {
    var text = ""
    var stack: [(node: xmlNodePtr, closing: Bool)] = node.children.reversed().map { ($0, false) }
    var visited = 0
    while let (current, closing) = stack.popLast(), visited < 2000 {
      visited += 1
      if current.isText {
        text += current.text
        continue
      }
      guard current.isElement else { continue }
      let name = current.elementName
      if everyElement || name == "br" || MainTextExtractor.blockTags.contains(name) { text += " " }
      if closing || name == "script" || name == "style" { continue }
      stack.append((current, true))
      stack.append(contentsOf: current.children.reversed().map { ($0, false) })
    }
    return text
  }

  /// An element whose class names a date: its text, when short.
  /// Also the value after a date's label: `<dt>Datum</dt><dd>12.01.2017</dd>`,
  /// `<span>Erschienen:</span><span>07.02.2019</span>` (`date-label` in `page-hints.tsv`).
  mutating func readDateText(_ node: xmlNodePtr) {
    let words = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
      .joined(separator: " ").lowercased()
    let hints = PageHints.shared
    if !words.isEmpty,
      PageHints.contains(words, anyOf: hints.dateClass)
        || PageHints.hasToken(words, in: hints.dateToken)
    {
      appendDateText(of: node, classes: words)
    } else if let label = Self.shortLeafText(node), Self.isDateLabel(label),
      let value = Self.nextElement(after: node)
    {
      appendDateText(of: value, classes: "date-label")
    }
  }

  mutating func appendDateText(of node: xmlNodePtr, classes: String) {
    let text = Self.collapsed(node.textContent)
    guard !text.isEmpty, text.count <= 100 else { return }
    // `Mai<span>06</span>2018` runs together as text; each element apart, it is a date.
    let spaced = Self.collapsed(Self.spacedText(node, everyElement: true))
    dateTexts.append((classes, text, spaced, Self.isInListItem(node)))
  }

  /// A leaf element's text when it is no longer than a label (40 bytes), measured before
  /// it is built: this runs for every leaf of every page read.
  static func shortLeafText(_ node: xmlNodePtr) -> String? {
    var length = 0
    var child = node.pointee.children
    while let current = child {
      if current.isElement { return nil }
      if current.isText, let content = current.pointee.content {
        length += strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        if length > 40 { return nil }
      }
      child = current.pointee.next
    }
    return length == 0 ? nil : node.ownText
  }

  /// `Datum`, `Date:`, `Erschienen:`: a short text that is only a date's label.
  static func isDateLabel(_ text: String) -> Bool {
    let label = collapsed(text).lowercased().trimmingCharacters(in: ":：")
      .trimmingSpaces()
    return !label.isEmpty && PageHints.shared.dateLabels.contains(label)
  }

  /// The element after `node` among its siblings, past white space.
  static func nextElement(after node: xmlNodePtr) -> xmlNodePtr? {
    var sibling = node.pointee.next
    while let current = sibling {
      if current.isElement { return current }
      if current.isText, !current.text.trimmingSpaces().isEmpty { return nil }
      sibling = current.pointee.next
    }
    return nil
  }

  /// Whether an element is or stands in an `<li>` (within six levels).
  static func isInListItem(_ node: xmlNodePtr) -> Bool {
    node.hasAncestor(named: ["li"], within: 7, includingSelf: true)
  }

  /// White space collapsed, invisible break hints (`&shy;`) dropped.
  static func collapsed(_ text: String) -> String {
    text.withoutInvisibleBreakHints.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  func first(_ keys: String...) -> String? {
    for key in keys {
      if let value = meta[key]?.first(where: { !$0.isEmpty }) { return value }
    }
    return nil
  }

  // MARK: - The fields

  /// The article the page's JSON-LD describes, if any.
  var article: JSONLDArticle? { JSONLDArticle.first(in: jsonLD) }

  func metadata(pageURL: String?, article: JSONLDArticle?) -> PageMetadata {
    var result = PageMetadata()
    result.language =
      language ?? first("og:locale", "content-language", "language")
      ?? article?.language
    let address =
      resolve(canonical ?? first("og:url") ?? article?.url, against: pageURL)
      ?? pageURL
    // A web archive's copy resolves its relative links within the archive (which rewrote
    // them), and stands for the page it copied.
    result.baseURL = resolve(base, against: address ?? pageURL) ?? address
    let original = address.map(WebAddress.unarchived)
    if let address, original != address { result.archivedCopy = address }
    result.canonicalURL = original.map(WebAddress.withoutSharingParameters)
    result.siteName = first("og:site_name", "application-name", "twitter:site")
      .map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
    result.publisher = article?.publisher ?? article?.organizationAuthor ?? result.siteName
    result.description = article?.description ?? first("og:description", "description")
    let host = (result.canonicalURL ?? pageURL).flatMap(WebAddress.domain(of:))
    let ownNames = [result.siteName, result.publisher].compactMap { $0 }
    let (heading, banners) = headings.judged(
      siteNames: ownNames + TitleText.hostNames(host), title: title.map(Self.collapsed))
    let siteNames = ownNames + banners
    func clean(_ title: String?) -> String? {
      guard let title = title.map(Self.collapsed), !title.isEmpty else { return nil }
      let cleaned = TitleText.clean(title, siteNames: siteNames, host: host)
      return cleaned.isEmpty ? nil : cleaned
    }
    result.title =
      clean(article?.headline) ?? clean(
        first("og:title", "twitter:title", "dc.title", "dcterms.title"))
      ?? clean(first("parsely-title", "title", "headline")) ?? clean(heading) ?? clean(title)
    // `…, and Tom Watkins, CNN`: the site's own name among people is not an author, unless
    // it is the only one (a blog whose author is its name).
    let people = authors(article)
    let ownKeys = ownNames.map(TitleText.normalized).filter { !$0.isEmpty }
    let persons = people.filter { !ownKeys.contains(TitleText.normalized($0)) }
    result.authors = persons.isEmpty ? people : persons
    result.published = publishedDay(article)
    result.modified =
      article?.modified.flatMap(MetadataDate.day)
      ?? first(
        "article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified",
        "last-modified", "datemodified"
      ).flatMap(MetadataDate.day)
      ?? times.first { $0.itemprop?.lowercased() == "datemodified" }.flatMap {
        MetadataDate.day($0.datetime)
      }
    return result
  }

  /// The day the page was published, from the first source that gives one: the article's
  /// structured data, the meta tags, the `<time itemprop="datePublished">`, the first `<time>`
  /// in the header, a line that reads as a date, then any `<time>`. (Written as steps, not one
  /// chain of `??`: the chain took the type checker 16 s.)
  func publishedDay(_ article: JSONLDArticle?) -> Day? {
    if let day = article?.published.flatMap(MetadataDate.day) { return day }
    let named: String? = first(
      "article:published_time", "og:published_time", "dc.date", "dc.date.issued",
      "dcterms.issued", "dcterms.created", "parsely-pub-date", "date", "pubdate",
      "publishdate", "publish-date", "publish_date", "article.published", "sailthru.date",
      "citation_publication_date", "datepublished", "article:published", "dc.date.created",
      "date_published", "published-date", "publication_date", "dcterms.date",
      "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
      "rnews:datepublished", "vr:published_time", "shareaholic:article_published_time")
    if let day = named.flatMap(MetadataDate.day) { return day }
    if let time = times.first(where: { $0.itemprop?.lowercased() == "datepublished" }),
      let day = MetadataDate.day(time.datetime)
    {
      return day
    }
    if let time = times.first(where: { $0.inHeader }), let day = MetadataDate.day(time.datetime) {
      return day
    }
    // List items whose class shows different dates are a list's (a sidebar's recent posts,
    // comments), not the page's.
    var textsByClass: [String: Set<String>] = [:]
    for entry in dateTexts where entry.inListItem {
      textsByClass[entry.classes, default: []].insert(entry.text)
    }
    for entry in dateTexts where !entry.inListItem || textsByClass[entry.classes]?.count == 1 {
      if let day = MetadataDate.firstDay(in: entry.text) ?? MetadataDate.firstDay(in: entry.spaced)
      {
        return day
      }
    }
    for time in times {
      if let day = MetadataDate.day(time.datetime) { return day }
    }
    return nil
  }

  /// People, from the first source that names any.
  func authors(_ article: JSONLDArticle?) -> [String] {
    if let people = article?.people, !people.isEmpty { return people }
    for key in [
      "article:author", "author", "dc.creator", "dcterms.creator", "parsely-author", "byl",
      "sailthru.author", "citation_author",
    ] {
      let names = (meta[key] ?? []).filter { !WebAddress.isWeb($0) && !$0.hasPrefix("@") }
        .flatMap(BylineText.names)
      if !names.isEmpty { return unique(names) }
    }
    let micro = microdataAuthors.flatMap(BylineText.names)
    if !micro.isEmpty { return unique(micro) }
    for line in bylines {
      let names = BylineText.names(line)
      if !names.isEmpty { return unique(names) }
    }
    return []
  }

  func unique(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0.lowercased()).inserted }
  }

  func resolve(_ url: String?, against base: String?) -> String? {
    guard let url = url?.trimmingSpaces(), !url.isEmpty else { return nil }
    if WebAddress.isWeb(url) { return url }
    guard let base, let absolute = URLResolution.absolute(url, against: base) else { return nil }
    return WebAddress.isWeb(absolute) ? absolute : nil
  }
}
