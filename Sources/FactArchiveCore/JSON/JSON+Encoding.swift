extension JSON {
  /// `value` as JSON, object members in the order its `encode(to:)` writes them: the one
  /// shape of a type is its `Codable` conformance, and this renders it deterministically.
  ///
  /// ```swift
  /// JSON(encoding: staleCheck).rendered()  // {"check_id": 42, "question_id": 7, …}
  /// ```
  ///
  /// The encoder itself never fails; a value whose own `encode(to:)` throws (none of the
  /// archive's types do) becomes `{"error": "…"}` rather than stopping a report.
  public init<T: Encodable>(encoding value: T) {
    let node = EncodingNode()
    do {
      try node.store(value, path: [])
      self = node.json
    } catch {
      self = .object([Member("error", .string("could not encode \(T.self): \(error)"))])
    }
  }
}

/// One value being encoded. A class, because the containers an `Encoder` hands out are
/// values that must all write to the same place; members and elements are stored in place
/// (appending to a list of 100,000 checks is amortised constant time, not a copy).
final class EncodingNode {
  enum Kind {
    case empty, value, object, array
  }

  var kind = Kind.empty
  var value = JSON.null
  var keys: [String] = []
  var members: [String: EncodingNode] = [:]
  var elements: [EncodingNode] = []

  var json: JSON {
    switch kind {
    case .empty: return .object([])
    case .value: return value
    case .object:
      return .object(keys.compactMap { key in members[key].map { JSON.Member(key, $0.json) } })
    case .array: return .array(elements.map(\.json))
    }
  }

  func set(_ json: JSON) {
    kind = .value
    value = json
  }

  /// Encodes `value` here: numbers, strings and booleans as themselves, anything else
  /// through its `encode(to:)`.
  func store<T: Encodable>(_ value: T, path: [any CodingKey]) throws {
    switch value {
    case let text as String: set(.string(text))
    case let flag as Bool: set(.bool(flag))
    case let number as Int: set(.int(Int64(number)))
    case let number as Int64: set(.int(number))
    case let number as Int32: set(.int(Int64(number)))
    case let number as Double: set(.double(number))
    case let number as Float: set(.double(Double(number)))
    default: try value.encode(to: NodeEncoder(node: self, codingPath: path))
    }
  }

  func becomeObject() {
    if kind != .object { kind = .object }
  }

  func becomeArray() {
    if kind != .array { kind = .array }
  }

  /// The member `key`, added (after the others) when new.
  func member(_ key: String) -> EncodingNode {
    becomeObject()
    if let existing = members[key] { return existing }
    let node = EncodingNode()
    keys.append(key)
    members[key] = node
    return node
  }

  /// A new element at the end.
  func appended() -> EncodingNode {
    becomeArray()
    let node = EncodingNode()
    elements.append(node)
    return node
  }

  var count: Int { elements.count }
}

struct NodeEncoder: Encoder {
  let node: EncodingNode
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.becomeObject()
    return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    node.becomeArray()
    return UnkeyedNodeContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleNodeContainer(node: node, codingPath: codingPath)
  }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: EncodingNode
  var codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    node.member(key.stringValue).set(.null)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try node.member(key.stringValue).store(value, path: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = node.member(key.stringValue)
    child.becomeObject()
    return KeyedEncodingContainer(
      KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = node.member(key.stringValue)
    child.becomeArray()
    return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    NodeEncoder(node: node.member("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
  }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
  let node: EncodingNode
  var codingPath: [any CodingKey]
  var count: Int { node.count }

  mutating func encodeNil() throws { node.appended().set(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.appended().store(value, path: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = node.appended()
    child.becomeObject()
    return KeyedEncodingContainer(
      KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = node.appended()
    child.becomeArray()
    return UnkeyedNodeContainer(node: child, codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder {
    NodeEncoder(node: node.appended(), codingPath: codingPath)
  }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
  let node: EncodingNode
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.set(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.store(value, path: codingPath)
  }
}
