import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Claims matched across the archive, on `Fixtures/claims`: a Factually check and its
/// reworded re-check, another publisher's later verdict on both, and two publishers who
/// disagree about one claim.
@Suite struct ClaimLinkTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    try ingest([
      TestPaths.fixture("articles/ferry-fares.txt").path, TestPaths.fixture("claims").path,
    ])
  }

  func ingest(_ paths: [String]) throws {
    let tally = try IngestSession(database: db, now: { "2026-12-01T08:00:00Z" })
      .run(InputFiles(paths: paths))
    #expect(tally.rejected == 0)
  }

  func check(asking question: String) throws -> Int64 {
    try db.scalarInt(
      "SELECT c.id FROM checks AS c JOIN questions AS q ON q.id = c.question_id WHERE q.text = ?",
      [question])
  }

  static let original =
    "Did the Calloway Harbour Authority double ferry fares after the 2025 storm season?"
  static let reworded =
    "Did Calloway's harbour authority double the ferry fares after the storms of 2025?"

  @Test func anotherPublishersLaterVerdictIsEvidenceAndDisagreementsComeFirst() throws {
    let ours = try check(asking: Self.original)
    let detail = try #require(try CheckDetail.load(ours, from: db))
    #expect(detail.otherVerdicts.map(\.publisher) == ["Tidewatch"])
    #expect(detail.otherVerdicts.first?.ratingClass == .false)
    #expect(detail.otherVerdicts.first?.disagrees == false)  // ours has no rating
    let standing = try #require(
      try StaleQueue.standing(of: ours, asOf: day("2026-12-01"), on: db))
    let reason = try #require(standing.reasons.first { $0.code == .otherVerdict })
    #expect(reason.detail.contains("Tidewatch rated a similar claim “False” on 2026-11-24"))
    #expect(standing.tier == .bannerOrEvidence)

    // Brenmark said "Mostly true" in 2025; Tidewatch "False" in 2026: a disagreement.
    let brenmark = try db.scalarInt("SELECT id FROM checks WHERE publisher = 'Brenmark Check'")
    let cruise = try #require(try CheckDetail.load(brenmark, from: db))
    #expect(cruise.otherVerdicts.first?.disagrees == true)
    #expect(cruise.text().contains("disagreeing: Tidewatch rated a similar claim “False”"))
    // Disagreements are listed before later agreeing verdicts.
    let listed = OtherVerdict.listed([
      verdict(id: 1, on: "2026-10-01", disagrees: false),
      verdict(id: 2, on: "2026-09-01", disagrees: true),
      verdict(id: 3, on: "2026-11-01", disagrees: false),
    ])
    #expect(listed.map(\.checkID) == [2, 3, 1])
    // Tidewatch's own check is not evidence against itself, nor a re-check of ours.
    let tidewatch = try db.scalarInt("SELECT id FROM checks WHERE publisher = 'Tidewatch' LIMIT 1")
    #expect(try CheckDetail.load(tidewatch, from: db)?.otherVerdicts.isEmpty == true)
  }

  @Test func aRebuildFindsEveryLinkAgain() throws {
    func links() throws -> [String] {
      try db.query(
        """
        SELECT check_id || '-' || other_check_id || ':' || disagrees FROM other_verdicts
        UNION ALL SELECT question_id || '~' || other_question_id FROM similar_questions
        ORDER BY 1
        """
      ) { $0.text(at: 0) ?? "" }
    }
    let before = try links()
    #expect(before.count == 4)
    try db.execute("DELETE FROM other_verdicts")
    try db.execute("DELETE FROM similar_questions")
    try db.execute("UPDATE questions SET claim_terms = NULL")
    let made = try CheckAssessor(database: db).rebuildClaimLinks()
    #expect(made == 4)
    #expect(try links() == before)
    try expectCountsExact()
  }

  /// Two publishers' checks of one viral video, worded apart and linking it three ways: the
  /// address both name as where the claim appeared links them, and survives a rebuild; the
  /// same publisher's other check of it is not an other verdict.
  @Test func claimsThatAppearedAtOneAddressAreOneClaim() throws {
    func review(
      _ claim: String, _ date: String, _ publisher: String, _ rating: String, at url: String
    ) -> String {
      """
      {"@type": "ClaimReview", "claimReviewed": "\(claim)", "datePublished": "\(date)",
       "author": {"@type": "Organization", "name": "\(publisher)"},
       "itemReviewed": {"@type": "Claim", "appearance": [
         {"@type": "VideoObject", "url": "\(url)"}]},
       "reviewRating": {"@type": "Rating", "alternateName": "\(rating)"}}
      """
    }
    try ingest([
      try folder.write(
        "first.json",
        review(
          "Video shows the Ostrava dam bursting", "2026-03-01", "Dam Desk", "False",
          at: "https://video.example/watch?v=dam01")),
      try folder.write(
        "second.json",
        review(
          "Clip of flood water pouring through a broken barrier is real", "2026-05-20",
          "River Verify", "True",
          at: "http://www.video.example/watch/?utm_source=share&v=dam01#comments")),
      try folder.write(
        "third.json",
        review(
          "The Ostrava barrier video was filmed in 2019", "2026-06-02", "Dam Desk", "True",
          at: "https://m.video.example/watch?v=dam01")),
    ])
    let first = try check(asking: "Video shows the Ostrava dam bursting")
    let second = try check(
      asking: "Clip of flood water pouring through a broken barrier is real")
    let third = try check(asking: "The Ostrava barrier video was filmed in 2019")
    func links() throws -> [[DatabaseValue]] {
      try db.query(
        """
        SELECT check_id, other_check_id, score, shared_terms, disagrees FROM other_verdicts
        WHERE ? IN (check_id, other_check_id) OR ? IN (check_id, other_check_id)
        ORDER BY 1, 2
        """, [first, third]
      ) { $0.values }
    }
    // Each link shares the address as the earlier-stored check wrote it.
    let expected: [[DatabaseValue]] = [
      [
        .integer(first), .integer(second), .real(1),
        .text("https://video.example/watch?v=dam01"), .integer(1),
      ],
      [
        .integer(second), .integer(third), .real(1),
        .text("http://www.video.example/watch/?utm_source=share&v=dam01#comments"), .integer(0),
      ],
    ]
    #expect(try links() == expected)
    let standing = try #require(
      try StaleQueue.standing(of: first, asOf: day("2026-12-01"), on: db))
    let reason = try #require(standing.reasons.first { $0.code == .otherVerdict })
    #expect(
      reason.detail.contains(
        "River Verify rated a claim made at the same address “True” on 2026-05-20: “Clip of "
          + "flood water pouring "
          + "through a broken barrier is real” (both appeared at https://video.example/watch?v=dam01)"
      ))
    try db.execute("DELETE FROM other_verdicts")
    try CheckAssessor(database: db).rebuildClaimLinks()
    #expect(try links() == expected)
    // Keys stored by a version that compared addresses differently are computed again by a
    // rebuild, and the links found with them.
    try db.execute("UPDATE claim_appearances SET url_key = 'older form ' || check_id")
    try CheckAssessor(database: db).rebuildClaimLinks()
    #expect(try links() == expected)
    #expect(
      try db.scalarInt(
        "SELECT count(*) FROM claim_appearances WHERE url_key = 'video.example/watch?v=dam01'")
        == 3)
    try expectCountsExact()
  }

  func verdict(id: Int64, on date: String, disagrees: Bool) -> OtherVerdict {
    OtherVerdict(
      checkID: id, publisher: "P", claim: "c", rating: nil, ratingClass: nil, date: day(date),
      sharedTerms: [], score: 1, disagrees: disagrees)
  }

  @Test func theNightlyReportCountsOtherVerdictsAndDisagreements() throws {
    let first = try NightlyReport.run(
      asOf: day("2026-12-01"), by: "cron", at: "2026-12-01T06:00:00Z", on: db)
    // Tidewatch on both Calloway questions' checks and on Brenmark's.
    #expect(first.totals.otherVerdicts == 3)
    #expect(first.totals.disagreements == 1)
    let next = try NightlyReport.run(
      asOf: day("2026-12-02"), by: "cron", at: "2026-12-02T06:00:00Z", on: db)
    #expect(next.totals.otherVerdicts == 0)
    #expect(ReportRenderer.markdown(first).contains("Of which disagree with ours"))
    let stored = try db.scalarText("SELECT report FROM staleness_runs ORDER BY id LIMIT 1") ?? ""
    #expect(stored.contains("\"other_verdicts\":3") || stored.contains("\"other_verdicts\": 3"))
  }

  @Test func rewordedQuestionsAreListedAndMergedOnlyByAnEditor() throws {
    let original = try db.scalarInt("SELECT id FROM questions WHERE text = ?", [Self.original])
    let reworded = try db.scalarInt("SELECT id FROM questions WHERE text = ?", [Self.reworded])
    let ours = try check(asking: Self.original)
    let detail = try #require(try CheckDetail.load(ours, from: db))
    #expect(detail.possiblySameQuestions.map(\.questionID) == [reworded])
    #expect(detail.json.rendered().contains("\"possibly_same_questions\""))
    let wordsBefore = try claimWords()

    // Refused: itself, another publisher's question, a question that is not there.
    let tidewatch = try db.scalarInt(
      "SELECT question_id FROM checks WHERE publisher = 'Tidewatch' LIMIT 1")
    #expect(throws: QuestionMerges.Failure.sameQuestion(original)) {
      try QuestionMerges.merge(original, into: original, by: "ana", at: "t", in: db)
    }
    #expect(throws: QuestionMerges.Failure.otherPublishers(original, tidewatch)) {
      try QuestionMerges.merge(tidewatch, into: original, by: "ana", at: "t", in: db)
    }
    #expect(throws: QuestionMerges.Failure.noSuchQuestion(999)) {
      try QuestionMerges.merge(999, into: original, by: "ana", at: "t", in: db)
    }

    let merge = try QuestionMerges.merge(
      reworded, into: original, by: "ana", at: "2026-12-01T09:00:00Z", in: db)
    #expect(merge.mergedBy == "ana" && merge.canSplit && merge.checkIDs.count == 1)
    #expect(try db.scalarInt("SELECT count(*) FROM questions WHERE id = ?", [reworded]) == 0)
    // The November re-check is now the latest check of the original question.
    let recheck = merge.checkIDs[0]
    #expect(
      try db.query("SELECT id FROM checks WHERE question_id = ? AND superseded = 0", [original]) {
        $0.int64(at: 0)
      } == [recheck])
    #expect(try db.scalarInt("SELECT count(*) FROM similar_questions") == 0)
    #expect(try CheckDetail.load(recheck, from: db)?.merges.map(\.mergedID) == [reworded])
    try expectCountsExact()

    // A page asking the merged question again lands on the question it went into.
    let again = try folder.write(
      "again.txt",
      ArticleText.factCheck(question: Self.reworded, checkedOn: "November 30, 2026"))
    try ingest([again])
    #expect(
      try db.scalarInt(
        "SELECT count(*) FROM checks WHERE question_id = ? AND checked_on = '2026-11-30'",
        [original]) == 1)

    // Split: the question is back with its id and text, and the check that moved with it.
    let moved = try QuestionMerges.split(reworded, by: "ben", at: "2026-12-01T10:00:00Z", in: db)
    #expect(moved == [recheck])
    #expect(
      try db.scalarText("SELECT text FROM questions WHERE id = ?", [reworded]) == Self.reworded)
    #expect(try db.scalarInt("SELECT question_id FROM checks WHERE id = ?", [recheck]) == reworded)
    #expect(
      try db.scalarInt(
        "SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'storms' AND rowid = ?",
        [reworded]) == 1)
    let record = try db.queryFirst(
      "SELECT split_by, split_at FROM question_merges WHERE merged_id = ?", [reworded]
    ) { "\($0.text("split_by") ?? "") \($0.text("split_at") ?? "")" }
    #expect(record == "ben 2026-12-01T10:00:00Z")
    #expect(throws: QuestionMerges.Failure.notMerged(reworded)) {
      try QuestionMerges.split(reworded, by: "ben", at: "t", in: db)
    }
    #expect(try claimWords() == wordsBefore)
    try expectCountsExact()
    #expect(try db.scalarText("PRAGMA integrity_check") == "ok")
    #expect(try db.query("PRAGMA foreign_key_check") { $0.text(at: 0) ?? "" }.isEmpty)
  }

  @Test func aKeyMergeCannotBeSplit() throws {
    try db.execute(
      """
      INSERT INTO question_merges (question_id, merged_id, merged_text, merged_key,
        merged_publisher_key, merged_first_seen_at, check_ids, reason, merged_by, merged_at)
      VALUES (1, 900, 'Did the U.S. ban it?', 'did the u s ban it', '', 't', '', 'key',
        'migration 12', 't')
      """)
    #expect(throws: QuestionMerges.Failure.notAnEditorsMerge(900, reason: "key")) {
      try QuestionMerges.split(900, by: "ana", at: "t", in: db)
    }
  }

  func claimWords() throws -> [String] {
    try db.query("SELECT word, questions FROM claim_words ORDER BY word") {
      "\($0.text("word") ?? "")=\($0.int("questions"))"
    }
  }

  /// The kept counts equal a full recount.
  func expectCountsExact() throws {
    let kept = try claimWords()
    try db.transaction {
      try ClaimWordCounts(database: db).recount()
      #expect(try claimWords() == kept)
    }
  }
}
