internal import CLibXML2
import FactArchiveCore

/// Reads news feeds (`Feed`): RSS 2.0, RSS 1.0, Atom 1.0 and JSON Feed 1.1, told by content.
public enum FeedReader {
  /// What kind of feed `bytes` hold, by their first element (`<rss>`, `<rdf:RDF>`,
  /// `<feed>`) or a JSON Feed `version`; `nil` for anything else.
  public static func kind(of given: [UInt8]) -> FeedKind? {
    let bytes = WideUnicode.utf8(given) ?? given
    if let name = FeedSniffing.firstElement(bytes) {
      switch name.split(separator: ":").last.map({ $0.lowercased() }) {
      case "rss": return .rss
      case "rdf": return .rdf
      case "feed": return .atom
      default: return nil
      }
    }
    return JSONFeedReader.isJSONFeed(bytes) ? .jsonFeed : nil
  }

  /// The feed in `bytes`; `nil` when they hold no feed. `url` is where the feed came from
  /// (resolves relative links); `contentType` the header its server sent, whose `charset`
  /// outranks the feed's own declaration.
  public static func read(_ bytes: [UInt8], url: String? = nil, contentType: String? = nil)
    throws(ParseError) -> Feed?
  {
    guard let kind = kind(of: bytes) else { return nil }
    if kind == .jsonFeed { return try JSONFeedReader.read(bytes, url: url) }
    let xml = try FeedXML(bytes, servedCharset: HTMLEncoding.charset(inContentType: contentType))
    var feed: Feed
    switch kind {
    case .atom: feed = AtomReading(xml: xml, url: url).feed()
    case .rss, .rdf: feed = RSSReading(xml: xml, kind: kind, url: url).feed()
    case .jsonFeed: return nil
    }
    if feed.items.isEmpty, feed.title == nil {
      throw ParseError(line: nil, "a feed with neither a title nor items")
    }
    feed.repaired = !xml.wellFormed
    return feed
  }

  /// An address as absolute http(s), resolved against `base`.
  static func absolute(_ href: String?, base: String?) -> String? {
    href.flatMap { WebPage.resolve($0, against: base) }
  }

  /// Text that may hold markup (`<b>` in a title), as plain text, without invisible break
  /// hints (`&shy;`).
  static func plain(_ text: String?) -> String? {
    guard var text = text?.withoutInvisibleBreakHints.trimmingSpaces(), !text.isEmpty else {
      return nil
    }
    if text.contains("<") {
      var result = ""
      var inTag = false
      for character in text {
        if character == "<" {
          inTag = true
        } else if character == ">" {
          inTag = false
        } else if !inTag {
          result.append(character)
        }
      }
      text = result.trimmingSpaces()
    }
    return text.isEmpty ? nil : text
  }
}

/// Finding a document's first element without parsing it.
enum FeedSniffing {
  /// The name of the first element (after a byte-order mark, white space, the XML
  /// declaration, comments, processing instructions and a doctype); `nil` when the input
  /// does not start as XML.
  static func firstElement(_ bytes: [UInt8]) -> String? {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let limit = min(bytes.count, 64 * 1024)
    func starts(_ text: String) -> Bool {
      let pattern = Array(text.utf8)
      return index + pattern.count <= limit
        && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }
    func skip(past text: String) -> Bool {
      let pattern = Array(text.utf8)
      while index + pattern.count <= limit {
        if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
          index += pattern.count
          return true
        }
        index += 1
      }
      return false
    }
    while index < limit {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
      } else if starts("<?") {
        guard skip(past: "?>") else { return nil }
      } else if starts("<!--") {
        guard skip(past: "-->") else { return nil }
      } else if starts("<!DOCTYPE") || starts("<!doctype") {
        // A doctype may hold an internal subset in brackets.
        var depth = 0
        while index < limit {
          if bytes[index] == UInt8(ascii: "[") { depth += 1 }
          if bytes[index] == UInt8(ascii: "]") { depth -= 1 }
          if bytes[index] == UInt8(ascii: ">"), depth <= 0 { break }
          index += 1
        }
        index += 1
      } else if byte == UInt8(ascii: "<") {
        var end = index + 1
        while end < limit,
          ASCII.isLetter(bytes[end]) || ASCII.isDigit(bytes[end])
            || [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
              .contains(bytes[end])
        {
          end += 1
        }
        guard end > index + 1 else { return nil }
        return String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
      } else {
        return nil
      }
    }
    return nil
  }
}

/// The one-item copy of a feed: its root (with its namespaces), the channel's title, link
/// and description (RSS) or the feed's title, id and link (Atom), and the item. What
/// changes on every fetch (`lastBuildDate`, the feed's `updated`) is left out, so an item
/// that did not change gives the same bytes.
struct OneItemDocument {
  let xml: FeedXML

  func bytes(item: xmlNodePtr, channel: xmlNodePtr?, kept: Set<String>) -> [UInt8] {
    guard let document = xmlNewDoc("1.0") else { return [] }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocCopyNode(xml.root, document, 2) else { return [] }
    xmlDocSetRootElement(document, root)
    func copyKept(of parent: xmlNodePtr, into target: xmlNodePtr) {
      for child in parent.childElements where kept.contains(child.localName.lowercased()) {
        if let copy = xmlDocCopyNode(child, document, 1) { xmlAddChild(target, copy) }
      }
    }
    var target = root
    if let channel, channel != xml.root, let copy = xmlDocCopyNode(channel, document, 2) {
      xmlAddChild(root, copy)
      copyKept(of: channel, into: copy)
      // RSS 2.0 items sit in the channel; RSS 1.0 items beside it.
      if item.pointee.parent == channel { target = copy }
    } else {
      copyKept(of: xml.root, into: root)
    }
    if let copy = xmlDocCopyNode(item, document, 1) { xmlAddChild(target, copy) }
    return FeedXML.serialize(document)
  }
}
