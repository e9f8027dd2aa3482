extension String {
  /// The UTF-8 bytes of `lowercased()`, made without the intermediate `String`: ASCII is
  /// lowercased byte by byte and any other scalar by its Unicode lowercase mapping, as
  /// `lowercased()` does. The policy reads every article's text this way; `lowercased()` on
  /// a text with one curly quote took the slow path for all of it.
  public var lowercasedUTF8: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      if scalar.isASCII {
        let value = UInt8(truncatingIfNeeded: scalar.value)
        bytes.append(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)
      } else {
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      }
    }
    return bytes
  }
}
