import FactArchiveCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds citation markers in a summary body and the sentence each one supports.
///
/// Markers come as `[1] [2]`, `[1][2][3]`, `[1], [2], and [5]`, `[1, 2]` and `[2–4]` (a range
/// counts each number). A marker right after a sentence's final period belongs to that
/// sentence unless words follow it (`[2] suggests …` starts the next one). A bracket that
/// never closes (`[4` at the end of a truncated copy) is not a citation.
enum CitationScanner {
  struct Marker: Equatable {
    /// The marker group's byte range (`[1, 2]` is one group with two numbers).
    var range: Range<Int>
    var numbers: [Int]
  }

  struct Found: Equatable {
    var refNumber: Int
    /// Byte offset of the marker group.
    var markerStart: Int
    /// Byte range of the sentence, trimmed.
    var sentence: Range<Int>
  }

  static let maxReference = 999
  private static let maxGroupBytes = 120
  private static let maxRangeSpan = 50

  /// Every citation in `range`, in text order.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Found] {
    let markers = findMarkers(bytes, range)
    guard !markers.isEmpty else { return [] }
    let sentences = sentenceRanges(bytes, range, markers: markers)
    var found: [Found] = []
    found.reserveCapacity(markers.count + 4)
    var sentenceIndex = 0
    for marker in markers {
      while sentenceIndex + 1 < sentences.count,
        sentences[sentenceIndex].upperBound <= marker.range.lowerBound
      {
        sentenceIndex += 1
      }
      let sentence =
        sentences.isEmpty
        ? marker.range : sentences[sentenceIndex]
      for number in marker.numbers {
        found.append(
          Found(refNumber: number, markerStart: marker.range.lowerBound, sentence: sentence))
      }
    }
    return found
  }

  /// Marker groups in `range`, in order. Each `[` is found with `memchr`: a summary is
  /// mostly text without one, and reading it a byte at a time was a third of the scan.
  static func findMarkers(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Marker] {
    var markers: [Marker] = []
    guard let base = bytes.baseAddress else { return markers }
    var index = range.lowerBound
    while index < range.upperBound {
      guard
        let found = memchr(base + index, Int32(Bytes.openBracket), range.upperBound - index)
      else { break }
      index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      if let marker = markerGroup(bytes, at: index, end: range.upperBound) {
        markers.append(marker)
        index = marker.range.upperBound
      } else {
        index += 1
      }
    }
    return markers
  }

  /// Parses `[1]`, `[1, 2]`, `[1 and 2]`, `[2–4]` starting at the `[` at `start`.
  static func markerGroup(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Marker? {
    var numbers: [Int] = []
    var index = start + 1
    var pendingRange = false
    let limit = min(end, start + maxGroupBytes)
    while index < limit {
      let byte = bytes[index]
      if byte == Bytes.closeBracket {
        guard !numbers.isEmpty, !pendingRange else { return nil }
        return Marker(range: start..<(index + 1), numbers: numbers)
      }
      if Bytes.isDigit(byte) {
        var value = 0
        var digits = 0
        while index < limit, Bytes.isDigit(bytes[index]) {
          // Counted past three digits but not accumulated: `[99999999999999999999]` is not a
          // marker, and must not overflow.
          if digits < 4 { value = value * 10 + Int(bytes[index] - 0x30) }
          digits += 1
          index += 1
        }
        guard digits <= 3, value >= 1, value <= maxReference else { return nil }
        if pendingRange, let first = numbers.last {
          guard value > first, value - first <= maxRangeSpan else { return nil }
          numbers.append(contentsOf: (first + 1)...value)
          pendingRange = false
        } else {
          numbers.append(value)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "&"), Bytes.space, Bytes.tab:
        index += 1
      case UInt8(ascii: "-"):
        guard !numbers.isEmpty, !pendingRange else { return nil }
        pendingRange = true
        index += 1
      case 0xE2
      where index + 2 < limit && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94):
        // En dash or em dash as a range.
        guard !numbers.isEmpty, !pendingRange else { return nil }
        pendingRange = true
        index += 3
      case UInt8(ascii: "a"), UInt8(ascii: "A"):
        guard Bytes.hasPrefix(bytes, index..<limit, "and") else { return nil }
        index += 3
      default:
        return nil
      }
    }
    return nil
  }

  // MARK: - Sentences

  private static let abbreviations: [StaticString] = [
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "jr", "sr",
    "no", "vs", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "est", "fig", "al", "pres",
    "prof", "rev", "gov't", "u.s", "u.k", "u.n",
  ]

  /// The bytes `sentenceRanges` stops at inside a sentence: line ends and terminators.
  private static let isSentenceByte: [Bool] = (0..<256).map { byte in
    "\n\r.?!".utf8.contains(UInt8(byte))
  }

  /// Sentence byte ranges covering every non-blank part of `range`.
  static func sentenceRanges(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, markers: [Marker]
  ) -> [Range<Int>] {
    var sentences: [Range<Int>] = []
    var sentenceStart: Int?
    var markerIndex = 0
    var index = range.lowerBound
    let end = range.upperBound

    func close(_ upper: Int) {
      if let start = sentenceStart {
        let trimmed = Bytes.trim(bytes, start..<upper)
        if !trimmed.isEmpty { sentences.append(trimmed) }
      }
      sentenceStart = nil
    }

    while index < end {
      if sentenceStart != nil {
        // Inside a sentence, only line ends, terminators and the next marker matter: the
        // bytes before the first of them are passed over in a tight loop.
        let stop =
          markerIndex < markers.count ? min(end, markers[markerIndex].range.lowerBound) : end
        while index < stop, !isSentenceByte[Int(bytes[index])] { index += 1 }
        guard index < end else { break }
      }
      let byte = bytes[index]
      if byte == Bytes.newline || byte == Bytes.carriageReturn {
        close(index)
        index += 1
        continue
      }
      if sentenceStart == nil {
        let space = Bytes.whitespaceLength(bytes, at: index, end: end)
        if space > 0 {
          index += space
          continue
        }
        let bullet = Bullet.length(bytes, at: index, end: end)
        if bullet > 0 {
          index += bullet
          continue
        }
        sentenceStart = index
      }
      while markerIndex < markers.count, markers[markerIndex].range.upperBound <= index {
        markerIndex += 1
      }
      if markerIndex < markers.count, markers[markerIndex].range.lowerBound == index {
        index = markers[markerIndex].range.upperBound
        markerIndex += 1
        continue
      }
      guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!")
      else {
        index += 1
        continue
      }
      var after = index + 1
      while after < end {
        let next = bytes[after]
        if next == UInt8(ascii: ".") || next == UInt8(ascii: "?") || next == UInt8(ascii: "!")
          || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") || next == UInt8(ascii: ")")
        {
          after += 1
        } else if next == 0xE2, after + 2 < end, bytes[after + 1] == 0x80,
          bytes[after + 2] == 0x9D || bytes[after + 2] == 0x99
        {
          after += 3  // closing curly quotes
        } else {
          break
        }
      }
      // "3.5", "U.S.A", "example.com": not a boundary.
      if after < end, Bytes.whitespaceLength(bytes, at: after, end: end) == 0 {
        index = after
        continue
      }
      if byte == UInt8(ascii: "."), let start = sentenceStart,
        isAbbreviation(bytes, sentenceStart: start, period: index)
      {
        index = after
        continue
      }
      // Markers after the terminator stay with this sentence when nothing but the end
      // of the line follows them.
      var cursor = after
      var lastMarkerEnd: Int?
      var lookahead = markerIndex
      while true {
        let next = skipInlineSpaces(bytes, cursor, end)
        guard lookahead < markers.count, markers[lookahead].range.lowerBound == next else { break }
        cursor = markers[lookahead].range.upperBound
        lastMarkerEnd = cursor
        lookahead += 1
      }
      if let markerEnd = lastMarkerEnd {
        var next = skipInlineSpaces(bytes, markerEnd, end)
        if next < end, bytes[next] == UInt8(ascii: ".") {
          next += 1
        }
        let following = skipInlineSpaces(bytes, next, end)
        if following >= end || bytes[following] == Bytes.newline
          || bytes[following] == Bytes.carriageReturn
        {
          close(next)
          markerIndex = lookahead
          index = next
          continue
        }
      }
      close(after)
      index = after
    }
    close(end)
    return sentences
  }

  private static func skipInlineSpaces(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Int {
    var index = start
    while index < end {
      let byte = bytes[index]
      guard byte != Bytes.newline, byte != Bytes.carriageReturn else { break }
      let length = Bytes.whitespaceLength(bytes, at: index, end: end)
      guard length > 0 else { break }
      index += length
    }
    return index
  }

  private static func isAbbreviation(
    _ bytes: UnsafeBufferPointer<UInt8>, sentenceStart: Int, period: Int
  ) -> Bool {
    var start = period
    while start > sentenceStart {
      let previous = bytes[start - 1]
      if previous == Bytes.space || previous == UInt8(ascii: "(") || previous == Bytes.tab
        || previous == UInt8(ascii: "\"")
      {
        break
      }
      start -= 1
    }
    let token = start..<period
    guard !token.isEmpty else { return false }
    // A single capital letter: an initial ("John F. Kennedy").
    if token.count == 1, bytes[token.lowerBound] >= 0x41, bytes[token.lowerBound] <= 0x5A {
      return true
    }
    for abbreviation in abbreviations where Bytes.equals(bytes, token, abbreviation) {
      return true
    }
    return false
  }
}
