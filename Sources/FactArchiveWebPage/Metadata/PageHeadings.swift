internal import CLibXML2
import FactArchiveCore

/// A page's `<h1>`s, and which of them is its headline rather than its site's name.
///
/// Many layouts put the site's name in an `<h1>` on every page (a logo, a blog's title, a
/// documentation menu bar's title) before the article's own heading, or as the only one. An
/// `<h1>` is taken for the site's name (a banner) when
/// - its class or id, or its two parents', names a logo or a menu bar (`banner-class` in
///   `Data/page-hints.tsv`), or all its text is a link to the site's front page;
/// - it is one of the names the page gives itself (`og:site_name`, the publisher, the host);
/// - it is the part of `<title>` before its first separator or after its last, and a later
///   `<h1>` or `<h2>` is (or starts as) the rest of the title: `Async hooks | Node.js
///   Documentation` over `<h1>Node.js Documentation` and, later, `<h2>Async hooks`. Which end
///   of a title holds the site's name varies; the banner comes first on the page.
///
/// A banner is never the headline, and its text is taken off `<title>` as a site name would be
/// (`What Is Ownership? - The Rust Programming Language` under a menu bar's
/// `The Rust Programming Language`). A heading whose class, id or `itemprop` names a
/// headline (`entry-title`, `post-title`, `itemprop="headline"`: `headline-class` in
/// `page-hints.tsv`), `<h1>` to `<h3>`, is the headline when the page has no `<h1>` but
/// banners, or several. Neither it nor an `<h1>` that holds a permalink (`<a rel="bookmark">`,
/// HTML's link from an article to itself, which a list of other posts' teasers holds too) is
/// taken for a title's end.
struct PageHeadings {
  struct Heading {
    var text: String
    /// 1 to 3 (an `<h3>` only when it is named a headline).
    var level: Int
    /// Marked as the site's name by its classes or its link home.
    var marked: Bool
    /// Named a headline by its class, id or `itemprop`.
    var named: Bool
    /// Holds a permalink (`rel="bookmark"`).
    var permalinked = false
  }

  /// The first few `<h1>`s and `<h2>`s with text, and `<h3>`s named a headline, in document
  /// order.
  private(set) var headings: [Heading] = []
  private var counts = [0, 0, 0]
  static let mostOfEachLevel = 8

  /// Reads an `<h1>`, `<h2>` or `<h3>`; not one that is hidden, or only for screen readers
  /// (`sr-only`, Drupal's `element-invisible`, a state portal's `unsichtbar` over each menu).
  mutating func read(_ node: xmlNodePtr, level: Int, hints: PageHints) {
    guard (1...3).contains(level), counts[level - 1] < Self.mostOfEachLevel,
      !MainTextExtractor.isHiddenOrBoxed(node, name: "h\(level)", hints: hints, landmarks: true)
    else { return }
    let words = [node.attribute("class"), node.attribute("id"), node.attribute("itemprop")]
      .compactMap { $0 }.joined(separator: " ").lowercased()
    let named = !words.isEmpty && PageHints.contains(words, anyOf: hints.headlineClass)
    guard level < 3 || named else { return }
    let text = MetadataReader.collapsed(Self.visibleText(node, hints: hints))
    guard !text.isEmpty else { return }
    counts[level - 1] += 1
    let marked = level == 1 && Self.isMarked(node, hints: hints)
    headings.append(
      Heading(
        text: text, level: level, marked: marked, named: named,
        permalinked: Self.holdsPermalink(node)))
  }

  /// The headline among the headings, and the banners' texts (names of the site), given the
  /// names the page gives itself and its `<title>`: the only `<h1>` that is not a banner,
  /// else the first heading named a headline, else the first such `<h1>`.
  func judged(siteNames: [String], title: String?) -> (headline: String?, banners: [String]) {
    let named = headings.first { $0.named && !$0.marked }?.text
    guard headings.contains(where: { $0.level == 1 }) else { return (named, []) }
    let names = Set(siteNames.map(TitleText.normalized).filter { !$0.isEmpty })
    let keys = headings.map { TitleText.normalized($0.text) }
    let edges = TitleEdges(title: title)
    var banners: [String] = []
    var headline: String?
    var others = 0  // `<h1>`s that are not banners
    for (index, heading) in headings.enumerated() where heading.level == 1 {
      let later = keys[(index + 1)...]
      if heading.marked || names.contains(keys[index])
        || (!heading.named && !heading.permalinked
          && edges.isEdge(keys[index], restNamedBy: later))
      {
        banners.append(heading.text)
      } else {
        others += 1
        headline = headline ?? heading.text
      }
    }
    // As trafilatura: a page's only `<h1>` first, then a heading named a headline (a list of
    // teasers may be named so too, and stand before the article).
    if others == 1 { return (headline, banners) }
    return (named.flatMap { banners.contains($0) ? nil : $0 } ?? headline, banners)
  }

