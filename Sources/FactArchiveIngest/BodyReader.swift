/// Reads an article's body, the lines after its `Checked on` line: disclaimer, banner,
/// executive summary, numbered sections and follow-up questions.
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

  let reader: PageReader
  let span: Range<Int>
  private(set) var sections: [Section] = []
  private(set) var followUps: [String] = []
  private(set) var disclaimer: String?
  private(set) var bannerPresent = false

  private var current: Section?
  private var lastNumber = 0
  private var seenExecutiveSummary = false
  private var inFollowUps = false

  init(reader: PageReader, span: Range<Int>) {
    self.reader = reader
    self.span = span
  }

  private var bytes: UnsafeBufferPointer<UInt8> { reader.bytes }

  mutating func read() {
    let start = span.lowerBound
    current = Section(position: 0, headingEnd: reader.lines[start].start)
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
        disclaimer = Bytes.string(bytes, Bytes.trim(bytes, line.range))
      case .followUpsHeader:
        finishSection()
        inFollowUps = true
      case .executiveSummary where !seenExecutiveSummary && sections.isEmpty && !inFollowUps:
        startExecutiveSummary(index)
      default:
        if inFollowUps {
          addFollowUp(line)
        } else {
          readBodyLine(index)
        }
      }
    }
    finishSection()
  }

  private var hasContent: Bool { !(current?.content.isEmpty ?? true) }

  private mutating func drop() {
    if hasContent { current?.droppedSinceContent = true }
  }

  private mutating func readBodyLine(_ index: Int) {
    let line = reader.lines[index]
    if let (number, heading) = reader.numberedHeading(line), number == lastNumber + 1 {
      finishSection()
      lastNumber = number
      current = Section(
        position: number, heading: Bytes.string(bytes, heading),
        headingKey: reader.headingKey(heading), headingEnd: line.end)
      return
    }
    let key = reader.headingKey(line.range)
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

  private mutating func startExecutiveSummary(_ index: Int) {
    let line = reader.lines[index]
    finishSection()
    seenExecutiveSummary = true
    let range = reader.stripMarkdown(Bytes.trim(bytes, line.range))
    let afterWords = range.lowerBound + 17  // "executive summary"
    var rest = Bytes.trim(bytes, afterWords..<range.upperBound)
    // A dash or colon may join the heading to a subtitle or to the summary itself.
    var separatorEnd = rest.lowerBound
    if let separator = separatorLength(at: rest.lowerBound, end: rest.upperBound) {
      separatorEnd = rest.lowerBound + separator
      rest = Bytes.trim(bytes, separatorEnd..<rest.upperBound)
    }
    var section = Section(position: 0, headingEnd: line.end)
    if rest.isEmpty || isSubtitle(rest) {
      section.heading = Bytes.string(bytes, range)
    } else {
      // Run-in: "Executive Summary — The claim …": the text after the dash is the summary.
      section.heading = Bytes.string(bytes, range.lowerBound..<afterWords)
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
    if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
      bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
    {
      return 3
    }
    return nil
  }

  private mutating func addFollowUp(_ line: Line) {
    var range = Bytes.trim(bytes, line.range)
    let bullet = CitationScanner.bulletLength(bytes, at: range.lowerBound, end: range.upperBound)
    if bullet > 0 {
      range = Bytes.trim(bytes, (range.lowerBound + bullet)..<range.upperBound)
    }
    guard !range.isEmpty else { return }
    followUps.append(Bytes.string(bytes, range))
  }

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
}
