import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// `queue_counts` is kept by every change that moves a check; after any sequence of
/// changes it must equal a full count of the checks.
@Suite struct QueueCountTests {
  /// A small deterministic generator (SplitMix64), so a failure can be replayed by its seed.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  struct Count: Equatable, CustomStringConvertible {
    var tier: Int
    var topic: String
    var ratingClass: String
    var dueOn: String
    var checks: Int
    var description: String { "\(tier) \(topic) \(ratingClass) \(dueOn): \(checks)" }
  }

  static func counts(_ sql: String, in db: Connection) throws -> [Count] {
    try db.query(sql) { row in
      Count(
        tier: row.int("queue_tier"), topic: row.text("topic") ?? "?",
        ratingClass: row.text("rating_class") ?? "?", dueOn: row.text("due_on") ?? "",
        checks: row.int("checks"))
    }.sorted {
      ($0.tier, $0.topic, $0.ratingClass, $0.dueOn) < ($1.tier, $1.topic, $1.ratingClass, $1.dueOn)
    }
  }

  /// Another publisher's page on `question` with a ClaimReview rating (its check counts under
  /// the rating's class).
  static func ratedPage(number: Int, question: String, published: String, rating: String)
    -> String
  {
    """
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(question)</title>
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "ClaimReview",
     "url": "https://tidewatch.example/checks/\(number)",
     "claimReviewed": "\(question)", "datePublished": "\(published)",
     "author": {"@type": "Organization", "name": "Tidewatch"},
     "reviewRating": {"@type": "Rating", "alternateName": "\(rating)"}}
    </script></head><body><main><article><h1>\(question)</h1>
    <p>Rating: <strong>\(rating)</strong></p>
    <p>The harbour records for the season show what changed and when it changed.</p>
    </article></main></body></html>
    """
  }

  static let questions = [
    "Did Orlen Bay close its fish market?", "Did Pellmar raise bus fares?",
    "Is the Tarrow dam currently closed?", "Did Vessany ban night trains?",
    "Has Quillon doubled its port fees?", "Did the Marrow council sell the ferry?",
  ]
  static let months = ["January", "March", "May", "July", "September", "November"]

  @Test(arguments: [1, 2, 3] as [UInt64])
  func countsMatchAFullCountAfterRandomChanges(seed: UInt64) throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    var random = Random(state: seed)
    var written = 0
    var operations: [String] = []
    func liveCheck() throws -> Int64? {
      let ids = try db.query("SELECT id FROM checks WHERE superseded = 0 ORDER BY id") {
        $0.int64(at: 0)
      }
      return ids.isEmpty ? nil : ids[random.next(ids.count)]
    }
    for step in 0..<40 {
      switch random.next(7) {
      case 0, 1:  // new checks and re-checks, some older than the one the archive has
        var paths: [String] = []
        for _ in 0..<3 {
          written += 1
          let question = Self.questions[random.next(Self.questions.count)]
          let date =
            "\(Self.months[random.next(Self.months.count)]) \(1 + random.next(28)), "
            + "\(2024 + random.next(3))"
          if random.next(3) == 0 {
            // Another publisher's rated verdict: counted under its rating class.
            let file = folder.file("page-\(written).html")
            let rating = ["False", "Mostly true", "Misleading", "True"][random.next(4)]
            let published =
              "202\(4 + random.next(3))-0\(1 + random.next(9))-1\(random.next(9))"
            try Self.ratedPage(
              number: written, question: question, published: published, rating: rating
            ).write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
            continue
          }
          let file = folder.file("page-\(written).txt")
          try ArticleText.factCheck(
            question: question, checkedOn: random.next(5) == 0 ? nil : date,
            summary: random.next(2) == 0 ? "It is currently closed [1]." : "It did not [1].",
            banner: random.next(4) == 0
          ).write(to: file, atomically: true, encoding: .utf8)
          paths.append(file.path)
        }
        try ingestReporting(paths, into: db)
        operations.append("ingest")
      case 2:  // a review, any verdict
        guard let id = try liveCheck() else { continue }
        let verdict = ReviewVerdict.allCases[random.next(ReviewVerdict.allCases.count)]
        try Reviews.record(
          checkID: id, verdict: verdict, note: "", on: day("2026-11-\(10 + random.next(15))"),
          by: "ana", at: "t", in: db)
        operations.append("review \(id) \(verdict.rawValue)")
      case 3:  // a snooze: it holds a check out of the queue but does not move its count
        guard let id = try liveCheck() else { continue }
        try Snoozes.snooze(
          checkID: id, until: day("2026-12-20"), note: "", by: "ana", at: "t", in: db)
        operations.append("snooze \(id)")
      case 4:  // the rules change: every check judged again, some into another topic
        if random.next(2) == 0 {
          var rule = try #require(try StalenessRule.all(in: db).first { $0.name == "default" })
          rule.maxAgeDays = [60, 200, 400][random.next(3)]
          try PolicyChange.set(rule, in: db)
          operations.append("rule \(rule.maxAgeDays ?? 0)")
        } else if try StalenessRule.all(in: db).contains(where: { $0.name == "transport" }) {
          try PolicyChange.remove(named: "transport", in: db)
          operations.append("rule transport removed")
        } else {
          try PolicyChange.set(
            StalenessRule(
              name: "transport", kind: .topic, pattern: "ferry|fares|trains", maxAgeDays: 30),
            in: db)
          operations.append("rule transport")
        }
      case 5:  // a parser change that moves every check to another question, then back
        let moved = try Reparser(database: db) { bytes, format, options throws(ParseError) in
          var document = try DocumentParser.parse(bytes, format: format, options: options)
          for index in document.articles.indices {
            document.articles[index].question =
              "Was it said that "
              + document.articles[index].question
          }
          return document
        }
        try moved.run(.all)
        let midway = try Self.counts(TierCounts.kept, in: db)
        #expect(midway == (try Self.counts(TierCounts.recounted, in: db)), "moved by reparse")
        try Reparser(database: db).run(.all)
        operations.append("reparse")
      default:  // two questions merged, sometimes split again
        // Of one publisher: another publisher's check is never a re-check.
        let questions = try db.query("SELECT id, publisher_key FROM questions ORDER BY id") {
          (id: $0.int64(at: 0), publisher: $0.text(at: 1) ?? "")
        }
        guard questions.count >= 2 else { continue }
        let chosen = questions[random.next(questions.count)]
        let kept = chosen.id
        guard
          let merged = questions.filter({ $0.id != kept && $0.publisher == chosen.publisher })
            .randomElement(using: &random)?.id
        else { continue }
        try QuestionMerges.merge(merged, into: kept, by: "ana", at: "t", in: db)
        operations.append("merge \(merged) into \(kept)")
        if random.next(2) == 0 {
          try QuestionMerges.split(merged, by: "ana", at: "t", in: db)
          operations.append("split \(merged)")
        }
      }
      let kept = try Self.counts(TierCounts.kept, in: db)
      let recounted = try Self.counts(TierCounts.recounted, in: db)
      #expect(kept == recounted, "step \(step), after \(operations.suffix(3))")
      if kept != recounted { return }
    }
    #expect(try db.scalarInt("SELECT count(*) FROM checks") > 10)
    #expect(try db.scalarInt("SELECT count(*) FROM checks WHERE superseded = 1") > 0)
    // Rated checks were counted under their rating classes, and moved with them.
    #expect(
      try db.scalarInt(
        "SELECT count(DISTINCT rating_class) FROM queue_counts WHERE checks > 0 AND rating_class <> ''"
      ) >= 1)
    #expect(Set(operations.map { $0.split(separator: " ")[0] }).count >= 5, "\(operations)")
    // The questions' text indexes followed every question created, moved, merged and split
    // (`QuestionTextIndex`), and the queue's text filter finds what comparing each finds.
    for index in QuestionTextIndex.indexes {
      try db.execute("INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', 1)")
    }
    let (differences, counted) = try textFilterDifferences(
      ["ferry", "Was it said", "DAM CUR", "fares?", "zzz"], asOf: day(Scenario.today), in: db)
    #expect(differences.isEmpty, "\(differences)")
    #expect(counted == 5)
  }

  /// The desk's tabs read the kept counts: the same numbers as counting the stale checks,
  /// for the whole queue and for each topic.
  @Test func tierCountsAreTheStaleChecksLessTheSnoozed() throws {
    let scenario = try Scenario()
    try PolicyChange.set(
      StalenessRule(name: "ferries", kind: .topic, pattern: "ferr(y|ies)", maxAgeDays: 10),
      in: scenario.db)
    for topic in [nil, "ferries", StalenessRule.defaultName] {
      var queue = StaleQueue(asOf: day(Scenario.today))
      queue.topic = topic
      let counts = try #require(try queue.tierCounts(on: scenario.db))
      let listed = try queue.run(on: scenario.db)
      #expect(!listed.isEmpty, "\(topic ?? "all")")
      for tier in QueueTier.allCases {
        #expect(
          counts[tier] == listed.filter { $0.tier == tier }.count, "\(topic ?? "all") \(tier)")
      }
    }
  }
}

extension QueueCountTests.Random: RandomNumberGenerator {
  mutating func next() -> UInt64 {
    UInt64(next(Int.max))
  }
}
