import FactArchiveCore

/// The normalised verdict of a rating: from a multilingual lexicon of rating labels
/// (`Data/rating-labels.tsv`, compiled in by `make schema`, with where its words come from),
/// and, for a label it does not know, from the rating's number on its worst–best scale.
///
/// ```swift
/// RatingLexicon.classify("Mostly False", scale: nil)                      // .mostlyFalse
/// RatingLexicon.classify("Engañoso", scale: nil)                          // .mostlyFalse
/// RatingLexicon.classify("2", scale: RatingScale(value: 2, worst: 1, best: 5))  // .mostlyFalse
/// ```
public enum RatingLexicon {
  /// The labels, lowercase, longest first (so "mostly false" is tried before "false").
  static let labels: [(label: String, rating: RatingClass)] = {
    var seen: Set<String> = []
    return table.compactMap { entry -> (String, RatingClass)? in
      guard let rating = RatingClass(rawValue: entry.rating), seen.insert(entry.label).inserted
      else { return nil }
      return (entry.label, rating)
    }.sorted { ($0.0.count, $0.0) > ($1.0.count, $1.0) }
  }()

  static let exact: [String: RatingClass] = Dictionary(
    labels.map { ($0.label, $0.rating) }, uniquingKeysWith: { first, _ in first })

  /// `nil` when there is no rating at all.
  public static func classify(_ rating: String?, scale: RatingScale?) -> RatingClass? {
    let key = rating.map(normalized) ?? ""
    if !key.isEmpty {
      if let found = exact[key] { return found }
      if let found = labels.first(where: { entry in
        [" ", ":", ",", " -", ";"].contains { key.hasPrefix(entry.label + $0) }
      }) {
        return found.rating
      }
    }
    if let scale, let byNumber = classify(scale) { return byNumber }
    return key.isEmpty ? nil : .other
  }

  /// The rating's place on its scale, when the scale is given and holds the value: the
  /// bottom eighth false, then mostly false, mixed, mostly true, and the top eighth true.
  public static func classify(_ scale: RatingScale) -> RatingClass? {
    guard let worst = scale.worst, let best = scale.best, best > worst,
      scale.value >= worst, scale.value <= best
    else { return nil }
    let position = (scale.value - worst) / (best - worst)
    switch position {
    case ..<0.125: return .false
    case ..<0.375: return .mostlyFalse
    case ...0.625: return .mixed
    case ...0.875: return .mostlyTrue
    default: return .true
    }
  }

  static let finalPunctuation: Set<Unicode.Scalar> = [
    ".", ",", ";", ":", "。", "！", "!", "?", "¡", "¿", "\"", "'", "”", "“", "»", "«", ")", "]",
  ]

  /// Lowercase, trimmed, final punctuation and emoji dropped, inner spaces collapsed.
  static func normalized(_ text: String) -> String {
    var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while let last = words.unicodeScalars.last,
      Self.finalPunctuation.contains(last) || last.properties.isEmojiPresentation
    {
      words.unicodeScalars.removeLast()
    }
    while let first = words.unicodeScalars.first,
      first.properties.isEmojiPresentation || first == " "
    {
      words.unicodeScalars.removeFirst()
    }
    return words.trimmingSpaces()
  }
}
