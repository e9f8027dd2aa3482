extension String {
  /// The text without leading and trailing white space (Unicode's, so no-break spaces and
  /// ideographic spaces too).
  public func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Substring {
  /// The text without leading and trailing white space.
  public func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
