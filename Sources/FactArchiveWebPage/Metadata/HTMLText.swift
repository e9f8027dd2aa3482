internal import CLibXML2

/// Text that may hold HTML, as structured data often does (a ClaimReview's `reviewBody` with
/// `<br />`, a claim with `&#039;`): entities decoded (numeric ones and HTML 4's named ones,
/// from libxml2's table), line ends made `\n`, the ends trimmed (`\r` too). Text that held
/// tags was HTML: its tags become the line breaks they stand for and its white space is
/// collapsed as a browser would; plain text keeps its own spacing. Soft hyphens and the
/// other invisible break hints are dropped.
public enum HTMLText {
  public static func plain(_ text: String) -> String {
    guard text.contains("<") || text.contains("&") else {
      return trimmed(text.withoutInvisibleBreakHints)
    }
    var sawTag = false
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "<", let close = text[index...].firstIndex(of: ">"),
        text.distance(from: index, to: close) <= 200,
        let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex),
        next < text.endIndex, text[next].isLetter || text[next] == "/" || text[next] == "!"
      {
        sawTag = true
        let tag = text[next..<close].lowercased().drop { $0 == "/" }.prefix { $0.isLetter }
        output +=
          ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"].contains(String(tag))
          ? "\n" : ""
        index = text.index(after: close)
        continue
      }
      if character == "&", let (decoded, next) = reference(in: text, at: index) {
        output.unicodeScalars.append(decoded)
        index = next
        continue
      }
      output.append(character)
      index = text.index(after: index)
    }
    let shown = output.withoutInvisibleBreakHints
    return sawTag ? collapsed(shown) : trimmed(shown)
  }

  /// Character references (`&quot;`, `&#34;`) replaced by their characters; nothing else
  /// changed.
  static func referencesDecoded(_ text: String) -> String {
    var output = ""
    var index = text.startIndex
    while let ampersand = text[index...].firstIndex(of: "&") {
      output += text[index..<ampersand]
      if let (decoded, next) = reference(in: text, at: ampersand) {
        output.unicodeScalars.append(decoded)
        index = next
      } else {
        output.append("&")
        index = text.index(after: ampersand)
      }
    }
    return output + text[index...]
  }

  /// The character a reference at `index` (an `&`) stands for, and where the text goes on.
  private static func reference(in text: String, at index: String.Index) -> (
    Unicode.Scalar, String.Index
  )? {
    guard let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
      let decoded = entity(String(text[text.index(after: index)..<semicolon]))
    else { return nil }
    return (decoded, text.index(after: semicolon))
  }

  /// Line ends made `\n`, white space at both ends dropped.
  static func trimmed(_ text: String) -> String {
    let unified =
      text.contains("\r")
      ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      : text
    return unified.trimmingSpaces()
  }

  /// `#39`, `#x27`, `amp`, `eacute` → the character.
  static func entity(_ name: String) -> Unicode.Scalar? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
    }
    if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
    if name == "apos" { return "'" }
    guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
      return nil
    }
    let description = name.withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
        htmlEntityLookup($0)
      }
    }
    return description.flatMap { Unicode.Scalar($0.pointee.value) }
  }

  /// Runs of spaces and tabs become one space; line breaks are kept, one blank line at most
  /// between paragraphs; the ends are trimmed.
  static func collapsed(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    ) {
      let words = line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      if words.isEmpty {
        if lines.last.map({ !$0.isEmpty }) ?? false { lines.append("") }
      } else {
        lines.append(words)
      }
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
