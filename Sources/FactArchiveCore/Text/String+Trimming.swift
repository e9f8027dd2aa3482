extension String {
  /// The text without leading and trailing white space (Unicode's, so no-break spaces and
  /// ideographic spaces too).
  public func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isSpace }),
      let last = scalars.lastIndex(where: { !$0.isSpace })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Substring {
  /// The text without leading and trailing white space.
  public func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}

extension String {
  /// Whether `other` occurs in the text, compared as UTF-8 bytes (no locale, no
  /// normalisation: what class names and keys need, without Foundation's cost).
  public func containsBytes(of other: String) -> Bool {
    var text = self
    var other = other
    return text.withUTF8 { haystack in other.withUTF8 { UTF8Search.occurs($0, in: haystack) } }
  }
}

/// A plain search of bytes in bytes.
public enum UTF8Search {
  public static func occurs(
    _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= haystack.count else { return false }
    let first = needle[0]
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      var index = 1
      while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
      if index == needle.count { return true }
    }
    return false
  }
}
