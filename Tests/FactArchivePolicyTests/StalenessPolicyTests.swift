import FactArchiveCore
import FactArchivePolicy
import Testing

func day(_ iso: String) -> Day {
  Day(iso: iso) ?? Day(daysSinceEpoch: 0)
}

@Suite struct StalenessPolicyTests {
  let rules = [
    StalenessRule(name: "default", kind: .default, maxAgeDays: 90),
    StalenessRule(
      name: "time-sensitive", kind: .timeSensitive,
      words: ["currently", "this week", "is expected to"],
      maxAgePercent: 50),
    StalenessRule(name: "elections", kind: .topic, words: ["election", "ballot"], maxAgeDays: 30),
    StalenessRule(name: "history", kind: .topic, words: ["century"], maxAgeDays: 365),
    StalenessRule(
      name: "geopolitics", kind: .topic, pattern: "sanction(s|ed)?|embargo", maxAgeDays: 60),
  ]

  func facts(
    _ question: String, summary: String = "", checked: String? = "2026-01-01",
    inferred: String? = nil,
    flagged: Bool = false, evidence: String? = nil
  ) -> StalenessPolicy.Facts {
    StalenessPolicy.Facts(
      question: question, summary: summary, checkedOn: checked.map(day),
      checkedOnInferred: inferred.map(day),
      ingestedOn: day("2026-11-23"), publisherFlagged: flagged, evidenceOn: evidence.map(day))
  }

  @Test func defaultRuleDueTheDayAfterTheMaximumAge() throws {
    let verdict = try StalenessPolicy(rules: rules).assess(facts("Did the ferry fares rise?"))
    #expect(verdict.topic == nil)
    #expect(verdict.maxAgeDays == 90)
    #expect(verdict.dueOn == day("2026-04-02"))  // 2026-01-01 + 91 days
  }

  @Test func topicWordsAndPatternsGiveTheirOwnAgeAndTheShortestWins() throws {
    let policy = try StalenessPolicy(rules: rules)
    #expect(policy.assess(facts("Who won the Valmora ELECTION?")).topic == "elections")
    #expect(policy.assess(facts("Was the 19th century bridge sold?")).maxAgeDays == 365)
    #expect(
      policy.assess(facts("Q?", summary: "Estmark sanctioned two banks.")).topic == "geopolitics")
    let both = policy.assess(facts("Did the embargo delay the ballot count this century?"))
    #expect(both.topic == "elections")
    #expect(both.maxAgeDays == 30)
    // Whole words only: "ballots" is not "ballot", "elections" is not "election".
    #expect(policy.assess(facts("Were ballots lost?")).topic == nil)
  }

  @Test func timeSensitiveWordingShortensTheAge() throws {
    let verdict = try StalenessPolicy(rules: rules).assess(
      facts("Is the toll currently frozen?", summary: "A decision is expected to come this week."))
    #expect(verdict.timeSensitiveTerms == ["currently", "this week", "is expected to"])
    #expect(verdict.maxAgeDays == 45)
    #expect(verdict.dueOn == day("2026-02-16"))
    // "now" inside "known" is not time-bound wording.
    let plain = try StalenessPolicy(
      rules: [
        rules[0],
        StalenessRule(
          name: "time-sensitive", kind: .timeSensitive, words: ["now"], maxAgePercent: 50),
      ]
    ).assess(facts("Is it known who paid?"))
    #expect(plain.timeSensitiveTerms.isEmpty)
  }

  @Test func publisherFlagEvidenceAndUndatedChecks() throws {
    let policy = try StalenessPolicy(rules: rules)
    #expect(policy.assess(facts("Q?", flagged: true)).dueOn == day("2026-01-01"))
    #expect(policy.assess(facts("Q?", evidence: "2026-02-10")).dueOn == day("2026-02-10"))
    let inferred = policy.assess(facts("Q?", checked: nil, inferred: "2025-04-20"))
    #expect(inferred.dueOn == day("2025-07-20"))
    #expect(policy.assess(facts("Q?", checked: nil)).dueOn == day("2026-11-23"))
  }

  @Test func aPatternThatDoesNotCompileIsRefused() {
    #expect(throws: StalenessPolicy.PolicyError.self) {
      try StalenessPolicy(
        rules: rules + [
          StalenessRule(name: "bad", kind: .topic, pattern: "(unclosed", maxAgeDays: 5)
        ])
    }
  }
}

@Suite struct TextSignalTests {
  @Test func keyTermsAreNamesNotSentenceOpeners() {
    let terms = KeyTerms.extract(
      from: """
        How do criminal groups in Venezuela collaborate with the Cartel de los Soles?
        Taken together, Venezuela's officials deny it. Officials in Caracas met Tren de Aragua leaders.
        """, limit: 10)
    #expect(terms == ["venezuela", "cartel de los soles", "caracas", "tren de aragua"])
    // Days of the week name nothing, one or several: two stories that both mention
    // Saturdays are not about the same thing.
    #expect(
      KeyTerms.extract(
        from: "The Orrin line runs on Saturdays and Sundays, and on Monday in May.", limit: 10)
        == ["orrin"])
  }

  @Test func wordMatcherFindsPhrasesAsWholeWords() {
    let matcher = WordMatcher(["so far", "now"])
    func found(_ text: String) -> [String] { matcher.matches(in: WordMatcher.Text(text)) }
    #expect(found("So far, nobody knows NOW.") == ["so far", "now"])
    #expect(found("nowhere so farther").isEmpty)
    // At the text's edges, after a word that starts like it, and in the given order.
    #expect(found("now") == ["now"])
    #expect(found("knownow, nowhere; (now) so so far") == ["so far", "now"])
    #expect(found("so fa").isEmpty)
    #expect(found("").isEmpty)
    // A letter outside ASCII is part of a word, not a boundary.
    #expect(found("ñow nowé").isEmpty)
    #expect(WordMatcher([]).matches(in: WordMatcher.Text("now")).isEmpty)
    // One text, read by several matchers.
    let text = WordMatcher.Text("Turnout is expected to rise")
    #expect(WordMatcher(["expected to", "rise"]).matchesAny(in: text))
    #expect(!WordMatcher(["expect", "turn"]).matchesAny(in: text))
    #expect(!WordMatcher([]).matchesAny(in: text))
  }

  @Test func keyTermsKeepAbbreviationsPossessivesAndConnectors() {
    let terms = KeyTerms.extract(
      from: """
        The U.S. Coast Guard met Mayor Delia Rusk in Port of Spain. Rusk’s office \
        and the U.S. Coast Guard said Prime Minister Ana Lopes agreed. Ports of the Gulf were shut.
        """, limit: 10)
    #expect(
      terms == [
        "u.s. coast guard", "delia rusk", "port of spain", "rusk", "ana lopes", "ports of the gulf",
      ])
  }
}
