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

  func classify(_ line: Line) -> LineKind {
    let range = Bytes.trim(bytes, line.range)
    if range.isEmpty { return .blank }
    let first = Bytes.lowercased(bytes[range.lowerBound])
    switch first {
    case UInt8(ascii: "c"):
      if checkedOnDate(line) != nil { return .checkedOn }
    case UInt8(ascii: "d"):
      if Bytes.hasPrefix(bytes, range, "disclaimer:") { return .disclaimer }
    case UInt8(ascii: "t"):
      if Bytes.hasPrefix(bytes, range, "this fact-check may be outdated") { return .banner }
    case UInt8(ascii: "w"):
      if Bytes.hasPrefix(bytes, range, "want to dive deeper") { return .followUpsHeader }
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

  func isBlank(_ line: Line) -> Bool {
    Bytes.trim(bytes, line.range).isEmpty
  }

  func isBlankOrChrome(_ index: Int) -> Bool {
    let kind = classify(lines[index])
    return kind == .blank || kind == .chrome
  }

  /// The date text of a `Checked on <date>` line, or `nil` when the line is not one.
  func checkedOnDate(_ line: Line) -> Range<Int>? {
    let range = Bytes.trim(bytes, line.range)
    guard range.count <= 60, Bytes.hasPrefix(bytes, range, "checked on") else { return nil }
    let rest = Bytes.trim(bytes, (range.lowerBound + 10)..<range.upperBound)
    guard !rest.isEmpty, rest.lowerBound > range.lowerBound + 10 else { return nil }
    return rest
  }

  /// A numbered section heading (`1. Heading`, `**2. Heading**`, `3) Heading:`): the number
  /// and the heading text without number, colon or markdown.
  func numberedHeading(_ line: Line) -> (number: Int, heading: Range<Int>)? {
    let range = stripMarkdown(Bytes.trim(bytes, line.range))
    var index = range.lowerBound
    var number = 0
    while index < range.upperBound, Bytes.isDigit(bytes[index]), index - range.lowerBound < 3 {
      number = number * 10 + Int(bytes[index] - 0x30)
      index += 1
    }
    guard index > range.lowerBound, index < range.upperBound,
      bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
    else { return nil }
    index += 1
    guard index < range.upperBound,
      Bytes.whitespaceLength(bytes, at: index, end: range.upperBound) > 0
    else { return nil }
    var heading = Bytes.trim(bytes, index..<range.upperBound)
    heading = stripMarkdown(heading)
    while !heading.isEmpty, bytes[heading.upperBound - 1] == UInt8(ascii: ":") {
      heading = Bytes.trim(bytes, heading.lowerBound..<(heading.upperBound - 1))
    }
    guard !heading.isEmpty, heading.count <= 200,
      !Bytes.hasPrefix(bytes, heading, "http://"), !Bytes.hasPrefix(bytes, heading, "https://")
    else { return nil }
    // A long numbered sentence is a list item, not a heading.
    if heading.count > 120, bytes[heading.upperBound - 1] == UInt8(ascii: ".") { return nil }
    return (number, heading)
  }

  /// The line's text reduced for comparing headings: markdown, a final colon and case
  /// do not matter.
  func headingKey(_ range: Range<Int>) -> [UInt8] {
    var trimmed = stripMarkdown(Bytes.trim(bytes, range))
    while !trimmed.isEmpty, bytes[trimmed.upperBound - 1] == UInt8(ascii: ":") {
      trimmed = Bytes.trim(bytes, trimmed.lowerBound..<(trimmed.upperBound - 1))
    }
    return trimmed.map { Bytes.lowercased(bytes[$0]) }
  }
}
