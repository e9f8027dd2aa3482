import Testing

@testable import FactArchivePolicy

@Suite struct AboutTextTests {
  /// The definition `isTitleCase` implements, by `Character`: words are runs of letters and
  /// apostrophes, and a line is in Title Case when at least three quarters of its words of
  /// four letters or more start with a capital.
  func titleCaseByCharacter(_ line: String) -> Bool {
    let words = line.split { !$0.isLetter && $0 != "'" && $0 != "’" }.filter { $0.count >= 4 }
    guard words.count >= 3 else { return false }
    let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
    return capitalised * 4 >= words.count * 3
  }

  @Test(arguments: [
    "Prosecutors Widen Case Against Norvik Shipping",
    "Prosecutors widen case against Norvik Shipping",
    "What the Harbour Authority Said About Ferry Fares",
    "Bottom line and open questions",
    "Why It Matters",
    "Élan Vital Returns: Zürich Café Owners Protest",
    "E\u{301}lan Vital Returns: Zu\u{308}rich Cafe\u{301} Owners Protest",
    "e\u{301}lan vital returns to zu\u{308}rich",
    "Ｆｕｌｌｗｉｄｔｈ Ｌｅｔｔｅｒｓ Ｓｅｅｍ Ｆｉｎｅ Ｔｏｏ",
    "ΟΙ ΕΚΛΟΓΕΣ Στην Αθήνα Σήμερα",
    "O'Brien's Rebuttal Changes Nothing Today",
    "’Twas Brillig And Slithy Toves",
    "Numbers 2024 Budget Shows 3.5% Growth Again",
    "",
    "a b c",
    "Москва Объявила Новые Правила Сегодня",
    "東京 Tokyo Announces Something Large",
  ])
  func titleCaseIsTheCharacterDefinition(_ line: String) {
    #expect(AboutText.isTitleCase(line) == titleCaseByCharacter(line), "\(line)")
  }

  @Test func titleCaseHeadingsSayNothingAboutNames() {
    #expect(AboutText.isTitleCase("Prosecutors Widen Case Against Norvik Shipping"))
    #expect(!AboutText.isTitleCase("Prosecutors widen case against Norvik Shipping"))
    #expect(!AboutText.isTitleCase("Why It Matters"), "fewer than three long words")
  }
}
