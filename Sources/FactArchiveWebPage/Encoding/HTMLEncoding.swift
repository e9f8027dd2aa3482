import FactArchiveCore

/// The encoding a saved page is read in, decided as a browser would: valid UTF-8 (or UTF-8
/// with a few broken bytes) whatever the page claims, windows-1252 for pages that claim a
/// Western encoding but are not UTF-8, a guess from the bytes for pages that claim nothing
/// (`LegacyEncoding`), otherwise what the page declares (libxml2 follows its
/// `<meta charset>` and byte-order mark).
enum HTMLEncoding {
  /// The bytes to parse, and the encoding to read them in, overriding what the page
  /// declares; `nil` to let libxml2 follow the page (its byte-order mark, its
  /// `<meta charset>`).
  ///
  /// Pages lie about their encoding. Valid UTF-8 is read as UTF-8 whatever the page claims.
  /// UTF-8 with a few broken bytes (`LegacyEncoding.isMostlyUTF8`) that claims UTF-8, a
  /// Western encoding or nothing is read as UTF-8 with each broken byte replaced by U+FFFD,
  /// as browsers read a UTF-8 page (read as windows-1252, every other letter would be
  /// mojibake). Other bytes that claim UTF-8, Latin-1 or ASCII are read as windows-1252, as
  /// browsers do (its curly quotes are where Latin-1 has control codes); bytes that claim
  /// nothing are guessed, as browsers guess (windows-1252 unless the bytes read clearly as
  /// another script's); any other declared encoding (Shift_JIS, KOI8-R…) is believed.
  ///
  /// `served` is the charset the server named in its `Content-Type` header for a fetched
  /// page: as in browsers, it outranks the page's own `<meta charset>` (and makes a guess
  /// needless), unless the bytes are UTF-8 or start with a byte-order mark, or `iconv` does
  /// not know the name.
  static func prepared(_ bytes: [UInt8], served: String? = nil) -> (
    bytes: [UInt8], encoding: String?
  ) {
    if isUTF16(bytes) { return (bytes, nil) }
    if bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) == nil }) {
      return (bytes, "UTF-8")
    }
    let server = served?.lowercased().trimmingSpaces() ?? ""
    let fromServer = !server.isEmpty && LegacyEncoding.isKnown(server)
    let declared = fromServer ? server : declaredCharset(bytes)
    let western: Set<String> = [
      "", "utf-8", "utf8", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
      "windows-1252", "cp1252",
    ]
    guard western.contains(declared) else { return (bytes, fromServer ? server : nil) }
    if LegacyEncoding.isMostlyUTF8(bytes) {
      return (Array(String(decoding: bytes, as: UTF8.self).utf8), "UTF-8")
    }
    return (bytes, declared.isEmpty ? LegacyEncoding.guess(bytes) : "windows-1252")
  }

  /// The `charset` parameter of a `Content-Type` header (`text/html; charset=Shift_JIS` →
  /// `Shift_JIS`); `nil` when it names none.
  static func charset(inContentType header: String?) -> String? {
    guard let header, let value = MIMEHeader.parameter("charset", in: header) else { return nil }
    // Some servers quote with apostrophes (`charset='utf-8'`).
    let charset = value.trimmingCharacters(in: "'")
    return charset.isEmpty ? nil : charset
  }

  /// The `charset=` a page declares in its first 4 KiB, lowercase; empty when none.
  static func declaredCharset(_ bytes: [UInt8]) -> String {
    let head = bytes.prefix(4096).map { ASCII.lowercased($0) }
    let key = Array("charset".utf8)
    guard head.count > key.count else { return "" }
    for start in 0...(head.count - key.count) where Array(head[start..<start + key.count]) == key {
      var index = start + key.count
      while index < head.count, head[index] == UInt8(ascii: " ") { index += 1 }
      guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
      index += 1
      while index < head.count,
        head[index] == UInt8(ascii: " ") || head[index] == UInt8(ascii: "\"")
          || head[index] == UInt8(ascii: "'")
      {
        index += 1
      }
      var name: [UInt8] = []
      while index < head.count, name.count < 40,
        ASCII.isLetter(head[index]) || ASCII.isDigit(head[index])
          || head[index] == UInt8(ascii: "-") || head[index] == UInt8(ascii: "_")
      {
        name.append(head[index])
        index += 1
      }
      return String(decoding: name, as: UTF8.self)
    }
    return ""
  }

  static func isUTF16(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
  }
}
