import FactArchiveCore

/// A page's list of references: a heading ("References", "Sources", ...) and numbered links
/// (`[1] https://…`, `1. https://…`, `1) Title — https://…`, or bare URLs). Fact-checks end
/// with one; source articles often carry one too.
enum ReferenceList {
  /// Whether a heading key (lowercase, no markdown, no final colon) opens a reference list
  /// (`ReferenceHeading`, the one list of such headings).
  static func isHeading(_ key: [UInt8]) -> Bool {
    ReferenceHeading.headings.contains(String(decoding: key, as: UTF8.self))
  }

  /// The entry on a line, numbered as written, or next after `previous` when it is a bare
  /// URL; `nil` when the line is not an entry (or repeats a number already listed).
  static func entry(
    _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, after previous: [ParsedReference]
  ) -> ParsedReference? {
    let range = Bytes.trim(bytes, line)
    guard !range.isEmpty, let url = TextScan.urls(bytes, range).first else { return nil }
    var number: Int?
    var start = range.lowerBound
    if bytes[start] == Bytes.openBracket { start += 1 }
    if let (value, end) = Bytes.leadingNumber(
      bytes, start..<range.upperBound, maxDigits: PageShape.mostNumberDigits),
      end < range.upperBound,
      bytes[end] == Bytes.closeBracket || bytes[end] == UInt8(ascii: ".")
        || bytes[end] == UInt8(ascii: ")")
    {
      number = value
    } else if url.lowerBound != range.lowerBound {
      // Text before the URL that is not a number: a sentence with a link, not an entry.
      return nil
    }
    let text = WebAddress.unwrapped(Bytes.string(bytes, url))
    let refNumber = number ?? (previous.last.map { $0.refNumber + 1 } ?? 1)
    guard refNumber > 0, !previous.contains(where: { $0.refNumber == refNumber }) else {
      return nil
    }
    return ParsedReference(refNumber: refNumber, url: text, domain: WebAddress.domain(of: text))
  }
}
