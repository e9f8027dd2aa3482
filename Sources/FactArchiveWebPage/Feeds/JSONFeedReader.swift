import FactArchiveCore
import Foundation

/// JSON Feed 1.0 and 1.1 (<https://www.jsonfeed.org/version/1.1/>): an object whose
/// `version` is `https://jsonfeed.org/version/1…`, with `items`.
enum JSONFeedReader {
  static func isJSONFeed(_ bytes: [UInt8]) -> Bool {
    guard looksLikeObject(bytes), containsVersion(bytes) else { return false }
    return object(bytes) != nil
  }

  static func read(_ bytes: [UInt8], url: String?) throws(ParseError) -> Feed {
    guard let root = object(bytes) else {
      throw ParseError(line: nil, "not a JSON Feed: no object with a jsonfeed.org version")
    }
    let link = FeedReader.absolute(root["home_page_url"] as? String, base: url)
    let base = link ?? url
    let items = (root["items"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
    return Feed(
      kind: .jsonFeed, title: FeedReader.plain(root["title"] as? String), link: link,
      items: items.map { entry in
        var item = self.item(entry, base: base)
        item.document = document(root, entry)
        return item
      })
  }

  static func item(_ entry: [String: Any], base: String?) -> FeedItem {
    var item = FeedItem()
    // `id` may be a number in feeds written before 1.0 said string.
    if let id = entry["id"] as? String, !id.isEmpty {
      item.guid = id
    } else if let id = entry["id"] as? NSNumber {
      item.guid = id.stringValue
    }
    item.link = FeedReader.absolute(entry["url"] as? String, base: base)
    item.title = FeedReader.plain(entry["title"] as? String)
    item.published = (entry["date_published"] as? String).flatMap(FeedDates.parse)
    item.updated = (entry["date_modified"] as? String).flatMap(FeedDates.parse)
    let authors = (entry["authors"] as? [Any] ?? []) + [entry["author"]].compactMap { $0 }
    item.authors = authors.compactMap { ($0 as? [String: Any])?["name"] as? String }
      .compactMap(FeedReader.plain)
    item.categories = (entry["tags"] as? [Any] ?? []).compactMap { $0 as? String }
      .compactMap(FeedReader.plain)
    item.summary = entry["summary"] as? String
    if let html = entry["content_html"] as? String {
      item.content = html
    } else if let text = entry["content_text"] as? String {
      item.content = text.split(separator: "\n", omittingEmptySubsequences: true)
        .map { "<p>\(FeedReader.escaped(String($0)))</p>" }.joined()
    }
    return item
  }

  /// The feed holding this item alone (keys sorted, so the same item gives the same bytes).
  static func document(_ root: [String: Any], _ entry: [String: Any]) -> [UInt8] {
    var single: [String: Any] = ["items": [entry]]
    for key in ["version", "title", "home_page_url", "feed_url", "language"] {
      if let value = root[key] { single[key] = value }
    }
    let data = try? JSONSerialization.data(
      withJSONObject: single, options: [.sortedKeys, .withoutEscapingSlashes])
    return data.map { Array($0) } ?? []
  }

  static func object(_ bytes: [UInt8]) -> [String: Any]? {
    guard
      let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      let version = root["version"] as? String,
      version.hasPrefix("https://jsonfeed.org/version/")
        || version.hasPrefix("http://jsonfeed.org/version/")
    else { return nil }
    return root
  }

  /// Cheap tests before parsing: an object, mentioning jsonfeed.org.
  static func looksLikeObject(_ bytes: [UInt8]) -> Bool {
    let first = bytes.drop(while: { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }).first
    return first == UInt8(ascii: "{")
  }

  static func containsVersion(_ bytes: [UInt8]) -> Bool {
    let pattern = Array("jsonfeed.org/version/".utf8)
    guard bytes.count >= pattern.count else { return false }
    for index in 0...(bytes.count - pattern.count)
    where bytes[index] == UInt8(ascii: "j")
      && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    {
      return true
    }
    return false
  }
}
