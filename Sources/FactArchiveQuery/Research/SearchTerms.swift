import FactArchiveCore

/// The phrases of an FTS5 query (`"exact phrase"`, `word`, `prefix*`), each written back as
/// a query of its own, without the operators (`AND`, `OR`, `NOT`, `NEAR`), parentheses and
/// column filters around them: what `FullTextSearch` measures to tell a broad query from a
/// narrow one. See <https://www.sqlite.org/fts5.html#full_text_query_syntax>.
public enum SearchTerms {
  static let operators: Set<String> = ["AND", "OR", "NOT", "NEAR"]

  /// A character of an FTS5 bareword: any non-ASCII character, an ASCII letter or digit, `_`.
  static func isBareword(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x80 || scalar.isWordCharacter || scalar == "_"
  }

  /// Every word of the query's phrases as a query of its own (`"word"`, `"pre"*` for a
  /// prefix): a phrase costs what its commonest word costs, whatever it matches.
  public static func words(_ query: String) -> [String] {
    var words: [String] = []
    for phrase in phrases(query) {
      let isPrefix = phrase.hasSuffix("*")
      let parts = phrase.unicodeScalars.split { !isBareword($0) }.map {
        String(String.UnicodeScalarView($0))
      }
      for (index, part) in parts.enumerated() {
        let word = "\"\(part)\"" + (isPrefix && index == parts.count - 1 ? "*" : "")
        if !words.contains(word) { words.append(word) }
      }
    }
    return words
  }

  public static func phrases(_ query: String) -> [String] {
    var phrases: [String] = []
    let scalars = Array(query.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\"" {
        // A quoted phrase; "" inside stands for one quote.
        var text = ""
        index += 1
        while index < scalars.count {
          if scalars[index] == "\"" {
            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
              text += "\"\""
              index += 2
              continue
            }
            break
          }
          text.unicodeScalars.append(scalars[index])
          index += 1
        }
        index += 1
        let prefix = index < scalars.count && scalars[index] == "*"
        if prefix { index += 1 }
        if !text.isEmpty { phrases.append("\"\(text)\"" + (prefix ? "*" : "")) }
      } else if isBareword(scalar) {
        var word = ""
        while index < scalars.count, isBareword(scalars[index]) {
          word.unicodeScalars.append(scalars[index])
          index += 1
        }
        var next = index
        while next < scalars.count, scalars[next] == " " { next += 1 }
        if next < scalars.count, scalars[next] == ":" {
          // A column filter (heading: …), not a word.
          index = next + 1
          continue
        }
        let prefix = index < scalars.count && scalars[index] == "*"
        if prefix { index += 1 }
        if Self.operators.contains(word) || word.allSatisfy(\.isNumber) && !prefix {
          continue
        }
        phrases.append("\"\(word)\"" + (prefix ? "*" : ""))
      } else {
        index += 1
      }
    }
    return phrases
  }
}

extension SearchTerms {
  /// The prefixes the query asks for as bare words (`subsid*`, not inside quotes or a
  /// `NEAR` group), lowercase.
  public static func barePrefixes(_ query: String) -> [String] {
    var prefixes: [String] = []
    _ = rewritingBarePrefixes(query) { prefix in
      if !prefixes.contains(prefix) { prefixes.append(prefix) }
      return nil
    }
    return prefixes
  }

  /// The query with each bare prefix word replaced by what `replacement` gives for it (kept
  /// as written when it gives `nil`).
  static func rewritingBarePrefixes(_ query: String, _ replacement: (String) -> String?)
    -> String
  {
    let scalars = Array(query.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    var nearDepth = 0
    var depth = 0
    var lastWord = ""
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\"" {
        // A quoted phrase, copied as it is.
        output.append(scalar)
        index += 1
        while index < scalars.count {
          output.append(scalars[index])
          if scalars[index] == "\"" {
            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
              output.append(scalars[index + 1])
              index += 2
              continue
            }
            index += 1
            break
          }
          index += 1
        }
        lastWord = ""
      } else if isBareword(scalar) {
        var word = String.UnicodeScalarView()
        while index < scalars.count, isBareword(scalars[index]) {
          word.append(scalars[index])
          index += 1
        }
        let text = String(word)
        if index < scalars.count, scalars[index] == "*", nearDepth == 0,
          !operators.contains(text), let expanded = replacement(text.lowercased())
        {
          output.append(contentsOf: expanded.unicodeScalars)
          index += 1
        } else {
          output.append(contentsOf: word)
        }
        lastWord = text
      } else {
        if scalar == "(" {
          depth += 1
          if lastWord == "NEAR", nearDepth == 0 { nearDepth = depth }
        } else if scalar == ")" {
          if depth == nearDepth { nearDepth = 0 }
          depth -= 1
        }
        if !scalar.properties.isWhitespace { lastWord = "" }
        output.append(scalar)
        index += 1
      }
    }
    return String(output)
  }
}
