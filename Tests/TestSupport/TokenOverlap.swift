/// Token-level precision, recall and F1 of an extracted text against the expected one: the
/// measure article-extraction benchmarks use (bags of words, each token counted as often
/// as it occurs). Tokens are runs of letters and digits; a Chinese, Japanese or Korean
/// character is a token of its own.
public struct TokenOverlap: Sendable, Equatable {
  public var precision: Double
  public var recall: Double
  public var f1: Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }

  public init(extracted: String, expected: String) {
    let got = Self.counts(Self.tokens(extracted))
    let want = Self.counts(Self.tokens(expected))
    let common = got.reduce(0) { $0 + min($1.value, want[$1.key] ?? 0) }
    let gotTotal = got.values.reduce(0, +)
    let wantTotal = want.values.reduce(0, +)
    precision = gotTotal == 0 ? (wantTotal == 0 ? 1 : 0) : Double(common) / Double(gotTotal)
    recall = wantTotal == 0 ? 1 : Double(common) / Double(wantTotal)
  }

  public static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for scalar in text.lowercased().unicodeScalars {
      if isIdeographic(scalar) {
        if !current.isEmpty { tokens.append(current) }
        current = ""
        tokens.append(String(scalar))
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        || scalar.properties.generalCategory == .nonspacingMark
        || scalar.properties.generalCategory == .spacingMark
      {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        tokens.append(current)
        current = ""
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  static func counts(_ tokens: [String]) -> [String: Int] {
    tokens.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }

  static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
      return true
    default: return false
    }
  }
}
