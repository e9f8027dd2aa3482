/// Telling fact-checks, source articles and site listing pages apart.
extension PageReader {
  /// Any sign of a Factually fact-check: a `Checked on` line, an executive summary heading,
  /// "Want to dive deeper?", the banner or Factually's disclaimer, the old layout's
  /// "Summary of the results", or numbered sections 1 and 2 with citation markers.
  func hasFactCheckStructure() -> Bool {
    var sawSectionOne = false
    var sawSectionTwo = false
    var sawMarker = false
    for line in lines {
      switch classify(line) {
      case .checkedOn, .executiveSummary, .followUpsHeader, .banner:
        return true
      case .disclaimer:
        if Bytes.contains(bytes, line.range, "factually") { return true }
      case .text:
        if headingKey(line.range) == BodyReader.oldLayoutHeadings[0] { return true }
        if let (number, heading) = numberedHeading(line) {
          if number == 1, Bytes.hasPrefix(bytes, heading, "summary of the results") { return true }
          if number == 1 { sawSectionOne = true }
          if number == 2, sawSectionOne { sawSectionTwo = true }
        }
        if !sawMarker, Bytes.contains(bytes, line.range, "["),
          !CitationScanner.findMarkers(bytes, line.range).isEmpty
        {
          sawMarker = true
        }
      default:
        break
      }
    }
    return sawSectionTwo && sawMarker
  }

  /// A topic, people or organisation index of the site: many short lines, several of them
  /// dated, and no paragraph of article text.
  func isListingPage() -> Bool {
    var textLines = 0
    var datedLines = 0
    for line in lines {
      let kind = classify(line)
      guard kind != .blank, kind != .chrome else { continue }
      let range = Bytes.trim(bytes, line.range)
      if range.count > 250 { return false }
      textLines += 1
      if TextScan.latestDate(bytes, [range], notAfter: nil) != nil {
        datedLines += 1
      }
    }
    return textLines >= 8 && datedLines >= 3 && datedLines * 5 >= textLines
  }
}
