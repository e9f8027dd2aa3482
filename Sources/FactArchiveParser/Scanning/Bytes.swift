import FactArchiveCore

/// Small helpers over UTF-8 bytes: the parser reads bytes, not `Character`s, because
/// grapheme breaking costs far more than this format needs.
enum Bytes {
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let formFeed: UInt8 = 0x0C
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  static let openBracket = UInt8(ascii: "[")
  static let closeBracket = UInt8(ascii: "]")

  /// The length of the whitespace sequence starting at `index`, or 0: ASCII blanks,
  /// no-break space (U+00A0), the byte-order mark (U+FEFF) and zero-width space (U+200B).
  @inline(__always)
  static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int
  {
    let byte = bytes[index]
    switch byte {
    case 0x20, 0x09, 0x0B, 0x0C, 0x0D, 0x0A:
      return 1
    case 0xC2:
      return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0
    case 0xEF:
      return index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0
    case 0xE2:
      // U+200B zero-width space, U+2009 thin space, U+202F narrow no-break space.
      guard index + 2 < end, bytes[index + 1] == 0x80 else { return 0 }
      let third = bytes[index + 2]
      return third == 0x8B || third == 0x89 || third == 0xAF ? 3 : 0
    default:
      return 0
    }
  }

  /// `range` without leading and trailing whitespace.
  static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      let length = whitespaceLength(bytes, at: start, end: end)
      guard length > 0 else { break }
      start += length
    }
    while end > start {
      let last = bytes[end - 1]
      if last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A || last == 0x0B
        || last == 0x0C
      {
        end -= 1
      } else if last == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
        end -= 2
      } else if end - 3 >= start, whitespaceLength(bytes, at: end - 3, end: end) == 3 {
        end -= 3
      } else {
        break
      }
    }
    return start..<end
  }

  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 { ASCII.lowercased(byte) }

  /// Whether the bytes at `range` start with `prefix`, ignoring ASCII case.
  static func hasPrefix(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: StaticString
  ) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard range.count >= count else { return false }
    let pointer = prefix.utf8Start
    for offset in 0..<count
    where lowercased(bytes[range.lowerBound + offset]) != lowercased(pointer[offset]) {
      return false
    }
    return true
  }

  /// Whether the bytes at `range` equal `text`, ignoring ASCII case.
  static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString)
    -> Bool
  {
    range.count == text.utf8CodeUnitCount && hasPrefix(bytes, range, text)
  }

  /// Whether `needle` occurs in `range`, ignoring ASCII case.
  static func contains(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: StaticString
  ) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard count > 0, range.count >= count else { return count == 0 }
    for start in range.lowerBound...(range.upperBound - count)
    where hasPrefix(bytes, start..<range.upperBound, needle) {
      return true
    }
    return false
  }

  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { ASCII.isDigit(byte) }

  @inline(__always)
  static func isASCIILetter(_ byte: UInt8) -> Bool { ASCII.isLetter(byte) }

  /// Whether the byte starts a character (is not a UTF-8 continuation byte).
  @inline(__always)
  static func isCharacterStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

  /// `range` without the colons (and the blanks before them) it ends with:
  /// `Summary of the results:` and `Sources ::` lose theirs.
  /// `range` without markdown heading marks (`## `) and bold around it (`**…**`).
  static func stripMarkdown(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Range<Int>
  {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, bytes[start] == UInt8(ascii: "#") { start += 1 }
    if end - start >= 4, bytes[start] == UInt8(ascii: "*"), bytes[start + 1] == UInt8(ascii: "*") {
      start += 2
      if bytes[end - 1] == UInt8(ascii: "*"), bytes[end - 2] == UInt8(ascii: "*") { end -= 2 }
    }
    return trim(bytes, start..<end)
  }

  /// The text reduced for comparing headings: markdown, a final colon and case do not
  /// matter. Only text as short as a heading gets a key; longer text gets none.
  static func headingKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
    let text = trimTrailingColons(bytes, stripMarkdown(bytes, trim(bytes, range)))
    guard text.count <= PageShape.longestHeading else { return [] }
    return text.map { lowercased(bytes[$0]) }
  }

  static func trimTrailingColons(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Range<Int>
  {
    var trimmed = range
    while !trimmed.isEmpty, bytes[trimmed.upperBound - 1] == UInt8(ascii: ":") {
      trimmed = trim(bytes, trimmed.lowerBound..<(trimmed.upperBound - 1))
    }
    return trimmed
  }

  /// The number written with up to `maxDigits` digits at the start of `range`, and the
  /// offset just past it; `nil` when `range` does not start with a digit.
  static func leadingNumber(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, maxDigits: Int
  ) -> (value: Int, end: Int)? {
    var index = range.lowerBound
    var value = 0
    while index < range.upperBound, Bytes.isDigit(bytes[index]),
      index - range.lowerBound < maxDigits
    {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
    }
    return index > range.lowerBound ? (value, index) : nil
  }

  /// Characters (Unicode scalars, as SQLite's `substr` counts them) in `range`.
  static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var count = 0
    for index in range where isCharacterStart(bytes[index]) {
      count += 1
    }
    return count
  }
}

extension Bytes {
  /// The text of `range` with every run of whitespace (no-break spaces included) turned
  /// into one space and the ends trimmed: for titles, headings and other one-line fields.
  static func normalizedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let trimmed = trim(bytes, range)
    var output: [UInt8] = []
    output.reserveCapacity(trimmed.count)
    var index = trimmed.lowerBound
    var pendingSpace = false
    while index < trimmed.upperBound {
      let length = whitespaceLength(bytes, at: index, end: trimmed.upperBound)
      if length > 0 {
        pendingSpace = true
        index += length
        continue
      }
      if pendingSpace {
        output.append(space)
        pendingSpace = false
      }
      output.append(bytes[index])
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
