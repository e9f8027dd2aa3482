import FactArchiveCore

/// Dates as fact-check pages write them: `December 3, 2025`, `Dec 3, 2025`, `Dec. 3 2025`,
/// `3 December 2025` and `2025-12-03`.
enum DateText {
  enum Match: Equatable {
    /// A real day.
    case day(Day)
    /// Written like a date but no such day exists (`February 30, 2025`).
    case impossible
  }

  private static let monthNames: [(name: StaticString, month: Int)] = [
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4),
    ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
  ]

  /// Parses a whole range as one date (surrounding whitespace and a final period allowed).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Match? {
    var trimmed = Bytes.trim(bytes, range)
    if trimmed.count > 1, bytes[trimmed.upperBound - 1] == UInt8(ascii: ".") {
      trimmed = trimmed.lowerBound..<(trimmed.upperBound - 1)
    }
    guard let (match, end) = match(bytes, at: trimmed.lowerBound, end: trimmed.upperBound),
      end == trimmed.upperBound
    else { return nil }
    return match
  }

  /// Matches a date starting exactly at `start`; returns it and the offset after it.
  static func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (
    Match, Int
  )? {
    guard start < end else { return nil }
    if Bytes.isDigit(bytes[start]) {
      return matchISO(bytes, at: start, end: end) ?? matchDayMonthYear(bytes, at: start, end: end)
    }
    return matchMonthDayYear(bytes, at: start, end: end)
  }

  /// `YYYY-MM-DD`.
  private static func matchISO(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
    -> (Match, Int)?
  {
    guard start + 10 <= end, bytes[start + 4] == UInt8(ascii: "-"),
      bytes[start + 7] == UInt8(ascii: "-"),
      let year = digits(bytes, start, 4), let month = digits(bytes, start + 5, 2),
      let day = digits(bytes, start + 8, 2)
    else { return nil }
    if start + 10 < end, Bytes.isDigit(bytes[start + 10]) { return nil }
    return (make(year, month, day), start + 10)
  }

  /// `December 3, 2025`, `Dec. 3 2025`, `Dec 3rd, 2025`.
  private static func matchMonthDayYear(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int
  ) -> (Match, Int)? {
    guard let (month, afterMonth) = monthName(bytes, at: start, end: end) else { return nil }
    let index = skipSpaces(bytes, afterMonth, end)
    guard index > afterMonth || (afterMonth > start && bytes[afterMonth - 1] == UInt8(ascii: "."))
    else { return nil }
    guard let (day, afterDay) = number(bytes, at: index, end: end, maxDigits: 2) else {
      return nil
    }
    let afterSuffix = skipOrdinalSuffix(bytes, afterDay, end)
    guard let (year, afterYear) = year(bytes, after: afterSuffix, end: end) else { return nil }
    return (make(year, month, day), afterYear)
  }

  /// `3 December 2025`, `3rd Dec. 2025`.
  private static func matchDayMonthYear(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int
  ) -> (Match, Int)? {
    guard let (day, afterDay) = number(bytes, at: start, end: end, maxDigits: 2) else {
      return nil
    }
    let afterSuffix = skipOrdinalSuffix(bytes, afterDay, end)
    let index = skipSpaces(bytes, afterSuffix, end)
    guard index > afterSuffix, let (month, afterMonth) = monthName(bytes, at: index, end: end)
    else { return nil }
    guard let (year, afterYear) = year(bytes, after: afterMonth, end: end) else { return nil }
    return (make(year, month, day), afterYear)
  }

  /// `, 2025` or ` 2025`: an optional comma, at least one space, four digits.
  private static func year(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, end: Int)
    -> (Int, Int)?
  {
    var index = start
    if index < end, bytes[index] == UInt8(ascii: ",") { index += 1 }
    let beforeYear = index
    index = skipSpaces(bytes, index, end)
    guard index > beforeYear,
      let (year, afterYear) = number(bytes, at: index, end: end, maxDigits: 4),
      afterYear - index == 4
    else { return nil }
    return (year, afterYear)
  }

  private static func make(_ year: Int, _ month: Int, _ day: Int) -> Match {
    if let value = Day(year: year, month: month, day: day) {
      return .day(value)
    }
    return .impossible
  }

  /// A month name or abbreviation (optionally followed by a period) ending at a word boundary.
  private static func monthName(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
    -> (Int, Int)?
  {
    for (name, month) in monthNames {
      let length = name.utf8CodeUnitCount
      guard start + length <= end, Bytes.hasPrefix(bytes, start..<end, name) else { continue }
      var after = start + length
      if after < end, Bytes.isASCIILetter(bytes[after]) { continue }
      if after < end, bytes[after] == UInt8(ascii: "."), length <= 4 { after += 1 }
      return (month, after)
    }
    return nil
  }

  private static func number(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, maxDigits: Int
  ) -> (Int, Int)? {
    var index = start
    var value = 0
    while index < end, Bytes.isDigit(bytes[index]) {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
      if index - start > maxDigits { return nil }
    }
    return index > start ? (value, index) : nil
  }

  private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int)
    -> Int?
  {
    var value = 0
    for index in start..<(start + count) {
      guard Bytes.isDigit(bytes[index]) else { return nil }
      value = value * 10 + Int(bytes[index] - 0x30)
    }
    return value
  }

  private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Int
  {
    var index = start
    while index < end {
      let length = Bytes.whitespaceLength(bytes, at: index, end: end)
      guard length > 0, bytes[index] != Bytes.newline else { break }
      index += length
    }
    return index
  }

  private static func skipOrdinalSuffix(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Int {
    guard start + 2 <= end else { return start }
    let range = start..<end
    for suffix: StaticString in ["st", "nd", "rd", "th"] where Bytes.hasPrefix(bytes, range, suffix)
    {
      if start + 2 < end, Bytes.isASCIILetter(bytes[start + 2]) { return start }
      return start + 2
    }
    return start
  }
}
