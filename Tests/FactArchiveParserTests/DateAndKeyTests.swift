import FactArchiveCore
import Testing

@testable import FactArchiveParser

@Suite struct DateAndKeyTests {
  func parse(_ text: String) -> DateText.Match? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { DateText.parse($0, 0..<$0.count) }
  }

  @Test(arguments: [
    "December 3, 2025", "Dec 3, 2025", "Dec. 3, 2025", "3 December 2025", "2025-12-03",
    "december 3 2025", "Dec 3rd, 2025", "3rd Dec 2025",
  ])
  func acceptsDateForms(_ text: String) {
    #expect(parse(text) == .day(Day(year: 2025, month: 12, day: 3) ?? Day(daysSinceEpoch: 0)))
  }

  @Test(arguments: [
    "February 30, 2025", "February 29, 2025", "April 31, 2024", "2025-02-30", "31 June 2026",
  ])
  func flagsImpossibleDates(_ text: String) {
    #expect(parse(text) == .impossible)
  }

  @Test(arguments: ["soon", "Decembre 3, 2025", "13/12/2025", "December 2025", "Maybe 3, 2025"])
  func refusesNonDates(_ text: String) {
    #expect(parse(text) == nil)
  }

  @Test func questionKeyIgnoresCaseQuotesPunctuationAndSpacing() {
    let a = QuestionKey.normalize("Did Valmora ban “ferry subsidies”?")
    let b = QuestionKey.normalize("did  valmora ban \"ferry subsidies\" ?")
    #expect(a == "did valmora ban ferry subsidies")
    #expect(a == b)
    #expect(QuestionKey.normalize("Don’t the ports close?") == "dont the ports close")
    #expect(QuestionKey.normalize("¿Cerró Valmora el puerto?") == "cerró valmora el puerto")
  }

  // One test per folding rule of `QuestionKey`.

  @Test func dottedAbbreviationsAreJoined() {
    let key = "did the us and uk ban it"
    #expect(QuestionKey.normalize("Did the U.S. and U.K. ban it?") == key)
    #expect(QuestionKey.normalize("Did the U.S and U.K ban it?") == key)
    #expect(QuestionKey.normalize("Did the US and UK ban it?") == key)
    #expect(QuestionKey.normalize("Is Washington, D.C. bankrupt?") == "is washington dc bankrupt")
    // A sentence's full stop after a single letter is not an abbreviation.
    #expect(QuestionKey.normalize("Did plan B. fail") == "did plan b fail")
  }

  @Test func curlyAndStraightQuotesAndApostrophesAreOne() {
    #expect(
      QuestionKey.normalize("Did ‘Norvik’s’ “ferry” ban pass?")
        == QuestionKey.normalize("Did 'Norvik's' \"ferry\" ban pass?"))
    #expect(QuestionKey.normalize("Isn’t it true?") == QuestionKey.normalize("Isn't it true?"))
  }

  @Test func dashesAndSpacingAreOneSpace() {
    let key = "did the cross border toll rise"
    #expect(QuestionKey.normalize("Did the cross–border toll  rise?") == key)
    #expect(QuestionKey.normalize("Did the cross—border\ttoll rise?") == key)
    #expect(QuestionKey.normalize("Did the cross-border\u{00A0}toll rise?") == key)
  }

  @Test func trailingPunctuationIsDropped() {
    let key = "did valmora ban trawlers"
    for ending in ["?", "?!", ".", "…", " ?", ":"] {
      #expect(QuestionKey.normalize("Did Valmora ban trawlers" + ending) == key, "\(ending)")
    }
  }

  @Test func aFactCheckPrefixIsDropped() {
    let key = "did valmora ban trawlers"
    #expect(QuestionKey.normalize("Fact check: Did Valmora ban trawlers?") == key)
    #expect(QuestionKey.normalize("FACT CHECK - did Valmora ban trawlers") == key)
    #expect(QuestionKey.normalize("Fact-check: Did Valmora ban trawlers?") == key)
    // Only as a prefix: the words elsewhere stay.
    #expect(
      QuestionKey.normalize("Did the fact check team ban trawlers?")
        == "did the fact check team ban trawlers")
  }

  @Test func compatibilityFormsAndCaseFold() {
    #expect(
      QuestionKey.normalize("Did ＵＳ ports ban ﬁsh imports?") == "did us ports ban fish imports")
    #expect(QuestionKey.normalize("DID VALMORA BAN TRAWLERS") == "did valmora ban trawlers")
    #expect(QuestionKey.normalize("Is CO₂ up?") == "is co2 up")
  }
}
