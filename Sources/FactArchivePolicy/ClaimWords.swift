import FactArchiveCore

/// The words the claim matcher reads specially, by language (`Data/claim-words.tsv`,
/// compiled in by `make schema`): stop words, which say nothing about which claim it is,
/// and negations, which turn a claim into its opposite.
public enum ClaimWords {
  struct Language: Sendable {
    var stop: Set<String> = []
    var negation: Set<String> = []
    /// How a question opening with each word asks: the word itself for question words
    /// ("what"), `yes-no` for the words of a yes-or-no question ("did").
    var asks: [String: String] = [:]
  }

  /// Each language's words.
  static let languages: [String: Language] = {
    var languages: [String: Language] = [:]
    for entry in table {
      switch entry.kind {
      case "stop": languages[entry.language, default: Language()].stop.insert(entry.word)
      case "negation": languages[entry.language, default: Language()].negation.insert(entry.word)
      case "wh": languages[entry.language, default: Language()].asks[entry.word] = entry.word
      case "yesno": languages[entry.language, default: Language()].asks[entry.word] = "yes-no"
      default: break
      }
    }
    return languages
  }()

  /// Every language's words together: for a claim whose language is not known.
  static let anyLanguage: Language = languages.values.reduce(into: Language()) {
    $0.stop.formUnion($1.stop)
    $0.negation.formUnion($1.negation)
    $0.asks.merge($1.asks) { first, _ in first }
  }

  /// The words of `language` (a primary subtag: `pt`), or of every language.
  static func words(of language: String?) -> Language {
    language.flatMap { languages[$0] } ?? anyLanguage
  }

  /// The language whose stop words a claim uses most (two at least, and more than any
  /// other language's), or `nil`: a guess for claims whose language is not given.
  static func guessLanguage(_ words: [String]) -> String? {
    var best: (language: String, hits: Int)?
    var tied = false
    for (language, lists) in languages {
      var hits = 0
      for word in words where lists.stop.contains(word) { hits += 1 }
      guard hits >= 2 else { continue }
      if let current = best, hits == current.hits {
        tied = true
      } else if best == nil || hits > best?.hits ?? 0 {
        best = (language, hits)
        tied = false
      }
    }
    return tied ? nil : best?.language
  }

  /// `pt-BR` → `pt`; `nil` for an empty tag.
  public static func primaryLanguage(_ tag: String?) -> String? {
    guard let tag else { return nil }
    let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map {
      $0.lowercased()
    }
    return primary?.isEmpty == false ? primary : nil
  }
}
