import FactArchiveCore

/// Finding URLs and dates anywhere in a text.
enum TextScan {
  /// The byte ranges of http(s) URLs in `range`, without trailing punctuation or an
  /// unbalanced closing bracket (`(see https://x.org/a)` gives `https://x.org/a`).
  static func urls(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      guard bytes[index] == UInt8(ascii: "h") || bytes[index] == UInt8(ascii: "H"),
        Bytes.hasPrefix(bytes, index..<range.upperBound, "http://")
          || Bytes.hasPrefix(bytes, index..<range.upperBound, "https://")
      else {
        index += 1
        continue
      }
      var end = index
      while end < range.upperBound, !isURLTerminator(bytes[end]) {
        end += 1
      }
      end = trimURLEnd(bytes, index, end)
      if end - index > 8 {
        found.append(index..<end)
      }
      index = max(end, index + 1)
    }
    return found
  }

  private static func isURLTerminator(_ byte: UInt8) -> Bool {
    byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
      || byte == UInt8(ascii: ">") || byte >= 0x80
  }

  private static func trimURLEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Int
  {
    var end = end
    while end > start {
      let last = bytes[end - 1]
      if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
        || last == UInt8(ascii: ":") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
        || last == UInt8(ascii: "'")
      {
        end -= 1
      } else if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
        let open = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
        let opens = bytes[start..<end].filter { $0 == open }.count
        let closes = bytes[start..<end].filter { $0 == last }.count
        guard closes > opens else { break }
        end -= 1
      } else {
        break
      }
    }
    return end
  }

  /// The latest real date written anywhere in `ranges`, ignoring dates inside URLs and
  /// dates after `notAfter` (a page cannot have been checked after it was saved).
  static func latestDate(
    _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], notAfter: Day?
  ) -> Day? {
    var latest: Day?
    for range in ranges {
      var index = range.lowerBound
      while index < range.upperBound {
        let byte = bytes[index]
        let startsWord =
          index == range.lowerBound
          || !(Bytes.isASCIILetter(bytes[index - 1]) || Bytes.isDigit(bytes[index - 1]))
        guard startsWord, Bytes.isDigit(byte) || Bytes.isASCIILetter(byte) else {
          index += 1
          continue
        }
        if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H"),
          Bytes.hasPrefix(bytes, index..<range.upperBound, "http")
        {
          while index < range.upperBound, bytes[index] > 0x20 { index += 1 }
          continue
        }
        if let (match, end) = DateText.match(bytes, at: index, end: range.upperBound),
          case .day(let day) = match
        {
          if notAfter.map({ day <= $0 }) ?? true, latest.map({ day > $0 }) ?? true {
            latest = day
          }
          index = end
          continue
        }
        index += 1
      }
    }
    return latest
  }
}
