import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct SearchTests {
  let archive: FixtureArchive
  let db: Connection

  init() throws {
    archive = try FixtureArchive()
    db = try Connection.openArchive(path: archive.path)
  }

  func search(_ query: String, limit: Int = 10) throws -> [FullTextSearch.Hit] {
    try FullTextSearch(query: query, limit: limit, in: .checks).run(on: db)
  }

  @Test func questionMatchesRankFirst() throws {
    let hits = try search("ferry", limit: 20)
    // Every question that names a ferry, ahead of checks that mention one only in their text.
    let questions = try db.query(
      "SELECT text FROM questions WHERE text LIKE '%ferry%' AND id IN (SELECT question_id FROM checks)"
    ) { $0.text(at: 0) ?? "" }
    #expect(questions.count >= 3)
    #expect(Set(hits.prefix(questions.count).map(\.title)) == Set(questions))
    #expect(
      questions.contains(
        "Did the Calloway Harbour Authority double ferry fares after the 2025 storm season?"))
    #expect(hits.map(\.score) == hits.map(\.score).sorted())
    #expect(hits.allSatisfy { $0.snippet.lowercased().contains("**ferr") })
  }

  /// A word in more than `broadRows` rows of the indexes together makes a query broad: its hits are the
  /// matching checks most recently added, newest first; other queries keep exact bm25.
  @Test func broadQueriesListTheNewestMatchingChecks() throws {
    var search = FullTextSearch(query: "ferry", limit: 50, in: .checks)
    let ranked = try search.run(on: db)
    #expect(ranked.allSatisfy { $0.ranking == .relevance })
    search.broadRows = 3
    let broad = try search.run(on: db)
    #expect(broad.allSatisfy { $0.ranking == .newest && $0.score == 0 })
    #expect(broad.map(\.id) == broad.map(\.id).sorted(by: >))
    // The same checks, in another order.
    #expect(Set(broad.map(\.id)) == Set(ranked.map(\.id)))
    // Paging walks the same list.
    search.limit = 2
    search.offset = 2
    #expect(try search.run(on: db).map(\.id) == Array(broad.map(\.id)[2..<4]))
    // A rare word keeps the ranking even beside a line just above its rows.
    let rareRows = try ["questions_fts", "summaries_fts", "follow_ups_fts"].map { table in
      try db.scalarInt("SELECT count(*) FROM \(table) WHERE \(table) MATCH 'Calloway'")
    }.reduce(0, +)
    #expect(rareRows > 0)
    var rare = FullTextSearch(query: "Calloway", limit: 5, in: .checks)
    rare.broadRows = Int(rareRows)
    #expect(try rare.run(on: db).allSatisfy { $0.ranking == .relevance })
    rare.broadRows = Int(rareRows) - 1
    #expect(try rare.run(on: db).allSatisfy { $0.ranking == .newest })
    rare.broadRows = Int(rareRows)
    #expect(try rare.run(on: db).allSatisfy { $0.ranking == .relevance })
    let table = FullTextSearch.render(broad, format: .table, query: "ferry")
    #expect(table.hasPrefix(FullTextSearch.broadNote))
    let csv = FullTextSearch.render(broad, format: .csv, query: "ferry")
    #expect(csv.split(separator: "\n")[1].hasSuffix(",newest"))
  }

  /// Words each below the line can be over it together: an `OR` of them is broad. The line
  /// is drawn on the rows of every index searched, summed (what ranking them costs).
  @Test func anOrOfWordsBelowTheLineCanBeBroad() throws {
    func rows(_ query: String) throws -> Int64 {
      try ["questions_fts", "summaries_fts", "follow_ups_fts"].map { table in
        try db.scalarInt("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", [query])
      }.reduce(0, +)
    }
    let line = max(try rows("ferry"), try rows("tariff"))
    #expect(try rows("ferry OR tariff") > line)
    var search = FullTextSearch(query: "ferry OR tariff", limit: 20, in: .checks)
    search.broadRows = Int(line)
    #expect(try search.run(on: db).allSatisfy { $0.ranking == .newest })
    search.query = "ferry"
    #expect(try search.run(on: db).allSatisfy { $0.ranking == .relevance })
  }

  /// A broad query's bare prefixes are read as the terms they cover: the same checks.
  @Test func broadPrefixQueriesFindWhatThePrefixFinds() throws {
    for query in ["ferr*", "ferr* AND fare*", "heading: what*", "NEAR(ferri fare*, 5)"] {
      var search = FullTextSearch(query: query, limit: 100, in: .checks)
      let ranked = try search.run(on: db)
      search.broadRows = 1
      let broad = try search.run(on: db)
      #expect(!ranked.isEmpty, "\(query)")
      #expect(broad.allSatisfy { $0.ranking == .newest }, "\(query)")
      #expect(Set(broad.map(\.id)) == Set(ranked.map(\.id)), "\(query)")
    }
    #expect(
      SearchTerms.barePrefixes("ferr* \"fare\"* NEAR(a* b) heading: Timelin* OR x") == [
        "ferr", "timelin",
      ])
  }

  @Test func theWordsOfAQueryAreWhatIsMeasured() {
    #expect(
      SearchTerms.words("\"grain export quotas\" OR tariff NOT heading: subsid* AND NEAR(a b, 5)")
        == ["\"grain\"", "\"export\"", "\"quotas\"", "\"tariff\"", "\"subsid\"*", "\"a\"", "\"b\""])
    #expect(
      SearchTerms.words("\"ferry \"\"quoted\"\" fares\"*") == [
        "\"ferry\"", "\"quoted\"", "\"fares\"*",
      ])
  }

  @Test func phrasesPrefixesStemsAndColumns() throws {
    #expect(
      try search("\"school meal\"").first?.title
        == "Were Hallen's school meal budgets cut by half?")
    #expect(
      try search("tobac*").first?.title
        == "Did Valmora raise tobacco excise by 40 percent in 2025?")
    // Porter stemming: "recalled" in the text, "recall" in the query.
    #expect(try search("recalls").contains { $0.title.contains("Fenrix asthma inhaler") })
    #expect(try search("heading:\"bottom line\"").count >= 1)
    #expect(try search("zzzunknownword").isEmpty)
  }

  /// Sources are searched beside checks (`all`, the default) or alone, each hit labelled.
  @Test func sourcesAreSearchedBesideChecks() throws {
    let all = try FullTextSearch(query: "Norvik", limit: 50).run(on: db)
    let checks = try FullTextSearch(query: "Norvik", limit: 50, in: .checks).run(on: db)
    let sources = try FullTextSearch(query: "Norvik", limit: 50, in: .sources).run(on: db)
    #expect(!checks.isEmpty && !sources.isEmpty)
    #expect(checks.allSatisfy { $0.kind == .check && $0.questionID != nil })
    #expect(
      sources.allSatisfy { $0.kind == .source && $0.questionID == nil && $0.field == "source" })
    #expect(Set(all.map(\.id)) == Set(checks.map(\.id) + sources.map(\.id)))
    #expect(all.count == checks.count + sources.count)
    #expect(all.map(\.score) == all.map(\.score).sorted())
    let headline = try db.scalarText(
      "SELECT title FROM sources WHERE id = ?", [sources[0].id])
    #expect(sources[0].title == headline)
    #expect(sources[0].snippet.contains("**Norvik**"))
    // A broad query lists checks and sources by the order their documents were added.
    var broad = FullTextSearch(query: "Norvik", limit: 50)
    broad.broadRows = 1
    let newest = try broad.run(on: db)
    #expect(Set(newest.map { "\($0.kind)\($0.id)" }) == Set(all.map { "\($0.kind)\($0.id)" }))
    let documents = try newest.map { hit in
      try db.scalarInt(
        "SELECT document_id FROM \(hit.kind == .check ? "checks" : "sources") WHERE id = ?",
        [hit.id])
    }
    #expect(documents == documents.sorted(by: >))
    // JSON names each kind's fields.
    let json = FullTextSearch.render(Array(all.prefix(50)), format: .json, query: "Norvik")
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    for object in objects {
      if object["kind"] as? String == "source" {
        #expect(object["source_id"] is Int && object["published_on"] != nil)
      } else {
        #expect(object["check_id"] is Int && object["question"] is String)
      }
    }
  }

  @Test func followUpsAreSearchedToo() throws {
    let hits = try search("quality")
    #expect(hits.first?.field == "follow_up")
    #expect(hits.first?.snippet.contains("**quality**") == true)
  }

  @Test(arguments: ["\"unbalanced", "ferry AND", "nosuchcolumn:ferry", "(ferry"])
  func queriesFTS5CannotReadAreReportedPlainly(_ query: String) throws {
    let error = try #require(throws: FullTextSearch.SyntaxError.self) { try search(query) }
    #expect(error.description.hasPrefix("search query: "))
    #expect(error.description.contains("fts5.html"))
  }

  @Test func indexesStayInSyncThroughReparse() throws {
    // A "parser change" that drops every section after the first: the dropped text must
    // leave the index with it.
    let trimmed = try Reparser(database: db) { bytes, format, options throws(ParseError) in
      var document = try DocumentParser.parse(bytes, format: format, options: options)
      for index in document.articles.indices {
        document.articles[index].summaries = Array(document.articles[index].summaries.prefix(1))
      }
      return document
    }
    #expect(!(try search("turnstile OR \"crane fault\"").isEmpty))
    try trimmed.run(.all)
    #expect(try search("\"crane fault\"").isEmpty)
    for table in [
      "questions_fts", "summaries_fts", "follow_ups_fts", "sources_fts", "checks_fts",
      "questions_trigram",
    ] {
      try db.execute("INSERT INTO \(table) (\(table)) VALUES ('integrity-check')")
    }
    try Reparser(database: db).run(.all)
    #expect(!(try search("\"crane fault\"").isEmpty))
  }
}

