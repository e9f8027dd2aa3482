import Foundation

/// The normalised form of a question that recognises a re-check of the same question: what
/// does not change a question is folded away, and what is left is lowercase letters and
/// digits separated by single spaces.
///
/// | folded | so that |
/// |---|---|
/// | Unicode compatibility forms (NFKC) | `ＵＳ`, `ﬁ`, `²`, a no-break space read as `US`, `fi`, `2`, a space |
/// | case | `Did` = `did` |
/// | dotted abbreviations | `U.S.` = `US`, `U.K.` = `UK`, `D.C.` = `DC` |
/// | apostrophes, straight and curly | `don’t` = `don't` = `dont` |
/// | quotes, dashes, other punctuation, spacing | one space between words |
/// | trailing punctuation | `…?` = `…` |
/// | a `Fact check:` prefix | `Fact check: Did …` = `Did …` |
///
/// ```swift
/// QuestionKey.normalize("Fact check: Did  Valmora ban “ferry subsidies” for U.S. ships?")
/// // "did valmora ban ferry subsidies for us ships"
/// ```
///
/// Changing what is folded changes keys: a migration re-keys stored questions and merges
/// those that come to share a key (`012_claims.sql`).
public enum QuestionKey {
  public static func normalize(_ question: String) -> String {
    let scalars = Array(compatible(question).lowercased().unicodeScalars)
    var key = ""
    key.unicodeScalars.reserveCapacity(scalars.count)
    var pendingSpace = false
    var index = withoutFactCheckPrefix(scalars)
    while index < scalars.count {
      let scalar = scalars[index]
      if let letters = abbreviation(in: scalars, at: index) {
        if pendingSpace, !key.isEmpty { key.unicodeScalars.append(" ") }
        pendingSpace = false
        key.unicodeScalars.append(contentsOf: letters.letters)
        index = letters.end
        continue
      }
      index += 1
      switch scalar {
      case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{0060}":
        continue
      default:
        break
      }
      if scalar.isWordCharacter {
        if pendingSpace, !key.isEmpty {
          key.unicodeScalars.append(" ")
        }
        pendingSpace = false
        key.unicodeScalars.append(scalar)
      } else if !scalar.isDiacriticMark {
        pendingSpace = true
      }
    }
    return key
  }

  /// Whose question a check's is: `''` for the archive's own pages (no publisher), else the
  /// publisher's name keyed as a question is (`AFP Fact Check` → `afp fact check`).
  public static func publisher(_ name: String?) -> String {
    name.map(normalize) ?? ""
  }

  /// The text in Unicode's compatibility composition (NFKC); ASCII text is already. An
  /// acute accent typed as an apostrophe (`don´t`) stays one (NFKC would make it a space).
  static func compatible(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    return text.replacingOccurrences(of: "\u{00B4}", with: "'")
      .precomposedStringWithCompatibilityMapping
  }

  /// Where the question starts after a `Fact check:` prefix (`fact check`, `fact-check`,
  /// `factcheck`, `fact checked`, followed by `:` or a dash), or 0 without one.
  static func withoutFactCheckPrefix(_ scalars: [Unicode.Scalar]) -> Int {
    var index = 0
    func skipSpaces() {
      while index < scalars.count, scalars[index].isSpace { index += 1 }
    }
    func take(_ word: String) -> Bool {
      let letters = Array(word.unicodeScalars)
      guard index + letters.count <= scalars.count,
        Array(scalars[index..<(index + letters.count)]) == letters
      else { return false }
      index += letters.count
      return true
    }
    skipSpaces()
    guard take("fact") else { return 0 }
    if index < scalars.count, scalars[index] == "-" || scalars[index].isSpace {
      index += 1
    }
    guard take("check") else { return 0 }
    _ = take("ed")
    skipSpaces()
    guard index < scalars.count,
      [":", "-", "\u{2013}", "\u{2014}", "|"].contains(scalars[index])
    else { return 0 }
    index += 1
    return index
  }

  /// `u.s.`, `u.k`, `d.c.` at `start`: single letters each followed by a dot (the last
  /// dot may be missing), two letters or more, standing alone as a word. Returns the
  /// letters and where the abbreviation ends.
  static func abbreviation(in scalars: [Unicode.Scalar], at start: Int)
    -> (letters: [Unicode.Scalar], end: Int)?
  {
    guard scalars[start].isWordLetter,
      start == 0 || !scalars[start - 1].isWordCharacter,
      start + 1 < scalars.count, scalars[start + 1] == "."
    else { return nil }
    var letters: [Unicode.Scalar] = []
    var index = start
    while index < scalars.count, scalars[index].isWordLetter,
      index + 1 == scalars.count || !scalars[index + 1].isWordCharacter
    {
      letters.append(scalars[index])
      index += 1
      guard index < scalars.count, scalars[index] == "." else { break }
      index += 1
    }
    return letters.count >= 2 ? (letters, index) : nil
  }
}
