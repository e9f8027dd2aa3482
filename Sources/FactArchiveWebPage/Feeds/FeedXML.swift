internal import CLibXML2
import FactArchiveCore

/// A feed parsed by libxml2's XML parser with the bounds a hostile feed meets: no network,
/// no DTD loaded, entities never substituted (a feed that declares any is refused before it
/// is parsed: no entity expansion, no external entities), and no more tags than a web page
/// may have. The tree is freed with the value.
final class FeedXML {
  let document: xmlDocPtr
  let root: xmlNodePtr
  /// Whether libxml2 read the feed without recovering from an error (a bare `&`, a tag left
  /// open): a recovered feed's items are read again from their own documents.
  let wellFormed: Bool

  init(_ given: [UInt8]) throws(ParseError) {
    let bytes = Self.repairingUTF8(given)
    if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstNUL($0) }) {
      let line = bytes[..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      throw ParseError(line: line, "binary file: NUL byte at offset \(offset)")
    }
    if let line = Self.entityDeclaration(in: bytes) {
      throw ParseError(line: line, "a feed that declares XML entities: refused, never expanded")
    }
    let tags = bytes.withUnsafeBufferPointer { HTMLDOM.countTags($0) }
    if tags > HTMLDOM.mostTags {
      throw ParseError(line: nil, "\(tags) tags: more than \(HTMLDOM.mostTags), not a feed")
    }
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
    csxml_drop_errors()
    guard let context = xmlNewParserCtxt() else {
      throw ParseError(line: nil, "libxml2 could not start (out of memory)")
    }
    defer { xmlFreeParserCtxt(context) }
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, nil, options)
        }
      }
    }
    guard let parsed, let root = xmlDocGetRootElement(parsed) else {
      if let parsed { xmlFreeDoc(parsed) }
      let error = context.pointee.lastError
      let message = error.message.map { String(cString: $0) }?.trimmingSpaces() ?? "no elements"
      throw ParseError(
        line: error.line > 0 ? Int(error.line) : nil, "not a readable feed: \(message)")
    }
    document = parsed
    self.root = root
    wellFormed = context.pointee.wellFormed != 0
  }

  deinit {
    xmlFreeDoc(document)
  }

  /// A feed that says it is UTF-8 (or says nothing, which means UTF-8) but holds invalid
  /// sequences has each replaced by U+FFFD before libxml2 reads it: libxml2 would otherwise
  /// guess, and the feed of one item written from what it guessed would not read back the
  /// same. A feed that names another encoding is left for libxml2 to convert.
  static func repairingUTF8(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) }) != nil,
      !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF])
    else { return bytes }
    let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
    if let range = head.range(of: "encoding="),
      !head[range.upperBound...].dropFirst().hasPrefix("utf-8"),
      head[..<range.lowerBound].contains("<?xml")
    {
      return bytes
    }
    return Array(String(decoding: bytes, as: UTF8.self).utf8)
  }

  /// The line of an `<!ENTITY` declaration, if the input has one.
  static func entityDeclaration(in bytes: [UInt8]) -> Int? {
    let pattern = Array("<!ENTITY".utf8)
    guard bytes.count >= pattern.count else { return nil }
    var line = 1
    for index in 0...(bytes.count - pattern.count) {
      if bytes[index] == UInt8(ascii: "\n") { line += 1 }
      if bytes[index] == UInt8(ascii: "<"),
        bytes[index..<(index + pattern.count)].elementsEqual(pattern)
      {
        return line
      }
    }
    return nil
  }

  /// The document as UTF-8 bytes (for a feed holding one item).
  static func serialize(_ document: xmlDocPtr) -> [UInt8] {
    var memory: UnsafeMutablePointer<xmlChar>?
    var size: Int32 = 0
    xmlDocDumpMemoryEnc(document, &memory, &size, "UTF-8")
    guard let memory else { return [] }
    defer { csxml_free(memory) }
    return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
  }
}

/// Reading a feed's elements by local name (feeds mix namespaces freely: `dc:creator` in
/// RSS 2.0, `atom:link` in RSS, prefixes of every spelling).
extension UnsafeMutablePointer where Pointee == xmlNode {
  /// The element's local name as written (`encoded` for `content:encoded`).
  var localName: String { XMLText.string(pointee.name) }

  /// The namespace of the element (`http://www.w3.org/2005/Atom`), or "".
  var namespaceURI: String { pointee.ns.map { XMLText.string($0.pointee.href) } ?? "" }

  /// The child elements, in order.
  var childElements: [xmlNodePtr] { children.filter(\.isElement) }

  /// The first child element with this local name (case-insensitive).
  func child(_ name: String) -> xmlNodePtr? {
    childElements.first { $0.localName.lowercased() == name }
  }

  /// The child elements with this local name (case-insensitive).
  func elements(_ name: String) -> [xmlNodePtr] {
    childElements.filter { $0.localName.lowercased() == name }
  }

  /// The text of the first child with this name, trimmed; `nil` when missing or empty.
  func childText(_ name: String) -> String? {
    guard let text = child(name)?.textContent.trimmingSpaces(), !text.isEmpty else { return nil }
    return text
  }

  /// The element's children written out as markup (Atom's `type="xhtml"` content).
  var innerMarkup: String {
    guard let buffer = xmlBufferCreate() else { return "" }
    defer { xmlBufferFree(buffer) }
    for child in children {
      xmlNodeDump(buffer, pointee.doc, child, 0, 0)
    }
    return XMLText.string(xmlBufferContent(buffer))
  }
}