@Suite struct ExportImportTests {
  let archive: FixtureArchive

  init() throws {
    archive = try FixtureArchive()
  }

  func export(_ format: ArchiveExport.Format) throws -> String {
    let db = try Connection.openArchive(path: archive.path)
    var output = ""
    try ArchiveExport.run(format: format, on: db) { output += $0 }
    return output
  }

  var checkCount: Int {
    get throws {
      Int(try Connection.openArchive(path: archive.path).scalarInt("SELECT count(*) FROM checks"))
    }
  }

  @Test func ndjsonHasOneObjectPerCheck() throws {
    let lines = try export(.ndjson).split(separator: "\n")
    #expect(lines.count == (try checkCount))
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["question"] is String)
      #expect(object["summaries"] is [Any])
    }
  }

  @Test func csvHasAHeaderAndOneRowPerCheck() throws {
    let text = try export(.csv)
    #expect(text.hasPrefix("check_id,question_id,question,checked_on,checked_on_inferred,latest,"))
    // Rows may hold new lines inside quotes; count records by their leading check id.
    let records = text.split(separator: "\n").filter {
      $0.first?.isNumber == true && $0.contains(",")
    }
    #expect(records.count >= (try checkCount))
  }

  @Test func claimReviewIsValidJSONLD() throws {
    let data = Data(try export(.claimreview).utf8)
    let reviews = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(reviews.count == (try checkCount))
    for review in reviews {
      #expect(review["@context"] as? String == "https://schema.org")
      #expect(review["@type"] as? String == "ClaimReview")
      #expect((review["claimReviewed"] as? String)?.isEmpty == false)
      #expect((review["author"] as? [String: Any])?["@type"] as? String == "Organization")
      #expect((review["itemReviewed"] as? [String: Any])?["@type"] as? String == "Claim")
      if let published = review["datePublished"] as? String {
        #expect(Day(iso: published) != nil)
        #expect(review["dateModified"] as? String == published)
      }
    }
    #expect(reviews.contains { ($0["url"] as? String)?.hasPrefix("https://factually.co/") == true })
  }

  @Test func roundTripKeepsQuestionsAndDates() throws {
    let exported = try export(.claimreview)
    let folder = try TemporaryFolder()
    let file = try folder.write("reviews.json", exported)
    let fresh = try Connection.openArchive(path: folder.file("fresh.sqlite").path)
    let tally = try IngestSession(database: fresh, options: .init(format: .claimReview)).run(
      InputFiles(paths: [file]))
    #expect(tally.rejected == 0)
    let query =
      "SELECT q.text, coalesce(c.checked_on, '') FROM checks c JOIN questions q ON q.id = c.question_id ORDER BY 1, 2"
    let original = try Connection.openArchive(path: archive.path).query(query) {
      [$0.text(at: 0) ?? "", $0.text(at: 1) ?? ""]
    }
    let imported = try fresh.query(query) { [$0.text(at: 0) ?? "", $0.text(at: 1) ?? ""] }
    #expect(imported == original)
    // Exporting the imported archive gives the same reviews back.
    var again = ""
    try ArchiveExport.run(format: .claimreview, on: fresh) { again += $0 }
    func essentials(_ text: String) throws -> [[String]] {
      let reviews = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
      return reviews.map { review in
        ["claimReviewed", "datePublished", "url", "reviewBody"].map { review[$0] as? String ?? "" }
      }.sorted { $0.joined() < $1.joined() }
    }
    #expect(try essentials(again) == essentials(exported))
  }
}

