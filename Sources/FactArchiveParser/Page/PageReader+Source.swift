import FactArchiveCore

/// Source articles: the news and analysis pieces fact-checks cite (seeds 002–004 show
/// three kinds). Top to bottom: an optional publisher or section label, the title, an
/// optional byline and date, the text, and sometimes a reference list and page footer.
extension PageReader {
  /// Footer and sharing furniture of news sites, matched on the start of a short line.
  static let sourceChromePrefixes: [StaticString] = [
    "leave a comment", "leave a reply", "back to top", "related articles", "related posts",
    "your email address will not be published", "share this", "share on ", "click to share",
    "sign up for our newsletter", "subscribe to our newsletter", "advertisement",
    "skip to content", "read more:", "you may also like",
  ]

  private static let labelPrefixes: [StaticString] = [
    "tag:", "tags:", "category:", "categories:", "section:", "topic:", "filed under",
  ]

  private static let bylinePrefixes: [StaticString] = [
    "reported by ", "by ", "written by ", "words by ", "author:", "authors:",
  ]

  private static let datePrefixes: [StaticString] = [
    "published on ", "published ", "posted on ", "posted ", "updated on ", "updated ", "date:",
  ]

  mutating func readSource() throws(ParseError) -> ParsedSource {
    let text = lines.indices.filter { index in
      !isBlankOrChrome(index) && !isSourceChrome(lines[index])
    }
    guard let first = text.first else {
      throw ParseError(line: 1, "empty file: only page furniture")
    }
    var cursor = 0
    var label: String?
    if text.count > 2, isLabel(lines[first]) {
      label = Bytes.normalizedString(bytes, withoutBullet(lines[first].range))
      cursor += 1
    }
    let titleRange = withoutBullet(lines[text[cursor]].range)
    let title = Bytes.normalizedString(bytes, titleRange)
    let titleLine = lines[text[cursor]].number
    cursor += 1
    if cursor < text.count,
      Bytes.normalizedString(bytes, withoutBullet(lines[text[cursor]].range)) == title
    {
      cursor += 1  // the title repeated (a teaser list, then the article)
    }
    var byline: String?
    var publishedOn: Day?
    // Byline and date lines sit right under the title, in either order.
    for _ in 0..<2 where cursor < text.count {
      let range = Bytes.trim(bytes, lines[text[cursor]].range)
      if byline == nil, range.count <= PageShape.longestByline,
        Self.bylinePrefixes.contains(where: { Bytes.hasPrefix(bytes, range, $0) })
      {
        byline = Bytes.normalizedString(bytes, range)
        cursor += 1
      } else if publishedOn == nil, let day = statedDate(range) {
        publishedOn = day
        cursor += 1
      }
    }
    let bodyLines = Array(text[cursor...])
    guard !bodyLines.isEmpty else {
      throw ParseError(line: titleLine, "no article text after the title")
    }
    let allText = text.map { lines[$0].range }
    return ParsedSource(
      title: title, label: label, byline: byline, publishedOn: publishedOn,
      publishedOnInferred: publishedOn == nil
        ? TextScan.latestDate(bytes, allText, notAfter: options.latestPlausibleDay) : nil,
      body: joinParagraphs(bodyLines),
      links: links(in: text))
  }

  private func isSourceChrome(_ line: Line) -> Bool {
    let range = Bytes.trim(bytes, line.range)
    guard range.count <= PageShape.longestSourceChrome else { return false }
    return Self.sourceChromePrefixes.contains { Bytes.hasPrefix(bytes, range, $0) }
  }

  /// `Tag: Latin America`, or a short name above the title (`Trends-UK`).
  private func isLabel(_ line: Line) -> Bool {
    let range = Bytes.trim(bytes, line.range)
    if Self.labelPrefixes.contains(where: { Bytes.hasPrefix(bytes, range, $0) }) { return true }
    guard range.count <= PageShape.longestLabel, let last = range.last else { return false }
    let final = bytes[last]
    if final == UInt8(ascii: ".") || final == UInt8(ascii: "?") || final == UInt8(ascii: "!") {
      return false
    }
    let words = range.filter { bytes[$0] == Bytes.space }.count + 1
    return words <= PageShape.mostLabelWords
  }

  /// A `Published on …` line, or a line that is only a date.
  private func statedDate(_ range: Range<Int>) -> Day? {
    guard range.count <= PageShape.longestDateLine else { return nil }
    var dateRange = range
    for prefix in Self.datePrefixes where Bytes.hasPrefix(bytes, range, prefix) {
      dateRange = Bytes.trim(
        bytes, (range.lowerBound + prefix.utf8CodeUnitCount)..<range.upperBound)
      break
    }
    if case .day(let day) = DateText.parse(bytes, dateRange) { return day }
    return nil
  }

  private func withoutBullet(_ range: Range<Int>) -> Range<Int> {
    Bullet.stripped(bytes, range)
  }

  /// The lines, trimmed, one per line, with a blank line where the page had one.
  private func joinParagraphs(_ indexes: [Int]) -> String {
    String(
      decoding: joinLines(indexes.map { ($0, Bytes.trim(bytes, lines[$0].range)) }), as: UTF8.self)
  }

  /// Every http(s) URL, once each in order of first appearance.
  private func links(in indexes: [Int]) -> [ParsedLink] {
    var seen: Set<String> = []
    var links: [ParsedLink] = []
    var inReferences = false
    for index in indexes {
      if ReferenceList.isHeading(classes[index].headingKey) {
        inReferences = true
        continue
      }
      for range in TextScan.urls(bytes, lines[index].range) {
        let url = WebAddress.unwrapped(Bytes.string(bytes, range))
        guard seen.insert(url).inserted else { continue }
        links.append(
          ParsedLink(url: url, domain: WebAddress.domain(of: url), inReferences: inReferences))
      }
    }
    return links
  }
}
