/// A headline from a page's `<title>` (or `og:title`, which often carries the same suffix):
/// the site's name taken off, as in `Headline | Site`, `Headline - Site`, `Site: Headline`.
///
/// The part taken off must match a name the page gives itself (`og:site_name`, the JSON-LD
/// publisher) or its host (`fullfact.org` matches `Full Fact`); a `Headline | Section | Site`
/// loses both trailing parts when the last matches. Without a match, a short last part
/// after ` | ` (four words at most) is taken for a site name when the headline before it is
/// long enough to stand alone (four words or more); colons are left alone (`Fact check:
/// …` is a headline).
enum TitleText {
  static func clean(_ title: String, siteNames: [String], host: String?) -> String {
    var text = title.trimmingSpaces()
    guard !text.isEmpty else { return text }
    let names = (siteNames + hostNames(host)).map(normalized).filter { !$0.isEmpty }
    let separators = PageHints.shared.titleSeparators
    // Trailing site names, possibly after a section name.
    for _ in 0..<2 {
      guard let (head, tail) = lastSplit(text, separators: separators.filter { $0 != ": " })
      else { break }
      if matches(tail, names) {
        text = head
        continue
      }
      // `Headline | Section | Site`: the section goes with the site.
      if let (inner, last) = lastSplit(tail, separators: separators), matches(last, names),
        !inner.isEmpty
      {
        text = head
        break
      }
      break
    }
    // A leading site name: `Site: Headline`, `Site | Headline`.
    if let (head, tail) = firstSplit(text, separators: separators), matches(head, names),
      wordCount(tail) >= 2
    {
      text = tail
    }
    // No name matched: `Headline | Site` with a short last part.
    if text == title.trimmingSpaces(),
      let (head, tail) = lastSplit(text, separators: [" | ", " – ", " — ", " - "]),
      wordCount(tail) <= 4, wordCount(head) >= 4
    {
      text = head
    }
    return text.trimmingSpaces()
  }

  /// The parts of a title before its first separator and after its last, where a site's
  /// name stands, each with the rest of the title (`normalized`). Empty when no separator
  /// splits it.
  static func edgeParts(_ title: String) -> [(edge: String, rest: String)] {
    let separators = PageHints.shared.titleSeparators
    var parts: [(edge: String, rest: String)] = []
    if let (head, tail) = firstSplit(title, separators: separators) { parts.append((head, tail)) }
    if let (head, tail) = lastSplit(title, separators: separators.filter { $0 != ": " }) {
      parts.append((tail, head))
    }
    return parts.map { (normalized($0.edge), normalized($0.rest)) }.filter { !$0.edge.isEmpty }
  }

  static func lastSplit(_ text: String, separators: [String]) -> (String, String)? {
    var best: Range<String.Index>?
    for separator in separators {
      if let range = text.range(of: separator, options: .backwards),
        best.map({ range.lowerBound > $0.lowerBound }) ?? true
      {
        best = range
      }
    }
    guard let best else { return nil }
    return (String(text[..<best.lowerBound]), String(text[best.upperBound...]))
  }

  static func firstSplit(_ text: String, separators: [String]) -> (String, String)? {
    var best: Range<String.Index>?
    for separator in separators {
      if let range = text.range(of: separator),
        best.map({ range.lowerBound < $0.lowerBound }) ?? true
      {
        best = range
      }
    }
    guard let best else { return nil }
    return (String(text[..<best.lowerBound]), String(text[best.upperBound...]))
  }

  /// Whether a part of the title is one of the site's names (letters and digits compared,
  /// any case: `Full Fact` is `fullfact`).
  static func matches(_ part: String, _ names: [String]) -> Bool {
    let key = normalized(part)
    guard !key.isEmpty else { return false }
    return names.contains {
      $0 == key || (key.count >= 4 && ($0.hasPrefix(key) || key.hasPrefix($0)))
    }
  }

  static func normalized(_ text: String) -> String {
    // Most titles and names are ASCII: their letters and digits, lowercased, byte by byte.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case 0x30...0x39, 0x61...0x7A: bytes.append(byte)
      case 0x41...0x5A: bytes.append(byte + 0x20)
      case 0x80...: return String(text.lowercased().unicodeScalars.filter(\.isWordCharacter))
      default: break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `www.fullfact.org` → `fullfact`; `factcheck.afp.com` → `factcheckafp`, `afp`.
  static func hostNames(_ host: String?) -> [String] {
    guard let host else { return [] }
    var parts = host.lowercased().split(separator: ".").map(String.init)
    if parts.first == "www" { parts.removeFirst() }
    guard parts.count >= 2 else { return parts }
    parts.removeLast()  // the top-level domain
    if parts.count >= 2, ["co", "com", "org", "net", "gov", "gob", "ac"].contains(parts.last ?? "")
    {
      parts.removeLast()
    }
    return [parts.joined()] + parts
  }

  static func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: \.isWhitespace).count
  }
}
