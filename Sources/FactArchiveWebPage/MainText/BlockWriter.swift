internal import CLibXML2
import FactArchiveCore

/// Writes the main text's containers out as blocks: headings, paragraphs, list items,
/// quotes, table rows and preformatted text in document order, white space collapsed, the
/// links of the text kept with their anchors. What still reads as furniture inside the
/// article is left out: lists and boxes of links ("Related", "Most read"), boxes whose
/// class words are negative, and short lines that are calls to share, follow or read on.
/// A run of `<br>`s is a paragraph break; one `<br>` a line break.
struct BlockWriter {
  typealias Node = xmlNodePtr

  let extractor: MainTextExtractor
  private(set) var blocks: [TextBlock] = []

  private var scalars: [Unicode.Scalar] = []
  private var links: [InlineLink] = []
  private var pendingSpace = false
  /// Open links: where each started in `scalars`, and its address.
  private var openLinks: [(start: Int, url: String?)] = []
  /// The kind of text each open block element writes.
  private var kinds: [TextBlock.Kind] = [.paragraph]
  private var lists: [(ordered: Bool, count: Int)] = []
  private var preDepth = 0
  private var quoteDepth = 0
  /// Inside a list or box kept because it follows a heading naming references.
  private var underReferences = false
  /// The visible text of the container being written.
  private var containerText = 0

  init(extractor: MainTextExtractor) {
    self.extractor = extractor
  }

  /// Lists of links longer than this are related-story lists unless they follow a
  /// "Sources" heading.
  static let linkListDensity = 0.5
  /// Boxes of links shorter than this (in visible characters) are navigation.
  static let linkBoxLength = 250
  /// Lines starting as furniture ("Read more", "Share this") and shorter than this are
  /// left out.
  static let furnitureLineLength = 160

  mutating func write(_ root: Node) {
    containerText = extractor.stats[root]?.text ?? 0
    var stack: [(Node, Bool)] = [(root, true)]
    while let (node, entering) = stack.popLast() {
      if node.isText {
        text(node.text)
        continue
      }
      guard node.isElement else { continue }
      let name = node.elementName
      if entering {
        guard extractor.isKept(node), !isFurnitureInside(node, name: name) else { continue }
        if name == "br" {
          lineBreak(node)
          continue
        }
        enter(node, name)
        stack.append((node, false))
        for child in node.children.reversed() { stack.append((child, true)) }
      } else {
        leave(node, name)
      }
    }
    flush()
  }

  // MARK: - Furniture inside the article

  func isFurnitureInside(_ node: Node, name: String) -> Bool {
    guard let own = extractor.stats[node] else { return true }
    switch name {
    case "ul", "ol", "dl":
      return !underReferences && own.linkDensity > Self.linkListDensity
    case "div", "section", "table", "figure", "center", "td", "th":
      // A box with a negative class word is furniture, unless it holds most of the article
      // (a page builder's row named `…-height-scrolling`, Readability's `scroll`): the
      // container chosen as the article is never set aside by its own class words.
      if extractor.classWeight(node) < 0 { return own.text * 2 <= containerText }
      return own.text < Self.linkBoxLength && own.linkDensity > Self.linkListDensity
        && !underReferences
    case "img", "image", "map", "area", "source", "track", "wbr":
      return true
    default:
      return false
    }
  }

  /// A short line that starts as furniture does ("Read more:", "Share this", "©"), or that
  /// is only an advert's label ("Advertisement", "Reklama", "広告").
  func isFurnitureLine(_ text: String) -> Bool {
    guard text.count < Self.furnitureLineLength, !(kinds.last.map(isHeadingKind) ?? false) else {
      return false
    }
    let lowercased = text.lowercased()
    let start = String(lowercased.prefix(40))
    if extractor.hints.furnitureText.contains(where: { start.hasPrefix($0) }) { return true }
    let scalars = lowercased.unicodeScalars
    guard let first = scalars.firstIndex(where: \.isWordCharacter),
      let last = scalars.lastIndex(where: \.isWordCharacter)
    else { return false }
    return extractor.hints.adLabels.contains(String(scalars[first...last]))
  }

  func isHeadingKind(_ kind: TextBlock.Kind) -> Bool {
    if case .heading = kind { return true }
    return false
  }

  // MARK: - Elements

  /// A list number as `start` and `value` write it; `nil` for anything else.
  static func listNumber(_ text: String) -> Int? {
    Int(text.trimmingSpaces()).flatMap { abs($0) < 1_000_000 ? $0 : nil }
  }

  mutating func enter(_ node: Node, _ name: String) {
    switch name {
    case "h1", "h2", "h3", "h4", "h5", "h6":
      flush()
      kinds.append(.heading(Int(String(name.dropFirst())) ?? 2))
    case "p", "div", "section", "article", "main", "address", "center", "details", "summary",
      "figure", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot":
      flush()
      kinds.append(quoteDepth > 0 ? .quote : .paragraph)
    case "ul", "ol":
      flush()
      // `<ol start="4">` numbers from 4: the count before the first item is 3.
      let start = name == "ol" ? node.attribute("start").flatMap(Self.listNumber) ?? 1 : 1
      lists.append((ordered: name == "ol", count: start - 1))
      kinds.append(.paragraph)
    case "li":
      flush()
      if lists.isEmpty { lists.append((ordered: false, count: 0)) }
      // `<li value="100">` sets its own number, and the next ones follow it.
      if let value = node.attribute("value").flatMap(Self.listNumber) {
        lists[lists.count - 1].count = value - 1
      }
      lists[lists.count - 1].count += 1
      let list = lists[lists.count - 1]
      kinds.append(.listItem(ordered: list.ordered, number: list.count))
    case "blockquote":
      flush()
      quoteDepth += 1
      kinds.append(.quote)
    case "pre":
      flush()
      preDepth += 1
      kinds.append(.preformatted)
    case "tr" where isLayoutRow(node):
      flush()
      kinds.append(.paragraph)
    case "tr":
      flush()
      kinds.append(.tableRow)
    case "td" where isLayoutCell(node), "th" where isLayoutCell(node):
      flush()
      kinds.append(.paragraph)
    case "td", "th":
      if !scalars.isEmpty {
        scalars += Array(" | ".unicodeScalars)
        pendingSpace = false
      }
    case "hr":
      flush()
    case "a":
      let url = node.attribute("href").flatMap(extractor.resolve)
      if pendingSpace, !scalars.isEmpty {
        scalars.append(" ")
        pendingSpace = false
      }
      openLinks.append((start: scalars.count, url: url))
    default:
      break
    }
  }

