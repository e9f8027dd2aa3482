import FactArchiveCore
import FactArchivePolicy
import Testing

/// The normalised verdict: labels in many languages, a label followed by the publisher's
/// explanation, and the number on its scale when the label is unknown.
@Suite struct RatingLexiconTests {
  @Test(arguments: [
    ("False", RatingClass.false), ("Pants on Fire!", .false), ("MOSTLY FALSE.", .mostlyFalse),
    ("Half True", .mixed), ("Missing context", .mixed), ("Mostly True", .mostlyTrue),
    ("True", .true), ("Unproven", .unproven), ("Satire", .other),
    ("Falso", .false), ("Engañoso", .mostlyFalse), ("Verdad a medias", .mixed),
    ("Enganoso", .mostlyFalse), ("Verdadeiro", .true), ("Insustentável", .mostlyFalse),
    ("Faux", .false), ("Plutôt vrai", .mostlyTrue), ("Manque de contexte", .mixed),
    ("Größtenteils falsch", .mostlyFalse), ("Richtig", .true), ("Unbelegt", .unproven),
    ("Fuorviante", .mostlyFalse), ("C'eri quasi", .mostlyTrue), ("زائف", .false),
    ("مضلل", .mostlyFalse), ("गलत", .false), ("भ्रामक", .mostlyFalse), ("錯誤", .false),
    ("部分错误", .mostlyFalse), ("正確", .true), ("誤り", .false), ("ほぼ正確", .mostlyTrue),
    ("대체로 사실 아님", .mostlyFalse), ("대체로 사실", .mostlyTrue), ("Полуправда", .mixed),
    ("Fałsz", .false), ("Grotendeels onwaar", .mostlyFalse), ("Yanıltıcı", .mostlyFalse),
    ("Sebagian benar", .mixed), ("Barely True", .mostlyFalse), ("Fehlende Belege", .unproven),
    ("Fuori contesto", .other), ("거짓", .false), ("Nepravda", .false),
    ("Zavádějící", .mostlyFalse), ("Hamis", .false), ("Ψευδές", .false), ("Netočno", .false),
    ("Poluistina", .mixed), ("Helt feil", .false), ("Delvis feil", .mostlyFalse),
    ("Vildledende", .mostlyFalse), ("Väärin", .false), ("Osittain totta", .mixed),
    ("Parțial adevărat", .mixed), ("Sai sự thật", .false), ("Đúng", .true),
  ])
  func labels(_ label: String, _ expected: RatingClass) {
    #expect(RatingLexicon.classify(label, scale: nil) == expected)
  }

  @Test func aLabelWithAnExplanationReadsByItsFirstWords() {
    #expect(RatingLexicon.classify("Falso: el audio es un bulo", scale: nil) == .false)
    #expect(RatingLexicon.classify("Mostly false, because the figures", scale: nil) == .mostlyFalse)
    #expect(RatingLexicon.classify("🚫 False", scale: nil) == .false)
  }

  @Test func anUnknownLabelTakesItsNumberOnItsScale() {
    let scale = { (value: Double) in RatingScale(value: value, worst: 1, best: 5) }
    #expect(RatingLexicon.classify("2", scale: scale(1)) == .false)
    #expect(RatingLexicon.classify("2", scale: scale(2)) == .mostlyFalse)
    #expect(RatingLexicon.classify(nil, scale: scale(3)) == .mixed)
    #expect(RatingLexicon.classify("Ni", scale: scale(4)) == .mostlyTrue)
    #expect(RatingLexicon.classify(nil, scale: scale(5)) == .true)
    // A label the lexicon knows wins over the number.
    #expect(RatingLexicon.classify("False", scale: scale(5)) == .false)
  }

  @Test func aScaleThatIsNotGivenOrDoesNotHoldItsValueSaysNothing() {
    #expect(RatingLexicon.classify(nil, scale: RatingScale(value: 3, worst: nil, best: nil)) == nil)
    #expect(RatingLexicon.classify(nil, scale: RatingScale(value: 7, worst: 1, best: 5)) == nil)
    #expect(RatingLexicon.classify(nil, scale: RatingScale(value: 2, worst: 5, best: 1)) == nil)
    #expect(RatingLexicon.classify("Wobbly", scale: nil) == .other)
    #expect(RatingLexicon.classify(nil, scale: nil) == nil)
    #expect(RatingLexicon.classify("  ", scale: nil) == nil)
  }
}
