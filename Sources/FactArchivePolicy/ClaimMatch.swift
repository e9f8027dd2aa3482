import FactArchiveCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How telling each word of a claim is, judged from the archive's own questions: the share
/// of questions that use it, blended with a prior, as `NameWeights` does for names. While the
/// archive is small every word counts about the same; once it holds thousands of questions,
/// the words every claim uses ("government", "ban") count for little.
public struct ClaimWeights: Sendable {
  /// The questions the prior counts as, and the share of them a word is taken to be in.
  public static let priorQuestions = 1_000.0
  public static let priorShare = 0.002

  /// Questions in the archive.
  public let questions: Int
  /// How many questions use each term asked about.
  public let frequencies: [String: Int]
  /// The weights of names (for claims in two languages, which share only names).
  public let names: NameWeights

  public init(questions: Int, frequencies: [String: Int], names: NameWeights) {
    self.questions = questions
    self.frequencies = frequencies
    self.names = names
  }

  /// Inverse document frequency, prior blended in: `ln((N + k) / (df + k·p))`.
  public func weight(of term: String) -> Double {
    let frequency = Double(max(0, frequencies[term] ?? 0))
    let share =
      (frequency + Self.priorQuestions * Self.priorShare)
      / (Double(max(questions, 0)) + Self.priorQuestions)
    return -log(min(1, share))
  }
}

/// Whether two checks review the same claim: the one rule, used for another publisher's
/// later verdict (`other_verdict`) and, with a stricter bar, for two questions of one
/// publisher that may be the same question.
///
/// Precision first. Two claims match when
/// - neither is negated or both are ("X banned Y" is not "X did not ban Y");
/// - their numbers do not conflict: when both give numbers, one's are among the other's
///   (`40,000` and `2026` against `2026` is fine; `2024` against `2026` is not);
/// - in one language, their content words overlap enough: each word weighted by how rare it
///   is in the archive's questions (`ClaimWeights`), the weighted Dice coefficient
///   `2·Σw(shared) / (Σw(a) + Σw(b))` reaches the bar's score, the claim with fewer words is
///   mostly in the other (the bar's coverage), neither has much of its own that the other
///   lacks when both do ("seed subsidy" is not "seed shortage", "Venezuelan organisations"
///   not "Colombian organisations": a word substituted), and a word they share is telling
///   (in at most 1% of questions) or a name they share is;
/// - in two languages, where words cannot be compared: by names, each claim's telling
///   names (two at least: one place is in many claims) all written in the other, and, since
///   names say who but not what, a number or a word written alike in both (`prison`,
///   `prisión`) shared too.
public struct ClaimMatch: Sendable, Equatable {
  /// The weighted overlap of the two claims' words (1 for a match by names across languages).
  public var score: Double
  /// What they share, most telling first: names, then words.
  public var shared: [String]
  public var acrossLanguages: Bool

  /// How close two claims must be.
  public struct Bar: Sendable, Equatable {
    /// The least weighted Dice coefficient.
    public var score: Double
    /// The least share of the shorter claim's weight that the two share.
    public var coverage: Double
    /// Two questions must ask the same way ("what role does X play" is not "did X agree"),
    /// when both say how.
    public var sameAsking = false
  }

  /// The bar for another publisher's verdict on a similar claim.
  public static let similarClaim = Bar(score: 0.6, coverage: 0.75)
  /// The bar for two questions of one publisher that may be the same question: one's words
  /// nearly all in the other (a re-check reworded, a detail added).
  public static let sameQuestion = Bar(score: 0.75, coverage: 0.9, sameAsking: true)
  /// A shared word in at most this share of questions anchors a match.
  public static let anchorShare = 0.01
  /// When both claims have words the other lacks, the lesser of the two must weigh less
  /// than this share of the shorter claim: more is a word substituted, another claim.
  public static let substitutedShare = 0.2

