/// The names in a byline as pages write it: `By Ana Ruiz and Tom Lee · 22 September 2026`,
/// `Por María López, 3 de mayo de 2026`, `Par Jean Dupont`, `作者：王明`.
enum BylineText {
  /// A name is at most this long (in characters) and this many words; longer text is a
  /// sentence, not a byline.
  static let longestName = 60
  static let mostWordsInAName = 6

  /// Words that join a name to the date after it (`on`, `el`, `le`, `updated`).
  static let joiningWords: Set<String> = [
    "on", "at", "el", "le", "em", "am", "il", "de", "del", "updated", "published", "posted",
    "actualizado", "publicado", "atualizado", "publié", "mis", "à", "jour", "aktualisiert",
    "veröffentlicht", "aggiornato", "pubblicato", "|", "·", "•", "-", "–", "—",
  ]

  static func names(_ text: String) -> [String] {
    var line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces()
    guard !line.isEmpty, line.count <= 200 else { return [] }
    line = withoutPrefix(line)
    for stop in [" · ", " | ", " • ", " — ", " – ", " - ", "\t"] {
      if let range = line.range(of: stop) { line = String(line[..<range.lowerBound]) }
    }
    // No-break and other spaces between the words of a name are spaces.
    line = MetadataReader.collapsed(line)
    // A date after the names: cut at its first number, then the month and joining words
    // before it.
    var tokens = line.split(separator: " ").map(String.init)
    if let firstNumber = tokens.firstIndex(where: { $0.contains(where: \.isNumber) }) {
      tokens = Array(tokens[..<firstNumber])
      while let last = tokens.last?.lowercased().trimmingCharacters(in: ",.:"),
        joiningWords.contains(last) || MetadataDate.weekdays.contains(last)
          || MetadataDate.months.contains(where: { $0.name == last })
      {
        tokens.removeLast()
      }
    }
    while let last = tokens.last?.lowercased(), joiningWords.contains(last) { tokens.removeLast() }
    line = tokens.joined(separator: " ").replacingOccurrences(of: " & ", with: ", ")
    var parts: [String] = []
    for piece in line.split(separator: ",") {
      var split = [String(piece)]
      for conjunction in [" and ", " y ", " e ", " et ", " und ", " ed ", " en ", " و ", "和"] {
        split = split.flatMap { $0.components(separatedBy: conjunction) }
      }
      parts += split
    }
    return parts.map { $0.trimmingSpaces().trimmingCharacters(in: ",.:;") }
      .filter { name in
        !name.isEmpty && name.count <= longestName
          && name.split(separator: " ").count <= mostWordsInAName
          && !name.contains(where: \.isNumber)
      }
  }

  /// A picture's credit (`Photo by …`, `Foto: dpa`), not a byline.
  static func isCredit(_ text: String) -> Bool {
    let first = text.lowercased().prefix { $0.isLetter }
    guard PageHints.shared.creditWords.contains(String(first)) else { return false }
    let rest = text.dropFirst(first.count).drop { $0 == " " }
    return rest.hasPrefix(":") || rest.lowercased().hasPrefix("by ")
      || rest.lowercased().hasPrefix("©")
  }

  /// The byline without `By`, `Por`, `Par`, `بقلم`, `作者：`; and then without a second one
  /// only when a colon follows it (`von Autor: Georg Holzer`, while `By Di Caprio` keeps its
  /// `Di`).
  static func withoutPrefix(_ line: String) -> String {
    let once = withoutOnePrefix(line)
    return once == line ? line : withoutOnePrefix(once, colonOnly: true)
  }

  static func withoutOnePrefix(_ line: String, colonOnly: Bool = false) -> String {
    let lower = line.lowercased()
    for prefix in PageHints.shared.bylinePrefixes where lower.hasPrefix(prefix) {
      let rest = line.dropFirst(prefix.count)
      guard let next = rest.first else { continue }
      let spaceless = prefix.unicodeScalars.contains { $0.value > 0x2E7F }
      let colon = next == ":" || next == "："
      if colon || (!colonOnly && (next == " " || spaceless)) {
        return String(rest.drop { $0 == " " || $0 == ":" || $0 == "：" }).trimmingSpaces()
      }
    }
    return line
  }
}

extension String {
  /// The text without `characters` at either end.
  func trimmingCharacters(in characters: String) -> String {
    var text = Substring(self)
    while let first = text.first, characters.contains(first) { text.removeFirst() }
    while let last = text.last, characters.contains(last) { text.removeLast() }
    return String(text)
  }
}
