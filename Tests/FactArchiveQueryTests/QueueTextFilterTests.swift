import ArchiveTestSupport
import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// The queue's question text filter (`stale --text`, the desk's box) looks the text up in
/// `questions_trigram` and must find exactly what comparing every question finds.
@Suite struct QueueTextFilterTests {
  static let questions = [
    "Did Orlen Bay close its fish market?", "Is the ORLEN BAY ferry still running?",
    "Did Harbourmaster Quill raise the 50% levy?", "Was the 100_000 tonne quota cut?",
    "Did the École Navale de Brest close?", "Did the école in Varn reopen?",
    "Did \"Harbour Watch\" report the spill?", "Is Zürich's tram fare 3.50?",
    "Did the back\\slash plan pass in Tessel?", "Has Orlenmark built the new bay bridge?",
  ]
  static let texts = [
    "orlen", "ORLEN BAY", "len b", "n Bay c", "50%", "%", "_", "100_0", "0_0", "École", "école",
    "ÉCOLE", "cole", "\"Harbour", "harbour watch\" rep", "zürich", "ZÜRICH", "Zür", "ü",
    "k\\s", "\\", "fi", "Did", "did the", "zzz", "bay close its fish market?",
    "Did Orlen Bay close its fish market? No", "a\u{0}b",
  ]

  let folder: TemporaryFolder
  let db: Connection
  let asOf = day("2026-11-23")

  init() throws {
    folder = try TemporaryFolder()
    var paths: [String] = []
    for (index, question) in Self.questions.enumerated() {
      paths.append(
        try folder.write(
          "in/q\(index).txt",
          ArticleText.factCheck(question: question, checkedOn: "January \(1 + index), 2025")))
    }
    db = try archive(with: paths, in: folder)
  }

  @Test func theIndexFindsWhatComparingEveryQuestionFinds() throws {
    #expect(try StaleQueue(asOf: asOf).run(on: db).count == Self.questions.count)
    let (differences, counted) = try textFilterDifferences(Self.texts, asOf: asOf, in: db)
    #expect(differences.isEmpty, "\(differences)")
    // Every text is counted: none is held by more than 10,000 questions.
    #expect(counted == Self.texts.count)
  }

  @Test func aBroadTextIsListedInQueueOrderAndNotCounted() throws {
    // As if every text were held by more questions than the queue reads first or counts.
    let (differences, counted) = try textFilterDifferences(Self.texts, asOf: asOf, in: db) {
      $0.drivenQuestions = 0
      $0.countedQuestions = 1
    }
    #expect(differences.isEmpty, "\(differences)")
    // Only texts held by one question at most are counted ("Did" is in nine).
    #expect(counted > 0 && counted < Self.texts.count)
  }

  @Test func aNarrowTextIsReadFromTheIndexFirst() throws {
    var queue = StaleQueue(asOf: asOf, limit: 51)
    queue.text = "Harbour"
    let plan = try queue.queryPlan(on: db)
    #expect(plan.contains { $0.contains("SCAN m") || $0.contains("questions_trigram") }, "\(plan)")
    #expect(!plan.contains { $0.contains("checks_by_tier") }, "\(plan)")
    // With a tier or a topic too, each question's checks are still read by question.
    queue.tier = .onlyOld
    queue.topic = "default"
    let filtered = try queue.queryPlan(on: db)
    #expect(filtered.contains { $0.contains("checks_by_question") }, "\(filtered)")
    #expect(!filtered.contains { $0.contains("checks_by_tier") || $0.contains("checks_by_topic") })
    queue.tier = nil
    queue.topic = nil
    // Under three characters, the questions' rows are compared first, then their checks read.
    queue.text = "Ha"
    let short = try queue.queryPlan(on: db)
    #expect(short.contains { $0.contains("json_each") }, "\(short)")
    #expect(!short.contains { $0.contains("checks_by_tier") }, "\(short)")
    // Held by more questions than are counted: walked in the queue's order, not counted.
    queue.countedQuestions = 1
    #expect(try queue.queryPlan(on: db).contains { $0.contains("checks_by_tier") })
    #expect(try queue.tierCounts(on: db) == nil)
  }

