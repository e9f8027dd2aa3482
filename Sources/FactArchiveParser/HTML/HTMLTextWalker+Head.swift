internal import CLibXML2
import FactArchiveCore

extension HTMLTextWalker {
  /// `<title>`, `<meta>` and JSON-LD in the head.
  mutating func readHead(_ head: xmlNodePtr) {
    var child = head.pointee.children
    var metaTitle: String?
    var title: String?
    while let node = child {
      child = node.pointee.next
      guard node.isElement else { continue }
      let name = node.elementName
      switch name {
      case "title":
        title = node.ownText.trimmingSpaces()
      case "meta":
        let key = (node.attribute("property") ?? node.attribute("name") ?? "").lowercased()
        guard let content = node.attribute("content")?.trimmingSpaces(), !content.isEmpty
        else { continue }
        switch key {
        case "og:title", "twitter:title": metaTitle = metaTitle ?? content
        case "author", "article:author", "byl", "dc.creator": page.author = page.author ?? content
        case "article:published_time", "datepublished", "date", "dc.date", "pubdate":
          page.published = page.published ?? Day(iso: content.prefix(10))
        default: break
        }
      case "script":
        if node.attribute("type")?.lowercased().hasPrefix("application/ld+json") == true {
          page.jsonLD.append(Array(node.ownText.utf8))
        }
      default:
        break
      }
    }
    page.title = metaTitle ?? title
  }
}
