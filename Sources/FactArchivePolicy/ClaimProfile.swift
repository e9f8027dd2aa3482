import FactArchiveCore
import Foundation

/// What the claim matcher reads of a claim (a question, or another publisher's
/// `claimReviewed`): its content words, lightly stemmed; its numbers; whether it is
/// negated; the names it mentions; its language.
///
/// ```swift
/// let claim = ClaimProfile("Valmora did not close its 3 U.S. ferry routes in 2026", language: "en")
/// claim.terms    // ["valmora", "clos", "us", "ferry", "rout"]
/// claim.numbers  // ["3", "2026"]
/// claim.negated  // true
/// ```
///
/// Words are folded as question keys are (`QuestionKey`: case, compatibility forms, dotted
/// abbreviations, apostrophes), and then without diacritics, so `Bogotá` = `Bogota`.
public struct ClaimProfile: Sendable, Equatable {
  /// The content words, stemmed, each once, in the order they first appear.
  public var terms: [String]
  /// For each term, the word it was first written as (full-text queries are made of these).
  public var surfaces: [String]
  /// The numbers, thousands separators removed (`1,200` = `1.200` = `1200`; `3,5` = `3.5`).
  public var numbers: Set<String>
  /// Whether a negation is in it ("not", "never", "nunca", "nicht").
  public var negated: Bool
  /// The names it mentions (`KeyTerms`), lowercase and folded.
  public var names: [String]
  /// The whole claim folded, words separated by single spaces and padded with one at each
  /// end, to find a name in it as whole words.
  public var folded: String
  /// Its language's primary subtag, given or guessed from its stop words; `nil` when neither.
  public var language: String?
  /// How it asks, when it is a question: its question word (`what`, `which`), or `yes-no`;
  /// `nil` for a statement or a language whose question words are not listed.
  public var asks: String?

  /// A profile from its parts (`init?(stored:)`).
  init(
    terms: [String], surfaces: [String], numbers: Set<String>, negated: Bool, names: [String],
    folded: String, language: String?, asks: String?
  ) {
    self.terms = terms
    self.surfaces = surfaces
    self.numbers = numbers
    self.negated = negated
    self.names = names
    self.folded = folded
    self.language = language
    self.asks = asks
  }

  public init(_ claim: String, language: String?) {
    let key = Self.fold(QuestionKey.normalize(Self.withoutPossessives(claim)))
    let words = key.split(separator: " ").map(String.init)
    let known = ClaimWords.primaryLanguage(language)
    self.language = known ?? ClaimWords.guessLanguage(words)
    let lists = ClaimWords.words(of: self.language)
    folded = " " + key + " "
    negated = words.contains(where: lists.negation.contains)
    asks = words.first.flatMap { lists.asks[$0] }
    var terms: [String] = []
    var surfaces: [String] = []
    var seen: Set<String> = []
    for word in words
    where !lists.stop.contains(word) && !lists.negation.contains(word)
      && !word.unicodeScalars.allSatisfy(\.isNumeral)
      && (word.unicodeScalars.count > 1 || !word.unicodeScalars.allSatisfy(\.isASCII))
    {
      let stem = Self.stem(word)
      if seen.insert(stem).inserted {
        terms.append(stem)
        surfaces.append(word)
      }
    }
    self.terms = terms
    self.surfaces = surfaces
    numbers = Self.numbers(in: claim)
    var names = KeyTerms.extract(from: claim, limit: 12).map(Self.fold)
    // A claim is one sentence: a capitalised first word that is not a function word is a
    // name ("Hagenfurt tripled its property tax"), which `KeyTerms` leaves out of longer
    // texts unless it is capitalised again later.
    if let first = words.first, !lists.stop.contains(first), !lists.negation.contains(first),
      claim.unicodeScalars.first(where: \.isWordCharacter)?.isCapital == true,
      !names.contains(where: { $0.hasPrefix(first) })
    {
      names.append(first)
    }
    self.names = names
  }

  /// Lowercase without diacritics: `Bogotá` → `bogota`, `Größe` → `große`.
  public static func fold(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
    return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  }

