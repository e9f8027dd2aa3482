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

/// One value being encoded: an object or array whose members are values already encoded
/// (`.json`) or containers still being filled (`.node`). A class, because the containers an
/// `Encoder` hands out are values that must all write to the same place; members and
/// elements are stored in place, so appending to a list of 100,000 checks is amortised
/// constant time, and a number or string costs no node of its own.
final class EncodingNode {
  enum Slot {
    case json(JSON)
    case node(EncodingNode)

    var json: JSON {
      switch self {
      case .json(let value): return value
      case .node(let node): return node.json
      }
    }
  }

  enum Kind {
    case empty, value, object, array
  }

  var kind = Kind.empty
  var value = JSON.null
  var members: [(key: String, slot: Slot)] = []
  var elements: [Slot] = []

  var json: JSON {
    switch kind {
    case .empty: return .object([])
    case .value: return value
    case .object: return .object(members.map { JSON.Member($0.key, $0.slot.json) })
    case .array: return .array(elements.map(\.json))
    }
  }

  /// Encodes `value` here.
  func store<T: Encodable>(_ value: T, path: [any CodingKey]) throws {
    switch try Self.slot(for: value, path: path) {
    case .json(let json):
      kind = .value
      self.value = json
    case .node(let node):
      kind = node.kind
      self.value = node.value
      members = node.members
      elements = node.elements
    }
  }

  /// A value as a slot: numbers, strings and booleans as themselves, anything else through
  /// its `encode(to:)` into a node of its own.
  static func slot<T: Encodable>(for value: T, path: [any CodingKey]) throws -> Slot {
    if let json = primitive(value) { return .json(json) }
    let node = EncodingNode()
    try value.encode(to: NodeEncoder(node: node, codingPath: path))
    if node.kind == .value { return .json(node.value) }
    return .node(node)
  }

  /// Strings, numbers, booleans and days as JSON, told by their type first (a comparison
  /// of types is cheap; a failed dynamic cast is not).
  @inline(__always)
  static func primitive<T>(_ value: T) -> JSON? {
    if T.self == String.self, let text = value as? String { return .string(text) }
    if T.self == Int.self, let number = value as? Int { return .int(Int64(number)) }
    if T.self == Int64.self, let number = value as? Int64 { return .int(number) }
    if T.self == Day.self, let day = value as? Day { return .string(day.iso) }
    if T.self == Double.self, let number = value as? Double { return .double(number) }
    if T.self == Bool.self, let flag = value as? Bool { return .bool(flag) }
    if T.self == Int32.self, let number = value as? Int32 { return .int(Int64(number)) }
    if T.self == Float.self, let number = value as? Float { return .double(Double(number)) }
    return nil
  }

  func becomeObject() {
    if kind != .object { kind = .object }
  }

  func becomeArray() {
    if kind != .array { kind = .array }
  }

  func set(_ json: JSON) {
    kind = .value
    value = json
  }

  /// Sets member `key` (after the others when new).
  func setMember(_ key: String, _ slot: Slot) {
    becomeObject()
    if let index = members.firstIndex(where: { $0.key == key }) {
      members[index].slot = slot
    } else {
      members.append((key, slot))
    }
  }

  /// A container member `key`.
  func memberNode(_ key: String) -> EncodingNode {
    let node = EncodingNode()
    setMember(key, .node(node))
    return node
  }

  func append(_ slot: Slot) {
    becomeArray()
    elements.append(slot)
  }

  /// A container element at the end.
  func appendedNode() -> EncodingNode {
    let node = EncodingNode()
    append(.node(node))
    return node
  }
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

  mutating func encodeNil(forKey key: Key) throws { node.setMember(key.stringValue, .json(.null)) }
  mutating func encode(_ value: String, forKey key: Key) throws {
    node.setMember(key.stringValue, .json(.string(value)))
  }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    node.setMember(key.stringValue, .json(.bool(value)))
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    node.setMember(key.stringValue, .json(.int(Int64(value))))
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    node.setMember(key.stringValue, .json(.int(value)))
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    node.setMember(key.stringValue, .json(.double(value)))
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    node.setMember(key.stringValue, try EncodingNode.slot(for: value, path: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = node.memberNode(key.stringValue)
    child.becomeObject()
    return KeyedEncodingContainer(
      KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = node.memberNode(key.stringValue)
    child.becomeArray()
    return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    NodeEncoder(node: node.memberNode("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    NodeEncoder(node: node.memberNode(key.stringValue), codingPath: codingPath + [key])
  }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
  let node: EncodingNode
  var codingPath: [any CodingKey]
  var count: Int { node.elements.count }

  mutating func encodeNil() throws { node.append(.json(.null)) }
  mutating func encode(_ value: String) throws { node.append(.json(.string(value))) }
  mutating func encode(_ value: Int) throws { node.append(.json(.int(Int64(value)))) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    node.append(try EncodingNode.slot(for: value, path: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = node.appendedNode()
    child.becomeObject()
    return KeyedEncodingContainer(
      KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = node.appendedNode()
    child.becomeArray()
    return UnkeyedNodeContainer(node: child, codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder {
    NodeEncoder(node: node.appendedNode(), codingPath: codingPath)
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
