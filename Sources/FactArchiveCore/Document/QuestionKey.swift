/// The normalised form of a question that recognises a re-check of the same question:
/// lowercase letters and digits separated by single spaces. Apostrophes vanish
/// (`don’t` → `dont`); every other run of punctuation or space is one space.
///
/// ```swift
/// QuestionKey.normalize("Did  Valmora ban “ferry subsidies”?")  // "did valmora ban ferry subsidies"
/// ```
public enum QuestionKey {
  public static func normalize(_ question: String) -> String {
    var key = ""
    key.unicodeScalars.reserveCapacity(question.utf8.count)
    var pendingSpace = false
    for scalar in question.lowercased().unicodeScalars {
      switch scalar {
      case "'", "\u{2019}", "\u{2018}", "\u{02BC}":
        continue
      default:
        break
      }
      if scalar.isWordCharacter {
        if pendingSpace, !key.isEmpty {
          key.unicodeScalars.append(" ")
        }
        pendingSpace = false
        key.unicodeScalars.append(scalar)
      } else if !scalar.isDiacriticMark {
        pendingSpace = true
      }
    }
    return key
  }
}
