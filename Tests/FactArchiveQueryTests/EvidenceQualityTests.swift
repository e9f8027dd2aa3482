import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Newer evidence measured on a labelled set we wrote (Fixtures/evidence/): 14 fact-checks
/// and 34 later news stories on invented subjects, many naming the same countries, capitals
/// and leaders, and a few true follow-ups that share a single distinctive name.
@Suite struct EvidenceQualityTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try archive(with: [TestPaths.fixture("evidence").path], in: folder)
  }

  /// (check file, source file) for every link the archive made.
  func links() throws -> Set<String> {
    Set(
      try db.query(
        """
        SELECT cd.path AS check_path, sd.path AS source_path
        FROM check_evidence AS e
        JOIN checks AS c ON c.id = e.check_id JOIN documents AS cd ON cd.id = c.document_id
        JOIN sources AS s ON s.id = e.source_id JOIN documents AS sd ON sd.id = s.document_id
        """
      ) { row in
        Self.name(row.text("check_path")) + "\t" + Self.name(row.text("source_path"))
      })
  }

  static func name(_ path: String?) -> String {
    URL(fileURLWithPath: path ?? "").deletingPathExtension().lastPathComponent
  }

  static func labels() throws -> Set<String> {
    let text = try String(
      contentsOf: TestPaths.fixture("evidence/labels.tsv"), encoding: .utf8)
    return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
  }

  @Test func precisionAndRecallOnTheLabelledSet() throws {
    let made = try links()
    let truth = try Self.labels()
    let right = made.intersection(truth).count
    let precision = made.isEmpty ? 0 : Double(right) / Double(made.count)
    let recall = Double(right) / Double(truth.count)
    print(
      "evidence on the labelled set: \(made.count) links made, \(right) right of \(truth.count): "
        + "precision \(precision), recall \(recall)")
    for wrong in made.subtracting(truth).sorted() { print("  not evidence: \(wrong)") }
    for missed in truth.subtracting(made).sorted() { print("  missed: \(missed)") }
    #expect(try db.scalarInt("SELECT count(*) FROM checks") == 14)
    #expect(try db.scalarInt("SELECT count(*) FROM sources") == 34)
    #expect(precision >= 0.9)
    #expect(recall >= 0.9)
  }

  @Test func countriesAndLeadersNeverMakeALinkButOneDistinctiveNameDoes() throws {
    // s19 names Texas, Mexico and the United States, as c02 does: no link.
    #expect(!(try links()).contains("c02-tomato-agreement\ts19-texas-recount"))
    // s07 shares only "lumexa" with c05, and that is enough.
    #expect(try links().contains("c05-vantor-lumexa\ts07-lumexa-pulled"))
    let reason = try StaleQueue(asOf: day("2026-12-01")).run(on: db).first {
      $0.question.hasPrefix("Did Vantor Pharma")
    }?.reasons.first { $0.code == .newerEvidence }?.detail
    #expect(
      reason?.contains("“Lumexa pulled from pharmacy shelves” (2026-04-01) shares lumexa") == true,
      "\(reason ?? "no reason")")
  }

  @Test func eachLinkKeepsItsScoreAndTellingNamesMostTellingFirst() throws {
    let row = try #require(
      try db.queryFirst(
        """
        SELECT e.shared_terms, e.telling_terms, e.score FROM check_evidence AS e
        JOIN sources AS s ON s.id = e.source_id
        WHERE s.title = 'Regulators order Calderra Pipeline shutdown after new spill'
        """, [], { ($0.text("shared_terms"), $0.text("telling_terms"), $0.double("score")) }))
    // Two rare names, equally telling (then by name), and a country, which does not count.
    #expect(row.0 == "calderra pipeline|rio verde|brazil")
    #expect(row.1 == "calderra pipeline|rio verde")
    #expect(row.2 >= 2 * EvidenceMatch.minimumScore)
    // Names are counted as documents land: every check and source once.
    #expect(try db.scalarInt("SELECT documents FROM name_totals") == 48)
    #expect(try db.scalarInt("SELECT documents FROM names WHERE name = 'norvik shipping'") == 4)
  }

  /// A batch sums its name counts and writes them at its end; every document in it is
  /// judged with the counts as they would stand row by row. So one document per batch and
  /// the default batches give the same counts and the same links, and the counts are what a
  /// recount finds.
  @Test func batchedNameCountsAreExact() throws {
    let single = try Connection.openArchive(path: folder.file("single.sqlite").path)
    try IngestSession(database: single, options: .init(batchSize: 1)).run(
      InputFiles(paths: [TestPaths.fixture("evidence").path]))
    func counts(_ db: Connection) throws -> [String] {
      try db.query("SELECT name || ' ' || documents FROM names ORDER BY name") {
        $0.text(at: 0) ?? ""
      }
    }
    func evidence(_ db: Connection) throws -> [String] {
      try db.query(
        "SELECT check_id || ' ' || source_id || ' ' || score FROM check_evidence ORDER BY 1"
      ) { $0.text(at: 0) ?? "" }
    }
    let batched = try counts(db)
    #expect(batched.count > 50)
    #expect(batched == (try counts(single)))
    #expect(try evidence(db) == (try evidence(single)))
    try db.transaction { try NameCounts(database: db).recount() }
    #expect(try counts(db) == batched)
  }

  @Test func linksAreJudgedAgainWhenWeightsMove() throws {
    let assessor = try CheckAssessor(database: db)
    #expect(!(try assessor.evidenceNeedsJudging()))
    let before = try links()
    #expect(before.contains("c05-vantor-lumexa\ts07-lumexa-pulled"))
    // The archive grows until "lumexa" is in a large share of it: simulated by the counts
    // an archive of 20,000 documents with 2,000 mentioning Lumexa would hold.
    try db.execute("UPDATE names SET documents = 2000 WHERE name = 'lumexa'")
    try db.execute("UPDATE name_totals SET documents = 20000")
    #expect(try assessor.evidenceNeedsJudging())
    // The nightly report judges the links again before it records the day.
    _ = try NightlyReport.run(asOf: day("2026-12-01"), by: "test", on: db)
    let after = try links()
    #expect(!after.contains("c05-vantor-lumexa\ts07-lumexa-pulled"))
    // The link through the pair of names (vantor pharma and lumexa) stays: vantor pharma is
    // still rare.
    #expect(after.contains("c05-vantor-lumexa\ts06-vantor-settles"))
    #expect(!(try assessor.evidenceNeedsJudging()))
  }
}
