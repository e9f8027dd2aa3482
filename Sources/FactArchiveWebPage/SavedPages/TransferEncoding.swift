/// How a MIME part's body is written (`Content-Transfer-Encoding`, RFC 2045), and its decoding.
/// Decoding keeps, for each line of what it decodes, the line of the file it came from.
enum TransferEncoding: Equatable {
  /// `7bit`, `8bit`, `binary`, or none given: the bytes as they are.
  case identity
  case quotedPrintable
  case base64

  init?(_ name: String?) {
    switch name?.trimmingSpaces().lowercased() ?? "" {
    case "", "7bit", "8bit", "binary": self = .identity
    case "quoted-printable": self = .quotedPrintable
    case "base64": self = .base64
    default: return nil
    }
  }

  /// The body at `range` of `bytes`, which starts at file line `firstLine`, decoded.
  func decode(_ bytes: [UInt8], _ range: Range<Int>, firstLine: Int) -> DecodedBody {
    var body: DecodedBody
    switch self {
    case .identity:
      body = DecodedBody(bytes: Array(bytes[range]), lines: .counted(from: firstLine))
    case .base64:
      body = DecodedBody(bytes: Self.base64(bytes[range]), lines: .all(firstLine))
    case .quotedPrintable:
      body = Self.quotedPrintable(bytes, range, firstLine: firstLine)
    }
    body.lastLine = firstLine + bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return body
  }

  /// RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line joins it to the next, white
  /// space at the end of a line was added in transport and goes. A `=` not followed by two
  /// hexadecimal digits is kept as written, as decoders in the wild do.
  private static func quotedPrintable(_ bytes: [UInt8], _ range: Range<Int>, firstLine: Int)
    -> DecodedBody
  {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var starts = [firstLine]
    bytes.withUnsafeBufferPointer { buffer in
      var line = firstLine
      var index = range.lowerBound
      while index < range.upperBound {
        var lineEnd = index
        while lineEnd < range.upperBound, buffer[lineEnd] != 0x0A { lineEnd += 1 }
        var end = lineEnd
        if end > index, buffer[end - 1] == 0x0D { end -= 1 }
        while end > index, buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 { end -= 1 }
        var soft = false
        var position = index
        while position < end {
          // The bytes up to the next `=` as they are, at once.
          var equals = position
          while equals < end, buffer[equals] != UInt8(ascii: "=") { equals += 1 }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<equals]))
          position = equals
          guard position < end else { break }
          if position + 1 == end {
            soft = true
            break
          }
          if position + 2 < end, let high = hexValue(buffer[position + 1]),
            let low = hexValue(buffer[position + 2])
          {
            let decoded = high << 4 | low
            out.append(decoded)
            if decoded == 0x0A { starts.append(line) }
            position += 3
          } else {
            out.append(UInt8(ascii: "="))
            position += 1
          }
        }
        guard lineEnd < range.upperBound else { break }
        // A hard line break, unless the line ended in `=`.
        if !soft {
          out.append(0x0A)
          starts.append(line + 1)
        }
        line += 1
        index = lineEnd + 1
      }
    }
    return DecodedBody(bytes: out, lines: .starts(starts))
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }

  /// RFC 2045 §6.8, leniently: characters outside the alphabet (line breaks, spaces) are
  /// passed over, and decoding stops at the first `=`.
  private static func base64(_ encoded: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(encoded.count / 4 * 3)
    var buffer: UInt32 = 0
    var count = 0
    for byte in encoded {
      let value: UInt32
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
      case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
      case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
      case UInt8(ascii: "="): return finish(&out, buffer, count)
      default: continue
      }
      buffer = buffer << 6 | value
      count += 1
      if count == 4 {
        out.append(UInt8(truncatingIfNeeded: buffer >> 16))
        out.append(UInt8(truncatingIfNeeded: buffer >> 8))
        out.append(UInt8(truncatingIfNeeded: buffer))
        buffer = 0
        count = 0
      }
    }
    return finish(&out, buffer, count)
  }

  /// The bytes of a last group of two or three characters.
  private static func finish(_ out: inout [UInt8], _ buffer: UInt32, _ count: Int) -> [UInt8] {
    if count == 2 { out.append(UInt8(truncatingIfNeeded: buffer >> 4)) }
    if count == 3 {
      out.append(UInt8(truncatingIfNeeded: buffer >> 10))
      out.append(UInt8(truncatingIfNeeded: buffer >> 2))
    }
    return out
  }
}

/// A part's decoded body, and the file line each of its lines came from.
struct DecodedBody {
  enum Lines {
    /// Line n is file line `first + n - 1` (an identity encoding).
    case counted(from: Int)
    /// Line n starts on file line `starts[n - 1]` (quoted-printable).
    case starts([Int])
    /// Every line is placed on the body's first line (base64: its lines are not the file's).
    case all(Int)
  }

  var bytes: [UInt8]
  var lines: Lines
  /// The file line the body ends on: no line said is after it (a page's parser may name the
  /// line after its last line break).
  var lastLine = Int.max

  /// The file line of the body's line `line` (1-based).
  func fileLine(_ line: Int) -> Int {
    let placed: Int
    switch lines {
    case .counted(let first): placed = first + max(line, 1) - 1
    case .starts(let starts): placed = starts[min(max(line, 1), starts.count) - 1]
    case .all(let first): placed = first
    }
    return min(placed, lastLine)
  }
}
