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
  /// "Prosecutors Widen Case Against Norvik Shipping".
  static func isTitleCase(_ line: String) -> Bool {
    let words = line.split { !isLetter($0) && $0 != "'" && $0 != "’" }.filter { $0.count >= 4 }
    guard words.count >= 3 else { return false }
    let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
    return capitalised * 4 >= words.count * 3
  }

  /// `Character.isLetter`, with ASCII answered without Unicode's property table.
  private static func isLetter(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue, let scalar = Unicode.Scalar(UInt32(ascii)) else {
      return character.isLetter
    }
    return scalar.isWordLetter
  }
}
