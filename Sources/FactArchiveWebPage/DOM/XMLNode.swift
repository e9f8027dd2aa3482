internal import CLibXML2

/// Reading libxml2's nodes in place: names, attributes, text and children, without
/// allocations to free.
extension UnsafeMutablePointer where Pointee == xmlNode {
  var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

  /// The element's name, lowercase (`div`).
  var elementName: String { XMLText.string(pointee.name).lowercased() }

  /// A text node's text.
  var text: String { XMLText.string(pointee.content) }

  /// The line of the page the node starts on (0 when unknown).
  var lineNumber: Int { Int(xmlGetLineNo(self)) }

  /// An attribute's value (the name in any case).
  func attribute(_ name: String) -> String? {
    var attribute = pointee.properties
    while let current = attribute {
      if XMLText.string(current.pointee.name).lowercased() == name {
        var value = ""
        var child = current.pointee.children
        while let text = child {
          value += XMLText.string(text.pointee.content)
          child = text.pointee.next
        }
        return value
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// Whether the element has the attribute (`name` lowercase: libxml2's HTML parser
  /// lowercases attribute names), without building its value.
  func hasAttribute(_ name: String) -> Bool {
    xmlHasProp(self, name) != nil
  }

  /// The element's child nodes, in order.
  var children: [xmlNodePtr] {
    var nodes: [xmlNodePtr] = []
    var child = pointee.children
    while let next = child {
      nodes.append(next)
      child = next.pointee.next
    }
    return nodes
  }

  /// The text of the element's own text children (a `<title>`, a script's JSON).
  var ownText: String {
    var text = ""
    var child = pointee.children
    while let current = child {
      if current.isText { text += current.text }
      child = current.pointee.next
    }
    return text
  }
}

/// libxml2's strings as Swift's.
enum XMLText {
  static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }

  static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
  /// All the text inside the element, its descendants' included.
  var textContent: String {
    guard let content = xmlNodeGetContent(self) else { return "" }
    defer { csxml_free(content) }
    return String(cString: content)
  }
}

/// Looking around an element: up its ancestors, down its descendants, each walk bounded.
extension UnsafeMutablePointer where Pointee == xmlNode {
  /// The first element inside this one, depth first, that `matches`, looking at no more
  /// than `limit` elements.
  func firstDescendant(limit: Int, where matches: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
    var stack = children.filter(\.isElement)
    var visited = 0
    while let current = stack.popLast(), visited < limit {
      visited += 1
      if matches(current) { return current }
      stack.append(contentsOf: current.children.filter(\.isElement))
    }
    return nil
  }

  /// The first element within `levels` levels below this one, level by level, that
  /// `matches`.
  func descendant(within levels: Int, where matches: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
    var level = children.filter(\.isElement)
    for _ in 0..<levels where !level.isEmpty {
      if let found = level.first(where: matches) { return found }
      level = level.flatMap { $0.children.filter(\.isElement) }
    }
    return nil
  }

  /// Whether one of the `levels` elements above this one (this one first, with
  /// `includingSelf`) is named one of `names`.
  func hasAncestor(named names: Set<String>, within levels: Int, includingSelf: Bool = false)
    -> Bool
  {
    var current: xmlNodePtr? = includingSelf ? self : pointee.parent
    for _ in 0..<levels {
      guard let element = current, element.isElement else { return false }
      if names.contains(element.elementName) { return true }
      current = element.pointee.parent
    }
    return false
  }
}
