internal import CLibXML2
import FactArchiveCore

/// RSS 2.0 (`<rss><channel><item>`) and RSS 1.0 (`<rdf:RDF><channel/><item/>`), with the
/// modules feeds use for what RSS lacks: `content:encoded` for the full text, `dc:creator`,
/// `dc:date` and `dc:subject`, `atom:updated`.
struct RSSReading {
  let xml: FeedXML
  let kind: FeedKind
  let url: String?

  func feed() -> Feed {
    let channel = xml.root.child("channel")
    let link = FeedReader.absolute(channel?.childText("link"), base: url)
    let base = link ?? url
    // RSS 2.0 items sit in the channel; RSS 1.0 (and some 0.9x) items beside it.
    let items = (channel?.elements("item") ?? []) + xml.root.elements("item")
    let copier = OneItemDocument(xml: xml)
    return Feed(
      kind: kind, title: FeedReader.plain(channel?.childText("title")), link: link,
      items: items.map { node in
        var item = self.item(node, base: base)
        item.document = copier.bytes(
          item: node, channel: channel, kept: ["title", "link", "description"])
        return item
      })
  }

  func item(_ node: xmlNodePtr, base: String?) -> FeedItem {
    var item = FeedItem()
    item.link = FeedReader.absolute(node.childText("link"), base: base)
    if let guid = node.childText("guid") {
      item.guid = guid
      // A permalink guid is the article's address when the item gives no link.
      if item.link == nil, node.child("guid")?.attribute("ispermalink") != "false" {
        item.link = FeedReader.absolute(guid, base: base)
      }
    } else if let about = node.attribute("rdf:about") ?? node.attribute("about"),
      !about.isEmpty
    {
      item.guid = about
    }
    item.title = FeedReader.plain(node.childText("title"))
    item.published = (node.childText("pubdate") ?? node.childText("date")).flatMap(
      FeedDates.parse)
    item.updated = (node.childText("updated") ?? node.childText("modified")).flatMap(
      FeedDates.parse)
    item.authors = (node.elements("creator") + node.elements("author")).compactMap {
      FeedReader.plain($0.textContent)
    }
    item.categories = (node.elements("category") + node.elements("subject")).compactMap {
      FeedReader.plain($0.textContent)
    }
    item.summary = node.childText("description")
    item.content = node.childText("encoded")
    return item
  }
}

/// Atom 1.0 (`<feed><entry>`, RFC 4287): text constructs of type text, html or xhtml,
/// `link rel="alternate"`, several authors and categories.
struct AtomReading {
  let xml: FeedXML
  let url: String?

  func feed() -> Feed {
    let root = xml.root
    let link = FeedReader.absolute(Self.alternate(root), base: url)
    let base = link ?? url
    let copier = OneItemDocument(xml: xml)
    return Feed(
      kind: .atom, title: root.child("title").flatMap(Self.text), link: link,
      items: root.elements("entry").map { node in
        var item = self.entry(node, base: base)
        item.document = copier.bytes(item: node, channel: nil, kept: ["title", "id", "link"])
        return item
      })
  }

  func entry(_ node: xmlNodePtr, base: String?) -> FeedItem {
    var item = FeedItem()
    item.guid = node.childText("id")
    item.link = FeedReader.absolute(Self.alternate(node), base: base)
    item.title = node.child("title").flatMap(Self.text)
    item.published = (node.childText("published") ?? node.childText("issued")).flatMap(
      FeedDates.parse)
    item.updated = (node.childText("updated") ?? node.childText("modified")).flatMap(
      FeedDates.parse)
    item.authors = node.elements("author").compactMap { FeedReader.plain($0.childText("name")) }
    item.categories = node.elements("category").compactMap {
      FeedReader.plain($0.attribute("label") ?? $0.attribute("term"))
    }
    item.summary = node.child("summary").map(Self.html)
    if let content = node.child("content"), content.attribute("src") == nil {
      item.content = Self.html(content)
    }
    return item
  }

  /// The `href` of the `link` with `rel="alternate"` (or no `rel`).
  static func alternate(_ node: xmlNodePtr) -> String? {
    node.elements("link").first {
      let rel = $0.attribute("rel")?.lowercased()
      return rel == nil || rel == "alternate"
    }?.attribute("href")
  }

  /// A text construct as plain text: an `html` one holds escaped markup, whose tags are
  /// dropped (`plain`); `text` (the default) and `xhtml` ones are text as written, so
  /// `History of the &lt;blink&gt; tag` keeps its `<blink>`.
  static func text(_ node: xmlNodePtr) -> String? {
    switch node.attribute("type")?.lowercased() {
    case "html", "text/html": return FeedReader.plain(node.textContent)
    default:
      let text = MetadataReader.collapsed(node.textContent)
      return text.isEmpty ? nil : text
    }
  }

  /// A text construct as HTML: `html` holds escaped markup, `xhtml` a `<div>` of it, `text`
  /// (the default) plain text, escaped here.
  static func html(_ node: xmlNodePtr) -> String {
    switch node.attribute("type")?.lowercased() {
    case "html", "text/html": return node.textContent
    case "xhtml", "application/xhtml+xml": return node.innerMarkup
    default:
      return node.textContent.split(separator: "\n", omittingEmptySubsequences: true)
        .map { "<p>\(FeedReader.escaped(String($0)))</p>" }.joined()
    }
  }
}

extension FeedReader {
  /// Text made safe to read as HTML.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      default: result.append(character)
      }
    }
    return result
  }
}
