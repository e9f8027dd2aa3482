/// What `ClaimMatch.mayMatch` reads of a claim, in a few bytes: the writer keeps one for every
/// question it meets and rules candidates out with it before reading their claims back from
/// the archive (at 100,000 articles, 58% of the candidates found could not match, and a
/// third of them were read back, about 9 µs each).
///
/// `mayMatch` here is never false where `ClaimMatch.mayMatch` is true for the claims the
/// gates come from: languages, question words and numbers are kept as hashes (a collision
/// can only let a candidate through), and the shared word is not checked (candidates share
/// one by construction).
public struct ClaimGate: Sendable, Equatable {
  var negated: Bool
  /// At least two names (what claims in two languages need to match).
  var manyNames: Bool
  /// Hashes of the language and of how it asks; 0 when there is none.
  var language: UInt32
  var asks: UInt32
  /// One bit of 64 for each number; 0 exactly when there is none.
  var numbers: UInt64

  public init(_ claim: ClaimProfile) {
    negated = claim.negated
    manyNames = claim.names.count >= 2
    language = claim.language.map(Self.hash) ?? 0
    asks = claim.asks.map(Self.hash) ?? 0
    numbers = claim.numbers.reduce(0) { $0 | 1 << UInt64(Self.hash($1) % 64) }
  }

  /// `false` only when the claims cannot match under `bar` (`ClaimMatch.mayMatch`'s
  /// checks, in its order).
  public static func mayMatch(_ a: ClaimGate, _ b: ClaimGate, bar: ClaimMatch.Bar) -> Bool {
    guard a.negated == b.negated else { return false }
    let numbersAgree =
      a.numbers == 0 || b.numbers == 0 || a.numbers & ~b.numbers == 0
      || b.numbers & ~a.numbers == 0
    guard numbersAgree else { return false }
    if bar.sameAsking, a.asks != 0, b.asks != 0, a.asks != b.asks { return false }
    if a.language != 0, b.language != 0, a.language != b.language {
      return a.manyNames && b.manyNames
    }
    return true
  }

  /// FNV-1a over the UTF-8 bytes, never 0.
  static func hash(_ text: String) -> UInt32 {
    var value: UInt32 = 2_166_136_261
    for byte in text.utf8 {
      value = (value ^ UInt32(byte)) &* 16_777_619
    }
    return value == 0 ? 1 : value
  }
}
