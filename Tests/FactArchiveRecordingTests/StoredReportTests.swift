import ArchiveTestSupport
import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// One JSON shape for a stale check and a report: what `stale --format json` prints, what
/// `report --format json` prints and what `staleness_runs.report` stores.
@Suite struct StoredReportTests {
  static func object(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  /// Every key of a JSON document, at any depth.
  static func keys(_ value: Any) -> Set<String> {
    if let object = value as? [String: Any] {
      return Set(object.keys).union(object.values.flatMap(keys))
    }
    if let array = value as? [Any] { return Set(array.flatMap(keys)) }
    return []
  }

  @Test func aStoredReportAndStaleJSONAgreeFieldForField() throws {
    let scenario = try Scenario()
    let asOf = day(Scenario.today)
    let content = try NightlyReport.run(asOf: asOf, by: "cron", at: "t", on: scenario.db)
    #expect(!content.newlyStale.isEmpty)
    let stored = try #require(
      try scenario.db.scalarText(
        "SELECT report FROM staleness_runs WHERE as_of = ?", [asOf.iso]))
    let report = try #require(try Self.object(stored) as? [String: Any])
    // The stored report is what `report --format json` prints.
    #expect(
      NSDictionary(dictionary: report)
        .isEqual(
          to: try #require(
            try Self.object(ReportRenderer.render(content, format: .json)) as? [String: Any])))
    let printed = StaleReport.render(
      try StaleQueue(asOf: asOf).run(on: scenario.db), format: .json, asOf: asOf)
    let stale = try #require(try Self.object(printed) as? [[String: Any]])
    let byID = Dictionary(uniqueKeysWithValues: stale.map { ($0["check_id"] as? Int ?? 0, $0) })
    let listed = try #require(report["newly_stale"] as? [[String: Any]])
    #expect(listed.count == stale.count)
    for check in listed {
      let id = check["check_id"] as? Int ?? -1
      let cli = try #require(byID[id], "check \(id) is not in stale --format json")
      #expect(Set(check.keys) == Set(cli.keys), "check \(id)")
      #expect(NSDictionary(dictionary: check).isEqual(to: cli), "check \(id)")
    }
    let camel = Self.keys(report).filter { $0.contains(where: \.isUppercase) }
    #expect(camel.isEmpty, "\(camel)")
  }

  /// Reports recorded before migration 10 (in Swift's default camelCase keys, by the
  /// release before it) are rewritten in the one shape, and print exactly as they did.
  @Test func reportsStoredBeforeTheOneShapeAreRewrittenAndPrintTheSame() throws {
    let legacy = TestPaths.fixture("archives/schema-9")
    let folder = try TemporaryFolder()
    let path = folder.file("archive.sqlite").path
    try FileManager.default.copyItem(
      atPath: legacy.appendingPathComponent("archive.sqlite").path, toPath: path)
    do {
      let before = try Connection(path: path, mode: .readOnly)
      #expect(try before.schemaVersion == 9)
      #expect(
        try before.scalarInt(
          "SELECT count(*) FROM staleness_runs WHERE report LIKE '{\"ageBands\"%'") == 3)
    }
    let db = try Connection.openArchive(path: path)
    #expect(try db.schemaVersion == Migration.latestVersion)
    let reports = try db.query("SELECT report FROM staleness_runs ORDER BY as_of") {
      $0.text("report") ?? ""
    }
    #expect(reports.count == 3)
    for report in reports {
      let camel = Self.keys(try Self.object(report)).filter { $0.contains(where: \.isUppercase) }
      #expect(camel.isEmpty, "\(camel)")
    }
    for asOf in ["2026-12-05", "2026-12-06", "2026-12-08"] {
      let content = try #require(try NightlyReport.recorded(asOf: day(asOf), on: db))
      for format in ReportFormat.allCases {
        let expected = try String(
          contentsOf: legacy.appendingPathComponent(
            "expected/report-\(asOf).\(format.rawValue).expected"),
          encoding: .utf8)
        #expect(
          ReportRenderer.render(content, format: format) == expected,
          "\(asOf) as \(format.rawValue)")
      }
    }
  }
}
