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
