/// Output formats of lists (stale checks, search hits, rejected documents).
public enum ListFormat: String, Sendable, CaseIterable {
  /// Aligned columns for people.
  case table
  /// An array of objects.
  case json
  /// One row per item, with a header row.
  case csv
}

/// Output formats of one thing shown whole (a check, a question's history, the policy).
public enum DetailFormat: String, Sendable, CaseIterable {
  /// Readable text (a table, for the policy).
  case text
  /// One JSON object.
  case json

  /// `table` names the text format too (`policy list --format table`).
  public init?(name: String) {
    self.init(rawValue: name == "table" ? "text" : name)
  }
}
