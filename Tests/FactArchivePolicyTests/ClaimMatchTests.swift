import FactArchiveCore
import Foundation
import TestSupport
import Testing

@testable import FactArchivePolicy

/// The claim matcher on the labelled pairs of `Fixtures/claims/pairs.tsv`: precision at
/// least 0.95 and recall at least 0.8, printed by kind of pair.
@Suite struct ClaimMatchTests {
  struct Pair {
    var same: Bool
    var kind: String
    var first: ClaimProfile
    var second: ClaimProfile
    var text: String
  }

  static func pairs(_ file: String = "claims/pairs.tsv") throws -> [Pair] {
    let text = try String(contentsOf: TestPaths.fixture(file), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 6 else { return nil }
      return Pair(
        same: fields[0] == "same", kind: fields[1],
        first: ClaimProfile(fields[3], language: fields[2]),
        second: ClaimProfile(fields[5], language: fields[4]),
        text: "\(fields[3]) | \(fields[5])")
    }
  }

  /// The weights of an archive holding every claim of the set once.
  static func weights(_ pairs: [Pair]) -> ClaimWeights {
    var claims: [String: ClaimProfile] = [:]
    for pair in pairs {
      claims[pair.first.folded] = pair.first
      claims[pair.second.folded] = pair.second
    }
    var terms: [String: Int] = [:]
    var names: [String: Int] = [:]
    for claim in claims.values {
      for term in claim.terms { terms[term, default: 0] += 1 }
      for name in Set(claim.names) { names[name, default: 0] += 1 }
    }
    return ClaimWeights(
      questions: claims.count, frequencies: terms,
      names: NameWeights(documents: claims.count, frequencies: names))
  }

  @Test func theLabelledPairsAreMatchedWithHighPrecision() throws {
    let tuned = try Self.pairs()
    let heldOut = try Self.pairs("claims/heldout-pairs.tsv")
    print(
      try Self.measure(heldOut, weights: Self.weights(tuned + heldOut), label: "held-out").report)
    let pairs = tuned + heldOut
    #expect(pairs.count >= 60)
    let (precision, recall, report) = try Self.measure(
      pairs, weights: Self.weights(pairs), label: "all")
    print(report)
    #expect(precision >= 0.95, "\(report)")
    #expect(recall >= 0.8, "\(report)")
  }

  /// A word's forms share a stem; the stem need not be a real root.
  @Test func wordFormsShareAStem() {
    let groups = [
      ["closes", "closed", "closing", "close"], ["banned", "ban", "bans"],
      ["fontanelle", "fontanella"], ["cancelled", "canceled", "cancel", "cancels"],
      ["organise", "organize"], ["organisation", "organization"], ["inspection", "inspect"],
      ["policies", "policy"], ["taxes", "tax"], ["routes", "route"],
    ]
    for group in groups {
      #expect(Set(group.map(ClaimProfile.stem)).count == 1, "\(group)")
    }
    #expect(ClaimProfile.stem("banned") == "ban")
    #expect(ClaimProfile.stem("closing") == "clos")
    // Short words, words outside ASCII and `-ss`, `-us` endings keep their letters.
    for word in ["bus", "gas", "prohibió", "Bogotá", "census"] {
      #expect(ClaimProfile.stem(word) == word, "\(word)")
    }
  }

  /// A possessive `'s` comes off a name however the apostrophe is written.
  @Test func possessivesComeOffNames() {
    #expect(ClaimProfile.withoutPossessives("Tarnholm's mayor") == "Tarnholm mayor")
    #expect(ClaimProfile.withoutPossessives("Tarnholm’s mayor — again") == "Tarnholm mayor — again")
    #expect(
      ClaimProfile.withoutPossessives("the mayors' pay") == "the mayors' pay")
    #expect(ClaimProfile.withoutPossessives("No apostrophe here") == "No apostrophe here")
    #expect(
      ClaimProfile("Did Tarnholm’s mayor ban trams?", language: "en").terms
        == ClaimProfile("Did Tarnholm's mayor ban trams?", language: "en").terms)
  }

  /// Two questions are possibly the same question (the stricter bar) only when they ask the
  /// same way: a yes-or-no question reworded is; "what role does X play in Y" beside "did X
  /// and Z agree on Y" is not, however many names they share.
  @Test func theSameQuestionAsksTheSameWay() throws {
    let pairs = try Self.pairs()
    let weights = Self.weights(pairs)
    func same(_ a: String, _ b: String) -> Bool {
      ClaimMatch.judge(
        ClaimProfile(a, language: "en"), ClaimProfile(b, language: "en"), weights: weights,
        bar: ClaimMatch.sameQuestion) != nil
    }
    #expect(ClaimProfile("What role does Brask play?", language: "en").asks == "what")
    #expect(ClaimProfile("Has Brask banned trams?", language: "en").asks == "yes-no")
    #expect(ClaimProfile("Brask banned trams.", language: "en").asks == nil)
    #expect(
      same(
        "Did the Orvana transit authority ban cash fares on buses?",
        "Has the Orvana transit authority banned cash fares on its buses?"))
    #expect(
      !same(
        "What role does the Orvana transit authority play in cash fares on buses?",
        "Did the Orvana transit authority and the drivers' union agree on cash fares on buses?"))
    for pair in pairs where pair.kind == "recheck" && pair.same {
      #expect(
        ClaimMatch.judge(pair.first, pair.second, weights: weights, bar: ClaimMatch.sameQuestion)
          != nil, "\(pair.text)")
    }
  }

  /// Precision, recall and a report of the pairs by kind, with every mistake.
  static func measure(_ pairs: [Pair], weights: ClaimWeights, label: String) throws -> (
    precision: Double, recall: Double, report: String
  ) {
    var byKind: [String: (truePositive: Int, falsePositive: Int, falseNegative: Int, count: Int)] =
      [:]
    var mistakes: [String] = []
    for pair in pairs {
      let matched = ClaimMatch.judge(pair.first, pair.second, weights: weights) != nil
      var tally = byKind[pair.kind] ?? (0, 0, 0, 0)
      tally.count += 1
      switch (pair.same, matched) {
      case (true, true): tally.truePositive += 1
      case (false, true):
        tally.falsePositive += 1
        mistakes.append("false match (\(pair.kind)): \(pair.text)")
      case (true, false):
        tally.falseNegative += 1
        mistakes.append("missed (\(pair.kind)): \(pair.text)")
      case (false, false): break
      }
      byKind[pair.kind] = tally
    }
    let truePositive = byKind.values.reduce(0) { $0 + $1.truePositive }
    let falsePositive = byKind.values.reduce(0) { $0 + $1.falsePositive }
    let falseNegative = byKind.values.reduce(0) { $0 + $1.falseNegative }
    let precision = Double(truePositive) / Double(max(1, truePositive + falsePositive))
    let recall = Double(truePositive) / Double(max(1, truePositive + falseNegative))
    var report = "\(label) claim pairs: \(pairs.count), precision \(Self.rounded(precision)), "
    report += "recall \(Self.rounded(recall))\n"
    for (kind, tally) in byKind.sorted(by: { $0.key < $1.key }) {
      report +=
        "  \(kind): \(tally.count) pairs, \(tally.truePositive) matched rightly, "
        + "\(tally.falsePositive) wrongly, \(tally.falseNegative) missed\n"
    }
    return (precision, recall, report + mistakes.map { "  " + $0 }.joined(separator: "\n"))
  }

  static func rounded(_ value: Double) -> String {
    String(format: "%.3f", value)
  }
}
