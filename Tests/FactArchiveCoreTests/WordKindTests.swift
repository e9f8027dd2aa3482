import FactArchiveCore
import Testing

/// The ASCII shortcuts give exactly Unicode's answers.
@Suite struct WordKindTests {
  static let scalars: [Unicode.Scalar] =
    (0...0x7F).compactMap { Unicode.Scalar($0) }
    + ["é", "É", "ß", "ø", "Ω", "ж", "Ж", "٣", "½", "\u{0301}", "¨", "’", "—", "中", "\u{00A0}"]

  @Test(arguments: scalars)
  func shortcutsMatchUnicodeProperties(_ scalar: Unicode.Scalar) {
    let properties = scalar.properties
    #expect(scalar.isWordLetter == properties.isAlphabetic)
    #expect(scalar.isWordCharacter == (properties.isAlphabetic || properties.numericType != nil))
    #expect(scalar.isCapital == properties.isUppercase)
    #expect(scalar.isDiacriticMark == properties.isDiacritic)
  }

  @Test(arguments: [
    "", "Plain ASCII, With Capitals 123!", "Bogotá’s “ÉLITE” — Straße", "İstanbul ΣΟΦΙΑ",
    "ǅungla Ж\u{0301}", "中文 MIXED\n\tTabs", String(scalars.map(Character.init)),
  ])
  func lowercasedUTF8IsLowercasedsBytes(_ text: String) {
    #expect(text.lowercasedUTF8 == Array(text.lowercased().utf8))
  }
}
