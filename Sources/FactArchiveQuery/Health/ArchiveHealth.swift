import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// Whether an archive is sound: SQLite's integrity and foreign-key checks, the full-text
/// indexes against their tables, and what the archive holds.
///
/// ```swift
/// let health = try ArchiveHealth.inspect(db)
/// health.isHealthy      // true
/// health.counts.first   // ("documents", 12)
/// ```
///
/// See <https://www.sqlite.org/pragma.html#pragma_integrity_check> and
/// <https://www.sqlite.org/fts5.html#the_integrity_check_command>.
public struct ArchiveHealth: Sendable {
  public var path: String
  public var schemaVersion: Int
  /// The schema version this build of FactArchive writes.
  public var expectedSchemaVersion: Int
  public var sqliteVersion: String
  public var journalMode: String
  public var pageSize: Int
  public var pageCount: Int
  /// What `PRAGMA integrity_check` (or `quick_check`) found; empty when it says `ok`.
  public var integrityProblems: [String]
  /// Rows whose foreign key points at nothing (`PRAGMA foreign_key_check`).
  public var foreignKeyProblems: [String]
  /// Full-text indexes that disagree with their tables (FTS5 `integrity-check`).
  public var fullTextProblems: [String]
  /// Tier, topic and due day whose kept count (`queue_counts`) differs from the checks: a write to
  /// `checks` made outside FactArchive. `check --recount` counts them again.
  public var queueCountProblems: [String] = []
  /// Rows per table, in a fixed order.
  public var counts: [(table: String, rows: Int)]
  /// Documents by status (`parsed`, `rejected`).
  public var documentsByStatus: [(status: String, documents: Int)]

  public var isHealthy: Bool { problems.isEmpty }

  /// The tables counted, the archive's own first.
  static let countedTables = [
    "documents", "questions", "checks", "summary_spans", "citation_spans", "follow_ups",
    "sources", "source_links", "check_evidence", "snoozes", "staleness_rules", "staleness_runs",
  ]

