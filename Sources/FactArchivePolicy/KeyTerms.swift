import FactArchiveCore

/// The names a text is about: runs of capitalised words ("Cartel de los Soles", "Valmora",
/// "Tren de Aragua"), lowercased, most frequent first. Newer evidence is a source that
/// shares a check's names.
public enum KeyTerms {
  /// Lowercase words that may sit inside a name.
  static let connectors: Set<String> = [
    "de", "del", "la", "las", "los", "of", "the", "y", "da", "do", "dos", "van", "von", "al", "el",
    "bin",
  ]

  /// Capitalised words that start sentences without naming anything.
  static let stopwords: Set<String> = [
    "a", "an", "the", "in", "on", "at", "by", "for", "from", "to", "of", "however", "but", "and",
    "or", "while", "when", "what", "which", "who", "whom", "whose", "how", "why", "where", "did",
    "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will",
    "would", "should", "may", "might", "must", "it", "its", "this", "that", "these", "those",
    "there", "their", "they", "he", "she", "we", "our", "as", "if", "since", "after", "before",
    "according", "some", "many", "most", "several", "no", "yes", "not", "only", "still", "even",
    "notably", "also", "both", "each", "every", "all", "any", "one", "two", "three", "first",
    "second", "third", "executive", "summary", "checked", "disclaimer", "records", "officials",
    "critics", "analysts", "reporting", "available", "independent", "key", "bottom", "line",
    "what's", "here", "then", "so", "yet", "although", "though", "because", "with", "without",
    "under", "over", "about", "into", "between", "during", "across", "fact", "check", "claim",
    "claims", "is it true", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays",
    "thursdays", "fridays", "saturdays", "sundays", "i", "you", "me", "my", "your", "his", "her",
  ]

  /// Titles in front of a name ("Mayor Delia Rusk", "Prime Minister Ana Lopes"): the name
  /// is the person, whatever the title, so the title is left off.
  static let titles: Set<String> = [
    "mayor", "senator", "sen.", "president", "minister", "governor", "gov.", "judge",
    "justice", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "representative", "rep.",
    "chancellor", "general", "gen.", "secretary", "commissioner", "king", "queen", "prince",
    "princess", "sheriff", "ambassador", "director", "chairman", "chairwoman", "councillor",
    "councilman", "councilwoman", "professor", "prof.", "attorney", "sir", "dame", "lord",
  ]

  /// Two-word titles ("Prime Minister", "Vice President").
  static let twoWordTitles: Set<String> = [
    "prime minister", "vice president", "attorney general", "foreign minister",
    "finance minister", "chief executive", "chief justice", "supreme leader",
  ]

  /// Up to `limit` names in `text`, most frequent first (ties: first seen first).
  public static func extract(from text: String, limit: Int) -> [String] {
    var counts: [String: (count: Int, first: Int)] = [:]
    var order = 0
    for name in names(in: text) {
      if let seen = counts[name] {
        counts[name] = (seen.count + 1, seen.first)
      } else {
        counts[name] = (1, order)
        order += 1
      }
    }
    return counts.sorted { left, right in
      left.value.count != right.value.count
        ? left.value.count > right.value.count : left.value.first < right.value.first
    }.prefix(limit).map(\.key)
  }

  /// A word of the text: where it is in the text's UTF-8 bytes, and how it sits in its
  /// sentence. Its `String` is made only for the few words a name may use (capitalised ones
  /// and the connectors between them): making one for every word was most of the time names
  /// took.
  private struct Word {
    var range: Range<Int>
    var capitalised: Bool
    var startsSentence: Bool
    /// Only spaces separate it from the word before.
    var joinedToPrevious: Bool
  }

