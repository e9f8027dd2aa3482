internal import CLibXML2

/// Finds an article's main text in a page's DOM, the way Mozilla Readability and
/// trafilatura do:
///
/// 1. Page furniture is set aside: elements that are never text (`nav`, `aside`, forms,
///    `header`, `footer`, captions), hidden ones (`hidden`, `aria-hidden`, `display:none`),
///    and those whose class or id names menus, comments, share bars, related lists,
///    newsletter, cookie and paywall boxes (`PageHints`).
/// 2. The container publishers put the article body in (`itemprop=articleBody`,
///    `article-body`, `entry-content`, …) is the main text when it holds a real text;
///    otherwise paragraphs score their ancestors by length and commas, weighted by class
///    words and discounted by link density, the best scorer wins (climbing to a common
///    ancestor when several candidates share one), and its siblings join it when they
///    score well or read like paragraphs.
/// 3. The winner is written out as blocks (`BlockWriter`), dropping what still reads as
///    furniture inside it: link lists, boxes with negative class words, "Read more" lines.
///
/// A short article (one or two paragraphs) is still an article: nothing is thrown away for
/// being short.
struct MainTextExtractor {
  typealias Node = xmlNodePtr

  /// What the analysis knows of each element kept.
  struct Stats {
    /// Visible characters (not white space) of its text.
    var text = 0
    /// Those inside links.
    var linkText = 0
    /// Commas (`,` `，` `、` `،`).
    var commas = 0
    /// Whether a block element is among its children.
    var hasBlockChild = false

    var linkDensity: Double { text == 0 ? 0 : Double(linkText) / Double(text) }
  }

  let hints = PageHints.shared
  /// Resolves a link's `href` against the page's address; `nil` for links that are not
  /// http(s).
  let resolve: (String) -> String?
  private(set) var stats: [Node: Stats] = [:]
  private(set) var furniture: Set<Node> = []
  /// Elements that are not furniture by their class names: the wrappers of an article body
  /// that a page named as furniture (`findBodyInFurniture`).
  private(set) var exempt: Set<Node> = []
  /// Whether class names are read without the words that also name a page's columns
  /// (`layout` in `page-hints.tsv`): the last retry for a short main text.
  private(set) var disregardsLayout = false
  /// Whether the boxes' weights are read without those words too: the retry for a page
  /// whose first pass found nothing but headings (a page builder that names every box of
  /// the article a `widget`), where the weights would set the article's boxes aside again.
  private(set) var weighsWithoutLayout = false

  init(resolve: @escaping (String) -> String?) {
    self.resolve = resolve
  }

