import FactArchiveCore

/// The title line: the question, as written, with its link when it has one.
extension PageReader {
  struct Title {
    var question: String
    var url: String?
  }

  /// The question from the title line: without `Fact check:`, markdown `#` or `**`; the
  /// text of a markdown or HTML link (keeping its URL); a bare URL as it stands.
  func readTitle(_ line: Line, kind: LineKind) throws(ParseError) -> Title {
    guard kind == .text || kind == .followUpsHeader else {
      throw ParseError(line: line.number, "missing question: the article starts with \(kind.name)")
    }
    var range = stripMarkdown(Bytes.trim(bytes, line.range))
    for prefix: StaticString in ["fact check", "fact-check", "factcheck"]
    where Bytes.hasPrefix(bytes, range, prefix) {
      let afterWords = range.lowerBound + prefix.utf8CodeUnitCount
      // "Fact checking ..." is a question, not a prefix.
      if afterWords < range.upperBound, Bytes.isASCIILetter(bytes[afterWords]) { break }
      let rest = Bytes.trim(bytes, afterWords..<range.upperBound)
      if rest.isEmpty {
        range = rest
      } else if bytes[rest.lowerBound] == UInt8(ascii: ":")
        || bytes[rest.lowerBound] == UInt8(ascii: "-")
        || bytes[rest.lowerBound] == UInt8(ascii: "|")
      {
        range = Bytes.trim(bytes, (rest.lowerBound + 1)..<range.upperBound)
      } else if let dash = dashLength(at: rest.lowerBound, end: rest.upperBound) {
        range = Bytes.trim(bytes, (rest.lowerBound + dash)..<range.upperBound)
      }
      break
    }
    guard !range.isEmpty else {
      throw ParseError(line: line.number, "missing question: the title line is only 'Fact check'")
    }
    if let link = markdownLink(range) ?? htmlLink(range) {
      let question = Self.plainText(Bytes.normalizedString(bytes, link.text))
      guard !question.isEmpty else {
        throw ParseError(line: line.number, "missing question: the title link has no text")
      }
      // A link pasted with a redirect around it (`google.com/url?q=…`) leads to the page.
      return Title(
        question: question, url: link.url.map { WebAddress.unwrapped(Bytes.string(bytes, $0)) })
    }
    let question = Bytes.normalizedString(bytes, range)
    let urls = TextScan.urls(bytes, range)
    if urls.count == 1, urls[0] == range {
      return Title(question: question, url: question)
    }
    return Title(question: question, url: nil)
  }

  /// Text without HTML tags, with the common entities decoded.
  static func plainText(_ html: String) -> String {
    guard html.contains("<") || html.contains("&") else { return html }
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    for (entity, value) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
      ("&nbsp;", " "), ("&amp;", "&"),
    ] {
      text = text.split(separator: entity, omittingEmptySubsequences: false).joined(
        separator: value)
    }
    return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// `range` without a leading markdown heading mark (`# `) and surrounding `**`.
  func stripMarkdown(_ range: Range<Int>) -> Range<Int> {
    Bytes.stripMarkdown(bytes, range)
  }

  /// The byte length of an en or em dash at `index`.
  func dashLength(at index: Int, end: Int) -> Int? {
    guard index + 2 < end, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
      bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
    else { return nil }
    return 3
  }

  /// `[text](url)` filling the whole range.
  private func markdownLink(_ range: Range<Int>) -> (text: Range<Int>, url: Range<Int>?)? {
    guard range.count > 4, bytes[range.lowerBound] == UInt8(ascii: "["),
      bytes[range.upperBound - 1] == UInt8(ascii: ")"),
      let close = range.firstIndex(where: { bytes[$0] == UInt8(ascii: "]") }),
      close + 1 < range.upperBound, bytes[close + 1] == UInt8(ascii: "(")
    else { return nil }
    let url = Bytes.trim(bytes, (close + 2)..<(range.upperBound - 1))
    return (Bytes.trim(bytes, (range.lowerBound + 1)..<close), url.isEmpty ? nil : url)
  }

  /// `<a href="url">text</a>` filling the whole range (other tags inside the text are dropped
  /// by taking the text between the first `>` and the closing `</a>`).
  private func htmlLink(_ range: Range<Int>) -> (text: Range<Int>, url: Range<Int>?)? {
    guard Bytes.hasPrefix(bytes, range, "<a "), Bytes.contains(bytes, range, "</a>"),
      let open = range.firstIndex(where: { bytes[$0] == UInt8(ascii: ">") })
    else { return nil }
    var closeStart = range.upperBound - 4
    while closeStart > open, !Bytes.hasPrefix(bytes, closeStart..<range.upperBound, "</a>") {
      closeStart -= 1
    }
    guard closeStart > open else { return nil }
    var url: Range<Int>?
    let tag = range.lowerBound..<open
    if let hrefStart = tag.firstIndex(where: { Bytes.hasPrefix(bytes, $0..<open, "href=") }) {
      var start = hrefStart + 5
      var end = open
      if start < open, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
        let quote = bytes[start]
        start += 1
        end = (start..<open).first { bytes[$0] == quote } ?? open
      } else {
        end = (start..<open).first { bytes[$0] == Bytes.space } ?? open
      }
      url = start < end ? start..<end : nil
    }
    return ((open + 1)..<closeStart, url)
  }
}
