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
}