  mutating func leave(_ node: Node, _ name: String) {
    switch name {
    case "td" where isLayoutCell(node), "th" where isLayoutCell(node):
      flush()
      popKind()
    case "h1", "h2", "h3", "h4", "h5", "h6":
      let heading = String(String.UnicodeScalarView(scalars)).lowercased()
      flush()
      popKind()
      underReferences = ReferenceHeading.isHeading(heading)
    case "p", "div", "section", "article", "main", "address", "center", "details", "summary",
      "figure", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "li", "tr":
      flush()
      popKind()
    case "ul", "ol":
      flush()
      popKind()
      _ = lists.popLast()
    case "blockquote":
      flush()
      popKind()
      quoteDepth -= 1
    case "pre":
      flush()
      popKind()
      preDepth -= 1
    case "a":
      guard let open = openLinks.popLast() else { return }
      var end = scalars.count
      while end > open.start, scalars[end - 1].isSpace { end -= 1 }
      guard let url = open.url, end > open.start else { return }
      let anchor = String(String.UnicodeScalarView(scalars[open.start..<end]))
      links.append(
        InlineLink(
          url: url, anchorText: anchor, start: open.start, length: end - open.start,
          inReferences: underReferences))
    default:
      break
    }
  }

  private mutating func popKind() {
    if kinds.count > 1 { kinds.removeLast() }
  }

  /// A cell that holds the page rather than a value (old table layouts): blocks, or a long
  /// text.
  func isLayoutCell(_ node: Node) -> Bool {
    guard let own = extractor.stats[node] else { return false }
    return own.hasBlockChild || own.text > Self.linkBoxLength
  }

  /// A row with a layout cell.
  func isLayoutRow(_ node: Node) -> Bool {
    node.children.contains {
      $0.isElement && ["td", "th"].contains($0.elementName) && isLayoutCell($0)
    }
  }

  /// One `<br>` is a line break; a run of them (white space between allowed) ends the
  /// paragraph.
  mutating func lineBreak(_ node: Node) {
    var next = node.pointee.next
    while let current = next, current.isText, current.text.allSatisfy(\.isWhitespace) {
      next = current.pointee.next
    }
    var previous = node.pointee.prev
    while let current = previous, current.isText, current.text.allSatisfy(\.isWhitespace) {
      previous = current.pointee.prev
    }
    let isRun =
      (next.map { $0.isElement && $0.elementName == "br" } ?? false)
      || (previous.map { $0.isElement && $0.elementName == "br" } ?? false)
    if isRun {
      flush()
    } else if !scalars.isEmpty {
      scalars.append("\n")
      pendingSpace = false
    }
  }

  // MARK: - Text

  /// Text, its white space collapsed (outside `<pre>`) and its invisible break hints
  /// (`&shy;` inside words) dropped.
  mutating func text(_ raw: String) {
    if preDepth > 0 {
      scalars += raw.unicodeScalars.filter { !$0.isInvisibleBreakHint }
      return
    }
    for scalar in raw.unicodeScalars where !scalar.isInvisibleBreakHint {
      if scalar.isSpace {
        pendingSpace = !scalars.isEmpty && scalars.last != "\n"
      } else {
        if pendingSpace { scalars.append(" ") }
        pendingSpace = false
        scalars.append(scalar)
      }
    }
  }

  /// Ends the current block: its text (trimmed) and links become a block of the kind of
  /// the innermost open element.
  mutating func flush() {
    defer {
      scalars.removeAll(keepingCapacity: true)
      links.removeAll()
      pendingSpace = false
      openLinks = openLinks.map { (start: 0, url: $0.url) }
    }
    var start = 0
    var end = scalars.count
    while start < end, scalars[start].isSpace { start += 1 }
    while end > start, scalars[end - 1].isSpace { end -= 1 }
    guard start < end else { return }
    // Only marks that show nothing (a byte-order mark, zero-width spaces): no block.
    if scalars[start..<end].allSatisfy({ $0.properties.generalCategory == .format || $0.isSpace }) {
      return
    }
    let text = String(String.UnicodeScalarView(scalars[start..<end]))
    if isFurnitureLine(text) { return }
    let kept = links.compactMap { link -> InlineLink? in
      let linkStart = max(link.start - start, 0)
      let linkEnd = min(link.start + link.length, end) - start
      guard linkEnd > linkStart else { return nil }
      var moved = link
      moved.start = linkStart
      moved.length = linkEnd - linkStart
      return moved
    }
    blocks.append(TextBlock(kind: kinds.last ?? .paragraph, text: text, links: kept))
  }

}