@Suite struct ClaimReviewImportTests {
  func importing(_ json: String) throws -> (Connection, IngestTally, [ParseError], TemporaryFolder)
  {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("a.sqlite").path)
    let path = try folder.write("feed.json", json)
    var skipped: [ParseError] = []
    let tally = try IngestSession(database: db, options: .init(format: .claimReview)).run(
      InputFiles(paths: [path])
    ) {
      document, _ in
      if case .success(let parsed) = document.parsed { skipped = parsed.skipped }
    }
    return (db, tally, skipped, folder)
  }

  static let review = """
    {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Orlen Bay sold its harbour",
     "datePublished": "2026-03-04T10:00:00+01:00", "url": "https://checker.example/orlen",
     "author": {"@type": "Organization", "name": "Checker Desk"},
     "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
     "reviewBody": "The harbour was leased, not sold [1]."}
    """

  @Test(arguments: [
    review,
    "[\(review)]",
    "{\"@type\": \"DataFeed\", \"dataFeedElement\": [\(review)]}",
    "{\"@type\": \"DataFeed\", \"dataFeedElement\": [{\"@type\": \"DataFeedItem\", \"item\": [\(review)]}]}",
    "{\"@context\": \"https://schema.org\", \"@graph\": [\(review)]}",
  ])
  func readsObjectsArraysAndDataFeeds(_ json: String) throws {
    let (db, tally, skipped, _) = try importing(json)
    #expect(tally.new == 1 && tally.rejected == 0 && skipped.isEmpty)
    let row = try #require(
      try db.queryFirst(
        "SELECT q.text, c.checked_on, c.publisher, c.rating, c.title_url FROM checks c JOIN questions q ON q.id = c.question_id"
      ) { $0.values })
    #expect(
      row == [
        .text("Orlen Bay sold its harbour"), .text("2026-03-04"), .text("Checker Desk"),
        .text("False"), .text("https://checker.example/orlen"),
      ])
    #expect(
      try db.scalarText("SELECT body FROM summaries") == "The harbour was leased, not sold [1].")
    #expect(try db.scalarText("SELECT format FROM documents") == "claimreview")
  }

  /// Who made a claim, when, and where it appeared: stored (`checks.claimant`,
  /// `checks.claim_date`, `claim_appearances`), shown, exported, imported again the same,
  /// and filled in by `reparse --outdated` for checks an older parser stored without it.
  @Test func theClaimsOriginIsStoredShownExportedAndReadAgain() throws {
    let json = String(
      decoding: try TestPaths.bytes(TestPaths.fixture("claimreview/claim-origins.json")),
      as: UTF8.self)
    let (db, tally, _, folder) = try importing(json)
    #expect(tally.new == 3)
    let origins =
      "SELECT c.claimant, c.claim_date, (SELECT group_concat(a.url || ' ' || a.first_appearance, '|') "
      + "FROM claim_appearances a WHERE a.check_id = c.id ORDER BY a.position) FROM checks c ORDER BY c.id"
    let stored = try db.query(origins) { $0.values }
    #expect(
      stored == [
        [
          .text("Brennick Residents' Forum"), .text("2026-09-09"),
          .text(
            "https://forum.brennick.example/t/storm-damage/4411 1|"
              + "https://brennick-gazette.example/opinion/the-wall-is-gone 0|"
              + "https://social.example/brennickwatch/status/7781 0"),
        ],
        [
          .text("Councillor Ada Penhale"), .text("2017-04-28"),
          .text("https://brennick-gazette.example/2017/04/28/harbour-dues-debate 0"),
        ],
        [.text("Tom Reske, Lina Osk"), .null, .text("https://video.example/watch?v=ferry01 0")],
      ])
    let detail = try #require(try CheckDetail.load(1, from: db))
    #expect(
      detail.text().contains(
        "claim made by Brennick Residents' Forum on 2026-09-09; seen at "
          + "https://forum.brennick.example/t/storm-damage/4411 (first appearance), "
          + "https://brennick-gazette.example/opinion/the-wall-is-gone, "
          + "https://social.example/brennickwatch/status/7781\n"))
    let shown = detail.json.rendered(pretty: false)
    #expect(
      shown.contains("\"claimant\":\"Brennick Residents' Forum\",\"claim_date\":\"2026-09-09\""))
    #expect(
      shown.contains(
        "{\"url\":\"https://forum.brennick.example/t/storm-damage/4411\",\"first_appearance\":true}"
      ))

    // Searching for an address finds the checks of claims that appeared there, however the
    // address is written, and the sources saved from it.
    for written in [
      "https://forum.brennick.example/t/storm-damage/4411",
      "http://www.forum.brennick.example/t/storm-damage/4411/?utm_source=share#reply",
    ] {
      let hits = try FullTextSearch(query: written).run(on: db)
      #expect(hits.map(\.id) == [1], "\(written)")
      #expect(hits.first?.ranking == .address)
      #expect(
        hits.first?.snippet
          == "the claim appeared at https://forum.brennick.example/t/storm-damage/4411")
    }
    #expect(
      try FullTextSearch(query: "https://video.example/watch?v=ferry01").run(on: db).map(\.id) == [
        3
      ])
    #expect(try FullTextSearch(query: "https://elsewhere.example/").run(on: db).isEmpty)
    // A fact-check's own address finds it, written as a reader would paste it.
    let published = try FullTextSearch(
      query: "http://www.tideline-checks.example/checks/harbour-dues/?utm_source=newsletter"
    ).run(on: db)
    #expect(published.map(\.id) == [2])
    #expect(
      published.first?.snippet == "published at https://tideline-checks.example/checks/harbour-dues"
    )
    let plan = try db.query(
      "EXPLAIN QUERY PLAN SELECT id FROM checks WHERE title_url IN (?, ?)", ["a", "b"]
    ) { $0.text("detail") ?? "" }
    #expect(plan.contains { $0.contains("checks_by_title_url") }, "\(plan)")

    // Exported as ClaimReview and imported into a fresh archive: the same origins.
    var exported = ""
    try ArchiveExport.run(format: .claimreview, on: db) { exported += $0 }
    let (fresh, freshTally, _, _) = try importing(exported)
    #expect(freshTally.new == 3)
    #expect(try fresh.query(origins) { $0.values } == stored)

    // A check stored by parser version 5 had none of it; reparse fills it in.
    try db.execute("UPDATE checks SET claimant = NULL, claim_date = NULL")
    try db.execute("DELETE FROM claim_appearances")
    try db.execute("UPDATE documents SET parser_version = 5")
    let reparsed = try Reparser(database: db).run(.outdated)
    #expect(reparsed.updated == 1)
    #expect(try db.query(origins) { $0.values } == stored)

    // A source is found by the address it was saved from.
    let address = "https://coastaldesk.example/2026/09/22/ostra-dredging-resumes"
    try IngestSession(database: db).run(
      InputFiles(paths: [TestPaths.fixture("html/news-source.html").path]))
    let source = try FullTextSearch(query: address, in: .sources).run(on: db)
    #expect(source.map(\.kind) == [.source])
    // However the shared link writes it: `www.`, `http`, a trailing slash, sharing
    // parameters, a fragment.
    for written in [
      "http://www.coastaldesk.example/2026/09/22/ostra-dredging-resumes/",
      address + "?utm_source=newsletter&fbclid=x#comments",
    ] {
      #expect(
        try FullTextSearch(query: written, in: .sources).run(on: db).map(\.id)
          == source.map(\.id), "\(written)")
    }
    #expect(try FullTextSearch(query: address + "-2", in: .sources).run(on: db).isEmpty)
    #expect(
      FullTextSearch.render(source, format: .table, query: address).hasPrefix(
        FullTextSearch.addressNote))
    _ = folder
  }

  @Test func badEntriesAreSkippedAndTheRestLand() throws {
    let json =
      "[\(Self.review), {\"@type\": \"ClaimReview\", \"datePublished\": \"2026-01-01\"}, {\"@type\": \"ClaimReview\", \"claimReviewed\": \"X?\", \"datePublished\": \"2026-02-30\"}]"
    let (db, tally, skipped, _) = try importing(json)
    #expect(tally.new == 1)
    #expect(
      skipped.map(\.message) == [
        "entry 2 of 3: claimReviewed is missing (and no itemReviewed name)",
        "entry 3 of 3: datePublished is not a date: 2026-02-30",
      ])
    #expect(try db.scalarInt("SELECT count(*) FROM checks") == 1)
  }

  @Test func invalidJSONIsRejectedAndKept() throws {
    let (db, tally, _, _) = try importing("[{\"@type\": \"ClaimReview\",\n \"claimReviewed\": }]")
    #expect(tally.rejected == 1)
    #expect(try db.scalarText("SELECT error FROM documents")?.hasPrefix("not valid JSON") == true)
    #expect(try db.scalarText("SELECT status FROM documents") == "rejected")
  }
}
