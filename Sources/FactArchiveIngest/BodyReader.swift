/// Reads an article's body, the lines after its title and `Checked on` line: disclaimer,
/// banner, executive summary, numbered sections, follow-up questions and references.
struct BodyReader {
  /// A summary being collected: its heading and the indexes of its content lines.
  struct Section {
    var position: Int
    var heading: String?
    /// Key of the heading, to recognise it repeated as a plain line.
    var headingKey: [UInt8] = []
    /// Byte offset just after the heading line (where an empty body sits).
    var headingEnd: Int
    /// Where the body starts inside its first line, when the heading ran into the text.
    var runInStart: Int?
    var content: [Int] = []
    /// Whether lines were dropped between content lines (the text must be rebuilt).
    var hasGaps = false
    /// Dropped lines seen since the last content line.
    var droppedSinceContent = false
  }

  private enum Region {
    case sections
    case followUps
    case references
  }

  let reader: PageReader
  let span: Range<Int>
  private(set) var sections: [Section] = []
  private(set) var followUps: [String] = []
  private(set) var references: [ParsedReference] = []
  /// Lines that fit nowhere (text after the references, say), kept as written.
  private(set) var unparsed: [String] = []
  private(set) var disclaimer: String?
  private(set) var bannerPresent = false
  private(set) var sawFollowUps = false
  private(set) var endsInReferences = false

  private var current: Section?
  private var region = Region.sections
  private var lastNumber = 0
  private var seenExecutiveSummary = false

  init(reader: PageReader, span: Range<Int>) {
    self.reader = reader
    self.span = span
  }

  private var bytes: UnsafeBufferPointer<UInt8> { reader.bytes }

  mutating func read() {
    guard !span.isEmpty else { return }
    current = Section(position: 0, headingEnd: reader.lines[span.lowerBound].start)
    for index in span {
      let line = reader.lines[index]
      let kind = reader.classify(line)
      switch kind {
      case .blank:
        continue
      case .chrome:
        drop()
      case .banner:
        bannerPresent = true
        drop()
      case .disclaimer where disclaimer == nil && sections.isEmpty && !hasContent:
        disclaimer = Bytes.normalizedString(bytes, line.range)
      case .followUpsHeader:
        finishSection()
        region = .followUps
        sawFollowUps = true
        endsInReferences = false
      case .executiveSummary where !seenExecutiveSummary && sections.isEmpty && region == .sections:
        startExecutiveSummary(index)
      default:
        readLine(index)
      }
    }
    finishSection()
    splitUnheadedSummary()
  }

  private var hasContent: Bool { !(current?.content.isEmpty ?? true) }

  private mutating func drop() {
    if hasContent { current?.droppedSinceContent = true }
  }

  private mutating func readLine(_ index: Int) {
    let line = reader.lines[index]
    if region != .references, isReferencesHeading(line) {
      finishSection()
      region = .references
      endsInReferences = true
      return
    }
    switch region {
    case .sections:
      if references.isEmpty, lastNumber > 0, let reference = referenceEntry(line) {
        // A numbered list of links right after the last section: references without heading.
        finishSection()
        region = .references
        endsInReferences = true
        references.append(reference)
      } else {
        readBodyLine(index)
      }
    case .followUps:
      if let reference = referenceEntry(line) {
        region = .references
        endsInReferences = true
        references.append(reference)
      } else {
        addFollowUp(line)
      }
    case .references:
      if let reference = referenceEntry(line) {
        references.append(reference)
      } else {
        unparsed.append(Bytes.string(bytes, Bytes.trim(bytes, line.range)))
      }
    }
  }

  /// The old layout's three headings, which some copies print without their numbers.
  static let oldLayoutHeadings: [[UInt8]] = [
    Array("summary of the results".utf8), Array("missing context/alternative viewpoints".utf8),
    Array("potential misinformation/bias in the original statement".utf8),
  ]

  private mutating func readBodyLine(_ index: Int) {
    let line = reader.lines[index]
    if let (number, heading) = reader.numberedHeading(line), number == lastNumber + 1 {
      startSection(number, heading: heading, line: line)
      return
    }
    let key = reader.headingKey(line.range)
    if let offset = Self.oldLayoutHeadings.firstIndex(of: key), offset + 1 == lastNumber + 1 {
      startSection(
        offset + 1, heading: reader.stripMarkdown(Bytes.trim(bytes, line.range)), line: line)
      return
    }
    // The old layout sometimes repeats a heading as a plain line, right after it or
    // right before it: one section, not two.
    if let section = current, section.content.isEmpty, !section.headingKey.isEmpty,
      key == section.headingKey
    {
      current?.headingEnd = line.end
      return
    }
    if let next = nextNonBlank(after: index), let (number, heading) = reader.numberedHeading(next),
      number == lastNumber + 1, reader.headingKey(heading) == key
    {
      drop()
      return
    }
    if current?.droppedSinceContent == true {
      current?.hasGaps = true
      current?.droppedSinceContent = false
    }
    current?.content.append(index)
  }

  private mutating func startSection(_ number: Int, heading: Range<Int>, line: Line) {
    finishSection()
    lastNumber = number
    var text = heading
    while !text.isEmpty, bytes[text.upperBound - 1] == UInt8(ascii: ":") {
      text = Bytes.trim(bytes, text.lowerBound..<(text.upperBound - 1))
    }
    current = Section(
      position: number, heading: Bytes.normalizedString(bytes, text),
      headingKey: reader.headingKey(text), headingEnd: line.end)
  }

