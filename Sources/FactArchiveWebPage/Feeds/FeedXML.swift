internal import CLibXML2
import FactArchiveCore

/// A feed parsed by libxml2's XML parser with the bounds a hostile feed meets: no network,
/// no DTD loaded, entities never substituted (a feed that declares any is refused before it
/// is parsed: no entity expansion, no external entities), and no more tags than a web page
/// may have. The one declaration let through is inert: an external parameter entity the
/// feed never refers to, as Drupal's feeds have carried for years
/// (`<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "…xhtml-lat1.ent">`),
/// which nothing loads. The tree is freed with the value.
final class FeedXML {
  let document: xmlDocPtr
  let root: xmlNodePtr
  /// Whether libxml2 read the feed without recovering from an error (a bare `&`, a tag left
  /// open): a recovered feed's items are read again from their own documents.
  let wellFormed: Bool

  init(_ given: [UInt8], servedCharset: String? = nil) throws(ParseError) {
    // A feed in UTF-16 or UTF-32, or in the legacy charset its server named (which outranks
    // the feed's own declaration, RFC 7303), is read as UTF-8, its declaration then ignored.
    let converted = WideUnicode.utf8(given) ?? Self.converted(given, from: servedCharset)
    let bytes = Self.numericHTMLEntities(converted ?? Self.repairingUTF8(given))
    if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstNUL($0) }) {
      let line = bytes[..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      throw ParseError(line: line, "binary file: NUL byte at offset \(offset)")
    }
    if let line = Self.refusedEntityDeclaration(in: bytes) {
      throw ParseError(line: line, "a feed that declares XML entities: refused, never expanded")
    }
    let tags = bytes.withUnsafeBufferPointer { HTMLDOM.countTags($0) }
    if tags > HTMLDOM.mostTags {
      throw ParseError(line: nil, "\(tags) tags: more than \(HTMLDOM.mostTags), not a feed")
    }
    var options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
    if converted != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
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

  /// The feed converted to UTF-8 from the charset its server named; `nil` when it named
  /// none, named UTF-8 or one `iconv` does not know, or the bytes are UTF-8 already.
  static func converted(_ bytes: [UInt8], from charset: String?) -> [UInt8]? {
    guard let charset = charset?.trimmingSpaces().lowercased(), !charset.isEmpty,
      !["utf-8", "utf8"].contains(charset),
      bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) }) != nil
    else { return nil }
    return LegacyEncoding.utf8(bytes, from: charset)
  }

  /// A feed that says it is UTF-8 but holds invalid sequences has each replaced by U+FFFD
  /// before libxml2 reads it: libxml2 would otherwise guess, and the feed of one item written
  /// from what it guessed would not read back the same. A feed that says nothing (which XML
  /// reads as UTF-8) but is not UTF-8 was written in a legacy encoding its server named
  /// elsewhere: it is converted to UTF-8 from the encoding its bytes fit, as a page that
  /// declares none is read (`LegacyEncoding`), unless it is mostly UTF-8 with a few broken
  /// bytes (those are replaced). A feed that names another encoding is left for libxml2 to
  /// convert.
  static func repairingUTF8(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) }) != nil,
      !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF])
    else { return bytes }
    let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
    if let range = head.range(of: "encoding="), head[..<range.lowerBound].contains("<?xml") {
      if !head[range.upperBound...].dropFirst().hasPrefix("utf-8") { return bytes }
    } else if !LegacyEncoding.isMostlyUTF8(bytes),
      let converted = LegacyEncoding.utf8(bytes, from: LegacyEncoding.guess(bytes))
    {
      return converted
    }
    return Array(String(decoding: bytes, as: UTF8.self).utf8)
  }

  /// HTML's named entities (`&nbsp;`, `&laquo;`, `&eacute;`) written into a feed as if it
  /// were HTML, which XML does not define: libxml2 drops each one it meets, and the space an
  /// `&nbsp;` stood for with it, joining words (`а&nbsp;ныне` read `аныне`). Each becomes its
  /// numeric reference (`&#160;`), as feed readers treat them; XML's own five, and names HTML
  /// does not have, are left as they are. (Bytes, not text: `&name;` is ASCII in every
  /// encoding a feed that passes the NUL check can use.)
  static func numericHTMLEntities(_ bytes: [UInt8]) -> [UInt8] {
    let ampersand = UInt8(ascii: "&")
    guard bytes.contains(ampersand) else { return bytes }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    var output: [UInt8] = []
    var changed = false
    var index = 0
    while index < bytes.count {
      // `&#X41;`: HTML reads a capital X in a hexadecimal reference, XML only a small one.
      if bytes[index] == ampersand, index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
        bytes[index + 2] == UInt8(ascii: "X")
      {
        if !changed {
          output.reserveCapacity(bytes.count)
          output.append(contentsOf: bytes[..<index])
          changed = true
        }
        output.append(contentsOf: Array("&#x".utf8))
        index += 3
        continue
      }
      guard bytes[index] == ampersand, index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
        if changed { output.append(bytes[index]) }
        index += 1
        continue
      }
      var end = index + 1
      while end < bytes.count, end - index <= 32,
        isLetter(bytes[end]) || (0x30...0x39).contains(bytes[end])
      {
        end += 1
      }
      let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
      guard end < bytes.count, bytes[end] == UInt8(ascii: ";"),
        !["amp", "lt", "gt", "quot", "apos"].contains(name),
        let scalar = HTMLText.entity(name)
      else {
        if changed { output.append(bytes[index]) }
        index += 1
        continue
      }
      if !changed {
        output.reserveCapacity(bytes.count)
        output.append(contentsOf: bytes[..<index])
        changed = true
      }
      output.append(contentsOf: Array("&#\(scalar.value);".utf8))
      index = end + 1
    }
    return changed ? output : bytes
  }

  /// The line of the first `<!ENTITY` declaration the feed is refused for: any but an
  /// external parameter entity that nothing in the feed refers to (`inertName`).
  static func refusedEntityDeclaration(in bytes: [UInt8]) -> Int? {
    let pattern = Array("<!ENTITY".utf8)
    guard bytes.count >= pattern.count else { return nil }
    var line = 1
    for index in 0...(bytes.count - pattern.count) {
      if bytes[index] == UInt8(ascii: "\n") { line += 1 }
      if bytes[index] == UInt8(ascii: "<"),
        bytes[index..<(index + pattern.count)].elementsEqual(pattern)
      {
        guard let name = inertName(bytes[(index + pattern.count)...]),
          !Array("%\(name);".utf8).withUnsafeBufferPointer({ reference in
            bytes.withUnsafeBufferPointer { UTF8Search.occurs(reference, in: $0) }
          })
        else { return line }
      }
    }
    return nil
  }

  /// The name of the parameter entity a declaration's rest declares when it is
  /// ` % NAME PUBLIC "…" "…">` or ` % NAME SYSTEM "…">` (either quote); `nil` for any other.
  static func inertName(_ rest: ArraySlice<UInt8>) -> String? {
    var scanner = DeclarationScanner(rest.prefix(1_024))
    guard scanner.space(), scanner.take("%"), scanner.space(), let name = scanner.name(),
      scanner.space(), let keyword = scanner.name()
    else { return nil }
    let literals = keyword == "PUBLIC" ? 2 : keyword == "SYSTEM" ? 1 : 0
    guard literals > 0 else { return nil }
    for _ in 0..<literals {
      guard scanner.space(), scanner.quoted() else { return nil }
    }
    _ = scanner.space()
    return scanner.take(">") ? name : nil
  }

  /// Reads the parts of one declaration.
  struct DeclarationScanner {
    var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// At least one space, tab or line end.
    mutating func space() -> Bool {
      let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
      let count = bytes.prefix { blank.contains($0) }.count
      bytes = bytes.dropFirst(count)
      return count > 0
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
      guard bytes.first == UInt8(ascii: character) else { return false }
      bytes = bytes.dropFirst()
      return true
    }

    /// Letters, digits, `-`, `_`, `.` and `:`.
    mutating func name() -> String? {
      let part = bytes.prefix {
        ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0)
          || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")]
            .contains($0)
      }
      guard !part.isEmpty else { return nil }
      bytes = bytes.dropFirst(part.count)
      return String(decoding: part, as: UTF8.self)
    }

    /// A literal in `"` or `'`, holding neither `%` nor `&`.
    mutating func quoted() -> Bool {
      guard let quote = bytes.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
      else { return false }
      let body = bytes.dropFirst().prefix { $0 != quote }
      guard body.count < bytes.count - 1,
        !body.contains(UInt8(ascii: "%")), !body.contains(UInt8(ascii: "&"))
      else { return false }
      bytes = bytes.dropFirst(body.count + 2)
      return true
    }
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

  /// The first child element with this local name (case-insensitive), one in the element's
  /// own namespace first: RSS's `<link>` before the `<atom:link rel="self">` WordPress
  /// writes ahead of it, `<title>` before a `<media:title>` ahead of it.
  func child(_ name: String) -> xmlNodePtr? {
    let named = childElements.filter { $0.localName.lowercased() == name }
    let own = namespaceURI
    return named.first { $0.namespaceURI == own } ?? named.first
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