  /// Runs the checks. `quick` uses `PRAGMA quick_check` (no index-to-table comparison) and
  /// skips the full-text indexes: seconds instead of minutes on a large archive.
  public static func inspect(_ db: Connection, quick: Bool = false) throws -> ArchiveHealth {
    let integrity = try db.query(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check") {
      $0.text(at: 0) ?? ""
    }
    let foreignKeys = try db.query("PRAGMA foreign_key_check") { row in
      "\(row.text("table") ?? "?") row \(row.int64("rowid")) points at a missing \(row.text("parent") ?? "?") row"
    }
    let tables = Set(
      try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(at: 0) ?? "" })
    var fullText: [String] = []
    if !quick {
      // Every FTS5 index the schema holds, so one a later migration adds is checked too.
      let fullTextIndexes = try db.query(
        """
        SELECT name FROM sqlite_master
        WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name
        """
      ) { $0.text(at: 0) ?? "" }
      for index in fullTextIndexes {
        do {
          try db.execute(
            "INSERT INTO \(Connection.quoteIdentifier(index)) (\(Connection.quoteIdentifier(index))) VALUES ('integrity-check')"
          )
        } catch {
          fullText.append("\(index): \(error.message)")
        }
      }
    }
    let queueCounts =
      quick
      ? []
      : try TierCounts.differences(on: db).map { difference in
        "tier \(difference.place.tier)"
          + (difference.place.topic.isEmpty ? "" : " topic \(difference.place.topic)")
          + (difference.place.ratingClass.isEmpty ? "" : " rated \(difference.place.ratingClass)")
          + " due \(difference.place.dueOn): kept \(difference.kept), "
          + "counted \(difference.counted) (run `factarchive check --recount`)"
      }
    var counts: [(String, Int)] = []
    for table in countedTables where tables.contains(table) {
      counts.append(
        (table, Int(try db.scalarInt("SELECT count(*) FROM \(Connection.quoteIdentifier(table))"))))
    }
    let statuses = try db.query(
      "SELECT status, count(*) AS documents FROM documents GROUP BY status ORDER BY status"
    ) { ($0.text("status") ?? "", $0.int("documents")) }
    return ArchiveHealth(
      path: db.path, schemaVersion: try db.schemaVersion,
      expectedSchemaVersion: Migration.latestVersion, sqliteVersion: Connection.sqliteVersion,
      journalMode: try db.scalarText("PRAGMA journal_mode") ?? "",
      pageSize: Int(try db.scalarInt("PRAGMA page_size")),
      pageCount: Int(try db.scalarInt("PRAGMA page_count")),
      integrityProblems: integrity == ["ok"] ? [] : integrity, foreignKeyProblems: foreignKeys,
      fullTextProblems: fullText, queueCountProblems: queueCounts, counts: counts,
      documentsByStatus: statuses)
  }

  // MARK: - Output

  public func render(format: ListFormat) -> String {
    switch format {
    case .json: return json.rendered() + "\n"
    case .csv:
      var rows = [TextTable.csvRow(["item", "value"])]
      for (name, value) in summaryFields { rows.append(TextTable.csvRow([name, value])) }
      for problem in problems { rows.append(TextTable.csvRow(["problem", problem])) }
      return rows.joined()
    case .table:
      var lines = summaryFields.map { name, value in "\(name): \(value)" }
      lines.append(
        isHealthy
          ? "result: ok"
          : "result: \(problems.count) problem\(problems.count == 1 ? "" : "s")")
      lines.append(contentsOf: problems.map { "  \($0)" })
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// Every problem as one line.
  public var problems: [String] {
    var all: [String] = []
    if schemaVersion != expectedSchemaVersion {
      all.append(
        "schema version \(schemaVersion), this factarchive expects \(expectedSchemaVersion)")
    }
    all += integrityProblems.map { "integrity: \($0)" }
    all += foreignKeyProblems.map { "foreign key: \($0)" }
    all += fullTextProblems.map { "full-text index: \($0)" }
    all += queueCountProblems.map { "queue counts: \($0)" }
    return all
  }

  private var summaryFields: [(String, String)] {
    var fields = [
      ("database", path), ("schema version", String(schemaVersion)),
      ("sqlite", sqliteVersion), ("journal mode", journalMode),
      ("size", "\(pageCount) pages of \(pageSize) bytes"),
      ("integrity", integrityProblems.isEmpty ? "ok" : "\(integrityProblems.count) problems"),
      ("foreign keys", foreignKeyProblems.isEmpty ? "ok" : "\(foreignKeyProblems.count) problems"),
      ("full-text indexes", fullTextProblems.isEmpty ? "ok" : "\(fullTextProblems.count) problems"),
      ("queue counts", queueCountProblems.isEmpty ? "ok" : "\(queueCountProblems.count) problems"),
    ]
    fields += documentsByStatus.map { ("documents \($0.status)", String($0.documents)) }
    fields += counts.map { ($0.table, String($0.rows)) }
    return fields
  }

  var json: JSON {
    .object([
      .init("database", .string(path)), .init("healthy", .bool(isHealthy)),
      .init("schema_version", .int(Int64(schemaVersion))),
      .init("expected_schema_version", .int(Int64(expectedSchemaVersion))),
      .init("sqlite_version", .string(sqliteVersion)), .init("journal_mode", .string(journalMode)),
      .init("page_size", .int(Int64(pageSize))), .init("page_count", .int(Int64(pageCount))),
      .init("problems", .array(problems.map { .string($0) })),
      .init(
        "documents_by_status",
        .object(documentsByStatus.map { .init($0.status, .int(Int64($0.documents))) })),
      .init("counts", .object(counts.map { .init($0.table, .int(Int64($0.rows))) })),
    ])
  }
}