  /// Every order, with and without a text (whose page is chosen by id, then its columns
  /// read), pages exactly as the order's own Swift sort of the whole list.
  @Test func everyOrderPagesAsItsSortDoes() throws {
    for order in QueueOrder.allCases {
      for text in [nil, "Did"] {
        var whole = StaleQueue(asOf: asOf, order: order)
        whole.text = text
        let all = try whole.run(on: db)
        #expect(all.count >= 6)
        let sorted = all.sorted { order.isMoreUrgent($0, $1) { $0.priorityValue($1) } }
        #expect(all.map(\.checkID) == sorted.map(\.checkID), "\(order) \(text ?? "")")
        for start in [0, 3, 8] {
          var page = whole
          page.limit = 3
          page.offset = start
          #expect(
            try page.run(on: db).map(\.checkID)
              == Array(sorted.dropFirst(start).prefix(3)).map(\.checkID),
            "\(order) \(text ?? "") from \(start)")
        }
      }
    }
    // The most cited first is walked in an index's order, not sorted, of one tier or topic
    // too when they hold many checks; a tier or topic with few is read from its own index.
    var cited = StaleQueue(asOf: asOf, limit: 3, order: .citations)
    for (tier, topic) in [(nil, nil), (.onlyOld, nil), (nil, "default")] as [(QueueTier?, String?)]
    {
      cited.tier = tier
      cited.topic = topic
      cited.drivenChecks = 0
      let plan = try cited.queryPlan(on: db)
      #expect(plan.contains { $0.contains("USING INDEX checks_by_citations") }, "\(plan)")
      #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
      guard tier != nil || topic != nil else { continue }
      cited.drivenChecks = 5_000
      let few = try cited.queryPlan(on: db)
      #expect(!few.contains { $0.contains("checks_by_citations") }, "\(few)")
      #expect(
        few.contains { $0.contains(tier == nil ? "checks_by_topic_tier" : "checks_by_tier") },
        "\(few)")
    }
  }

  /// A page past the first is chosen by id in the walked index (migration 022: the tier's and
  /// topic's indexes hold the whole order), without reading the skipped checks' questions.
  @Test func aLaterPageIsChosenInTheIndex() throws {
    for topic in [nil, "default"] {
      var queue = StaleQueue(asOf: asOf, limit: 3)
      queue.topic = topic
      queue.offset = 4
      let plan = try queue.queryPlan(on: db)
      #expect(!plan.contains { $0.contains("RIGHT PART OF ORDER BY") }, "\(plan)")
      // The page's ids from the index, then only those checks and their questions read.
      #expect(plan.contains { $0.contains("LIST SUBQUERY") }, "\(plan)")
      #expect(plan.filter { $0.contains("SEARCH q") }.count == 1, "\(plan)")
      #expect(
        plan.contains { $0.contains(topic == nil ? "checks_by_tier" : "checks_by_topic_tier") },
        "\(plan)")
    }
  }

  @Test func trigramRunsSpreadAcrossTheText() throws {
    #expect(QuestionTextIndex.trigrams(of: "ab") == nil)
    #expect(QuestionTextIndex.trigrams(of: "a\u{0}bc") == nil)
    #expect(QuestionTextIndex.trigrams(of: "abc") == "\"abc\"")
    #expect(QuestionTextIndex.trigrams(of: "a\"bc") == "\"a\"\"b\" AND \"\"\"bc\"")
    // Runs that differ only in case are asked once.
    #expect(QuestionTextIndex.trigrams(of: "abcABC") == "\"abc\" AND \"bcA\" AND \"cAB\"")
    let long = "Did the harbour authority of Orlen Bay raise the levy on ferries?"
    let runs = try #require(QuestionTextIndex.trigrams(of: long)).components(separatedBy: " AND ")
    #expect(runs.count <= 12)
    #expect(runs.first == "\"Did\"")
    #expect(runs.last == "\"es?\"")
  }

  @Test func theIndexFollowsAQuestionRewritten() throws {
    let id = try #require(
      try db.queryFirst("SELECT id FROM questions WHERE text LIKE 'Did Orlen%'") {
        $0.int64(at: 0)
      })
    try db.execute(
      "UPDATE questions SET text = 'Did Kessel Bay close its fish market?' WHERE id = ?", [id])
    let (differences, _) = try textFilterDifferences(["orlen", "kessel"], asOf: asOf, in: db)
    #expect(differences.isEmpty, "\(differences)")
    try db.execute(
      "INSERT INTO questions_trigram (questions_trigram, rank) VALUES ('integrity-check', 1)")
  }
}
