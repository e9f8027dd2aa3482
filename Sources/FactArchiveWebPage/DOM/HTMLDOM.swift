internal import CLibXML2
import FactArchiveCore

/// A page parsed by libxml2's HTML parser (no network, no entities beyond HTML's own), with
/// the bounds a hostile page meets: more tags than any article has are refused before
/// parsing, tags nested deeper than libxml2 reads (256) are refused after. The tree is
/// freed with the value.
final class HTMLDOM {
  /// A page with more tags than this is not an article (50 MB of tags): refused before it
  /// is parsed. A long encyclopedia article has about 100,000.
  static let mostTags = 500_000
  /// A bound on the nodes a walk visits (elements and text), which `mostTags` already
  /// implies.
  static let mostNodes = 4 * mostTags

  private let document: htmlDocPtr
  /// The `<html>` element.
  let root: xmlNodePtr

  init(_ given: [UInt8], servedCharset: String? = nil) throws(ParseError) {
    guard !given.isEmpty else { throw ParseError(line: 1, "empty file") }
    let (bytes, encoding) = HTMLEncoding.prepared(given, served: servedCharset)
    if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstNUL($0) }),
      !HTMLEncoding.isUTF16(bytes)
    {
      let line = bytes[..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      throw ParseError(line: line, "binary file: NUL byte at offset \(offset)")
    }
    var options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
    if encoding != nil { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
    // libxml2 builds the whole tree before it can be walked: a page with more tags than
    // any article has (50 MB of them) is refused before it costs a gigabyte of nodes.
    let tags = bytes.withUnsafeBufferPointer { Self.countTags($0) }
    if tags > Self.mostTags {
      throw ParseError(line: nil, "\(tags) tags: more than \(Self.mostTags), not an article page")
    }
    csxml_drop_errors()
    guard let context = htmlNewParserCtxt() else {
      throw ParseError(line: nil, "libxml2 could not start (out of memory)")
    }
    defer { htmlFreeParserCtxt(context) }
    let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, encoding, options)
        }
      }
    }
    if context.pointee.disableSAX != 0 {
      // libxml2 gave up part-way (tags nested deeper than it reads): what it kept is not
      // the page.
      if let parsed { xmlFreeDoc(parsed) }
      let error = context.pointee.lastError
      var message =
        error.message.map { String(cString: $0) }?.trimmingSpaces() ?? "unknown error"
      if message.hasPrefix("Excessive depth") {
        // "Excessive depth in document: 256 use XML_PARSE_HUGE option"
        let depth = message.split(separator: " ").first { Int($0) != nil }.map(String.init) ?? "256"
        message = "tags nested more than \(depth) deep: not an article page"
      } else {
        message = "libxml2 stopped reading the page: " + message
      }
      throw ParseError(line: error.line > 0 ? Int(error.line) : nil, message)
    }
    guard let parsed else { throw ParseError(line: nil, "an HTML page with no elements") }
    guard let root = xmlDocGetRootElement(parsed) else {
      xmlFreeDoc(parsed)
      throw ParseError(line: nil, "an HTML page with no elements")
    }
    Self.adoptStrayContent(into: root)
    document = parsed
    self.root = root
  }

  /// Elements and text libxml2 left beside the root element are moved into it, where a
  /// browser reads them: an XHTML template that writes `<html xml:lang="de" />` closes the
  /// root at once, and its whole page followed it, unread (a club's Joomla site).
  static func adoptStrayContent(into root: xmlNodePtr) {
    var sibling = root.pointee.next
    var moved = 0
    while let node = sibling, moved < mostNodes {
      sibling = node.pointee.next
      guard node.isElement || node.isText else { continue }
      xmlUnlinkNode(node)
      // A text node may be merged into the last child and freed: not touched after this.
      xmlAddChild(root, node)
      moved += 1
    }
  }

  deinit {
    xmlFreeDoc(document)
  }

  /// Opening tags: `<` followed by a letter (in UTF-8, or in UTF-16 little-endian).
  static func countTags(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard bytes.count > 2 else { return 0 }
    var count = 0
    for index in 0..<(bytes.count - 2) where bytes[index] == UInt8(ascii: "<") {
      let next = bytes[index + 1]
      if ASCII.isLetter(next) || (next == 0 && ASCII.isLetter(bytes[index + 2])) {
        count += 1
      }
    }
    return count
  }
}
