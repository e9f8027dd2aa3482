import FactArchiveCore

/// Telling fact-checks, source articles and site listing pages apart.
extension PageReader {
  /// Any sign of a Factually fact-check: a `Checked on` line, an executive summary heading,
  /// "Want to dive deeper?", the banner or Factually's disclaimer, the old layout's
  /// "Summary of the results", or numbered sections 1 and 2 with citation markers.
  func hasFactCheckStructure() -> Bool {
    var sawSectionOne = false
    var sawSectionTwo = false
    var sawMarker = false
    for (line, lineClass) in zip(lines, classes) {
      switch lineClass.kind {
      case .checkedOn, .executiveSummary, .followUpsHeader, .banner:
        return true
      case .disclaimer:
        if Bytes.contains(bytes, line.range, "factually") { return true }
      case .text:
        if lineClass.headingKey == BodyReader.oldLayoutHeadings[0] { return true }
        if let numbered = lineClass.numbered {
          if numbered.number == 1,
            Bytes.hasPrefix(bytes, numbered.heading, "summary of the results")
          {
            return true
          }
          if numbered.number == 1 { sawSectionOne = true }
          if numbered.number == 2, sawSectionOne { sawSectionTwo = true }
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
    for (line, lineClass) in zip(lines, classes) where !lineClass.kind.isBlankOrChrome {
      let range = Bytes.trim(bytes, line.range)
      if range.count > PageShape.longestListingLine { return false }
      textLines += 1
      if TextScan.latestDate(bytes, [range], notAfter: nil) != nil {
        datedLines += 1
      }
    }
    return textLines >= PageShape.fewestListingLines
      && datedLines >= PageShape.fewestDatedListingLines
      && datedLines * PageShape.listingLinesPerDatedLine >= textLines
  }
}
