import FactArchiveCore

/// The word lists the readers of a page use (`Data/page-hints.tsv`, compiled in by `make
/// schema`), grouped by kind once.
struct PageHints: Sendable {
  let dropTags: Set<String>
  let unlikely: [String]
  let unlikelyStrong: [String]
  let unlikelyTokens: Set<String>
  let keep: [String]
  let positive: [String]
  let negative: [String]
  let body: [String]
  let furnitureText: [String]
  let adLabels: Set<String>
  let bylineClass: [String]
  let layout: [String]
  let dateClass: [String]
  let dateToken: Set<String>
  let dateLabels: Set<String>
  let bylinePrefixes: [String]
  let creditWords: Set<String>
  let summaryClass: [String]
  let titleSeparators: [String]
  let bannerClass: [String]
  let headlineClass: [String]
  let leadToken: Set<String>

  static let shared = PageHints(table: PageHints.table)

  init(table: [(kind: String, value: String)]) {
    func values(_ kind: String) -> [String] { table.filter { $0.kind == kind }.map(\.value) }
    dropTags = Set(values("drop-tag"))
    unlikely = values("unlikely")
    unlikelyStrong = values("unlikely-strong")
    unlikelyTokens = Set(values("unlikely-token"))
    keep = values("keep")
    positive = values("positive")
    negative = values("negative")
    body = values("body")
    furnitureText = values("furniture-text")
    adLabels = Set(values("ad-label"))
    bylineClass = values("byline-class")
    layout = values("layout")
    dateClass = values("date-class")
    dateToken = Set(values("date-token"))
    dateLabels = Set(values("date-label"))
    // Longest first, so "written by" is tried before "by".
    bylinePrefixes = values("byline-prefix").sorted { $0.count > $1.count }
    creditWords = Set(values("credit-word"))
    summaryClass = values("summary-class")
    titleSeparators = values("title-separator")
    bannerClass = values("banner-class")
    headlineClass = values("headline-class")
    leadToken = Set(values("lead-token"))
  }

  /// Whether one of the class names, or one of their parts between `-` and `_`, is one of
  /// `tokens` (`article__lead` holds `lead`; `leaderboard` does not).
  static func hasToken(_ classes: String, in tokens: Set<String>) -> Bool {
    classes.split(separator: " ").contains { name in
      tokens.contains(String(name))
        || name.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains {
          tokens.contains(String($0))
        }
    }
  }

  /// `text` with each occurrence of `words` (lowercase ASCII) replaced by a space:
  /// `sidebar_content` without `sidebar` is ` _content`.
  static func without(_ words: [String], in text: String) -> String {
    guard !words.isEmpty else { return text }
    let bytes = Array(text.utf8)
    let patterns = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
    var kept: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if let match = patterns.first(where: {
        index + $0.count <= bytes.count && bytes[index..<index + $0.count].elementsEqual($0)
      }) {
        kept.append(UInt8(ascii: " "))
        index += match.count
      } else {
        kept.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }

  /// Whether any of `words` occurs in `text` (lowercase class and id), compared as UTF-8
  /// bytes: Foundation's `contains` was a twentieth of the time of reading a page.
  static func contains(_ text: String, anyOf words: [String]) -> Bool {
    words.contains { text.containsBytes(of: $0) }
  }
}
