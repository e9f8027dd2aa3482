import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct ArchiveWriterTests {
  let folder: TemporaryFolder
  let db: Connection
  let session: IngestSession

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    session = try IngestSession(database: db)
  }

  func ingest(_ paths: [String]) throws -> (IngestTally, [String]) {
    var errors: [String] = []
    let tally = try session.run(InputFiles(paths: paths)) { document, outcome in
      if case .rejected(let error) = outcome {
        errors.append(error.formatted(path: document.input.path))
      }
    }
    return (tally, errors)
  }

  /// Every fixture file but the deliberately broken ones.
  func goodFixtures() -> [String] {
    Array(InputFiles(paths: [TestPaths.fixtures.path])).compactMap { item -> String? in
      guard case .file(let path) = item, !path.contains("/bad/") else { return nil }
      return path
    }
  }

  /// The good fixtures written into a second archive a document at a time (each in its own
  /// savepoint, as a refused batch is written again), each prepared by `prepare` with that
  /// archive's session.
  func writtenAlone(
    into name: String, prepare: (IngestSession, InputDocument) throws -> PreparedDocument
  ) throws -> Connection {
    let other = try Connection.openArchive(path: folder.file(name).path)
    let alone = try IngestSession(database: other)
    let prepared = try goodFixtures().map { path in
      try prepare(
        alone,
        InputDocument(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }
    _ = try other.transaction {
      try prepared.map { try alone.writer.write($0, isolation: .savepoint) }
    }
    return other
  }

  /// Each row of `sql` as its first `columns` columns joined by `|`.
  func rows(_ sql: String, columns: Int32, in db: Connection) throws -> [String] {
    try db.query(sql) { row in
      (0..<columns).map { row.text(at: $0) ?? "NULL" }.joined(separator: "|")
    }
  }

  func count(_ table: String) throws -> Int64 {
    try db.scalarInt("SELECT count(*) FROM \(table)")
  }

  @Test func ingestsArticleFixturesWithHistory() throws {
    let (tally, errors) = try ingest(TestPaths.coreArticles)
    #expect(errors.isEmpty)
    #expect(
      tally
        == {
          var t = IngestTally()
          t.files = 4
          t.new = 3
          t.rechecks = 1
          return t
        }())
    #expect(try count("questions") == 3)
    #expect(try count("checks") == 4)
    // The re-checked question keeps both checks; latest_checks shows the later one.
    let grain = try db.query(
      "SELECT checked_on FROM checks JOIN questions q ON q.id = question_id WHERE q.text LIKE 'Is it true%' ORDER BY checked_on"
    ) { $0.text(at: 0) }
    #expect(grain == ["2025-06-14", "2026-09-02"])
    #expect(
      try db.scalarText("SELECT checked_on FROM latest_checks WHERE question LIKE 'Is it true%'")
        == "2026-09-02")
    #expect(try count("latest_checks") == 3)
    // Both threads' processor time is counted (what `FACTARCHIVE_TIMING` prints).
    #expect(session.threadTimes.readerCPU > .zero)
    #expect(session.threadTimes.writerCPU > .zero)
  }

  @Test func sameBytesTwiceAddNothing() throws {
    _ = try ingest(TestPaths.coreArticles)
    let before = try [
      "documents", "questions", "checks", "summary_spans", "citation_spans", "follow_ups",
    ].map(count)
    let (tally, _) = try ingest(TestPaths.coreArticles)
    #expect(tally.unchanged == 4 && tally.new == 0 && tally.rechecks == 0)
    let after = try [
      "documents", "questions", "checks", "summary_spans", "citation_spans", "follow_ups",
    ].map(count)
    #expect(before == after)
  }

  @Test func anotherCopyOfTheSameCheckIsNotANewCheck() throws {
    let original = try String(
      contentsOf: TestPaths.fixture("articles/wind-leases.txt"), encoding: .utf8)
    let copy = try folder.write("copy/wind-leases-copy.txt", original + "\n\n")
    _ = try ingest([TestPaths.fixture("articles/wind-leases.txt").path])
    let (tally, _) = try ingest([copy])
    #expect(tally.unchanged == 1)
    #expect(try count("checks") == 1)
    #expect(try count("documents") == 2)
  }

  @Test func storedTextRoundTripsThroughTheViews() throws {
    let path = TestPaths.fixture("articles/ferry-fares.txt").path
    _ = try ingest([path])
    let parsed = try ArticleParser.parse(try TestPaths.bytes(URL(fileURLWithPath: path)))
    let article = try #require(parsed.articles.first)
    let bodies = try db.query("SELECT body FROM summaries ORDER BY position") {
      $0.text(at: 0) ?? ""
    }
    #expect(bodies == article.summaries.map { parsed.body(of: $0) })
    let sentences = try db.query("SELECT sentence FROM citations ORDER BY id") {
      $0.text(at: 0) ?? ""
    }
    #expect(
      sentences
        == article.summaries.flatMap { s in s.citations.map { parsed.sentence(of: $0, in: s) } })
    #expect(
      try db.scalarText("SELECT heading FROM summaries WHERE position = 3")
        == "Bottom line and open questions")
    // Stand-off: the text is stored once, in documents.raw_text.
    #expect(try db.scalarInt("SELECT count(*) FROM summary_spans WHERE body_text IS NOT NULL") == 0)
  }

  @Test func crlfPagesKeepTheirTextRebuilt() throws {
    let text = try String(
      contentsOf: TestPaths.fixture("articles/wind-leases.txt"), encoding: .utf8)
    let path = try folder.write("crlf.txt", text.replacingOccurrences(of: "\n", with: "\r\n"))
    _ = try ingest([path])
    let body = try #require(try db.scalarText("SELECT body FROM summaries WHERE position = 1"))
    #expect(!body.contains("\r"))
    #expect(body.hasPrefix("The coastal energy office published"))
    #expect(
      try db.scalarInt("SELECT count(*) FROM citations WHERE sentence LIKE '%[1][2][3].'") == 3)
  }

  @Test func badFilesAreRejectedKeptAndTheRestLands() throws {
    let (tally, errors) = try ingest([TestPaths.fixture("bad").path] + TestPaths.coreArticles)
    #expect(tally.rejected == 9)
    #expect(tally.new == 3)
    #expect(errors.count == 9)
    #expect(
      errors.contains {
        $0.hasSuffix("bad/impossible-date.txt:3: impossible date: February 30, 2025")
      })
    let rejected = try db.query(
      "SELECT path, error, error_line, typeof(raw_text), byte_count FROM documents WHERE status = 'rejected' ORDER BY path"
    ) {
      (
        $0.text(at: 0) ?? "", $0.text(at: 1) ?? "", $0.isNull(at: 2) ? nil : $0.int(at: 2),
        $0.text(at: 3) ?? "", $0.int(at: 4)
      )
    }
    #expect(rejected.count == 9)
    let binary = try #require(rejected.first { $0.0.hasSuffix("binary.txt") })
    #expect(binary.3 == "blob" && binary.4 == 2048)
    let empty = try #require(rejected.first { $0.0.hasSuffix("empty.txt") })
    #expect(empty.1 == "empty file" && empty.4 == 0)
    // Rejected bytes are kept whole for a later parser.
    let raw = try #require(
      try db.queryFirst("SELECT raw_text FROM documents WHERE path LIKE '%invalid-utf8.txt'") {
        $0.bytes(at: 0)
      })
    #expect(raw == (try TestPaths.bytes(TestPaths.fixture("bad/invalid-utf8.txt"))))
    #expect(try count("checks") == 4)
  }

  @Test func generatedBadInputsGetLineNumbers() throws {
    let good = try String(
      contentsOf: TestPaths.fixture("articles/ferry-fares.txt"), encoding: .utf8)
    var lines = good.components(separatedBy: "\n")
    lines[10] = String(repeating: "word ", count: 300_000)  // a 1.5 MB line
    let huge = try folder.write("in/huge.txt", lines.joined(separator: "\n"))
    let nul = try folder.write(
      "in/nul.txt", Array("Question?\n\nChecked on May 1, 2026\n".utf8) + [0, 1, 2])
    let (tally, errors) = try ingest([huge, nul])
    #expect(tally.rejected == 2)
    #expect(
      errors.contains {
        $0.hasSuffix(
          "huge.txt:11: line is 1500000 bytes long; the longest accepted is 1048576 bytes")
      })
    #expect(errors.contains { $0.hasSuffix("nul.txt:4: binary file: NUL byte at offset 34") })
  }

  @Test func inputsOverTheSizeLimitAreNotReadOrStored() throws {
    let path = try folder.write("big.txt", String(repeating: "x", count: 5000))
    let small = try IngestSession(database: db, options: .init(maxBytes: 4096))
    var errors: [String] = []
    let tally = try small.run(InputFiles(paths: [path])) { document, outcome in
      if case .rejected(let error) = outcome {
        errors.append(error.formatted(path: document.input.path))
      }
    }
    #expect(tally.rejected == 1)
    #expect(
      errors == [
        "\(path): too large: 5000 bytes, over the limit of 4096 bytes (--max-bytes); not read"
      ])
    #expect(try count("documents") == 0)
  }

  @Test func aDocumentTheDatabaseRefusesRollsBackAlone() throws {
    // A trigger stands in for any failure half-way through writing a document.
    try db.execute(
      """
      CREATE TRIGGER refuse_wind AFTER INSERT ON follow_ups
      WHEN NEW.text LIKE '%seabird%' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
      """)
    let (tally, errors) = try ingest(TestPaths.coreArticles)
    #expect(tally.rejected == 1 && tally.new == 2 && tally.rechecks == 1)
    #expect(
      errors.first?.contains("wind-leases.txt: the database refused it: refused for the test")
        == true)
    // Nothing of the refused document's check is left behind.
    #expect(try db.scalarInt("SELECT count(*) FROM questions WHERE text LIKE '%Tallis Bay%'") == 0)
    #expect(try db.scalarInt("SELECT count(*) FROM checks") == 3)
    #expect(try db.scalarInt("SELECT count(*) FROM documents WHERE status = 'rejected'") == 1)
    #expect(try db.scalarInt("PRAGMA foreign_key_check") == 0)
  }

  @Test func severalArticlesInOneFileEachBecomeACheck() throws {
    let first = try String(
      contentsOf: TestPaths.fixture("articles/wind-leases.txt"), encoding: .utf8)
    let second = try String(
      contentsOf: TestPaths.fixture("articles/ferry-fares.txt"), encoding: .utf8)
    let path = try folder.write("two.txt", first + "\n" + second)
    let (tally, _) = try ingest([path])
    #expect(tally.new == 2)
    let lines = try db.query("SELECT article_index, first_line FROM checks ORDER BY id") {
      [$0.int(at: 0), $0.int(at: 1)]
    }
    #expect(
      lines == [
        [0, 1], [1, first.split(separator: "\n", omittingEmptySubsequences: false).count + 1],
      ])
  }

  /// A batch holds its summaries, follow-ups and citations for its end and writes them many
  /// to a statement: the same rows, with the same ids, as writing each document on its own,
  /// and the full-text rows written as they came, or at the batch's end (follow-ups,
  /// questions, checks), index the same words at the same places.
  @Test func rowsHeldForTheEndOfABatchAreTheRowsWrittenOneByOne() throws {
    _ = try ingest(goodFixtures())
    let other = try writtenAlone(into: "one-by-one.sqlite") { try $0.prepare($1) }
    let tables = [
      (
        "SELECT id, check_id, position, heading, body_start, body_length, body_text, body "
          + "FROM summary_spans JOIN summaries USING (id, check_id, position, heading) ORDER BY id",
        8 as Int32
      ),
      ("SELECT id, check_id, position, text FROM follow_ups ORDER BY id", 4),
      (
        """
        SELECT id, check_id, position, ref_number, marker_start, sentence_start, sentence_length,
               anchor_text
        FROM citation_spans ORDER BY id
        """, 8
      ),
    ]
    for (sql, columns) in tables {
      let batched = try rows(sql, columns: columns, in: db)
      #expect(batched.count > 32, "more than a multi-row statement's worth: \(sql)")
      #expect(batched == (try rows(sql, columns: columns, in: other)), "\(sql)")
    }
    #expect(
      try db.scalarInt("SELECT count(*) FROM summary_spans WHERE body_text IS NOT NULL") > 0,
      "a rebuilt body among them")
    for index in [
      "summaries_fts", "follow_ups_fts", "questions_fts", "checks_fts", "questions_trigram",
    ] {
      // Rank 1 compares the index with its content table, row by row.
      try db.execute("INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', 1)")
      // Every word of every row, where it is.
      let words = "SELECT term, doc, col, offset FROM temp.words ORDER BY term, doc, col, offset"
      var found: [[String]] = []
      for archive in [db, other] {
        try archive.execute(
          "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, \(index), instance)")
        found.append(try rows(words, columns: 4, in: archive))
        try archive.execute("DROP TABLE temp.words")
      }
      #expect(found[0].count > 100, "\(index)")
      #expect(found[0] == found[1], "\(index)")
    }
  }

  @Test func questionsReadAheadAreTheQuestionsTheWriterReads() throws {
    // The reading thread works out each question's key and claim (`QuestionReading`); a
    // document prepared without a policy leaves that to the writer. Same rows either way.
    _ = try ingest(goodFixtures())
    let other = try writtenAlone(into: "writer-reads.sqlite") { alone, input in
      let unjudged = PreparedDocument(
        input, options: session.options.parse, policy: nil, ingestedOn: alone.writer.today)
      #expect(unjudged.judged == nil)
      return unjudged
    }
    let questions = """
      SELECT q.id, q.text, q.normalized_key, q.publisher_key, q.language, q.claim_terms,
             q.claim_profile,
             (SELECT group_concat(other_question_id) FROM similar_questions
              WHERE question_id = q.id)
      FROM questions AS q ORDER BY q.id
      """
    let ahead = try rows(questions, columns: 8, in: db)
    #expect(ahead.count > 20)
    #expect(ahead == (try rows(questions, columns: 8, in: other)))
  }

  /// A batch the database refuses is written again a document at a time, and what the writer
  /// remembered of the claims it had read (which questions use each word, each question's
  /// claim) goes with the rolled-back rows: the ids those questions had are given again to
  /// other questions. Here a three-article page is refused at its third article, after its
  /// second (a reworded ferry-fares question) was matched; the next page's question takes
  /// that one's id, and another publisher's later verdict must still find it.
  @Test func aRefusedBatchLeavesNoClaimsBehindInMemory() throws {
    let several = try String(
      contentsOf: TestPaths.fixture("articles/several-articles.txt"), encoding: .utf8)
    let bridge = try #require(several.range(of: "Is Selmouth's harbour ferry"))
    let reworded = try String(
      contentsOf: TestPaths.fixture("claims/ferry-fares-reworded.txt"), encoding: .utf8)
    let page = several[..<bridge.lowerBound] + reworded + "\n\n" + several[bridge.lowerBound...]
    let inputs = try TemporaryFolder()
    try page.write(to: inputs.file("1-three-articles.txt"), atomically: true, encoding: .utf8)
    for (name, fixture) in [
      ("2-ferry-fares.txt", "articles/ferry-fares.txt"),
      ("3-later-verdict.html", "claims/later-verdict-ferry-fares.html"),
    ] {
      try FileManager.default.copyItem(at: TestPaths.fixture(fixture), to: inputs.file(name))
    }
    // The database refuses the bridge question's check (on the connection given only).
    func refuseTheBridge(on archive: Connection) throws {
      try archive.execute(
        """
        CREATE TEMP TRIGGER refuse_bridge BEFORE INSERT ON main.checks
        WHEN (SELECT text FROM main.questions WHERE id = new.question_id) LIKE 'Is Selmouth''s harbour%'
        BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
        """)
    }
    func laterVerdicts(in archive: Connection) throws -> [String] {
      let ferry = try archive.scalarInt(
        "SELECT c.id FROM checks AS c JOIN documents AS d ON d.id = c.document_id WHERE d.path LIKE '%2-ferry-fares.txt'"
      )
      return try archive.query(
        "SELECT t.publisher FROM other_verdicts AS o JOIN checks AS t ON t.id = o.other_check_id WHERE o.check_id = ?",
        [ferry]
      ) { $0.text(at: 0) ?? "" }
    }
    // A batch: refused, then written again a document at a time.
    try refuseTheBridge(on: db)
    let (tally, errors) = try ingest([inputs.url.path])
    #expect(tally.rejected == 1)
    #expect(errors.count == 1 && errors[0].contains("1-three-articles.txt"), "\(errors)")
    #expect(try laterVerdicts(in: db) == ["Tidewatch"])
    // A document at a time from the start, each in its own savepoint.
    let alone = try Connection.openArchive(path: folder.file("alone.sqlite").path)
    let session = try IngestSession(database: alone)
    // After the session: setting `temp_store`, as it does, drops temporary triggers.
    try refuseTheBridge(on: alone)
    let outcomes = try ["1-three-articles.txt", "2-ferry-fares.txt", "3-later-verdict.html"].map {
      name in
      let input = InputDocument(
        path: inputs.file(name).path,
        bytes: Array(try Data(contentsOf: inputs.file(name))))
      return try alone.transaction {
        try session.writer.write(try session.prepare(input), isolation: .savepoint)
      }
    }
    #expect(
      outcomes.map {
        if case .rejected = $0 { return true } else { return false }
      } == [true, false, false])
    #expect(try laterVerdicts(in: alone) == ["Tidewatch"])
  }

  @Test func standardInputIsOneDocument() throws {
    let walk = Array(InputFiles(paths: ["-"]))
    #expect(walk == [.standardInput])
  }
}
