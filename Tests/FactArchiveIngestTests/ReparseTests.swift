import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// `reparse` after a simulated parser change: the parser is swapped for a function that
/// reads documents differently, as a new version would.
@Suite struct ReparseTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    try IngestSession(database: db).run(
      InputFiles(
        paths: TestPaths.coreArticles + [
          TestPaths.fixture("bad/impossible-date.txt").path,
          TestPaths.fixture("sources/news-byline-dated.txt").path,
        ]))
  }

  func rows(_ sql: String) throws -> [[DatabaseValue]] {
    try db.query(sql) { $0.values }
  }

  var snapshot: [[[DatabaseValue]]] {
    get throws {
      try [
        rows("SELECT id, question_id, document_id, checked_on FROM checks ORDER BY id"),
        rows("SELECT check_id, position, heading, body FROM summaries ORDER BY check_id, position"),
        rows(
          "SELECT check_id, ref_number, sentence FROM citations ORDER BY check_id, position, id"),
        rows("SELECT check_id, position, text FROM follow_ups ORDER BY check_id, position"),
        rows("SELECT id, text FROM questions ORDER BY id"),
        rows("SELECT id, title, body FROM sources ORDER BY id"),
      ]
    }
  }

  @Test func aChangedParserRewritesRowsAndKeepsCheckIDs() throws {
    let before = try snapshot
    let checkIDs = try rows("SELECT id FROM checks ORDER BY id")
    // The "new version" shouts its headings and reads only the first follow-up.
    let changed = try Reparser(database: db) { bytes, _, options throws(ParseError) in
      var document = try ArticleParser.parse(bytes, options: options)
      for index in document.articles.indices {
        document.articles[index].followUps = Array(document.articles[index].followUps.prefix(1))
        for position in document.articles[index].summaries.indices {
          document.articles[index].summaries[position].heading =
            document.articles[index].summaries[position].heading?.uppercased()
        }
      }
      return document
    }
    let tally = try changed.run(.all)
    #expect(tally == Reparser.Tally(updated: 5, recovered: 0, stillRejected: 1, failed: 0))
    #expect(try rows("SELECT id FROM checks ORDER BY id") == checkIDs)
    #expect(try db.scalarInt("SELECT count(*) FROM follow_ups") == 4)
    #expect(
      try db.scalarText("SELECT heading FROM summaries WHERE position = 0 LIMIT 1")
        == "EXECUTIVE SUMMARY")
    #expect(try db.scalarInt("PRAGMA foreign_key_check") == 0)
    // Reading again with the real parser gives back exactly the first reading.
    try Reparser(database: db).run(.all)
    #expect(try snapshot == before)
  }

  @Test func aRejectedDocumentThatNowParsesLands() throws {
    let lenient = try Reparser(database: db) { bytes, _, options throws(ParseError) in
      let text = String(decoding: bytes, as: UTF8.self)
        .replacingOccurrences(of: "February 30", with: "February 28")
      return try ArticleParser.parse(Array(text.utf8), options: options)
    }
    var reports: [(String, Reparser.Outcome)] = []
    let tally = try lenient.run(.rejected) { reports.append(($0, $1)) }
    #expect(tally.recovered == 1)
    #expect(reports.first?.0.hasSuffix("bad/impossible-date.txt") == true)
    #expect(
      try db.scalarText("SELECT status FROM documents WHERE path LIKE '%impossible-date.txt'")
        == "parsed")
    #expect(
      try db.scalarText(
        "SELECT checked_on FROM checks WHERE question_id = (SELECT id FROM questions WHERE text LIKE '%Orrin Valley water%')"
      ) == "2025-02-28")
  }

  @Test func aDocumentTheNewParserRejectsKeepsItsRows() throws {
    let before = try snapshot
    let strict = try Reparser(database: db) { bytes, _, options throws(ParseError) in
      let document = try ArticleParser.parse(bytes, options: options)
      if document.articles.first?.question.contains("Tallis Bay") == true {
        throw ParseError(line: 1, "the new parser dislikes this page")
      }
      return document
    }
    var failures: [String] = []
    let tally = try strict.run(.all) { path, outcome in
      if case .failed(let error) = outcome { failures.append(error.formatted(path: path)) }
    }
    #expect(tally.failed == 1)
    #expect(
      failures.first?.hasSuffix("wind-leases.txt:1: the new parser dislikes this page") == true)
    #expect(try snapshot == before)
  }

  @Test func aChangedQuestionMovesTheCheckAndDropsTheOrphan() throws {
    let retitled = try Reparser(database: db) { bytes, _, options throws(ParseError) in
      var document = try ArticleParser.parse(bytes, options: options)
      if document.articles.first?.question.hasPrefix("Which companies") == true {
        document.articles[0].question = "Who won the Tallis Bay wind leases?"
      }
      return document
    }
    let checkID = try db.scalarInt(
      "SELECT c.id FROM checks c JOIN questions q ON q.id = c.question_id WHERE q.text LIKE 'Which companies%'"
    )
    try retitled.run(.all)
    #expect(
      try db.scalarText(
        "SELECT q.text FROM checks c JOIN questions q ON q.id = c.question_id WHERE c.id = ?",
        [checkID]) == "Who won the Tallis Bay wind leases?")
    #expect(
      try db.scalarInt("SELECT count(*) FROM questions WHERE text LIKE 'Which companies%'") == 0)
  }

  @Test func defaultScopeIsDocumentsReadByAnOlderParser() throws {
    try db.execute("UPDATE documents SET parser_version = 1 WHERE path LIKE '%ferry-fares.txt'")
    let tally = try Reparser(database: db).run(.outdated)
    #expect(tally.documents == 1)
    #expect(try db.scalarInt("SELECT min(parser_version) FROM documents") == ArticleParser.version)
  }
}
