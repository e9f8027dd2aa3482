import FactArchiveCore
import Foundation

/// Reading and walking JSON-LD as publishers write it.
public enum JSONLD {
  /// The JSON of a script block or a file, read as crawlers read JSON-LD: strict JSON, else
  /// the text repaired as templates break it (`JSONLDRepair`: comments, trailing commas, raw
  /// line breaks in strings, quotes written as `&quot;`); then in the compact form
  /// (`JSONLDForms`: prefixed and expanded terms, value objects). Text that is not JSON
  /// either way is refused with strict JSON's reason.
  public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Any {
    let json: Any
    do {
      json = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      let decoded = JSONLDRepair.entitiesDecoded(bytes)
      let readings = [
        JSONLDRepair.repaired(bytes), decoded, decoded.flatMap(JSONLDRepair.repaired),
      ]
      guard
        let value = readings.lazy.compactMap({ $0 }).compactMap({
          try? JSONSerialization.jsonObject(with: Data($0), options: [.fragmentsAllowed])
        }).first
      else { throw SyntaxError(error) }
      json = value
    }
    return JSONLDForms.compacted(json)
  }

  /// Why a text is not JSON, as Foundation's reader words it, and its line when it says.
  public struct SyntaxError: Error {
    public var message: String
    public var line: Int?

    init(_ error: Error) {
      let nsError = error as NSError
      message =
        (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
      // "around line 3, column 5"
      line = message.range(of: "line ").flatMap {
        Int(message[$0.upperBound...].prefix { $0.isNumber })
      }
    }
  }

  /// Every object in the document, in document order (a bounded walk).
  public static func objects(in json: Any) -> [[String: Any]] {
    var found: [[String: Any]] = []
    var pending: [Any] = [json]
    var visited = 0
    while let value = pending.popLast(), visited < mostValues {
      visited += 1
      if let array = value as? [Any] {
        pending.append(contentsOf: array.reversed())
      } else if let object = value as? [String: Any] {
        found.append(object)
        // Keys in a fixed order (JSON objects have none): the walk is deterministic.
        for key in object.keys.sorted().reversed() {
          if let child = object[key], child is [Any] || child is [String: Any] {
            pending.append(child)
          }
        }
      }
    }
    return found
  }

  /// A bound on the values a walk visits: a hostile document cannot make it run on.
  public static let mostValues = 100_000

  /// `@type`, lowercase, whether a string or a list.
  public static func types(of object: [String: Any]) -> [String] {
    if let type = object["@type"] as? String { return [type.lowercased()] }
    return (object["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
  }

  /// Every object with an `@id`, so a reference (`{"@id": "#org"}`) can be read.
  public static func nodesByID(in json: Any) -> [String: [String: Any]] {
    var nodes: [String: [String: Any]] = [:]
    for object in objects(in: json) {
      if let id = object["@id"] as? String, object.count > 1, nodes[id] == nil {
        nodes[id] = object
      }
    }
    return nodes
  }

  /// A reference replaced by the node it names.
  public static func resolved(_ value: Any?, nodes: [String: [String: Any]]) -> Any? {
    if let object = value as? [String: Any], object.count == 1, let id = object["@id"] as? String {
      return nodes[id] ?? object
    }
    return value
  }

  /// The object a property holds: a node (a reference resolved), or the first object of a
  /// list (`"itemReviewed": [{…}]`, `"reviewRating": [{…}]`, as some publishers write one).
  public static func object(_ value: Any?, nodes: [String: [String: Any]]) -> [String: Any]? {
    for item in list(value) {
      if let object = resolved(item, nodes: nodes) as? [String: Any] { return object }
    }
    return nil
  }

  public static func list(_ value: Any?) -> [Any] {
    if let array = value as? [Any] { return array }
    return value.map { [$0] } ?? []
  }

  /// A name: a string, an object's `name` (an `@id` looked up), or the first of a list.
  public static func name(_ value: Any?, nodes: [String: [String: Any]]) -> String? {
    if let list = value as? [Any] { return list.lazy.compactMap { name($0, nodes: nodes) }.first }
    if let object = value as? [String: Any] {
      if let named = text(object["name"]) { return named }
      if let id = object["@id"] as? String, let node = nodes[id] { return text(node["name"]) }
      return nil
    }
    return text(value)
  }

  /// Text on one line, as a claim, a name or a headline is read: every run of white space
  /// (a line break written into the claim) one space.
  public static func line(_ value: Any?) -> String? {
    text(value).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
  }

  /// An address: a string, or a node's `@id` (`"url": {"@id": "https://…"}`, as expanded
  /// JSON-LD and `mainEntityOfPage` write it).
  public static func address(_ value: Any?) -> String? {
    text(value) ?? (list(value).first as? [String: Any]).flatMap { text($0["@id"]) }
  }

  /// Text of a string or number; HTML entities and tags reduced to text, white space
  /// (`\r` included) trimmed.
  public static func text(_ value: Any?) -> String? {
    switch value {
    case let string as String:
      let cleaned = HTMLText.plain(string)
      return cleaned.isEmpty ? nil : cleaned
    case let number as Int: return String(number)
    case let number as Double:
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int64(number)) : String(number)
    case let number as NSNumber: return number.stringValue
    case let array as [Any]: return array.lazy.compactMap { text($0) }.first
    default: return nil
    }
  }
}