  static let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "figure", "address", "hr", "center", "details", "summary", "body", "html",
  ]

  /// The main text of the page whose `<body>` is `body`.
  mutating func extract(body: Node) -> MainText {
    analyse(body)
    var blocks = mainBlocks(body: body)
    // Readability tries again, without its class-name rules, when what it found is short;
    // trafilatura looks for the body's container before it cleans anything. Both save the
    // article a page wraps in a box named like furniture (Blogger's `widget Blog`, a theme's
    // `advert-content-wrap`). Here the retry happens only for a container named as the
    // article body, and only its wrappers lose their class-name verdict.
    if Self.characters(blocks) < Self.retryBelow, bodyContainer(body: body) == nil,
      let hidden = findBodyInFurniture(body: body)
    {
      var retry = MainTextExtractor(resolve: resolve)
      retry.exempt = Self.ancestors(of: hidden, upTo: body)
      retry.analyse(body)
      let retried = retry.mainBlocks(body: body)
      if Self.characters(retried) > Self.characters(blocks) {
        self = retry
        blocks = retried
      }
    }
    // Still short: some themes name their main column for the layout (`sidebar_content`),
    // so the article is set aside with the sidebar. Tried again with those words unread, the
    // scores choose; what is found counts only if it is an article's length, more than twice
    // what the first pass found, and holds all of that (a short article beside a long text
    // in a sidebar keeps its place) unless that was headings alone (a page builder's
    // `elementor-widget` boxes leave only the headline: there was no article to keep, and
    // the boxes' weights are read without the layout words too).
    if Self.characters(blocks) < Self.retryBelow {
      var retry = MainTextExtractor(resolve: resolve)
      retry.exempt = exempt
      retry.disregardsLayout = true
      let onlyHeadings = blocks.allSatisfy(\.isHeading)
      retry.weighsWithoutLayout = onlyHeadings
      retry.analyse(body)
      let retried = retry.mainBlocks(body: body)
      let length = Self.characters(retried)
      if length >= Self.retryBelow, length > 2 * Self.characters(blocks),
        onlyHeadings || Set(blocks.map(\.text)).isSubset(of: retried.map(\.text))
      {
        self = retry
        blocks = retried
      }
    }
    return MainText(blocks: blocks, statedSummary: statedSummary(body: body))
  }

  /// What is written out of the chosen containers, or of the whole body when they hold
  /// nothing.
  func mainBlocks(body: Node) -> [TextBlock] {
    let containers = chooseContainers(body: body)
    var writer = BlockWriter(extractor: self)
    for container in containers { writer.write(container) }
    if writer.blocks.isEmpty, containers != [body] {
      var whole = BlockWriter(extractor: self)
      whole.write(body)
      return whole.blocks
    }
    return writer.blocks
  }

  /// A main text shorter than this is tried again when a named article body was set aside
  /// with the furniture (Readability's `charThreshold`).
  static let retryBelow = 500

  static func characters(_ blocks: [TextBlock]) -> Int {
    blocks.reduce(0) { $0 + $1.text.count }
  }

  static func ancestors(of node: Node, upTo root: Node) -> Set<Node> {
    var result: Set<Node> = []
    var current: Node? = node
    while let element = current, element != root, element.isElement {
      result.insert(element)
      current = element.pointee.parent
    }
    return result
  }

  /// Text this short or long is not a summary box.
  static let summaryLengths = 30...1500

  /// The first box whose class or id names a summary or verdict ("verdict", "our-ruling",
  /// "veredicto", "en-bref"), holding a few sentences rather than links.
  func statedSummary(body: Node) -> String? {
    var stack: [Node] = [body]
    while let node = stack.popLast() {
      guard let own = stats[node] else { continue }
      let words = classAndID(node)
      if !words.isEmpty, PageHints.contains(words, anyOf: hints.summaryClass),
        Self.summaryLengths.contains(own.text), own.linkDensity < 0.3
      {
        var writer = BlockWriter(extractor: self)
        writer.write(node)
        // A label before the summary ("Verdict", "Our rating") is not part of it.
        let blocks = writer.blocks.drop { $0.text.count < 20 && !Self.endsASentence($0.text) }
        let text = blocks.map(\.text).joined(separator: "\n\n")
        if !text.isEmpty { return text }
      }
      for child in node.children.reversed() where child.isElement { stack.append(child) }
    }
    return nil
  }

  // MARK: - Furniture

  /// Whether an element is page furniture (itself and all it holds).
  func isFurniture(_ node: Node, name: String) -> Bool {
    if hints.dropTags.contains(name) {
      // A quotation's own footer names who said it; a form or an aside may wrap the article.
      let inQuote =
        node.pointee.parent.map { $0.isElement && $0.elementName == "blockquote" } ?? false
      return !(name == "footer" && inQuote) && !PageWrapper.wrapsArticle(node, name: name)
    }
    if exempt.contains(node) { return Self.isHidden(node, landmarks: true) }
    let unread = disregardsLayout ? hints.layout : []
    if Self.isHiddenOrBoxed(node, name: name, hints: hints, landmarks: true, unread: unread) {
      return true
    }
    if name == "a" { return Self.isPermalinkMark(node) }
    // The page's frame and the article itself are never furniture by their class names;
    // nor is a link (`<a class="header">` wraps a heading's text in generated docs), as in
    // Readability, where the weaker names never remove a link.
    if ["html", "body", "main", "article"].contains(name) { return false }
    let words = PageHints.without(unread, in: Self.furnitureWords(node, name: name))
    guard !words.isEmpty else { return false }
    return PageHints.contains(words, anyOf: hints.unlikely)
      && !PageHints.contains(words, anyOf: hints.keep) && !Self.isInsideCode(node)
  }

  /// A heading's link to itself that shows only a mark (`¶`, `#`, `§`, `🔗`, `⚓`), as
  /// documentation generators put beside every heading: not text. (A footnote's `*` or `†`
  /// is kept.)
  static func isPermalinkMark(_ node: Node) -> Bool {
    guard node.attribute("href")?.hasPrefix("#") == true else { return false }
    let visible = node.textContent.unicodeScalars.filter {
      !$0.isSpace && $0 != "\u{FE0E}" && $0 != "\u{FE0F}"
    }
    return visible.count == 1 && visible.allSatisfy(permalinkMarks.contains)
  }

  static let permalinkMarks: Set<Unicode.Scalar> = ["¶", "#", "§", "\u{1F517}", "\u{2693}"]

  /// Whether the element stands inside `<code>` or `<pre>`: a highlighter's spans there are
  /// named for what they colour (`token comment`, `hljs-meta`), never for page furniture.
  static func isInsideCode(_ node: Node) -> Bool {
    node.hasAncestor(named: ["code", "pre"], within: 64)
  }

  /// Furniture whatever the page: hidden elements, landmarks that are not the article
  /// (navigation, complementary boxes, dialogs), and boxes whose class or id names what is
  /// never article text (cookie banners, share bars, comments, related lists, newsletter and
  /// paywall boxes). The text reader of Factually pages sets these aside too, but not by
  /// styles, landmark roles or short class names (`landmarks: false`): a publisher's own
  /// lines there (the "may be outdated" banner, a `class="meta"` "Checked on" line) may
  /// carry them. Inside code, class names are the highlighter's (`isInsideCode`).
  static func isHiddenOrBoxed(
    _ node: Node, name: String, hints: PageHints, landmarks: Bool, unread: [String] = []
  ) -> Bool {
    if isHidden(node, landmarks: landmarks) { return true }
    if ["html", "body", "main", "article"].contains(name) { return false }
    let words = PageHints.without(unread, in: furnitureWords(node, name: name))
    guard !words.isEmpty else { return false }
    if PageHints.contains(words, anyOf: hints.unlikelyStrong) { return !isInsideCode(node) }
    guard landmarks else { return false }
    let tokens = words.split(whereSeparator: { $0 == " " || $0 == "_" }).map(String.init)
    return tokens.contains(where: hints.unlikelyTokens.contains) && !isInsideCode(node)
  }

  /// Hidden (`hidden`, `aria-hidden`, and with `landmarks`, `display:none` and the landmark
  /// roles that are never the article), whatever its class names.
  static func isHidden(_ node: Node, landmarks: Bool) -> Bool {
    if node.attribute("hidden") != nil { return true }
    if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
    if landmarks, let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
      style.contains("display:none") || style.contains("visibility:hidden")
    {
      return true
    }
    if landmarks, let role = node.attribute("role")?.lowercased(),
      [
        "navigation", "menu", "menubar", "complementary", "contentinfo", "dialog", "alert",
        "alertdialog", "search", "banner",
      ].contains(role)
    {
      return true
    }
    return false
  }

  /// The class and id words an element is judged by as furniture, lowercased. A heading's
  /// `id` is left out: it is most often the heading's anchor, a slug of its own text
  /// (`nav_schredder_statt__0`, `share-prices-fell`, `comments-on-the-bill`), which says
  /// what the heading is about, not what it is.
  static func furnitureWords(_ node: Node, name: String) -> String {
    let id = isHeading(name) ? nil : node.attribute("id")
    return [node.attribute("class"), id].compactMap { $0 }.joined(separator: " ").lowercased()
  }

  /// `h1` to `h6`, read from the name's bytes (asked of every element).
  static func isHeading(_ name: String) -> Bool {
    var bytes = name.utf8.makeIterator()
    guard bytes.next() == UInt8(ascii: "h"), let level = bytes.next(), bytes.next() == nil else {
      return false
    }
    return (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(level)
  }

  /// `class` and `id`, lowercase, separated by a space.
  func classAndID(_ node: Node) -> String {
    let words = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
    return words.joined(separator: " ").lowercased()
  }

  /// ±25 for each of class and id that names a likely (or unlikely) container (the layout
  /// words unread when `weighsWithoutLayout`).
  func classWeight(_ node: Node) -> Double {
    var weight = 0.0
    let unread = weighsWithoutLayout ? hints.layout : []
    for value in [node.attribute("class"), node.attribute("id")] {
      guard let value = value.map({ PageHints.without(unread, in: $0.lowercased()) }),
        !value.isEmpty
      else { continue }
      if PageHints.contains(value, anyOf: hints.negative) { weight -= 25 }
      if PageHints.contains(value, anyOf: hints.positive) { weight += 25 }
    }
    return weight
  }

  // MARK: - Analysis

  /// Counts every kept element's text, link text and commas, bottom up, and sets the
  /// furniture aside. A loop, not a recursion: deep pages cost memory, not stack.
  mutating func analyse(_ root: Node) {
    var stack: [(Node, Bool)] = [(root, true)]
    var visited = 0
    while let (node, entering) = stack.popLast() {
      visited += 1
      if visited > HTMLDOM.mostNodes * 2 { break }
      guard node.isElement else { continue }
      let name = node.elementName
      if entering {
        if node != root, isFurniture(node, name: name) {
          furniture.insert(node)
          continue
        }
        stack.append((node, false))
        for child in node.children.reversed() where child.isElement {
          stack.append((child, true))
        }
        continue
      }
      var own = Stats()
      for child in node.children {
        if child.isText {
          let (characters, commas) = Self.measure(child.text)
          own.text += characters
          own.commas += commas
        } else if child.isElement, let childStats = stats[child] {
          own.text += childStats.text
          own.linkText += childStats.linkText
          own.commas += childStats.commas
          if Self.blockTags.contains(child.elementName) { own.hasBlockChild = true }
        }
      }
      if name == "a" { own.linkText = own.text }
      stats[node] = own
    }
  }

  /// Visible characters and commas of a text. A Chinese, Japanese or Korean character
  /// counts as two: each carries about what a short word does, and the thresholds are set
  /// for alphabetic text.
  static func measure(_ text: String) -> (characters: Int, commas: Int) {
    var characters = 0
    var commas = 0
    for scalar in text.unicodeScalars where !scalar.isSpace {
      characters += isIdeographic(scalar) ? 2 : 1
      switch scalar {
      case ",", "，", "、", "،": commas += 1
      default: break
      }
    }
    return (characters, commas)
  }

  func isKept(_ node: Node) -> Bool { stats[node] != nil }

  /// Han, Hiragana, Katakana and Hangul.
  static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
      return true
    default:
      return false
    }
  }
}