  /// Every name occurrence, in order. A lone capitalised word that starts a sentence
  /// counts only when the text also capitalises it mid-sentence ("Taken together" is not a
  /// name; "Venezuela ... in Venezuela" is).
  static func names(in text: String) -> [String] {
    let words = self.words(in: text)
    let bytes = Array(text.utf8)
    func string(_ word: Word) -> String { String(decoding: bytes[word.range], as: UTF8.self) }
    var texts = [String?](repeating: nil, count: words.count)
    var capitalisedMidSentence: Set<String> = []
    for (index, word) in words.enumerated() where word.capitalised {
      let text = string(word)
      texts[index] = text
      if !word.startsSentence { capitalisedMidSentence.insert(normalise(text)) }
    }
    var names: [String] = []
    var run: [(word: Word, text: String)] = []
    func flush() {
      while let last = run.last, !last.word.capitalised { run.removeLast() }
      if let first = run.first, first.word.startsSentence,
        stopwords.contains(first.text.lowercased())
      {
        run.removeFirst()
        while let head = run.first, !head.word.capitalised { run.removeFirst() }
      }
      while run.count > 2,
        twoWordTitles.contains(run[0].text.lowercased() + " " + run[1].text.lowercased())
      {
        run.removeFirst(2)
      }
      while run.count > 1, titles.contains(run[0].text.lowercased()) {
        run.removeFirst()
      }
      if !run.isEmpty, run.count <= 5 {
        let name = run.map { normalise($0.text) }.joined(separator: " ")
        let isInitial = run.count == 1 && name.unicodeScalars.count == 1
        let isLoneOpener =
          run.count == 1 && run[0].word.startsSentence && !capitalisedMidSentence.contains(name)
        if !isInitial, !isLoneOpener, !stopwords.contains(name) { names.append(name) }
      }
      run.removeAll()
    }
    for (index, word) in words.enumerated() {
      if word.capitalised, let text = texts[index] {
        if !run.isEmpty, !word.joinedToPrevious { flush() }
        run.append((word, text))
      } else if !run.isEmpty, word.joinedToPrevious, !word.range.isEmpty,
        case let text = string(word), connectors.contains(text.lowercased())
      {
        run.append((word, text))
      } else {
        flush()
      }
    }
    flush()
    return names
  }

  /// Lowercased, without a possessive `'s`.
  static func normalise(_ word: String) -> String {
    var lower = word.lowercased()
    for suffix in ["’s", "'s"] where lower.hasSuffix(suffix) {
      lower.removeLast(2)
    }
    return lower
  }

  /// Words: letters and digits, keeping inner apostrophes, hyphens and the dots of
  /// abbreviations (`U.S.`). A word is a run of consecutive scalars, so it is kept as the
  /// range of their bytes. The scalars are read once, in order, with the one after each at
  /// hand (copying them into an array, with each one's byte offset, cost a third of names).
  private static func words(in text: String) -> [Word] {
    var words: [Word] = []
    /// The first scalar of the word being read: its byte offset, its place among the
    /// scalars, and whether it is a capital.
    var start: (offset: Int, index: Int, capital: Bool)?
    var sentenceStart = true
    var onlySpacesSincePrevious = false
    var pendingSentenceStart = true
    func finish(at end: Int) {
      guard let first = start else { return }
      words.append(
        Word(
          range: first.offset..<end, capitalised: first.capital,
          startsSentence: sentenceStart, joinedToPrevious: onlySpacesSincePrevious))
      start = nil
      onlySpacesSincePrevious = true
      sentenceStart = false
    }
    var scalars = text.unicodeScalars.makeIterator()
    var following = scalars.next()
    var previous: Unicode.Scalar?
    var index = 0
    var offset = 0
    while let scalar = following {
      following = scalars.next()
      defer {
        previous = scalar
        index += 1
        offset += UTF8.width(scalar)
      }
      if scalar.isWordCharacter {
        if start == nil {
          start = (offset, index, scalar.isCapital)
          sentenceStart = pendingSentenceStart
          pendingSentenceStart = false
        }
        continue
      }
      let nextIsLetter = following?.isWordLetter ?? false
      if start != nil, nextIsLetter,
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "."
      {
        continue
      }
      if scalar == ".", let first = start, index - first.index <= 3,
        previous?.isCapital ?? false
      {
        finish(at: offset + 1)  // "U.S." keeps its last dot
        continue
      }
      finish(at: offset)
      if scalar == " " || scalar == "\u{00A0}" || scalar == "\t" {
        continue
      }
      onlySpacesSincePrevious = false
      if scalar == "." || scalar == "?" || scalar == "!" || scalar == ":" || scalar == "\n"
        || scalar == "\r" || scalar == "—" || scalar == "“" || scalar == "\""
      {
        pendingSentenceStart = true
      }
    }
    finish(at: offset)
    return words
  }
}
