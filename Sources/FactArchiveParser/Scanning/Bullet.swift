/// List bullets: `•`, `◦`, `▪`, `-` or `*` followed by a space.
enum Bullet {
  /// The byte length of the bullet at `index` (not counting the space after it), or 0.
  static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    let byte = bytes[index]
    var length = 0
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") {
      length = 1
    } else if byte == 0xE2, index + 2 < end {
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      // U+2022 •, U+25E6 ◦, U+25AA ▪
      if (second == 0x80 && third == 0xA2) || (second == 0x97 && third == 0xA6)
        || (second == 0x96 && third == 0xAA)
      {
        length = 3
      }
    }
    guard length > 0, index + length < end,
      Bytes.whitespaceLength(bytes, at: index + length, end: end) > 0
    else { return 0 }
    return length
  }

  /// `range` trimmed, without a leading bullet.
  static func stripped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    let trimmed = Bytes.trim(bytes, range)
    guard !trimmed.isEmpty else { return trimmed }
    let bullet = length(bytes, at: trimmed.lowerBound, end: trimmed.upperBound)
    return Bytes.trim(bytes, (trimmed.lowerBound + bullet)..<trimmed.upperBound)
  }
}
