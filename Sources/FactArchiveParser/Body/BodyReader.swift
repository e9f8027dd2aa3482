import FactArchiveCore

/// Reads an article's body, the lines after its title and `Checked on` line: disclaimer,
/// banner, executive summary, numbered sections, follow-up questions and references.
///
/// A state machine over the page's lines, each classified once (`PageReader.classes`):
///
/// ```text
/// preamble ──"Executive summary"──→ executiveSummary ──"1. …"──→ section(1) ──"2. …"──→ …
///    └────────────"1. …"────────────────────────────────────────↗
/// any of these ──"Want to dive deeper?"──→ followUps
/// any of these ──"References"────────────→ references   (or a numbered link after a section)
/// ```
///
/// The disclaimer and the "may be outdated" banner are recognised wherever they stand
/// before the text starts; page chrome is dropped anywhere.
struct BodyReader {
  /// Where the reader is in the body.
  enum State: Equatable {
    /// Before the executive summary heading or the first numbered section: text here is
    /// the summary of a page without headings, or has no place when a heading follows.
    case preamble
    /// Under the executive summary heading.
    case executiveSummary
    /// Under numbered section `n`.
    case section(Int)
    /// After "Want to dive deeper?".
    case followUps
    /// In the reference list.
    case references
  }

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
  private(set) var state = State.preamble
  private(set) var sections: [Section] = []
  private(set) var followUps: [String] = []
  private(set) var references: [ParsedReference] = []
  /// Lines that fit nowhere (text after the references, say), kept as written.
  private(set) var unparsed: [String] = []
  private(set) var disclaimer: String?
  private(set) var bannerPresent = false
  private(set) var sawFollowUps = false
  private(set) var sawExecutiveSummary = false
  /// The section being collected.
  private var current: Section?

  /// The `Checked on` line when it stands inside the span (after the disclaimer): read by
  /// the page reader, not text of the body.
  let dateLine: Int?

  init(reader: PageReader, span: Range<Int>, skipping dateLine: Int? = nil) {
    self.reader = reader
    self.span = span
    self.dateLine = dateLine
  }

  private var bytes: UnsafeBufferPointer<UInt8> { reader.bytes }

  /// Whether the body ends in its reference list (a copy that does is not cut off).
  var endsInReferences: Bool { state == .references }

  /// The number of the section being read; 0 before the first.
  private var sectionNumber: Int {
    if case .section(let number) = state { return number }
    return 0
  }

  private var isInSummaryOrSection: Bool {
    switch state {
    case .preamble, .executiveSummary, .section: return true
    case .followUps, .references: return false
    }
  }

  mutating func read() {
    guard !span.isEmpty else { return }
    current = Section(position: 0, headingEnd: reader.lines[span.lowerBound].start)
    for index in span {
      let line = reader.lines[index]
      if index == dateLine {
        drop()
        continue
      }
      switch reader.classes[index].kind {
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
        state = .followUps
        sawFollowUps = true
      case .executiveSummary where !sawExecutiveSummary && sections.isEmpty && isInSummaryOrSection:
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
    let line = reader.lines[index].range
    if state != .references, ReferenceList.isHeading(reader.classes[index].headingKey) {
      finishSection()
      state = .references
      return
    }
    switch state {
    case .preamble, .executiveSummary, .section:
      if references.isEmpty, sectionNumber > 0,
        let reference = ReferenceList.entry(bytes, line, after: references)
      {
        // A numbered list of links right after the last section: references without heading.
        finishSection()
        state = .references
        references.append(reference)
      } else {
        readBodyLine(index)
      }
    case .followUps:
      if let reference = ReferenceList.entry(bytes, line, after: references) {
        state = .references
        references.append(reference)
      } else {
        addFollowUp(line)
      }
    case .references:
      if let reference = ReferenceList.entry(bytes, line, after: references) {
        references.append(reference)
      } else {
        unparsed.append(Bytes.string(bytes, Bytes.trim(bytes, line)))
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
    let lineClass = reader.classes[index]
    let next = sectionNumber + 1
    if let numbered = lineClass.numbered, numbered.number == next {
      startSection(next, heading: numbered.heading, line: line)
      return
    }
    let key = lineClass.headingKey
    if let offset = Self.oldLayoutHeadings.firstIndex(of: key), offset + 1 == next {
      startSection(next, heading: reader.stripMarkdown(Bytes.trim(bytes, line.range)), line: line)
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
    if let following = nextNonBlank(after: index), let numbered = following.numbered,
      numbered.number == next, reader.headingKey(numbered.heading) == key
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
    state = .section(number)
    let text = Bytes.trimTrailingColons(bytes, heading)
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
    state = .executiveSummary
    sawExecutiveSummary = true
    let range = reader.stripMarkdown(Bytes.trim(bytes, line.range))
    let afterWords = range.lowerBound + "executive summary".utf8.count
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
    guard range.count <= PageShape.longestSubtitle else { return false }
    let last = bytes[range.upperBound - 1]
    if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: "]") {
      return false
    }
    var words = 1
    for index in range where bytes[index] == Bytes.space {
      words += 1
    }
    return words <= PageShape.mostSubtitleWords
  }

  /// The byte length of `—`, `–`, `-` or `:` at `index`.
  private func separatorLength(at index: Int, end: Int) -> Int? {
    guard index < end else { return nil }
    let byte = bytes[index]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") { return 1 }
    return reader.dashLength(at: index, end: end)
  }

  private mutating func addFollowUp(_ line: Range<Int>) {
    let range = Bullet.stripped(bytes, line)
    guard !range.isEmpty else { return }
    followUps.append(Bytes.normalizedString(bytes, range))
  }

  // MARK: - Sections

  private func nextNonBlank(after index: Int) -> LineClass? {
    var next = index + 1
    while next < span.upperBound {
      if !reader.isBlank(next) { return reader.classes[next] }
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
      !sawExecutiveSummary, sections[0].content.count > 1
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
    span.contains(where: reader.isBlank)
  }
}