  /// A title's two ends, as `normalized` keys.
  struct TitleEdges {
    let title: String?
    let key: String

    init(title: String?) {
      self.title = title
      key = title.map(TitleText.normalized) ?? ""
    }

    /// Whether `heading` (a key) is one end of the title, split there by a separator, and
    /// one of `later` is the rest of it or starts as the rest (`Stream[src]` for `Stream`).
    func isEdge(_ heading: String, restNamedBy later: ArraySlice<String>) -> Bool {
      guard let title, !heading.isEmpty, heading.count < key.count else { return false }
      func named(_ rest: Substring) -> Bool {
        later.contains { $0 == rest || (rest.count >= 4 && $0.hasPrefix(rest)) }
      }
      // Compared as keys first; the title is split (Foundation's search for a dozen
      // separators, slow) only when a later heading is the rest.
      let rests = [
        key.hasPrefix(heading) ? key.dropFirst(heading.count) : nil,
        key.hasSuffix(heading) ? key.dropLast(heading.count) : nil,
      ].compactMap { $0 }
      guard rests.contains(where: named) else { return false }
      return TitleText.edgeParts(title).contains {
        $0.edge == heading && named(Substring($0.rest))
      }
    }
  }

  /// What a reader sees of a heading: without the elements that are never text (buttons,
  /// scripts, styles: `drop-tag` in `page-hints.tsv`), and without a link to itself that
  /// shows only a mark (`¶`).
  static func visibleText(_ node: xmlNodePtr, hints: PageHints) -> String {
    var text = ""
    var stack = Array(node.children.reversed())
    while let current = stack.popLast() {
      if current.isText {
        text += current.text
        continue
      }
      guard current.isElement else { continue }
      let name = current.elementName
      if hints.dropTags.contains(name) { continue }
      if name == "a", MainTextExtractor.isPermalinkMark(current) { continue }
      stack.append(contentsOf: current.children.reversed())
    }
    return text
  }

  /// Whether the heading holds a link marked `rel="bookmark"` (within three levels): the
  /// permalink WordPress and most blog themes wrap a post's title in.
  static func holdsPermalink(_ node: xmlNodePtr) -> Bool {
    node.descendant(within: 3) {
      $0.elementName == "a"
        && $0.attribute("rel")?.lowercased().split(separator: " ").contains("bookmark") == true
    } != nil
  }

  /// Whether the heading's classes (or its two parents') name a logo or menu bar, or all its
  /// text is one link to the site's front page (`href="/"`, `rel="home"`).
  static func isMarked(_ node: xmlNodePtr, hints: PageHints) -> Bool {
    var current: xmlNodePtr? = node
    for _ in 0..<3 {
      guard let element = current, element.isElement else { break }
      let words = [element.attribute("class"), element.attribute("id")].compactMap { $0 }
        .joined(separator: " ").lowercased()
      if !words.isEmpty, PageHints.contains(words, anyOf: hints.bannerClass) { return true }
      current = element.pointee.parent
    }
    // The one link holding all the heading's text, through wrappers (`<span><a>`).
    var inner = node
    for _ in 0..<4 {
      let elements = inner.children.filter(\.isElement)
      let loose = inner.children.contains { $0.isText && !$0.text.trimmingSpaces().isEmpty }
      guard elements.count == 1, let only = elements.first, !loose else { return false }
      inner = only
      guard inner.elementName == "a" else { continue }
      if inner.attribute("rel")?.lowercased().split(separator: " ").contains("home") == true {
        return true
      }
      return inner.attribute("href").map(isFrontPage) ?? false
    }
    return false
  }

  /// `/`, `./`, `index.html`, `https://example.org/`: a site's front page.
  static func isFrontPage(_ href: String) -> Bool {
    let trimmed = href.trimmingSpaces().lowercased()
    if ["/", "./", "index.html", "/index.html"].contains(trimmed) { return true }
    guard let scheme = trimmed.range(of: "://"), trimmed.hasPrefix("http") else { return false }
    let rest = trimmed[scheme.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return !rest.isEmpty }
    return rest[slash...] == "/"
  }
}
