import FactArchiveCore
import Testing

@testable import FactArchiveParser

@Suite struct CitationScannerTests {
  /// Parses a one-section article whose body is `body` and returns (ref, sentence) pairs.
  func citations(in body: String) throws -> [(Int, String)] {
    let page = """
      A question?

      Checked on March 3, 2026

      1. Section

      \(body)
      """
    let document = try ArticleParser.parse(Array(page.utf8))
    let summary = try #require(document.articles.first?.summaries.first)
    return summary.citations.map { ($0.refNumber, document.sentence(of: $0, in: summary)) }
  }

  @Test(arguments: [
    ("Claim one [1] [2].", [1, 2]),
    ("Claim one [1][2][3].", [1, 2, 3]),
    ("Claim one [1], [2], and [5].", [1, 2, 5]),
    ("Claim one [1] and [2].", [1, 2]),
    ("Claim one [1, 2].", [1, 2]),
    ("Claim one [2–4].", [2, 3, 4]),
    ("Claim one [2-4].", [2, 3, 4]),
    ("Claim one [1] and again [1].", [1, 1]),
    ("Not a citation [sic] nor [Image] nor [].", []),
    ("Cut off at the end [4", []),
    ("A bracket before a marker [[1]] still cites, [x[2].", [1, 2]),
  ])
  func markerForms(_ body: String, _ expected: [Int]) throws {
    #expect(try citations(in: body).map(\.0) == expected)
  }

  @Test func markerAsSubjectStartsItsSentence() throws {
    let found = try citations(
      in: "Officials deny it [1]. [2] suggests otherwise. According to [3], nobody knows.")
    #expect(
      found.map(\.1) == [
        "Officials deny it [1].", "[2] suggests otherwise.", "According to [3], nobody knows.",
      ])
  }

  @Test func markerAfterThePeriodBelongsToThatSentence() throws {
    let found = try citations(in: "First claim. [1] [2]\nSecond claim holds [3].")
    #expect(
      found.map(\.1) == ["First claim. [1] [2]", "First claim. [1] [2]", "Second claim holds [3]."])
  }

  @Test func abbreviationsAndDecimalsDoNotEndSentences() throws {
    let found = try citations(
      in: "The U.S. Treasury and Gen. Alcala moved 3.5 tons [1]. Next one [2].")
    #expect(
      found.map(\.1) == ["The U.S. Treasury and Gen. Alcala moved 3.5 tons [1].", "Next one [2]."])
  }

  @Test func bulletsAreNotPartOfTheSentence() throws {
    let found = try citations(in: "  • Shipments rose [1].\n- Prices fell [2].")
    #expect(found.map(\.1) == ["Shipments rose [1].", "Prices fell [2]."])
  }

  @Test func characterOffsetsMatchSQLiteSubstr() throws {
    // Curly quotes and an em dash are several bytes but one character each.
    let page = "Q?\n\nChecked on March 3, 2026\n\n1. Head\n\n“Quoted” — text [1]. Then more [2].\n"
    let document = try ArticleParser.parse(Array(page.utf8))
    let summary = try #require(document.articles.first?.summaries.first)
    let body = Array(document.body(of: summary).unicodeScalars)
    for citation in summary.citations {
      let slice = String(
        String.UnicodeScalarView(
          body[citation.sentenceStart..<(citation.sentenceStart + citation.sentenceLength)]))
      #expect(slice == document.sentence(of: citation, in: summary))
      #expect(body[citation.markerStart] == "[")
    }
  }
}
