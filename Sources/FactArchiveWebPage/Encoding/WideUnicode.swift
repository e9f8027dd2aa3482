/// Text in UTF-16 or UTF-32, which XML processors must read (XML 1.0, appendix F): told by
/// its byte-order mark, or, without one, by how the `<?xml` declaration's first characters
/// come out in each form. Windows tools and .NET servers write feeds this way. The text is
/// handed on as UTF-8, its byte-order mark dropped; a sequence that is not Unicode becomes
/// U+FFFD.
///
/// Web pages are not read this way without a byte-order mark (browsers do not either), and
/// neither are plain-text copies: a summary there is a slice of the stored bytes.
enum WideUnicode {
  enum Form: Equatable {
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)
  }

  /// The form of `bytes` and the length of its byte-order mark; `nil` for 8-bit text.
  static func form(of bytes: [UInt8]) -> (form: Form, mark: Int)? {
    let head = Array(bytes.prefix(4))
    guard head.count >= 2 else { return nil }
    if head == [0x00, 0x00, 0xFE, 0xFF] { return (.utf32(bigEndian: true), 4) }
    if head == [0xFF, 0xFE, 0x00, 0x00] { return (.utf32(bigEndian: false), 4) }
    if head.starts(with: [0xFE, 0xFF]) { return (.utf16(bigEndian: true), 2) }
    if head.starts(with: [0xFF, 0xFE]) { return (.utf16(bigEndian: false), 2) }
    // `<?` without a byte-order mark.
    if head == [0x00, 0x00, 0x00, 0x3C] { return (.utf32(bigEndian: true), 0) }
    if head == [0x3C, 0x00, 0x00, 0x00] { return (.utf32(bigEndian: false), 0) }
    if head == [0x00, 0x3C, 0x00, 0x3F] { return (.utf16(bigEndian: true), 0) }
    if head == [0x3C, 0x00, 0x3F, 0x00] { return (.utf16(bigEndian: false), 0) }
    return nil
  }

  /// `bytes` as UTF-8 when they are UTF-16 or UTF-32; `nil` otherwise.
  static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
    guard let (form, mark) = form(of: bytes) else { return nil }
    let body = bytes[mark...]
    switch form {
    case .utf16(let bigEndian):
      var units: [UInt16] = []
      units.reserveCapacity(body.count / 2)
      var index = body.startIndex
      while index + 1 < body.endIndex {
        let (high, low) =
          bigEndian ? (body[index], body[index + 1]) : (body[index + 1], body[index])
        units.append(UInt16(high) << 8 | UInt16(low))
        index += 2
      }
      return Array(String(decoding: units, as: UTF16.self).utf8)
    case .utf32(let bigEndian):
      var text = String.UnicodeScalarView()
      var index = body.startIndex
      while index + 3 < body.endIndex {
        let ordered =
          bigEndian
          ? [body[index], body[index + 1], body[index + 2], body[index + 3]]
          : [body[index + 3], body[index + 2], body[index + 1], body[index]]
        let value = ordered.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        index += 4
      }
      return Array(String(text).utf8)
    }
  }
}
