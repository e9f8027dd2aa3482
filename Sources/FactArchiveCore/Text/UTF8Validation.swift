/// Finds where bytes stop being text: the first invalid UTF-8 sequence or NUL byte.
public enum UTF8Validation {
  /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or `nil`.
  /// Overlong forms, surrogates and code points above U+10FFFF are invalid
  /// (<https://www.rfc-editor.org/rfc/rfc3629#section-4>).
  public static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    check(bytes).firstInvalidByte
  }

  /// What one pass over the bytes found: the first invalid byte, if any, and whether the
  /// text before it holds an invisible break hint (a soft hyphen, a zero-width space:
  /// `Unicode.Scalar.isInvisibleBreakHint`), which a reader of the text should drop.
  public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    firstInvalidByte: Int?, hasInvisibleBreakHints: Bool
  ) {
    var hints = false
    guard let base = bytes.baseAddress else { return (nil, hints) }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight ASCII bytes at a time: most of an article is ASCII.
      while index + 8 <= count,
        raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
      }
      guard index < count else { break }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF:
        length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF:
        length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3:
        length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default:
        return (index, hints)
      }
      guard index + 1 < count, bytes[index + 1] >= low, bytes[index + 1] <= high else {
        return (index, hints)
      }
      for offset in 2..<length {
        guard index + offset < count, bytes[index + offset] & 0xC0 == 0x80 else {
          return (index, hints)
        }
      }
      if !hints, length < 4, scalar(in: bytes, at: index, length: length).isInvisibleBreakHint {
        hints = true
      }
      index += length
    }
    return (nil, hints)
  }

  /// Valid UTF-8 `bytes` without their invisible break hints (`check` says whether there
  /// are any): the lines, and the text around each hint, stay as they were.
  public static func removingInvisibleBreakHints(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBufferPointer { buffer in
      var kept: [UInt8] = []
      kept.reserveCapacity(buffer.count)
      var index = 0
      while index < buffer.count {
        let lead = buffer[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(index + length, buffer.count)
        if length == 1 || length == 4 || end - index < length
          || !scalar(in: buffer, at: index, length: length).isInvisibleBreakHint
        {
          kept.append(contentsOf: buffer[index..<end])
        }
        index = end
      }
      return kept
    }
  }

  /// The scalar a valid two- or three-byte sequence encodes.
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int)
    -> Unicode.Scalar
  {
    let value =
      length == 2
      ? UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
      : UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
        | UInt32(bytes[index + 2] & 0x3F)
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The offset of the first NUL byte, or `nil`: text files have none.
  public static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    bytes.firstIndex(of: 0)
  }
}
