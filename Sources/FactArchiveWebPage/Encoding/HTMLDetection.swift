import FactArchiveCore

/// Telling a saved web page from a page saved as text, by its content, whatever its name.
enum HTMLDetection {
  /// Tags a web page starts with; a text copy can start with an inline tag (a title written
  /// as `<a href=…>question</a>`), never with one of these.
  static let documentTags: [String] = [
    "!doctype html", "html", "head", "body", "meta", "title", "link", "!--", "div", "main",
    "article", "section", "header", "p", "h1", "h2", "table", "ul", "ol", "script", "style",
  ]

  /// Whether `bytes` hold an HTML page: its first non-blank text (after a byte-order mark)
  /// is one of the tags a page starts with.
  static func isHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    // UTF-8 byte-order mark
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    // UTF-16: the first character is then every other byte.
    var step = 1
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      step = 2
      index = bytes[0] == 0xFF ? 2 : 3
    }
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
        || bytes[index] == 0x0D || bytes[index] == 0x0C || (step == 2 && bytes[index] == 0)
    {
      index += step
    }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return false }
    var head: [UInt8] = []
    var cursor = index + step
    while cursor < bytes.count, head.count < 16 {
      head.append(ASCII.lowercased(bytes[cursor]))
      cursor += step
    }
    return documentTags.contains { tag in
      let name = Array(tag.utf8)
      guard head.count >= name.count, Array(head[0..<name.count]) == name else { return false }
      // The tag name must end there: `<p>` or `<p class`, not `<pre` taken for `<p`.
      guard head.count > name.count else { return true }
      let next = head[name.count]
      return tag == "!--" || tag == "!doctype html"
        || !ASCII.isLetter(next) && !ASCII.isDigit(next)
    }
  }
}
