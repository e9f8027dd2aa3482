internal import CLibXML2
import FactArchiveCore

/// schema.org items written in the page's markup rather than in a JSON-LD script —
/// microdata (`itemscope`, `itemtype`, `itemprop`) and RDFa Lite (`typeof`, `property`) —
/// rewritten as the JSON-LD they stand for, so one reader (the ClaimReview importer) reads
/// every form. Older fact-check pages and some CMS templates mark their reviews up this way:
///
/// ```html
/// <div itemscope itemtype="https://schema.org/ClaimReview">
///   <span itemprop="claimReviewed">The ferry fare doubled</span>
///   <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
///     <span itemprop="alternateName">False</span></div></div>
/// ```
///
/// becomes `{"@type": "ClaimReview", "claimReviewed": "The ferry fare doubled",
/// "reviewRating": {"@type": "Rating", "alternateName": "False"}}`. Values follow the
/// microdata specification's rules (WHATWG HTML, "Values"): `content` of `<meta>`, `href`
/// of links, `src` of media, `datetime` of `<time>`, `value` of `<data>`, otherwise the
/// element's text; RDFa's `content` attribute wins on any element (RDFa Lite 1.1).
enum EmbeddedItems {
  /// The two ways of writing items in markup.
  struct Syntax {
    /// The attribute that starts an item, and the one that names its type.
    var scope: String
    var type: String
    /// The attribute that names a property.
    var property: String

    static let microdata = Syntax(scope: "itemscope", type: "itemtype", property: "itemprop")
    static let rdfa = Syntax(scope: "typeof", type: "typeof", property: "property")
  }

  /// Items nested deeper than this are left out (a hostile page nests thousands).
  static let deepestItem = 12
  /// Top-level items read per page: a page holds a few reviews, and each item's subtree is
  /// walked, so a hostile page of items inside items would cost its depth times its size.
  static let mostItems = 100
  /// An item's text values are cut at this many characters.
  static let longestValue = 20_000

  /// The syntax in which `node` starts a top-level item (an item that is not itself a
  /// property of another), or `nil`.
  static func topLevelSyntax(of node: xmlNodePtr) -> Syntax? {
    for syntax in [Syntax.microdata, .rdfa]
    where node.hasAttribute(syntax.scope) && !node.hasAttribute(syntax.property) {
      return syntax
    }
    return nil
  }

  /// The item `node` starts, as JSON-LD text, when it is or holds a review (its types or
  /// those of its nested items name `Review` or `ClaimReview`): the items the archive reads.
  static func reviewJSON(_ node: xmlNodePtr, syntax: Syntax) -> [UInt8]? {
    var mentionsReview = false
    let item = self.item(node, syntax: syntax, depth: 0, mentionsReview: &mentionsReview)
    guard mentionsReview else { return nil }
    return Array(item.rendered(pretty: false).utf8)
  }

  static func item(_ node: xmlNodePtr, syntax: Syntax, depth: Int, mentionsReview: inout Bool)
    -> JSON
  {
    var members: [JSON.Member] = []
    let types = (node.attribute(syntax.type) ?? "").split(whereSeparator: \.isWhitespace)
      .map { typeName(String($0)) }.filter { !$0.isEmpty }
    if types.contains(where: { $0.lowercased().hasSuffix("review") }) { mentionsReview = true }
    if types.count == 1 {
      members.append(JSON.Member("@type", .string(types[0])))
    } else if types.count > 1 {
      members.append(JSON.Member("@type", .array(types.map { .string($0) })))
    }
    var properties: [(name: String, value: JSON)] = []
    var stack = Array(node.children.reversed())
    while let child = stack.popLast() {
      guard child.isElement else { continue }
      let startsItem = child.hasAttribute(syntax.scope)
      if let names = child.attribute(syntax.property) {
        let value: JSON
        if startsItem {
          guard depth < deepestItem else { continue }
          value = item(child, syntax: syntax, depth: depth + 1, mentionsReview: &mentionsReview)
        } else {
          value = .string(self.value(of: child, syntax: syntax))
        }
        for name in names.split(whereSeparator: \.isWhitespace) {
          properties.append((typeName(String(name)), value))
        }
        if startsItem { continue }
      } else if startsItem {
        continue  // an item of its own, not a property of this one
      }
      stack += child.children.reversed()
    }
    var order: [String] = []
    var values: [String: [JSON]] = [:]
    for (name, value) in properties where !name.isEmpty {
      if values[name] == nil { order.append(name) }
      values[name, default: []].append(value)
    }
    for name in order {
      let all = values[name] ?? []
      members.append(JSON.Member(name, all.count == 1 ? all[0] : .array(all)))
    }
    return .object(members)
  }

  /// A property's value, by the element that holds it.
  static func value(of node: xmlNodePtr, syntax: Syntax) -> String {
    if syntax.scope == Syntax.rdfa.scope, let content = node.attribute("content") {
      return content
    }
    let attribute: String? =
      switch node.elementName {
      case "meta": "content"
      case "a", "area", "link": "href"
      case "audio", "embed", "iframe", "img", "source", "track", "video": "src"
      case "object": "data"
      case "data", "meter": "value"
      case "time": "datetime"
      default: nil
      }
    if let attribute, let value = node.attribute(attribute) { return value }
    let text = MetadataReader.collapsed(node.textContent)
    return text.count > longestValue ? String(text.prefix(longestValue)) : text
  }

  /// `https://schema.org/ClaimReview` → `ClaimReview`; `schema:Rating` → `Rating`.
  static func typeName(_ written: String) -> String {
    var name = Substring(written)
    if let slash = name.lastIndex(where: { $0 == "/" || $0 == "#" }) {
      name = name[name.index(after: slash)...]
    } else if let colon = name.lastIndex(of: ":") {
      name = name[name.index(after: colon)...]
    }
    return String(name)
  }
}
