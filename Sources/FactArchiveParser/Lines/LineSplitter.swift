import FactArchiveCore

/// One line of a document: a byte range without its terminator.
struct Line: Sendable {
  /// Offset of the first byte.
  var start: Int
  /// Offset just past the last byte, before `\n`, `\r\n` or `\r`.
  var end: Int
  /// 1-based line number.
  var number: Int
  /// Whether the line ended with `\r\n` or `\r` (the text needs rebuilding, not slicing).
  var endsWithCarriageReturn: Bool
  /// Whether the line had a terminator at all (the last line of a file may not).
  var isTerminated: Bool

  var range: Range<Int> { start..<end }
}

enum LineSplitter {
  /// Splits on `\n`, `\r\n` and lone `\r`.
  static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
    var lines: [Line] = []
    lines.reserveCapacity(bytes.count / 64 + 1)
    var start = 0
    var index = 0
    var number = 1
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == Bytes.newline {
        lines.append(
          Line(
            start: start, end: index, number: number, endsWithCarriageReturn: false,
            isTerminated: true))
        index += 1
      } else if byte == Bytes.carriageReturn {
        lines.append(
          Line(
            start: start, end: index, number: number, endsWithCarriageReturn: true,
            isTerminated: true))
        index += index + 1 < count && bytes[index + 1] == Bytes.newline ? 2 : 1
      } else {
        index += 1
        continue
      }
      start = index
      number += 1
    }
    if start < count {
      lines.append(
        Line(
          start: start, end: count, number: number, endsWithCarriageReturn: false,
          isTerminated: false))
    }
    return lines
  }
}
