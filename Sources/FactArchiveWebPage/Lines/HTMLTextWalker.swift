internal import CLibXML2
import FactArchiveCore

/// Turns a page's DOM into the text the page reader understands: block elements become
/// lines, inline elements join their line, page furniture (`nav`, `aside`, scripts, forms,
/// and a page's own header and footer) is dropped, `<sup>1</sup>` becomes the marker
/// `[1]`, and a `<time datetime>` after "Checked on" gives the date.
///
/// The walk is a loop, not a recursion, so 100,000 nested tags cost memory in proportion,
/// not stack.
struct HTMLTextWalker {
  var lines: [String] = []
  /// The HTML line each of `lines` starts on.
  var lineSources: [Int] = []
  /// The HTML line of the node being read, and of the current line's first text.
  var nodeLine = 0
  var currentSource = 0
  var current = ""
  var pendingSpace = false
  var page = PageLines()
  var seenLinks: Set<String> = []
  var inReferences = false
  var nodes = 0

  /// The open elements that change how text is written.
  var supDepth = 0
  var supText = ""
  var preDepth = 0
  var articleDepth = 0
  var listStack: [String] = []

  mutating func walk(_ root: xmlNodePtr) throws(ParseError) {
    // (node, entering) pairs: a node is visited on the way in and, for elements, out.
    var stack: [(xmlNodePtr, Bool)] = [(root, true)]
    while let (node, entering) = stack.popLast() {
      nodes += 1
      let line = node.lineNumber
      if line > 0 { nodeLine = line }
      if nodes > HTMLDOM.mostNodes * 2 {
        throw ParseError(
          line: nil, "more than \(HTMLDOM.mostNodes) nodes: not an article page")
      }
      if node.isText {
        text(node.text)
      } else if node.isElement {
        let name = node.elementName
        if entering {
          guard enter(node, name) else { continue }
          stack.append((node, false))
          for child in node.children.reversed() { stack.append((child, true)) }
        } else {
          leave(node, name)
        }
      }
    }
    finishLine()
  }

  /// Handles an opening tag; `false` when its content is skipped.
  mutating func enter(_ node: xmlNodePtr, _ name: String) -> Bool {
    switch name {
    case "head":
      return false
    case "script":
      return false
    case "br":
      finishLine()
      return false
    case "img":
      return false
    default:
      break
    }
    if HTMLTextWalker.dropped.contains(name), !PageWrapper.wrapsArticle(node, name: name) {
      return false
    }
    if MainTextExtractor.isHiddenOrBoxed(node, name: name, hints: .shared, landmarks: false) {
      return false
    }
    if HTMLTextWalker.furnitureOutsideArticles.contains(name), articleDepth == 0,
      !PageWrapper.wrapsArticle(node, name: name)
    {
      return false
    }
    if name == "article" || name == "main" { articleDepth += 1 }
    if name == "sup" {
      supDepth += 1
      if supDepth == 1 { supText = "" }
      return true
    }
    if name == "pre" { preDepth += 1 }
    if name == "ul" || name == "ol" { listStack.append(name) }
    if name == "time", currentLineIsCheckedOn,
      let stamp = node.attribute("datetime"), let day = Day(iso: stamp.prefix(10))
    {
      // "Checked on <time datetime=…>3 days ago</time>": the machine-readable date.
      text(day.iso)
      return false
    }
    if HTMLTextWalker.blocks.contains(name) { finishLine() }
    if name == "li" {
      currentSource = nodeLine
      current = inReferences ? "[\(listItemNumber)] " : "• "
      pendingSpace = false
    }
    if name == "a", let href = node.attribute("href") {
      addLink(href.trimmingSpaces())
      if inReferences, WebAddress.isWeb(href) {
        // In a reference list the URL is the entry: written out, as a text copy has it.
        text(href.trimmingSpaces() + " ")
      }
    }
    return true
  }

  mutating func leave(_ node: xmlNodePtr, _ name: String) {
    if name == "article" || name == "main" { articleDepth -= 1 }
    if name == "sup" {
      supDepth -= 1
      if supDepth == 0 { writeMarker(supText) }
      return
    }
    if name == "pre" { preDepth -= 1 }
    if name == "ul" || name == "ol" { _ = listStack.popLast() }
    if HTMLTextWalker.blocks.contains(name) {
      finishLine()
      if name.hasPrefix("h"), name.count == 2 {
        inReferences = ReferenceHeading.isHeading(lines.last ?? "")
      }
      if HTMLTextWalker.paragraphs.contains(name), lines.last.map({ !$0.isEmpty }) ?? false {
        lines.append("")
        lineSources.append(lineSources.last ?? 0)
      }
    }
  }

  var listItemNumber: Int {
    page.links.filter(\.inReferences).count + 1
  }

  var currentLineIsCheckedOn: Bool {
    let line = current.lowercased().trimmingSpaces()
    return line.hasPrefix("checked on") || line.hasPrefix("**checked on")
  }

  mutating func text(_ raw: String) {
    if supDepth > 0 {
      supText += raw
      return
    }
    if preDepth > 0 {
      let parts = raw.split(separator: "\n", omittingEmptySubsequences: false)
      for (offset, part) in parts.enumerated() {
        if offset > 0 { finishLine() }
        if current.isEmpty { currentSource = nodeLine }
        current += part
      }
      return
    }
    for scalar in raw.unicodeScalars {
      if scalar.isSpace {
        pendingSpace = !current.isEmpty
      } else {
        if current.isEmpty { currentSource = nodeLine }
        if pendingSpace { current += " " }
        pendingSpace = false
        current.unicodeScalars.append(scalar)
      }
    }
  }

  /// `<sup>1</sup>`, `<sup>1, 2</sup>`, `<sup>[3]</sup>`: a citation marker.
  mutating func writeMarker(_ raw: String) {
    let trimmed = raw.trimmingSpaces()
    let isNumbers =
      !trimmed.isEmpty
      && trimmed.unicodeScalars.allSatisfy {
        ("0"..."9").contains($0) || $0 == "," || $0 == " " || $0 == "-" || $0 == "–"
      }
    text(isNumbers ? "[" + trimmed + "]" : trimmed)
  }

  mutating func finishLine() {
    let line = current.trimmingSpaces()
    current = ""
    pendingSpace = false
    guard !line.isEmpty else { return }
    lines.append(line)
    lineSources.append(currentSource)
  }

  /// The longest URL kept as a link: longer ones are data, not addresses.
  static let longestLink = WebPage.longestLink

  mutating func addLink(_ href: String) {
    let url = WebAddress.unwrapped(href)
    guard WebAddress.isWeb(url), url.utf8.count <= Self.longestLink, seenLinks.insert(url).inserted
    else { return }
    let domain = WebAddress.domain(of: url)
    page.links.append(ParsedLink(url: url, domain: domain, inReferences: inReferences))
  }

  func result() -> PageLines {
    var result = page
    var text = lines
    var sources = lineSources
    while text.last == "" {
      text.removeLast()
      sources.removeLast()
    }
    result.text = Array(text.joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
    result.sourceLines = sources
    return result
  }
}