  public static func judge(
    _ a: ClaimProfile, _ b: ClaimProfile, weights: ClaimWeights, bar: Bar = similarClaim
  ) -> ClaimMatch? {
    guard mayMatch(a, b, bar: bar) else { return nil }
    if let first = a.language, let second = b.language, first != second {
      return acrossLanguages(a, b, weights: weights.names)
    }
    let shared = Set(a.terms).intersection(b.terms)
    guard !shared.isEmpty else { return nil }
    func total(_ terms: some Sequence<String>) -> Double {
      terms.reduce(0) { $0 + weights.weight(of: $1) }
    }
    let sharedWeight = total(shared)
    let (weightA, weightB) = (total(a.terms), total(b.terms))
    let score = 2 * sharedWeight / (weightA + weightB)
    let shorter = min(weightA, weightB)
    let substituted = min(weightA - sharedWeight, weightB - sharedWeight)
    guard score >= bar.score, sharedWeight >= bar.coverage * shorter,
      substituted < substitutedShare * shorter
    else { return nil }
    let anchor = -log(anchorShare)
    let sharedNames = a.names.filter { name in
      b.names.contains(name) && weights.names.isTelling(name)
    }
    guard sharedNames.count > 0 || shared.contains(where: { weights.weight(of: $0) >= anchor })
    else { return nil }
    // Words a shared name already says (`kessland` beside the name `kessland`) are not
    // listed twice.
    let named = Set(sharedNames.flatMap { $0.split(separator: " ").map(String.init) })
    let words = shared.subtracting(named).sorted {
      let (left, right) = (weights.weight(of: $0), weights.weight(of: $1))
      return left != right ? left > right : $0 < $1
    }
    return ClaimMatch(
      score: (score * 1000).rounded() / 1000, shared: sharedNames + words, acrossLanguages: false)
  }

  /// What `judge` checks before it weighs anything: whether two claims can match at all
  /// under `bar` (negations, numbers, how they ask, a word or names in common). The writer
  /// weighs only the candidates that can. `ClaimGate` holds what this reads in a few bytes
  /// and must never refuse what this accepts (tested on generated pairs): a check added here
  /// belongs there too, or there as nothing.
  public static func mayMatch(_ a: ClaimProfile, _ b: ClaimProfile, bar: Bar = similarClaim)
    -> Bool
  {
    guard a.negated == b.negated, numbersAgree(a.numbers, b.numbers) else { return false }
    if bar.sameAsking, let first = a.asks, let second = b.asks, first != second { return false }
    if let first = a.language, let second = b.language, first != second {
      return a.names.count >= 2 && b.names.count >= 2
    }
    return a.terms.contains(where: b.terms.contains)
  }

  /// Claims in two languages: by their telling names, each written in the other claim
  /// (its words, connectors aside: "Sinaloa Cartel" is in "el Cartel de Sinaloa").
  static func acrossLanguages(_ a: ClaimProfile, _ b: ClaimProfile, weights: NameWeights)
    -> ClaimMatch?
  {
    let tellingA = a.names.filter(weights.isTelling)
    let tellingB = b.names.filter(weights.isTelling)
    guard tellingA.count >= 2, tellingB.count >= 2,
      tellingA.allSatisfy({ isWritten($0, in: b) }), tellingB.allSatisfy({ isWritten($0, in: a) })
    else { return nil }
    // Names alone say who, not what: the claims must also share a number or a word written
    // alike in both languages (prison and prisión, fentanyl and fentanilo).
    let nameWords = Set((tellingA + tellingB).flatMap { $0.split(separator: " ").map(String.init) })
    let sharesNumber = !a.numbers.isDisjoint(with: b.numbers)
    let sharesCognate = a.surfaces.contains { first in
      !nameWords.contains(first)
        && b.surfaces.contains { second in
          !nameWords.contains(second) && isCognate(first, second)
        }
    }
    guard sharesNumber || sharesCognate else { return nil }
    return ClaimMatch(score: 1, shared: tellingA, acrossLanguages: true)
  }

  /// Two words of five letters or more that begin alike and differ by at most two letters:
  /// the same word in two languages (`prison`, `prision`).
  static func isCognate(_ first: String, _ second: String) -> Bool {
    let a = Array(first.unicodeScalars)
    let b = Array(second.unicodeScalars)
    guard a.count >= 5, b.count >= 5, a.prefix(4) == b.prefix(4), abs(a.count - b.count) <= 2
    else { return false }
    // Levenshtein distance, stopping once it passes 2.
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      if current.min() ?? 0 > 2 { return false }
      previous = current
    }
    return previous[b.count] <= 2
  }

  /// Whether every word of `name` but its connectors is a word of `claim`.
  static func isWritten(_ name: String, in claim: ClaimProfile) -> Bool {
    name.split(separator: " ").allSatisfy { word in
      KeyTerms.connectors.contains(String(word)) || claim.folded.contains(" \(word) ")
    }
  }

  /// Numbers conflict when both claims give some and neither's are among the other's.
  static func numbersAgree(_ a: Set<String>, _ b: Set<String>) -> Bool {
    a.isEmpty || b.isEmpty || a.isSubset(of: b) || b.isSubset(of: a)
  }
}

extension RatingClass {
  /// Two verdicts disagree when they stand on opposite sides of mixed (`mostly_true`
  /// against `false`); unproven and other verdicts disagree with nothing.
  public func disagrees(with other: RatingClass) -> Bool {
    guard let mine = truthiness, let theirs = other.truthiness else { return false }
    return (mine < 2 && theirs > 2) || (mine > 2 && theirs < 2)
  }
}
