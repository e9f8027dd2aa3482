internal import CLibXML2
import FactArchiveCore

/// Reads a saved web page with libxml2's HTML parser (no network, no entities beyond
/// HTML's own) and turns its DOM into the text the page reader understands: block elements
/// become lines, inline elements join their line, page furniture (`nav`, `aside`, scripts,
/// forms, and a page's own header and footer) is dropped, `<sup>1</sup>` becomes the
/// marker `[1]`, and a `<time datetime>` after "Checked on" gives the date.
///
/// The walk over the DOM is a loop, not a recursion, so 100,000 nested tags cost memory
/// in proportion, not stack.
enum HTMLReader {
  /// A page with more tags than this is not an article (50 MB of tags): refused before it
  /// is parsed. A long encyclopedia article has about 100,000.
  static let mostTags = 500_000
  /// The walk's own bound on nodes (elements and text), which `mostTags` already implies.
  static let mostNodes = 4 * mostTags

  static func read(_ bytes: [UInt8]) throws(ParseError) -> HTMLPage {
    guard !bytes.isEmpty else { throw ParseError(line: 1, "empty file") }
    if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstNUL($0) }),
      !isUTF16(bytes)
    {
      let line = bytes[..<offset].reduce(1) { $1 == Bytes.newline ? $0 + 1 : $0 }
      throw ParseError(line: line, "binary file: NUL byte at offset \(offset)")
    }
    var options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
    let encoding = Self.encoding(of: bytes)
    if encoding != nil { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
    // libxml2 builds the whole tree before it can be walked: a page with more tags than
    // any article has (50 MB of them) is refused before it costs a gigabyte of nodes.
    let tags = bytes.withUnsafeBufferPointer { Self.countTags($0) }
    if tags > mostTags {
      throw ParseError(line: nil, "\(tags) tags: more than \(mostTags), not an article page")
    }
    csxml_drop_errors()
    guard let context = htmlNewParserCtxt() else {
      throw ParseError(line: nil, "libxml2 could not start (out of memory)")
    }
    defer { htmlFreeParserCtxt(context) }
    let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, encoding, options)
        }
      }
    }
    if context.pointee.disableSAX != 0 {
      // libxml2 gave up part-way (tags nested deeper than it reads): what it kept is not
      // the page.
      if let document { xmlFreeDoc(document) }
      let error = context.pointee.lastError
      var message = error.message.map { String(cString: $0) }?.trimmingSpaces() ?? "unknown error"
      if message.hasPrefix("Excessive depth") {
        // "Excessive depth in document: 256 use XML_PARSE_HUGE option"
        let depth = message.split(separator: " ").first { Int($0) != nil }.map(String.init) ?? "256"
        message = "tags nested more than \(depth) deep: not an article page"
      } else {
        message = "libxml2 stopped reading the page: " + message
      }
      throw ParseError(line: error.line > 0 ? Int(error.line) : nil, message)
    }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document) else {
      throw ParseError(line: nil, "an HTML page with no elements")
    }
    var walker = Walker()
    try walker.walk(root)
    return walker.result()
  }

  /// The encoding to read the bytes in, overriding what the page declares; `nil` to let
  /// libxml2 follow the page (its byte-order mark, its `<meta charset>`).
  ///
  /// Pages lie about their encoding. Valid UTF-8 is read as UTF-8 whatever the page claims.
  /// Other bytes that claim UTF-8, Latin-1 or ASCII (or claim nothing) are read as
  /// windows-1252, as browsers do (its curly quotes are where Latin-1 has control codes);
  /// any other declared encoding (Shift_JIS, KOI8-R…) is believed.
  static func encoding(of bytes: [UInt8]) -> String? {
    if isUTF16(bytes) { return nil }
    if bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) == nil }) {
      return "UTF-8"
    }
    let declared = declaredCharset(bytes)
    let western: Set<String> = [
      "", "utf-8", "utf8", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
      "windows-1252", "cp1252",
    ]
    return western.contains(declared) ? "windows-1252" : nil
  }

  /// The `charset=` a page declares in its first 4 KiB, lowercase; empty when none.
  static func declaredCharset(_ bytes: [UInt8]) -> String {
    let head = bytes.prefix(4096).map { Bytes.lowercased($0) }
    let key = Array("charset".utf8)
    guard head.count > key.count else { return "" }
    for start in 0...(head.count - key.count) where Array(head[start..<start + key.count]) == key {
      var index = start + key.count
      while index < head.count, head[index] == UInt8(ascii: " ") { index += 1 }
      guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
      index += 1
      while index < head.count,
        head[index] == UInt8(ascii: " ") || head[index] == UInt8(ascii: "\"")
          || head[index] == UInt8(ascii: "'")
      {
        index += 1
      }
      var name: [UInt8] = []
      while index < head.count, name.count < 40,
        Bytes.isASCIILetter(head[index]) || Bytes.isDigit(head[index])
          || head[index] == UInt8(ascii: "-") || head[index] == UInt8(ascii: "_")
      {
        name.append(head[index])
        index += 1
      }
      return String(decoding: name, as: UTF8.self)
    }
    return ""
  }

  /// Opening tags: `<` followed by a letter (in UTF-8, or in UTF-16 little-endian).
  static func countTags(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard bytes.count > 2 else { return 0 }
    var count = 0
    for index in 0..<(bytes.count - 2) where bytes[index] == UInt8(ascii: "<") {
      let next = bytes[index + 1]
      if Bytes.isASCIILetter(next) || (next == 0 && Bytes.isASCIILetter(bytes[index + 2])) {
        count += 1
      }
    }
    return count
  }

  static func isUTF16(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
  }

  // MARK: - Element kinds

  /// Text never shown as the article's: scripts, styles, navigation, forms.
  static let dropped: Set<String> = [
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "option", "textarea", "iframe", "svg", "canvas", "object", "embed", "dialog", "menu",
  ]

  /// A page's own header and footer are furniture; an article's header (inside `<article>`
  /// or `<main>`) holds its title.
  static let furnitureOutsideArticles: Set<String> = ["header", "footer"]

  static let blocks: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "blockquote",
    "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "pre",
    "hr", "table", "thead", "tbody", "tfoot", "caption", "address", "header", "footer", "body",
    "html", "details", "summary", "center",
  ]

  /// Blocks followed by a blank line, as paragraphs are in a text copy.
  static let paragraphs: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "figure",
    "pre", "section", "article", "address", "details",
  ]

  // MARK: - Walking the DOM

  struct Walker {
    var lines: [String] = []
    /// The HTML line each of `lines` starts on.
    var lineSources: [Int] = []
    /// The HTML line of the node being read, and of the current line's first text.
    var nodeLine = 0
    var currentSource = 0
    var current = ""
    var pendingSpace = false
    var page = HTMLPage()
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
        let line = Int(xmlGetLineNo(node))
        if line > 0 { nodeLine = line }
        if nodes > HTMLReader.mostNodes * 2 {
          throw ParseError(
            line: nil, "more than \(HTMLReader.mostNodes) nodes: not an article page")
        }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          text(Self.string(node.pointee.content))
        case XML_ELEMENT_NODE:
          let name = Self.string(node.pointee.name).lowercased()
          if entering {
            guard enter(node, name) else { continue }
            stack.append((node, false))
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let next = child {
              children.append(next)
              child = next.pointee.next
            }
            for child in children.reversed() { stack.append((child, true)) }
          } else {
            leave(node, name)
          }
        default:
          continue
        }
      }
      finishLine()
    }

    /// Handles an opening tag; `false` when its content is skipped.
    mutating func enter(_ node: xmlNodePtr, _ name: String) -> Bool {
      switch name {
      case "head":
        readHead(node)
        return false
      case "script":
        if Self.attribute(node, "type")?.lowercased().hasPrefix("application/ld+json") == true {
          page.jsonLD.append(Array(Self.textContent(node).utf8))
        }
        return false
      case "br":
        finishLine()
        return false
      case "img":
        return false
      default:
        break
      }
      if HTMLReader.dropped.contains(name) { return false }
      if HTMLReader.furnitureOutsideArticles.contains(name), articleDepth == 0 { return false }
      if name == "article" || name == "main" { articleDepth += 1 }
      if name == "sup" {
        supDepth += 1
        if supDepth == 1 { supText = "" }
        return true
      }
      if name == "pre" { preDepth += 1 }
      if name == "ul" || name == "ol" { listStack.append(name) }
      if name == "time", currentLineIsCheckedOn,
        let stamp = Self.attribute(node, "datetime"), let day = Day(iso: stamp.prefix(10))
      {
        // "Checked on <time datetime=…>3 days ago</time>": the machine-readable date.
        text(day.iso)
        return false
      }
      if HTMLReader.blocks.contains(name) { finishLine() }
      if name == "li" {
        currentSource = nodeLine
        current = inReferences ? "[\(listItemNumber)] " : "• "
        pendingSpace = false
      }
      if name == "a", let href = Self.attribute(node, "href") {
        addLink(href.trimmingSpaces())
        if inReferences, Self.isWebURL(href) {
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
      if name == "h1", page.headline == nil {
        let headline = current.trimmingSpaces()
        if !headline.isEmpty { page.headline = headline }
      }
      if HTMLReader.blocks.contains(name) {
        finishLine()
        if name.hasPrefix("h"), name.count == 2 {
          inReferences = ReferenceList.isHeading(Self.headingKey(lines.last ?? ""))
        }
        if HTMLReader.paragraphs.contains(name), lines.last.map({ !$0.isEmpty }) ?? false {
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
        if scalar.properties.isWhitespace {
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
    static let longestLink = 8192

    mutating func addLink(_ url: String) {
      guard Self.isWebURL(url), url.utf8.count <= Self.longestLink, seenLinks.insert(url).inserted
      else { return }
      let domain = Self.domain(of: url)
      page.links.append(ParsedLink(url: url, domain: domain, inReferences: inReferences))
    }

    /// `<title>`, `<meta>` and JSON-LD in the head.
    mutating func readHead(_ head: xmlNodePtr) {
      var child = head.pointee.children
      var metaTitle: String?
      var title: String?
      while let node = child {
        child = node.pointee.next
        guard node.pointee.type == XML_ELEMENT_NODE else { continue }
        let name = Self.string(node.pointee.name).lowercased()
        switch name {
        case "title":
          title = Self.textContent(node).trimmingSpaces()
        case "meta":
          let key = (Self.attribute(node, "property") ?? Self.attribute(node, "name") ?? "")
            .lowercased()
          guard let content = Self.attribute(node, "content")?.trimmingSpaces(), !content.isEmpty
          else { continue }
          switch key {
          case "og:title", "twitter:title": metaTitle = metaTitle ?? content
          case "author", "article:author", "byl", "dc.creator": page.author = page.author ?? content
          case "article:published_time", "datepublished", "date", "dc.date", "pubdate":
            page.published = page.published ?? Day(iso: content.prefix(10))
          default: break
          }
        case "script":
          if Self.attribute(node, "type")?.lowercased().hasPrefix("application/ld+json") == true {
            page.jsonLD.append(Array(Self.textContent(node).utf8))
          }
        default:
          break
        }
      }
      page.title = metaTitle ?? title
    }

    func result() -> HTMLPage {
      var result = page
      var text = lines
      var sources = lineSources
      while text.last == "" {
        text.removeLast()
        sources.removeLast()
      }
      result.text = Array(text.joined(separator: "\n").utf8) + [Bytes.newline]
      result.sourceLines = sources
      return result
    }

    // MARK: - libxml2 helpers

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
      guard let pointer else { return "" }
      return String(cString: pointer)
    }

    static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
      guard let pointer else { return "" }
      return String(cString: pointer)
    }

    /// An attribute's value, read in place (no allocation to free).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
      var attribute = node.pointee.properties
      while let current = attribute {
        if string(current.pointee.name).lowercased() == name {
          var value = ""
          var child = current.pointee.children
          while let text = child {
            value += string(text.pointee.content)
            child = text.pointee.next
          }
          return value
        }
        attribute = current.pointee.next
      }
      return nil
    }

    /// The text of an element's children (a `<title>`, a script's JSON).
    static func textContent(_ node: xmlNodePtr) -> String {
      var text = ""
      var child = node.pointee.children
      while let current = child {
        if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
          text += string(current.pointee.content)
        }
        child = current.pointee.next
      }
      return text
    }

    static func isWebURL(_ url: String) -> Bool {
      let lower = url.trimmingSpaces().prefix(8).lowercased()
      return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func domain(of url: String) -> String? {
      TextScan.domain(of: url)
    }

    static func headingKey(_ line: String) -> [UInt8] {
      var text = line.lowercased().trimmingSpaces()
      while text.hasSuffix(":") { text.removeLast() }
      return Array(text.trimmingSpaces().utf8)
    }
  }
}

extension String {
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Substring {
  func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
