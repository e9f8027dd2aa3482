/// How lists are written into single columns of the archive.
public enum StoredList {
  /// Names (`checks.key_terms`, `sources.key_terms`, `check_evidence.shared_terms`):
  /// `tren de aragua|venezuela`. Names never hold `|`.
  public static func names(_ names: [String]) -> String {
    names.joined(separator: "|")
  }

  /// The names of a `|`-separated column; empty for NULL.
  public static func names(from text: String?) -> [String] {
    guard let text, !text.isEmpty else { return [] }
    return text.split(separator: "|").map(String.init)
  }

  /// Time-bound wording as stored in `checks.time_sensitive_terms`: `currently, this week`.
  public static func phrases(from text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(separator: ", ").map(String.init)
  }
}
