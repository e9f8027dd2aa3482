/// Apple's binary property list (`bplist00`), read as far as a Safari web archive needs:
/// dictionaries, strings and data, each object found through the offset table by its
/// reference. Every offset, reference and length is checked against the file,
/// so a damaged or hostile list gives `nil`, never a crash.
///
/// The layout: the header `bplist00`; the objects, each a marker byte (its kind in the high
/// four bits, a length in the low four, or `0xF` and an integer object holding the length)
/// and its bytes; the offset table; a 32-byte trailer giving the table's integer width, the
/// references' width, the number of objects, the top object and where the table starts.
struct BinaryPropertyList {
  enum Value {
    case dictionary(keys: [Int], values: [Int])
    case string(String)
    case data(Range<Int>)
    /// Integers, arrays, booleans, reals, dates, sets and the rest: not read.
    case other
  }

  let bytes: [UInt8]
  private let offsetSize: Int
  private let referenceSize: Int
  private let count: Int
  let top: Int
  private let table: Int

  static let magic = Array("bplist00".utf8)

  init?(_ bytes: [UInt8]) {
    guard bytes.count >= Self.magic.count + 32, bytes.starts(with: Self.magic) else { return nil }
    self.bytes = bytes
    let trailer = bytes.count - 32
    offsetSize = Int(bytes[trailer + 6])
    referenceSize = Int(bytes[trailer + 7])
    guard (1...8).contains(offsetSize), (1...8).contains(referenceSize),
      let count = Self.integer(bytes, at: trailer + 8, size: 8),
      let top = Self.integer(bytes, at: trailer + 16, size: 8),
      let table = Self.integer(bytes, at: trailer + 24, size: 8),
      count > 0, top < count, table >= Self.magic.count, table <= trailer,
      count <= (trailer - table) / offsetSize
    else { return nil }
    self.count = count
    self.top = top
    self.table = table
  }

  /// The object a reference names.
  func object(_ reference: Int) -> Value? {
    guard reference >= 0, reference < count,
      let offset = Self.integer(bytes, at: table + reference * offsetSize, size: offsetSize),
      offset >= Self.magic.count, offset < table
    else { return nil }
    let marker = bytes[offset]
    var cursor = offset + 1
    switch marker >> 4 {
    case 0x4:
      guard let length = length(marker, &cursor), length <= table - cursor else { return nil }
      return .data(cursor..<(cursor + length))
    case 0x5:
      guard let length = length(marker, &cursor), length <= table - cursor else { return nil }
      return .string(String(decoding: bytes[cursor..<(cursor + length)], as: UTF8.self))
    case 0x6:
      guard let length = length(marker, &cursor), length <= (table - cursor) / 2 else {
        return nil
      }
      let units = (0..<length).map { index in
        UInt16(bytes[cursor + 2 * index]) << 8 | UInt16(bytes[cursor + 2 * index + 1])
      }
      return .string(String(decoding: units, as: UTF16.self))
    case 0xD:
      guard let length = length(marker, &cursor), length <= (table - cursor) / 2,
        let keys = references(length, at: cursor),
        let values = references(length, at: cursor + length * referenceSize)
      else { return nil }
      return .dictionary(keys: keys, values: values)
    default:
      return .other
    }
  }

  /// A dictionary's entries whose keys are strings: each key with its value's reference.
  func dictionary(_ reference: Int) -> [String: Int]? {
    guard case .dictionary(let keys, let values) = object(reference) else { return nil }
    var entries: [String: Int] = [:]
    for (key, value) in zip(keys, values) {
      if case .string(let name) = object(key) { entries[name] = entries[name] ?? value }
    }
    return entries
  }

  func string(_ reference: Int?) -> String? {
    guard let reference, case .string(let text) = object(reference) else { return nil }
    return text
  }

  func data(_ reference: Int?) -> ArraySlice<UInt8>? {
    guard let reference, case .data(let range) = object(reference) else { return nil }
    return bytes[range]
  }

  /// An object's length: its marker's low four bits, or the integer object after it.
  private func length(_ marker: UInt8, _ cursor: inout Int) -> Int? {
    let short = Int(marker & 0x0F)
    guard short == 0x0F else { return short }
    guard cursor < table, bytes[cursor] >> 4 == 0x1 else { return nil }
    let size = 1 << Int(bytes[cursor] & 0x0F)
    guard size <= 8, let length = Self.integer(bytes, at: cursor + 1, size: size), length >= 0
    else { return nil }
    cursor += 1 + size
    return length
  }

  private func references(_ length: Int, at offset: Int) -> [Int]? {
    guard length <= (table - offset) / referenceSize else { return nil }
    var references: [Int] = []
    references.reserveCapacity(length)
    for index in 0..<length {
      guard
        let reference = Self.integer(bytes, at: offset + index * referenceSize, size: referenceSize)
      else { return nil }
      references.append(reference)
    }
    return references
  }

  /// A big-endian unsigned integer of `size` bytes; `nil` past the end or above `Int.max`.
  private static func integer(_ bytes: [UInt8], at offset: Int, size: Int) -> Int? {
    guard offset >= 0, size >= 1, size <= 8, offset <= bytes.count - size else { return nil }
    var value: UInt64 = 0
    for byte in bytes[offset..<(offset + size)] { value = value << 8 | UInt64(byte) }
    return value <= UInt64(Int.max) ? Int(value) : nil
  }
}
