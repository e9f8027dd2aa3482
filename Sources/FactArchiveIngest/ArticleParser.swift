import FactArchiveStore

/// Parses Factually fact-check pages saved as plain text. Pure: bytes in, value out.
///
/// ```swift
/// let document = try ArticleParser.parse(Array(text.utf8))
/// document.articles[0].question     // "How do criminal groups … trafficking?"
/// document.articles[0].checkedOn    // 2025-12-03
/// ```
///
/// The page layout it reads, top to bottom: page chrome (dropped), the question, a
/// `Checked on <date>` line, a `Disclaimer:` line, sometimes the "This fact-check may be
/// outdated" banner, an executive summary, numbered sections, and "Want to dive deeper?"
/// follow-up questions. A file may hold several articles one after another.
public enum ArticleParser {
  /// Bumped whenever the parser reads documents differently; `reparse` uses it.
  public static let version = 1

  /// The longest line accepted: longer ones are corrupt copies, not articles.
  public static let maxLineBytes = 1 << 20

  public static func parse(_ bytes: [UInt8]) throws(ParseError) -> ParsedDocument {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(ParseError) -> [ParsedArticle] in
        var reader = PageReader(bytes: buffer)
        return try reader.readDocument()
      }
    }
    switch result {
    case .success(let articles): return ParsedDocument(bytes: bytes, articles: articles)
    case .failure(let error): throw error
    }
  }
}

