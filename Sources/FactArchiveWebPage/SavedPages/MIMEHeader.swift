import FactArchiveCore

/// The lines of a file, one at a time, without their line breaks (LF or CRLF), each with its
/// 1-based number.
struct LineCursor {
  let bytes: [UInt8]
  private(set) var offset: Int
  private(set) var line: Int

  init(_ bytes: [UInt8], offset: Int = 0, line: Int = 1) {
    self.bytes = bytes
    self.offset = offset
    self.line = line
  }

  /// The next line's bytes (`range`, without its break), its number, and where the line
  /// after it starts; `nil` at the end.
  mutating func next() -> (range: Range<Int>, number: Int)? {
    guard offset < bytes.count else { return nil }
    let start = offset
    var end = start
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    offset = end < bytes.count ? end + 1 : end
    let number = line
    line += 1
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return (start..<end, number)
  }
}

/// The header block of a MIME message or of one of its parts (RFC 5322 fields holding RFC
/// 2045 values): `Name: value` lines, a line that starts with a space or a tab continuing
/// the one before it, up to the first empty line.
struct MIMEHeader {
  struct Field {
    /// Lowercased.
    var name: String
    /// Unfolded, trimmed.
    var value: String
    var line: Int
  }

  var fields: [Field] = []

  /// A header block is at most this long: a longer one is not a header.
  static let longest = 65_536

  /// Reads a header block from `cursor` up to and including its empty line. `nil` when a
  /// line is not a field (`strict`, for telling a MIME file from any other), or when the
  /// block runs past `longest` bytes; otherwise such a line is passed over.
  static func read(_ cursor: inout LineCursor, strict: Bool) -> MIMEHeader? {
    var header = MIMEHeader()
    var read = 0
    while let (range, number) = cursor.next() {
      if range.isEmpty { return header }
      read += range.count
      guard read <= longest else { return nil }
      let line = cursor.bytes[range]
      if line.first == 0x20 || line.first == 0x09 {
        guard !header.fields.isEmpty else {
          if strict { return nil }
          continue
        }
        let more = String(decoding: line, as: UTF8.self).trimmingSpaces()
        header.fields[header.fields.count - 1].value += more.isEmpty ? "" : " " + more
        continue
      }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy(Self.isNameByte)
      else {
        if strict { return nil }
        continue
      }
      header.fields.append(
        Field(
          name: String(
            decoding: line[line.startIndex..<colon].map(ASCII.lowercased), as: UTF8.self),
          value: String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces(),
          line: number))
    }
    return header
  }

  /// Whether a byte may be in a field's name. RFC 5322 allows any printable character but
  /// the colon; the names MIME writes (`Content-Type`, `Snapshot-Content-Location`,
  /// `X-MimeOLE`) use letters, digits and hyphens, and holding to those keeps a page that
  /// opens `<html>:` from passing for a header.
  static func isNameByte(_ byte: UInt8) -> Bool {
    ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "_")
  }

  /// The first field of that (lowercase) name.
  func field(_ name: String) -> Field? { fields.first { $0.name == name } }

  /// The media type of the `Content-Type` field, lowercased (`multipart/related`).
  var mediaType: String? {
    guard let value = field("content-type")?.value else { return nil }
    let type = value.prefix { $0 != ";" }.trimmingSpaces().lowercased()
    return type.isEmpty ? nil : type
  }

  /// A parameter of the `Content-Type` field (`boundary`, `type`, `start`, `charset`), its
  /// quotes and escapes removed.
  func parameter(_ name: String) -> String? {
    field("content-type").flatMap { Self.parameter(name, in: $0.value) }
  }

  /// A parameter of a `Content-Type` value (`text/html; charset="utf-8"` → `utf-8` for
  /// `charset`), its quotes and escapes removed; `name` is lowercase. The one reader of
  /// these parameters, for archives' parts and servers' headers alike.
  static func parameter(_ name: String, in value: String) -> String? {
    var characters = Substring(value)
    // Past the media type.
    guard let semicolon = characters.firstIndex(of: ";") else { return nil }
    characters = characters[characters.index(after: semicolon)...]
    while !characters.isEmpty {
      characters = characters.drop { $0 == " " || $0 == "\t" || $0 == ";" }
      let key = characters.prefix { $0 != "=" && $0 != ";" }
      characters = characters.dropFirst(key.count)
      var parameter = ""
      if characters.first == "=" {
        characters = characters.dropFirst().drop { $0 == " " || $0 == "\t" }
        if characters.first == "\"" {
          characters = characters.dropFirst()
          var escaped = false
          while let character = characters.first {
            characters = characters.dropFirst()
            if escaped {
              parameter.append(character)
              escaped = false
            } else if character == "\\" {
              escaped = true
            } else if character == "\"" {
              break
            } else {
              parameter.append(character)
            }
          }
          characters = characters.drop { $0 != ";" }
        } else {
          let raw = characters.prefix { $0 != ";" }
          characters = characters.dropFirst(raw.count)
          parameter = raw.trimmingSpaces()
        }
      }
      if key.trimmingSpaces().lowercased() == name { return parameter }
    }
    return nil
  }
}
