import FactArchiveCore

/// The names a document is about, for matching newer evidence: for a check, its question,
/// executive summary and section headings; for a source, its title and opening paragraphs
/// (the rest of a news story wanders). Headings and titles set in Title Case are left out:
/// every word is capitalised there, so capitals say nothing about names (the opening
/// paragraphs name the same things in sentence case).
public enum AboutText {
  /// Names kept per check.
  public static let checkNameLimit = 12
  /// Names kept per source.
  public static let sourceNameLimit = 20
  /// Paragraphs of a source's body read as its opening.
  public static let openingParagraphs = 3
  /// At most this many characters of them.
  public static let openingCharacters = 1_500

  public static func checkNames(_ facts: CheckFacts) -> [String] {
    let headings = facts.headings.filter { !isTitleCase($0) }
    return KeyTerms.extract(
      from: ([facts.question, facts.summary] + headings).joined(separator: "\n"),
      limit: checkNameLimit)
  }

  public static func sourceNames(title: String, body: String) -> [String] {
    var parts = isTitleCase(title) ? [] : [title]
    parts.append(opening(of: body))
    return KeyTerms.extract(from: parts.joined(separator: "\n"), limit: sourceNameLimit)
  }

  /// The first paragraphs of a body (separated by blank lines; by line breaks when it has
  /// none), cut at a paragraph end once past `openingCharacters`.
  static func opening(of body: String) -> String {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    let usesBlankLines = lines.contains { $0.allSatisfy(\.isWhitespace) }
    var paragraphs: [String] = []
    var current: [Substring] = []
    func finish() {
      if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
      current = []
    }
    for line in lines {
      if line.allSatisfy(\.isWhitespace) {
        finish()
      } else {
        current.append(line)
        if !usesBlankLines { finish() }
      }
      if paragraphs.count >= openingParagraphs { break }
    }
    finish()
    var opening = ""
    for paragraph in paragraphs.prefix(openingParagraphs) {
      if !opening.isEmpty, opening.count + paragraph.count > openingCharacters { break }
      opening += (opening.isEmpty ? "" : "\n") + paragraph
    }
    return opening
  }

  /// Whether most words of four letters or more start with a capital:
  /// "Prosecutors Widen Case Against Norvik Shipping". A word is a run of letters and
  /// apostrophes; a combining mark belongs to the letter before it. Read by Unicode scalar
  /// rather than by `Character` (grapheme breaking made this 6% of the reading thread).
  static func isTitleCase(_ line: String) -> Bool {
    var words = 0
    var capitalised = 0
    var letters = 0
    var startsWithCapital = false
    func endWord() {
      if letters >= 4 {
        words += 1
        if startsWithCapital { capitalised += 1 }
      }
      letters = 0
    }
    for scalar in line.unicodeScalars {
      if scalar.isWordLetter || scalar == "'" || scalar == "’" {
        if letters == 0 { startsWithCapital = scalar.isCapital }
        letters += 1
      } else if letters > 0, !scalar.isASCII, isCombiningMark(scalar) {
        continue
      } else {
        endWord()
      }
    }
    endWord()
    guard words >= 3 else { return false }
    return capitalised * 4 >= words * 3
  }

  private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }
}
