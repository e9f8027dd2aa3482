import FactArchiveStore

/// One rule of the staleness policy, as stored in `staleness_rules`.
///
/// - `default`: the maximum age of any check no topic rule claims.
/// - `time-sensitive`: wording that makes a check fall due sooner, and by how much
///   (`maxAgePercent` of the age it would otherwise be allowed).
/// - topics: checks whose question or executive summary match `words` or `pattern` may
///   reach `maxAgeDays`; when several topics match, the shortest age wins.
public struct StalenessRule: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case `default`
    case timeSensitive = "time_sensitive"
    case topic
  }

  public static let defaultName = "default"
  public static let timeSensitiveName = "time-sensitive"

  public var name: String
  public var kind: Kind
  /// Words or phrases, matched as whole words in any case.
  public var words: [String]
  /// A regular expression, matched ignoring case.
  public var pattern: String?
  public var maxAgeDays: Int?
  public var maxAgePercent: Int?
  public var updatedAt: String
  public var updatedBy: String

  public init(
    name: String, kind: Kind, words: [String] = [], pattern: String? = nil, maxAgeDays: Int? = nil,
    maxAgePercent: Int? = nil, updatedAt: String = "", updatedBy: String = ""
  ) {
    self.name = name
    self.kind = kind
    self.words = words
    self.pattern = pattern
    self.maxAgeDays = maxAgeDays
    self.maxAgePercent = maxAgePercent
    self.updatedAt = updatedAt
    self.updatedBy = updatedBy
  }

  /// Every rule, the default first, then time-sensitive, then topics by name.
  public static func all(in db: Database) throws -> [StalenessRule] {
    try db.query(
      """
      SELECT name, kind, words, pattern, max_age_days, max_age_percent, updated_at, updated_by
      FROM staleness_rules
      ORDER BY CASE kind WHEN 'default' THEN 0 WHEN 'time_sensitive' THEN 1 ELSE 2 END, name
      """
    ) { row in
      StalenessRule(
        name: row.text(at: 0) ?? "", kind: Kind(rawValue: row.text(at: 1) ?? "") ?? .topic,
        words: splitWords(row.text(at: 2)), pattern: row.text(at: 3),
        maxAgeDays: row.isNull(at: 4) ? nil : row.int(at: 4),
        maxAgePercent: row.isNull(at: 5) ? nil : row.int(at: 5), updatedAt: row.text(at: 6) ?? "",
        updatedBy: row.text(at: 7) ?? "")
    }
  }

  /// Inserts or replaces the rule with this name.
  public func save(in db: Database) throws {
    try db.execute(
      """
      INSERT INTO staleness_rules
        (name, kind, words, pattern, max_age_days, max_age_percent, updated_at, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET
        kind = excluded.kind, words = excluded.words, pattern = excluded.pattern,
        max_age_days = excluded.max_age_days, max_age_percent = excluded.max_age_percent,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by
      """,
      [
        name, kind.rawValue, words.isEmpty ? nil : words.joined(separator: ", "), pattern,
        maxAgeDays,
        maxAgePercent, updatedAt, updatedBy,
      ])
  }

  /// Removes a topic rule; the default and time-sensitive rules can be changed, not removed.
  /// - Returns: whether a rule was removed.
  @discardableResult
  public static func remove(named name: String, in db: Database) throws -> Bool {
    try db.execute("DELETE FROM staleness_rules WHERE name = ? AND kind = 'topic'", [name])
    return db.changes > 0
  }

  static func splitWords(_ text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
  }
}

extension Substring {
  func trimmingSpaces() -> String {
    String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