  private mutating func startExecutiveSummary(_ index: Int) {
    let line = reader.lines[index]
    // Text between the title block and the executive summary heading has no place.
    if let preamble = current, preamble.position == 0, preamble.heading == nil {
      for content in preamble.content {
        unparsed.append(Bytes.string(bytes, Bytes.trim(bytes, reader.lines[content].range)))
      }
      current = nil
    }
    finishSection()
    seenExecutiveSummary = true
    let range = reader.stripMarkdown(Bytes.trim(bytes, line.range))
    let afterWords = range.lowerBound + 17  // "executive summary"
    var rest = Bytes.trim(bytes, afterWords..<range.upperBound)
    // A dash or colon may join the heading to a subtitle or to the summary itself.
    if let separator = separatorLength(at: rest.lowerBound, end: rest.upperBound) {
      rest = Bytes.trim(bytes, (rest.lowerBound + separator)..<rest.upperBound)
    }
    var section = Section(position: 0, headingEnd: line.end)
    if rest.isEmpty || isSubtitle(rest) {
      section.heading = Bytes.normalizedString(bytes, range)
    } else {
      // Run-in: "Executive Summary — The claim …": the text after the dash is the summary.
      section.heading = Bytes.normalizedString(bytes, range.lowerBound..<afterWords)
      section.runInStart = rest.lowerBound
      section.content = [index]
    }
    current = section
  }

  /// A short heading-like tail ("Quick Answer Up Front"): a few words, no sentence end.
  private func isSubtitle(_ range: Range<Int>) -> Bool {
    guard range.count <= 60 else { return false }
    let last = bytes[range.upperBound - 1]
    if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: "]") {
      return false
    }
    var words = 1
    for index in range where bytes[index] == Bytes.space {
      words += 1
    }
    return words <= 6
  }

  /// The byte length of `—`, `–`, `-` or `:` at `index`.
  private func separatorLength(at index: Int, end: Int) -> Int? {
    guard index < end else { return nil }
    let byte = bytes[index]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") { return 1 }
    return reader.dashLength(at: index, end: end)
  }

  private mutating func addFollowUp(_ line: Line) {
    var range = Bytes.trim(bytes, line.range)
    let bullet = CitationScanner.bulletLength(bytes, at: range.lowerBound, end: range.upperBound)
    if bullet > 0 {
      range = Bytes.trim(bytes, (range.lowerBound + bullet)..<range.upperBound)
    }
    guard !range.isEmpty else { return }
    followUps.append(Bytes.normalizedString(bytes, range))
  }

  // MARK: - References

  /// "References", "Sources", "Citations" (with a colon, in bold, ...) alone on a line.
  private func isReferencesHeading(_ line: Line) -> Bool {
    let key = reader.headingKey(line.range)
    return key == Array("references".utf8) || key == Array("sources".utf8)
      || key == Array("citations".utf8) || key == Array("sources and references".utf8)
  }

  /// `[1] https://…`, `1. https://…`, `1) Title — https://…`, or a bare URL (numbered by
  /// its place in the list).
  private func referenceEntry(_ line: Line) -> ParsedReference? {
    let range = Bytes.trim(bytes, line.range)
    guard !range.isEmpty, let url = TextScan.urls(bytes, range).first else { return nil }
    var number: Int?
    var index = range.lowerBound
    if bytes[index] == Bytes.openBracket { index += 1 }
    var value = 0
    let digitsStart = index
    while index < range.upperBound, Bytes.isDigit(bytes[index]), index - digitsStart < 3 {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
    }
    if index > digitsStart, index < range.upperBound,
      bytes[index] == Bytes.closeBracket || bytes[index] == UInt8(ascii: ".")
        || bytes[index] == UInt8(ascii: ")")
    {
      number = value
    } else if url.lowerBound != range.lowerBound {
      // Text before the URL that is not a number: a sentence with a link, not an entry.
      return nil
    }
    let text = Bytes.string(bytes, url)
    let refNumber = number ?? (references.last.map { $0.refNumber + 1 } ?? 1)
    guard refNumber > 0, !references.contains(where: { $0.refNumber == refNumber }) else {
      return nil
    }
    return ParsedReference(refNumber: refNumber, url: text, domain: TextScan.domain(of: text))
  }

  // MARK: - Sections

  private func nextNonBlank(after index: Int) -> Line? {
    var next = index + 1
    while next < span.upperBound {
      let line = reader.lines[next]
      if !reader.isBlank(line) { return line }
      next += 1
    }
    return nil
  }

  private mutating func finishSection() {
    guard let section = current else { return }
    current = nil
    // Text before the first heading with no heading of its own is the summary only
    // when there is some.
    if section.position == 0, section.heading == nil, section.content.isEmpty { return }
    sections.append(section)
  }

  /// A page with neither an executive summary heading nor numbered sections: its first
  /// paragraph is the summary, and the rest is kept as unparsed text.
  private mutating func splitUnheadedSummary() {
    guard sections.count == 1, sections[0].position == 0, sections[0].heading == nil,
      !seenExecutiveSummary, sections[0].content.count > 1
    else { return }
    let content = sections[0].content
    var firstParagraphEnd = 1
    // Lines without a blank line between them are one paragraph only when the page uses
    // blank lines at all; otherwise every line is a paragraph.
    if pageUsesBlankLines {
      while firstParagraphEnd < content.count,
        content[firstParagraphEnd] == content[firstParagraphEnd - 1] + 1
      {
        firstParagraphEnd += 1
      }
    }
    sections[0].content = Array(content[..<firstParagraphEnd])
    for index in content[firstParagraphEnd...] {
      unparsed.append(Bytes.string(bytes, Bytes.trim(bytes, reader.lines[index].range)))
    }
  }

  private var pageUsesBlankLines: Bool {
    span.contains { reader.isBlank(reader.lines[$0]) }
  }
}
