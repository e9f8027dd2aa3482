import FactArchiveCore

/// What a line of a fact-check page is, before its place in the page is known.
enum LineKind: Equatable {
  case blank
  /// Page furniture that is not the article ("Keep Factually independent", "Loading...").
  case chrome
  case checkedOn
  case disclaimer
  case banner
  case executiveSummary
  case followUpsHeader
  case text

  var name: String {
    switch self {
    case .blank: return "a blank line"
    case .chrome: return "page chrome"
    case .checkedOn: return "its 'Checked on' line"
    case .disclaimer: return "the disclaimer"
    case .banner: return "the 'may be outdated' banner"
    case .executiveSummary: return "the executive summary heading"
    case .followUpsHeader: return "'Want to dive deeper?'"
    case .text: return "text"
    }
  }

  var isBlankOrChrome: Bool { self == .blank || self == .chrome }
}

/// A numbered section heading (`1. Heading`, `**2. Heading**`, `3) Heading:`).
struct NumberedHeading: Equatable {
  var number: Int
  /// The heading text without number, colon or markdown.
  var heading: Range<Int>
}

/// Everything the readers ask of one line, worked out once per line when the page is
/// split (`PageReader.classes`), so no line is classified twice.
struct LineClass {
  var kind: LineKind
  /// For a `Checked on <date>` line: the date text.
  var checkedOnDate: Range<Int>?
  /// The line reduced for comparing headings: markdown, final colons and ASCII case do not
  /// matter. Empty for blank lines and for lines too long to be a heading.
  var headingKey: [UInt8]
  /// Set when the line is a numbered section heading.
  var numbered: NumberedHeading?
}

extension PageReader {
  /// Lines that are page chrome, matched on their start (case is ignored).
  static let chromePrefixes: [StaticString] = [
    "keep factually independent",
    "whether you agree or disagree with our analysis",
    "loading...",
    "loading\u{2026}",
    "are you looking for more information regarding factually",
    "still have questions? reach out",
    "was this fact-check helpful",
    "support independent fact-checking",
    "time left: ",
  ]

  /// Classifies one line: where "Checked on", the disclaimer, the banner, the executive
  /// summary and "Want to dive deeper?" lines are recognised.
  func classify(_ line: Line) -> LineClass {
    let range = Bytes.trim(bytes, line.range)
    guard !range.isEmpty else {
      return LineClass(kind: .blank, checkedOnDate: nil, headingKey: [], numbered: nil)
    }
    let checkedOn = checkedOnDate(range)
    return LineClass(
      kind: checkedOn != nil ? .checkedOn : kind(of: range), checkedOnDate: checkedOn,
      headingKey: headingKey(range), numbered: numberedHeading(range))
  }

  private func kind(of range: Range<Int>) -> LineKind {
    let first = Bytes.lowercased(bytes[range.lowerBound])
    // A copy saved as markdown writes these lines in bold or as headings.
    let isMarked = first == UInt8(ascii: "*") || first == UInt8(ascii: "#")
    let plain = isMarked ? stripMarkdown(range) : range
    switch plain.isEmpty ? first : Bytes.lowercased(bytes[plain.lowerBound]) {
    case UInt8(ascii: "d"):
      if Bytes.hasPrefix(bytes, plain, "disclaimer:") { return .disclaimer }
    case UInt8(ascii: "t"):
      if Bytes.hasPrefix(bytes, plain, "this fact-check may be outdated") { return .banner }
    case UInt8(ascii: "w"):
      if Bytes.hasPrefix(bytes, plain, "want to dive deeper") { return .followUpsHeader }
    default:
      break
    }
    if first == UInt8(ascii: "e") || first == UInt8(ascii: "#") || first == UInt8(ascii: "*"),
      Bytes.hasPrefix(bytes, stripMarkdown(range), "executive summary")
    {
      return .executiveSummary
    }
    for prefix in PageReader.chromePrefixes where Bytes.hasPrefix(bytes, range, prefix) {
      return .chrome
    }
    // "Goal: $500", "Goal: 1,000 supporters": a fundraising counter.
    if Bytes.hasPrefix(bytes, range, "goal: "), range.count > 6 {
      let next = bytes[range.lowerBound + 6]
      if next == UInt8(ascii: "$") || Bytes.isDigit(next) { return .chrome }
    }
    return .text
  }

  func isBlank(_ index: Int) -> Bool {
    classes[index].kind == .blank
  }

  func isBlankOrChrome(_ index: Int) -> Bool {
    classes[index].kind.isBlankOrChrome
  }

  /// The date text of a `Checked on <date>` line (`range` trimmed), or `nil` when the line
  /// is not one. Written as on the site (`Checked on December 3, 2025`), with a colon
  /// (`Checked on: …`) or in markdown (`**Checked on** …`, `*Checked on December 3, 2025*`).
  private func checkedOnDate(_ range: Range<Int>) -> Range<Int>? {
    guard range.count <= PageShape.longestCheckedOnLine else { return nil }
    var start = range.lowerBound
    while start < range.upperBound, Self.isEmphasis(bytes[start]) { start += 1 }
    guard Bytes.hasPrefix(bytes, start..<range.upperBound, "checked on") else { return nil }
    let afterWords = start + "checked on".utf8.count
    var dateStart = afterWords
    while dateStart < range.upperBound {
      let space = Bytes.whitespaceLength(bytes, at: dateStart, end: range.upperBound)
      if space > 0 {
        dateStart += space
      } else if Self.isEmphasis(bytes[dateStart]) || bytes[dateStart] == UInt8(ascii: ":") {
        dateStart += 1
      } else {
        break
      }
    }
    var date = Bytes.trim(bytes, dateStart..<range.upperBound)
    while !date.isEmpty, let last = date.last, Self.isEmphasis(bytes[last]) {
      date = Bytes.trim(bytes, date.lowerBound..<last)
    }
    // "Checked on" must end there: "Checked online" is not the date line.
    guard dateStart > afterWords, !date.isEmpty else { return nil }
    return date
  }

  /// Markdown emphasis around a line or a label: `*`, `_`.
  private static func isEmphasis(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
  }

  /// A numbered section heading in `range` (trimmed): its number and its text without
  /// number, colon or markdown.
  private func numberedHeading(_ range: Range<Int>) -> NumberedHeading? {
    let range = stripMarkdown(range)
    guard
      let (number, end) = Bytes.leadingNumber(
        bytes, range, maxDigits: PageShape.mostNumberDigits),
      end < range.upperBound,
      bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"),
      end + 1 < range.upperBound,
      Bytes.whitespaceLength(bytes, at: end + 1, end: range.upperBound) > 0
    else { return nil }
    let heading = Bytes.trimTrailingColons(
      bytes, stripMarkdown(Bytes.trim(bytes, (end + 1)..<range.upperBound)))
    guard !heading.isEmpty, heading.count <= PageShape.longestHeading,
      !Bytes.hasPrefix(bytes, heading, "http://"), !Bytes.hasPrefix(bytes, heading, "https://")
    else { return nil }
    // A long numbered sentence is a list item, not a heading.
    if heading.count > PageShape.longestHeadingSentence,
      bytes[heading.upperBound - 1] == UInt8(ascii: ".")
    {
      return nil
    }
    return NumberedHeading(number: number, heading: heading)
  }

  /// The text reduced for comparing headings: markdown, a final colon and case do not
  /// matter. Only text as short as a heading gets a key; longer text gets none.
  func headingKey(_ range: Range<Int>) -> [UInt8] {
    Bytes.headingKey(bytes, range)
  }
}