  /// A light stem, the same for every Latin-script language: plural and verb endings
  /// (`-s`, `-es`, `-ies`, `-ed`, `-ing`) and a final vowel come off, a doubled final
  /// consonant is halved (`banned` → `ban`, `closes` = `closed` = `closing` → `clos`,
  /// `fontanelle` = `fontanella`). Claims are compared stem to stem, so it only has to
  /// give a word's forms one stem, not a real root.
  public static func stem(_ word: String) -> String {
    // Read as bytes: only ASCII words are stemmed (an array of scalars and a string view per
    // suffix tried made stemming a quarter of a claim's profile).
    guard word.utf8.count > 3, word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
    var letters = Array(word.utf8)
    func ends(_ suffix: StaticString) -> Bool {
      let count = suffix.utf8CodeUnitCount
      return letters.count > count + 2
        && suffix.withUTF8Buffer { letters.suffix(count).elementsEqual($0) }
    }
    func isOne(_ byte: UInt8?, of set: StaticString) -> Bool {
      guard let byte else { return false }
      return set.withUTF8Buffer { $0.contains(byte) }
    }
    if ends("ies") {
      letters.removeLast(3)
      letters.append(UInt8(ascii: "y"))
    } else if ends("sses") {
      letters.removeLast(2)
    } else if ends("es"), isOne(letters.dropLast(2).last, of: "sxz") {
      letters.removeLast(2)
    } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
      letters.removeLast()
    }
    var strippedEnding = false
    if ends("ing"), letters.count > 5 {
      letters.removeLast(3)
      strippedEnding = true
    } else if ends("ed"), letters.count > 4 {
      letters.removeLast(2)
      strippedEnding = true
    }
    if ends("tion") {
      letters.removeLast(3)  // inspection = inspect
    }
    if strippedEnding, letters.count > 3, let last = letters.last,
      letters[letters.count - 2] == last, !isOne(last, of: "aeiouslz")
    {
      letters.removeLast()
    }
    // Final vowels (two at most): prohibió = prohíbe, fontanella = fontanelle.
    for _ in 0..<2 {
      guard letters.count > 4, isOne(letters.last, of: "aeio") else { break }
      letters.removeLast()
    }
    // A doubled l after two syllables: cancelled = canceled = cancel, install = instal.
    if letters.count >= 6, letters.suffix(2).elementsEqual("ll".utf8) {
      letters.removeLast()
    }
    // British and American spellings: organise = organize, organisation = organization.
    if letters.count > 5 {
      if letters.suffix(2).elementsEqual("is".utf8) {
        letters[letters.count - 1] = UInt8(ascii: "z")
      } else if letters.suffix(4).elementsEqual("isat".utf8) {
        letters[letters.count - 3] = UInt8(ascii: "z")
      }
    }
    return String(decoding: letters, as: UTF8.self)
  }

  /// The claim without English possessives (`Tarnholm's` → `Tarnholm`), so a name reads
  /// the same wherever it is written.
  static func withoutPossessives(_ claim: String) -> String {
    // Most claims have no apostrophe at all: kept as they are, without copying their scalars
    // (0xE2 leads the UTF-8 of every scalar from U+2000 to U+2FFF, `’` among them).
    guard claim.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == 0xE2 }) else {
      return claim
    }
    var scalars = Array(claim.unicodeScalars)
    var index = scalars.count - 2
    while index > 0 {
      if scalars[index] == "'" || scalars[index] == "\u{2019}", scalars[index + 1] == "s",
        scalars[index - 1].isWordLetter,
        index + 2 == scalars.count || !scalars[index + 2].isWordCharacter
      {
        scalars.removeSubrange(index...(index + 1))
      }
      index -= 1
    }
    return String(String.UnicodeScalarView(scalars))
  }

  /// The numbers written in `text`: digit runs with their separators, a separator followed
  /// by exactly three digits read as thousands (`1,200`, `1.200`, `1 200` with a no-break
  /// space), another as the decimal point.
  static func numbers(in text: String) -> Set<String> {
    var numbers: Set<String> = []
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      guard scalars[index].isDecimalDigit,
        index == 0 || !scalars[index - 1].isWordLetter
      else {
        index += 1
        continue
      }
      var number = ""
      while index < scalars.count {
        let scalar = scalars[index]
        if scalar.isDecimalDigit, let digit = scalar.properties.numericValue {
          number += String(Int(digit))
          index += 1
          continue
        }
        let isSeparator =
          scalar == "," || scalar == "." || scalar == "\u{00A0}" || scalar == "\u{202F}"
        guard isSeparator, index + 1 < scalars.count,
          scalars[index + 1].isDecimalDigit
        else { break }
        var digits = 0
        var look = index + 1
        while look < scalars.count, scalars[look].isDecimalDigit {
          digits += 1
          look += 1
        }
        if digits == 3 {
          index += 1  // thousands
        } else if scalar == "," || scalar == "." {
          number += "."
          index += 1
        } else {
          break
        }
      }
      if !number.isEmpty { numbers.insert(number) }
    }
    return numbers
  }
}

extension Unicode.Scalar {
  /// A decimal digit of any script (`7`, `٧`, `७`); ASCII answered without a table lookup.
  fileprivate var isDecimalDigit: Bool {
    isASCII ? ("0"..."9").contains(self) : properties.numericType == .decimal
  }

  /// A character with a numeric value (digits, fractions, numerals).
  fileprivate var isNumeral: Bool {
    isASCII ? ("0"..."9").contains(self) : properties.numericType != nil
  }
}
