import FactArchiveStore
import TestSupport
import Testing

@testable import FactArchiveSchema

@Suite struct OpeningTests {
  /// Every command that writes (and every read where the file can be written) asks first
  /// whether anything is left to judge: the question must read partial indexes, not the
  /// tables, or it costs a scan of every check before `stale` prints a line.
  @Test func askingWhatIsLeftToJudgeReadsNoWholeTable() throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("a.sqlite").path)
    let plan = try db.query("EXPLAIN QUERY PLAN \(Connection.leftToJudge)") {
      $0.text("detail") ?? ""
    }
    let scans = plan.filter { $0.hasPrefix("SCAN ") && !$0.contains("CONSTANT ROW") }
    #expect(scans.count == 4, "\(plan)")
    for table in ["checks", "sources", "questions"] {
      let reads = scans.filter { $0.hasPrefix("SCAN \(table)") || $0.hasPrefix("SCAN c ") }
      #expect(!reads.isEmpty, "\(table): \(plan)")
    }
    let whole = scans.filter { !$0.contains("USING") && !$0.hasPrefix("SCAN name_totals") }
    #expect(whole.isEmpty, "read whole: \(whole)")
  }
}
