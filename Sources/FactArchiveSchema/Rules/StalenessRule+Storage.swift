import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// The policy's rules as stored in `staleness_rules`.
extension StalenessRule {
  /// Every rule, the default first, then time-sensitive, then topics by name.
  public static func all(in db: Connection) throws -> [StalenessRule] {
    try db.query(
      """
      SELECT name, kind, words, pattern, max_age_days, max_age_percent, updated_at, updated_by
      FROM staleness_rules
      ORDER BY CASE kind WHEN 'default' THEN 0 WHEN 'time_sensitive' THEN 1 ELSE 2 END, name
      """
    ) { row in
      StalenessRule(
        name: row.text("name") ?? "", kind: Kind(rawValue: row.text("kind") ?? "") ?? .topic,
        words: words(fromList: row.text("words")), pattern: row.text("pattern"),
        maxAgeDays: row.optionalInt("max_age_days"),
        maxAgePercent: row.optionalInt("max_age_percent"), updatedAt: row.text("updated_at") ?? "",
        updatedBy: row.text("updated_by") ?? "")
    }
  }

  /// Inserts or replaces the rule with this name.
  public func save(in db: Connection) throws {
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
        name, kind.rawValue, wordList, pattern, maxAgeDays, maxAgePercent, updatedAt, updatedBy,
      ])
  }

  /// Removes a topic rule; the default and time-sensitive rules can be changed, not removed.
  /// - Returns: whether a rule was removed.
  @discardableResult
  public static func remove(named name: String, in db: Connection) throws -> Bool {
    try db.execute("DELETE FROM staleness_rules WHERE name = ? AND kind = 'topic'", [name])
    return db.changes > 0
  }
}

extension StalenessPolicy {
  /// The policy as the archive's rules define it now.
  public static func load(from db: Connection) throws -> StalenessPolicy {
    try StalenessPolicy(rules: StalenessRule.all(in: db))
  }
}
