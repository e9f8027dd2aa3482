/// The phrases of an FTS5 query (`"exact phrase"`, `word`, `prefix*`), each written back as
/// a query of its own, without the operators (`AND`, `OR`, `NOT`, `NEAR`), parentheses and
/// column filters around them: what `FullTextSearch` measures to tell a broad query from a
/// narrow one. See <https://www.sqlite.org/fts5.html#full_text_query_syntax>.
public enum SearchTerms {
  static let operators: Set<String> = ["AND", "OR", "NOT", "NEAR"]

  /// Every word of the query's phrases as a query of its own (`"word"`, `"pre"*` for a
  /// prefix): a phrase costs what its commonest word costs, whatever it matches.
  public static func words(_ query: String) -> [String] {
    var words: [String] = []
    for phrase in phrases(query) {
      let isPrefix = phrase.hasSuffix("*")
      let parts = phrase.unicodeScalars.split {
        !($0.value >= 0x80 || $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
      }.map { String(String.UnicodeScalarView($0)) }
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
    func isBareword(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value >= 0x80 || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || scalar == "_"
    }
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