/// The state of one parse: the bytes, their lines, and a cursor for character offsets.
struct PageReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var lines: [Line] = []
  private var characterCursor = (byte: 0, character: 0)

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  // MARK: - Document

  mutating func readDocument() throws(ParseError) -> [ParsedArticle] {
    try checkIsText()
    lines = Lines.split(bytes)
    if let long = lines.first(where: { $0.end - $0.start > ArticleParser.maxLineBytes }) {
      throw ParseError(
        line: long.number,
        "line is \(long.end - long.start) bytes long; the longest accepted is "
          + "\(ArticleParser.maxLineBytes) bytes")
    }
    let spans = articleSpans()
    guard !spans.isEmpty else { throw ParseError(line: 1, "empty file: only blank lines") }
    var articles: [ParsedArticle] = []
    for span in spans {
      articles.append(try readArticle(lines: span))
    }
    return articles
  }

  private func checkIsText() throws(ParseError) {
    guard !bytes.isEmpty else { throw ParseError(line: 1, "empty file") }
    if let offset = UTF8Validation.firstNUL(bytes) {
      throw ParseError(
        line: lineNumber(atByte: offset), "binary file: NUL byte at offset \(offset)")
    }
    if let offset = UTF8Validation.firstInvalidByte(bytes) {
      let hex = String(bytes[offset], radix: 16, uppercase: true)
      throw ParseError(
        line: lineNumber(atByte: offset),
        "invalid UTF-8: byte 0x\(hex) at offset \(offset)")
    }
  }

  /// The 1-based line holding the byte at `offset` (before the lines are split).
  private func lineNumber(atByte offset: Int) -> Int {
    var number = 1
    var index = 0
    while index < offset {
      let byte = bytes[index]
      if byte == Bytes.newline {
        number += 1
      } else if byte == Bytes.carriageReturn,
        index + 1 >= bytes.count || bytes[index + 1] != Bytes.newline
      {
        number += 1
      }
      index += 1
    }
    return number
  }

  /// Splits the document into articles: at lines holding only a form feed, and before the
  /// question of every further `Checked on` line.
  private func articleSpans() -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var segmentStart = 0
    for index in 0...lines.count {
      let isBreak =
        index == lines.count
        || (lines[index].end - lines[index].start == 1
          && bytes[lines[index].start] == Bytes.formFeed)
      guard isBreak else { continue }
      spans.append(contentsOf: splitSegment(segmentStart..<index))
      segmentStart = index + 1
    }
    return spans.filter { span in span.contains { !isBlankOrChrome($0) } }
  }

  private func splitSegment(_ segment: Range<Int>) -> [Range<Int>] {
    var starts: [Int] = [segment.lowerBound]
    var seenDateLine = false
    for index in segment where checkedOnDate(lines[index]) != nil {
      defer { seenDateLine = true }
      guard seenDateLine else { continue }
      // The new article begins at its question: the nearest line above that has text.
      var title = index - 1
      while title > (starts.last ?? segment.lowerBound), isBlankOrChrome(title) {
        title -= 1
      }
      if title > (starts.last ?? segment.lowerBound) {
        starts.append(title)
      }
    }
    var spans: [Range<Int>] = []
    for (offset, start) in starts.enumerated() {
      let end = offset + 1 < starts.count ? starts[offset + 1] : segment.upperBound
      spans.append(start..<end)
    }
    return spans
  }

  // MARK: - Article

  private mutating func readArticle(lines span: Range<Int>) throws(ParseError) -> ParsedArticle {
    var index = span.lowerBound
    while index < span.upperBound, isBlankOrChrome(index) { index += 1 }
    let titleLine = lines[index]
    let question = try readQuestion(titleLine)
    index += 1
    while index < span.upperBound, isBlankOrChrome(index) { index += 1 }

    var checkedOn: Day?
    if index < span.upperBound, let dateRange = checkedOnDate(lines[index]) {
      switch DateText.parse(bytes, dateRange) {
      case .day(let day):
        checkedOn = day
      case .impossible:
        throw ParseError(
          line: lines[index].number, "impossible date: \(Bytes.string(bytes, dateRange))")
      case nil:
        throw ParseError(
          line: lines[index].number,
          "unrecognised date in the 'Checked on' line: \(Bytes.string(bytes, dateRange))")
      }
      index += 1
    } else {
      throw ParseError(
        line: index < span.upperBound ? lines[index].number : titleLine.number + 1,
        "no 'Checked on <date>' line under the question")
    }

    var body = BodyReader(reader: self, span: index..<span.upperBound)
    body.read()
    var summaries: [ParsedSummary] = []
    for section in body.sections {
      summaries.append(makeSummary(section))
    }
    return ParsedArticle(
      firstLine: titleLine.number,
      question: question,
      checkedOn: checkedOn,
      disclaimer: body.disclaimer,
      publisherFlaggedOutdated: body.bannerPresent,
      summaries: summaries,
      followUps: body.followUps)
  }

  /// The question from the title line: without `Fact check:`, markdown `#` or `**`.
  private func readQuestion(_ line: Line) throws(ParseError) -> String {
    let kind = classify(line)
    guard kind == .text || kind == .followUpsHeader else {
      throw ParseError(line: line.number, "no question: the article starts with \(kind.name)")
    }
    var range = Bytes.trim(bytes, line.range)
    range = stripMarkdown(range)
    for prefix: StaticString in ["fact check", "fact-check", "factcheck"]
    where Bytes.hasPrefix(bytes, range, prefix) {
      var rest = range.lowerBound + prefix.utf8CodeUnitCount
      rest = Bytes.trim(bytes, rest..<range.upperBound).lowerBound
      if rest < range.upperBound,
        bytes[rest] == UInt8(ascii: ":") || bytes[rest] == UInt8(ascii: "-")
      {
        range = Bytes.trim(bytes, (rest + 1)..<range.upperBound)
      } else if rest == range.upperBound {
        range = rest..<rest
      }
      break
    }
    guard !range.isEmpty else {
      throw ParseError(line: line.number, "no question: the title line is only 'Fact check'")
    }
    return Bytes.string(bytes, range)
  }

  /// `range` without a leading markdown heading mark (`# `) and surrounding `**`.
  func stripMarkdown(_ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, bytes[start] == UInt8(ascii: "#") { start += 1 }
    if end - start >= 4, bytes[start] == UInt8(ascii: "*"), bytes[start + 1] == UInt8(ascii: "*") {
      start += 2
      if bytes[end - 1] == UInt8(ascii: "*"), bytes[end - 2] == UInt8(ascii: "*") { end -= 2 }
    }
    return Bytes.trim(bytes, start..<end)
  }

  // MARK: - Summaries

  private mutating func makeSummary(_ section: BodyReader.Section) -> ParsedSummary {
    guard let first = section.content.first, let last = section.content.last else {
      let at = section.headingEnd
      return ParsedSummary(
        position: section.position, heading: section.heading,
        body: .slice(bytes: at..<at, characterStart: characterOffset(at), characterCount: 0),
        citations: [])
    }
    let start = section.runInStart ?? Bytes.trim(bytes, lines[first].range).lowerBound
    let end = max(start, Bytes.trim(bytes, lines[last].range).upperBound)
    let verbatim =
      !section.hasGaps
      && !lines[first..<last].contains { $0.endsWithCarriageReturn }
    if verbatim {
      let characterStart = characterOffset(start)
      let characterCount = characterOffset(end) - characterStart
      let found = CitationScanner.scan(bytes, start..<end)
      return ParsedSummary(
        position: section.position, heading: section.heading,
        body: .slice(
          bytes: start..<end, characterStart: characterStart, characterCount: characterCount),
        citations: relativeCitations(found, in: bytes, bodyStart: start))
    }
    var text: [UInt8] = []
    var previous: Int?
    for index in section.content {
      if let previous {
        // Keep a blank line where the page had one between paragraphs.
        text.append(Bytes.newline)
        if lines[(previous + 1)..<index].contains(where: { isBlank($0) }) {
          text.append(Bytes.newline)
        }
      }
      let lineStart = index == first ? start : lines[index].start
      let lineEnd = index == last ? end : lines[index].end
      text.append(
        contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<max(lineStart, lineEnd)]))
      previous = index
    }
    let citations = text.withUnsafeBufferPointer { buffer in
      relativeCitations(CitationScanner.scan(buffer, 0..<buffer.count), in: buffer, bodyStart: 0)
    }
    return ParsedSummary(
      position: section.position, heading: section.heading, body: .rebuilt(text),
      citations: citations)
  }

  /// Citations with offsets relative to the body: bytes for slicing, characters for SQL.
  private func relativeCitations(
    _ found: [CitationScanner.Found], in buffer: UnsafeBufferPointer<UInt8>, bodyStart: Int
  ) -> [ParsedCitation] {
    guard !found.isEmpty else { return [] }
    var citations: [ParsedCitation] = []
    citations.reserveCapacity(found.count)
    var cursor = (byte: bodyStart, character: 0)
    func characters(to byte: Int) -> Int {
      if byte < cursor.byte { cursor = (bodyStart, 0) }
      cursor.character += Bytes.characterCount(buffer, cursor.byte..<byte)
      cursor.byte = byte
      return cursor.character
    }
    for citation in found {
      let sentenceStart = characters(to: citation.sentence.lowerBound)
      let sentenceEnd = characters(to: citation.sentence.upperBound)
      let markerStart = characters(to: citation.markerStart)
      citations.append(
        ParsedCitation(
          refNumber: citation.refNumber, markerStart: markerStart,
          sentenceStart: sentenceStart, sentenceLength: sentenceEnd - sentenceStart,
          sentenceBytes: (citation.sentence.lowerBound - bodyStart)..<(citation.sentence.upperBound
            - bodyStart)))
    }
    return citations
  }

  /// The character offset of a byte offset in the document, counting forward from the last
  /// offset asked for (summaries come in order).
  private mutating func characterOffset(_ byte: Int) -> Int {
    if byte < characterCursor.byte { characterCursor = (0, 0) }
    characterCursor.character += Bytes.characterCount(bytes, characterCursor.byte..<byte)
    characterCursor.byte = byte
    return characterCursor.character
  }
}
