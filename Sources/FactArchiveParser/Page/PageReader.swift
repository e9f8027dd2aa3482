import FactArchiveCore

/// The state of one parse: the bytes, their lines (each classified once), and a cursor
/// for character offsets.
struct PageReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let options: ArticleParser.Options
  var lines: [Line] = []
  /// What each line is, in step with `lines`.
  var classes: [LineClass] = []
  var characterCursor = (byte: 0, character: 0)
  /// What did not stop the parse but is worth saying (a date line that cannot be read).
  var warnings: [ParseError] = []

  init(bytes: UnsafeBufferPointer<UInt8>, options: ArticleParser.Options) {
    self.bytes = bytes
    self.options = options
  }

  // MARK: - Document

  /// Reads the document; its bytes have passed `checkedText`.
  mutating func readDocument(keeping original: [UInt8]) throws(ParseError) -> ParsedDocument {
    lines = LineSplitter.split(bytes)
    if let long = lines.first(where: { $0.end - $0.start > ArticleParser.maxLineBytes }) {
      throw ParseError(
        line: long.number,
        "line is \(long.end - long.start) bytes long; the longest accepted is "
          + "\(ArticleParser.maxLineBytes) bytes")
    }
    classes = lines.map(classify)
    guard let firstText = lines.indices.first(where: { !isBlank($0) }) else {
      throw ParseError(line: 1, "empty file: only blank lines")
    }
    switch options.kind {
    case .source:
      return ParsedDocument(bytes: original, articles: [], source: try readSource())
    case .factCheck:
      break
    case .auto:
      if isListingPage() {
        throw ParseError(
          line: lines[firstText].number,
          "not a fact-check article: a listing page (many short dated entries)")
      }
      if !hasFactCheckStructure() {
        return ParsedDocument(bytes: original, articles: [], source: try readSource())
      }
    }
    var articles: [ParsedArticle] = []
    for span in articleSpans() {
      articles.append(try readArticle(lines: span))
    }
    return ParsedDocument(bytes: original, articles: articles, warnings: warnings)
  }

  /// The page split and classified: a source article (no fact-check structure, not a
  /// listing page)? Its bytes have passed `checkedText`.
  mutating func readsAsSource() -> Bool {
    lines = LineSplitter.split(bytes)
    classes = lines.map(classify)
    guard lines.indices.contains(where: { !isBlank($0) }) else { return false }
    return !isListingPage() && !hasFactCheckStructure()
  }

  /// `bytes` as the parser reads them, once they are known to be text (not empty, not
  /// UTF-16, no NUL, valid UTF-8): without their invisible break hints (soft hyphens,
  /// zero-width spaces), which browsers' text copies keep inside words, so that the words
  /// read and are searched as typed. The same array when there are none; the lines stay
  /// as they were, so errors name the original's lines.
  static func checkedText(_ original: [UInt8]) throws(ParseError) -> [UInt8] {
    let hints = original.withUnsafeBufferPointer { bytes in
      Result { () throws(ParseError) -> Bool in try checkIsText(bytes) }
    }
    return try hints.get() ? UTF8Validation.removingInvisibleBreakHints(original) : original
  }

  /// Whether the text holds invisible break hints; throws when it is not text.
  private static func checkIsText(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Bool {
    guard !bytes.isEmpty else { throw ParseError(line: 1, "empty file") }
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      throw ParseError(line: 1, "UTF-16 text (it starts with a byte-order mark): save it as UTF-8")
    }
    if let offset = UTF8Validation.firstNUL(bytes) {
      throw ParseError(
        line: lineNumber(atByte: offset, in: bytes), "binary file: NUL byte at offset \(offset)")
    }
    let check = UTF8Validation.check(bytes)
    if let offset = check.firstInvalidByte {
      let hex = String(bytes[offset], radix: 16, uppercase: true)
      throw ParseError(
        line: lineNumber(atByte: offset, in: bytes),
        "invalid UTF-8: byte 0x\(hex) at offset \(offset)")
    }
    return check.hasInvisibleBreakHints
  }

  /// The 1-based line holding the byte at `offset`.
  private static func lineNumber(atByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Int
  {
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
    for index in segment where classes[index].checkedOnDate != nil {
      defer { seenDateLine = true }
      guard seenDateLine else { continue }
      // The new article begins at its question: the nearest line above that has text (the
      // date line may follow the disclaimer and the banner).
      var title = index - 1
      while title > (starts.last ?? segment.lowerBound), isBeforeDateLine(title) {
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
    let title = try readTitle(titleLine, kind: classes[index].kind)
    index += 1
    while index < span.upperBound, isBlankOrChrome(index) { index += 1 }

    var checkedOn: Day?
    // The date line follows the question, or the disclaimer and banner after it.
    var dateLine = index
    while dateLine < span.upperBound, isBeforeDateLine(dateLine) { dateLine += 1 }
    var skipped: Int?
    if dateLine < span.upperBound, let dateRange = classes[dateLine].checkedOnDate {
      switch DateText.parse(bytes, dateRange) {
      case .day(let day):
        // A check from before the web, or after today (a day's grace for time zones).
        if let latest = options.latestPlausibleDay, day > latest.adding(days: 1) {
          throw ParseError(
            line: lines[dateLine].number,
            "check date \(day.iso) is in the future (today is \(latest.iso))")
        }
        guard day.year >= PageShape.earliestCheckYear else {
          throw ParseError(
            line: lines[dateLine].number,
            "implausible check date: \(Bytes.string(bytes, dateRange))")
        }
        checkedOn = day
      case .impossible:
        throw ParseError(
          line: lines[dateLine].number, "impossible date: \(Bytes.string(bytes, dateRange))")
      case nil:
        // The line says when the check was made but not in a way that can be read: the
        // check lands with the date its text implies, and the reader is told.
        warnings.append(
          ParseError(
            line: lines[dateLine].number,
            "unrecognised date in the 'Checked on' line: "
              + "\(Bytes.string(bytes, dateRange)) (the check keeps the date its text implies)"))
      }
      if dateLine == index { index += 1 } else { skipped = dateLine }
    }

    var body = BodyReader(reader: self, span: index..<span.upperBound, skipping: skipped)
    body.read()
    var summaries: [ParsedSummary] = []
    for section in body.sections {
      summaries.append(makeSummary(section))
    }
    guard summaries.contains(where: { !$0.isEmpty }) || !body.followUps.isEmpty else {
      throw ParseError(
        line: index < span.upperBound ? lines[index].number : titleLine.number,
        "no article text after the question")
    }
    var inferred: Day?
    if checkedOn == nil {
      let textLines = span.filter { !isBlankOrChrome($0) }.map { lines[$0].range }
      inferred = TextScan.latestDate(bytes, textLines, notAfter: options.latestPlausibleDay)
    }
    return ParsedArticle(
      firstLine: titleLine.number,
      question: title.question,
      titleURL: title.url,
      checkedOn: checkedOn,
      checkedOnInferred: inferred,
      disclaimer: body.disclaimer,
      publisherFlaggedOutdated: body.bannerPresent,
      summaries: summaries,
      followUps: body.followUps,
      references: body.references,
      truncated: isTruncated(span, body: body),
      unparsed: body.unparsed.isEmpty ? nil : body.unparsed.joined(separator: "\n"))
  }

  /// Lines that may stand between a question and its `Checked on` line.
  private func isBeforeDateLine(_ index: Int) -> Bool {
    switch classes[index].kind {
    case .blank, .chrome, .disclaimer, .banner: return true
    default: return false
    }
  }

  /// A copy cut off part-way: its last line ends mid-sentence (or with a cut marker such
  /// as `[4`), or it ends on a heading with no text under it.
  private func isTruncated(_ span: Range<Int>, body: BodyReader) -> Bool {
    guard let last = span.last(where: { !isBlankOrChrome($0) }) else { return false }
    if body.endsInReferences { return false }
    if let section = body.sections.last, section.content.isEmpty, !body.sawFollowUps {
      return true
    }
    let range = Bytes.trim(bytes, lines[last].range)
    guard let final = range.last.map({ bytes[$0] }) else { return false }
    switch final {
    case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "\""),
      UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ":"),
      UInt8(ascii: "*"):
      return false
    case 0x9D, 0x99, 0xA6:  // the last byte of ” ’ …
      return false
    default:
      return true
    }
  }
}
