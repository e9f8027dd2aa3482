import FactArchiveCore
import FactArchiveStore
import Foundation

/// A nightly report as `staleness_runs.report` keeps it: `ReportContent` in its one JSON
/// shape (what `factarchive report --format json` prints), compact.
public enum StoredReport {
  public static func encode(_ content: ReportContent) -> String {
    JSON(encoding: content).rendered(pretty: false)
  }

  public static func decode(_ text: String) throws -> ReportContent {
    try JSONDecoder().decode(ReportContent.self, from: Data(text.utf8))
  }

  /// Migration 10: reports stored before it used Swift's default keys (`asOf`,
  /// `newlyStale`, `checkID`, a check's sources as `evidence`, a review's time as
  /// `createdAt`). Each is read with those keys and stored again in the one shape.
  @Sendable static func rewriteLegacyRuns(in db: Connection) throws {
    let runs = try db.query("SELECT id, report FROM staleness_runs WHERE report <> ''") {
      (id: $0.int64("id"), report: $0.text("report") ?? "")
    }
    for run in runs {
      let content = try decodeLegacy(run.report)
      try db.execute(
        "UPDATE staleness_runs SET report = ? WHERE id = ?", [encode(content), run.id])
    }
  }

  /// A report in the keys Swift synthesised before migration 10.
  static func decodeLegacy(_ text: String) throws -> ReportContent {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .custom { path in
      LegacyKey(stringValue: legacyKey(path.last?.stringValue ?? ""))
    }
    return try decoder.decode(ReportContent.self, from: Data(text.utf8))
  }

  /// The one shape's name of a legacy key: `newlyStale` → `newly_stale`, `checkID` →
  /// `check_id`, and the three renamed fields.
  static func legacyKey(_ key: String) -> String {
    let renamed = [
      "evidence": "newer_sources", "newStale": "newly_stale", "createdAt": "recorded_at",
    ]
    if let name = renamed[key] { return name }
    var output = ""
    var previousIsLower = false
    for character in key {
      if character.isUppercase, previousIsLower { output += "_" }
      previousIsLower = character.isLowercase || character.isNumber
      output += character.lowercased()
    }
    return output
  }

  struct LegacyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
