import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// Ranked full-text search over questions, summaries and follow-up questions (FTS5).
///
/// ```swift
/// let hits = try FullTextSearch(query: "ferry fares", limit: 10).run(on: db)
/// hits.first?.snippet  // "…Authority double **ferry** **fares** after…"
/// ```
///
/// The query uses FTS5 syntax: words, `"exact phrases"`, `OR`, `NOT`, `prefix*`,
/// `column:word` (<https://www.sqlite.org/fts5.html#full_text_query_syntax>). Each check's
/// score is its best match by bm25, a match in the question counting double and one in a
/// follow-up question half.
///
/// **Broad queries.** bm25 reads the whole list of rows of every phrase in the query (to
/// count them), and scores every matching row: a word in most checks costs a second at a
/// million articles, and a phrase costs what its words' lists cost, however few rows it
/// matches. So a query with a word matching more than `broadRows` rows of an index
/// (`evidence`, `audit*`, `"ferry subsidies"` when subsidies are everywhere), or matching
/// that many itself (`cobalt OR lithium`), is broad: its hits are the matching checks most
/// recently added, newest first, not ranked (`Hit.ranking == .newest`; the CLI and the desk
/// say so). A query that, like each of its words, matches at most `broadRows` rows of each
/// index keeps the exact bm25 ranking.
public struct FullTextSearch: Sendable {
  public var query: String
  public var limit: Int
  /// Skip this many of the best hits (for paging).
  public var offset: Int

  public init(query: String, limit: Int = 20, offset: Int = 0) {
    self.query = query
    self.limit = limit
    self.offset = max(0, offset)
  }

  public struct Hit: Sendable, Equatable {
    public var checkID: Int64
    public var questionID: Int64
    public var question: String
    public var checkedOn: Day?
    public var checkedOnInferred: Day?
    /// Whether this is the question's latest check.
    public var isLatest: Bool
    /// Where the best match is: `question`, `summary` or `follow_up`.
    public var field: String
    /// The matched text with its matches in `**bold**`.
    public var snippet: String
    /// bm25-based; lower is better. 0 for a broad query's hits.
    public var score: Double
    /// How the hits are ordered: by relevance, or (a broad query) newest first.
    public var ranking: Ranking = .relevance
  }

  public enum Ranking: String, Sendable, Equatable {
    /// Exact bm25 (weighted by where the match is).
    case relevance = "bm25"
    /// The matching checks most recently added first: the query is too broad to rank.
    case newest
  }

  /// A word matching more rows than this in an index makes the query broad.
  public static let defaultBroadRows = 20_000
  public var broadRows = FullTextSearch.defaultBroadRows

  /// What the CLI and the desk print above a broad query's hits.
  public static let broadNote =
    "This search, or a word in it, matches more than \(defaultBroadRows) passages, too many to rank "
    + "by relevance: these are the matching checks most recently added, newest first. "
    + "Add a rarer word, a phrase or AND to rank the results."

  /// A query FTS5 cannot read (`"unbalanced`, `AND` at the end, an unknown column).
  public struct SyntaxError: Error, CustomStringConvertible {
    public var message: String
    public var description: String {
      "\(message) (see https://www.sqlite.org/fts5.html#full_text_query_syntax)"
    }
  }

  private struct Source {
    var table: String
    var field: String
    var weight: Double
    /// bm25 with per-column weights: a section heading counts less than its text.
    var rank: String
    /// Joins the FTS row (`f`) to its check: the expression giving the check id and the join.
    var check: String
    var join: String
    /// The snippet's column: the question or body text.
    var snippetColumn: Int
  }

  private static let sources = [
    Source(
      table: "questions_fts", field: "question", weight: 2, rank: "bm25(questions_fts)",
      check:
        "(SELECT id FROM checks WHERE question_id = f.rowid ORDER BY superseded, id DESC LIMIT 1)",
      join: "", snippetColumn: 0),
    Source(
      table: "summaries_fts", field: "summary", weight: 1, rank: "bm25(summaries_fts, 0.3, 1.0)",
      check: "s.check_id", join: "JOIN summary_spans AS s ON s.id = f.rowid", snippetColumn: -1),
    Source(
      table: "follow_ups_fts", field: "follow_up", weight: 0.5, rank: "bm25(follow_ups_fts)",
      check: "u.check_id", join: "JOIN follow_ups AS u ON u.id = f.rowid", snippetColumn: 0),
  ]

  public func run(on db: Connection) throws -> [Hit] {
    // Each bare prefix's terms, read once.
    var prefixes: [String: (terms: [String], documents: Int)?] = [:]
    for prefix in SearchTerms.barePrefixes(query) {
      prefixes[prefix] = try expansion(of: prefix, on: db)
    }
    if try isBroad(prefixes: prefixes, on: db) { return try newest(prefixes: prefixes, on: db) }
    var best: [Int64: (score: Double, source: Int, rowid: Int64)] = [:]
    let candidates = min(1000, max(50, (offset + limit) * 5))
    var columnErrors: [SyntaxError] = []
    for (index, source) in Self.sources.enumerated() {
      // One statement per index: the best candidates by bm25, each already mapped to its check.
      let rows: [(Int64, Double, Int64)]
      do {
        rows = try matching(
          """
          SELECT \(source.check) AS check_id, \(source.rank) AS score, f.rowid AS rowid
          FROM \(source.table) AS f \(source.join)
          WHERE \(source.table) MATCH ? ORDER BY score LIMIT ?
          """,
          [query, candidates], db: db
        ) { ($0.int64("check_id"), $0.double("score") * source.weight, $0.int64("rowid")) }
      } catch let error as SyntaxError where error.message.contains("no such column") {
        // A column filter (heading:word) applies to the indexes that have that column.
        columnErrors.append(error)
        continue
      }
      for (checkID, score, rowid) in rows where checkID > 0 {
        if let current = best[checkID], current.score <= score { continue }
        best[checkID] = (score, index, rowid)
      }
    }
    if columnErrors.count == Self.sources.count, let error = columnErrors.first { throw error }
    let ranked = best.sorted {
      $0.value.score != $1.value.score ? $0.value.score < $1.value.score : $0.key < $1.key
    }
    return try hits(
      ranked.dropFirst(offset).prefix(limit).map {
        (checkID: $0.key, source: $0.value.source, rowid: $0.value.rowid, score: $0.value.score)
      }, ranking: .relevance, matching: query, db: db)
  }

  /// Whether a word of the query, or the query itself, matches more than `broadRows` rows of
  /// an index: one probe per word and index, then one for the query, each stopping at row
  /// `broadRows + 1`.
  func isBroad(prefixes: [String: (terms: [String], documents: Int)?], on db: Connection) throws
    -> Bool
  {
    var probes = SearchTerms.words(query)
    if probes.isEmpty { probes = [query] }
    // A bare prefix (subsid*) is measured by its terms' counts: FTS5 would first gather every
    // row of every term it covers, whatever the LIMIT.
    for case (_, let terms?) in prefixes where terms.documents > broadRows {
      return true
    }
    probes.removeAll { probe in
      probe.hasSuffix("*")
        && prefixes[String(probe.dropFirst().dropLast(2)).lowercased()] != nil
    }
    // Then the whole query, for words that are each below the line but not together
    // (`cobalt OR lithium`): each of its words is known to be in at most `broadRows` rows,
    // so this probe walks at most that many rows per word.
    if probes != [query] { probes.append(query) }
    for phrase in probes {
      for source in Self.sources {
        let beyond = try? db.queryFirst(
          """
          SELECT rowid FROM \(source.table) WHERE \(source.table) MATCH ?
          ORDER BY rowid DESC LIMIT 1 OFFSET ?
          """, [phrase, broadRows], { $0.int64(at: 0) })
        if beyond != nil { return true }
      }
    }
    return false
  }

  /// The most terms a prefix is rewritten into (a prefix covering more is left to FTS5).
  static let mostPrefixTerms = 64

  /// The terms of the indexes that start with `prefix` (read from `fts5vocab` tables), and
  /// how many rows hold them (summed over terms and indexes: at least the rows the prefix
  /// matches); `nil` when there are none or too many to rewrite.
  func expansion(of prefix: String, on db: Connection) throws -> (terms: [String], documents: Int)?
  {
    guard !prefix.isEmpty else { return nil }
    var terms: Set<String> = []
    var documents = 0
    for source in Self.sources {
      let vocabulary = "search_vocabulary_" + source.table
      do {
        try db.execute(
          "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(vocabulary) USING fts5vocab(main, \(source.table), 'row')"
        )
      } catch {
        // A connection that may not create even temporary tables: FTS5 reads the prefix.
        return nil
      }
      let rows = try db.query(
        "SELECT term, doc FROM temp.\(vocabulary) WHERE term >= ? AND term < ? LIMIT ?",
        [prefix, prefix + "\u{10FFFF}", Self.mostPrefixTerms + 1]
      ) { ($0.text("term") ?? "", $0.int("doc")) }
      if rows.count > Self.mostPrefixTerms { return nil }
      for (term, count) in rows {
        terms.insert(term)
        documents += count
      }
    }
    return terms.isEmpty ? nil : (terms.sorted(), documents)
  }

  /// A broad query's hits: the matching checks most recently added first (each index read
  /// newest first, stopping after the rows needed).
  private func newest(
    prefixes: [String: (terms: [String], documents: Int)?], on db: Connection
  ) throws -> [Hit] {
    var newest: [Int64: (source: Int, rowid: Int64)] = [:]
    var columnErrors: [SyntaxError] = []
    let wanted = (offset + limit) * 4
    // Bare prefixes as the terms they cover, so FTS5 reads rows newest first and stops.
    let rewritten = SearchTerms.rewritingBarePrefixes(query) { prefix in
      guard case let terms?? = prefixes[prefix] else { return nil }
      return "(" + terms.terms.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
    }
    for (index, source) in Self.sources.enumerated() {
      let rows: [(Int64, Int64)]
      do {
        rows = try matching(
          """
          SELECT \(source.check) AS check_id, f.rowid AS rowid
          FROM \(source.table) AS f \(source.join)
          WHERE \(source.table) MATCH ? ORDER BY f.rowid DESC LIMIT ?
          """,
          [rewritten, wanted], db: db
        ) { ($0.int64("check_id"), $0.int64("rowid")) }
      } catch let error as SyntaxError where error.message.contains("no such column") {
        columnErrors.append(error)
        continue
      }
      for (checkID, rowid) in rows where checkID > 0 && newest[checkID] == nil {
        newest[checkID] = (index, rowid)
      }
    }
    if columnErrors.count == Self.sources.count, let error = columnErrors.first { throw error }
    return try hits(
      newest.sorted { $0.key > $1.key }.dropFirst(offset).prefix(limit).map {
        (checkID: $0.key, source: $0.value.source, rowid: $0.value.rowid, score: 0)
      }, ranking: .newest, matching: rewritten, db: db)
  }

  /// The hits for chosen matches, with their snippets (of the matches of `matchQuery`, the
  /// query as run) and checks.
  private func hits(
    _ chosen: [(checkID: Int64, source: Int, rowid: Int64, score: Double)], ranking: Ranking,
    matching matchQuery: String, db: Connection
  ) throws -> [Hit] {
    var hits: [Hit] = []
    for match in chosen {
      let checkID = match.checkID
      let source = Self.sources[match.source]
      let snippet =
        try matching(
          "SELECT snippet(\(source.table), \(source.snippetColumn), '**', '**', '…', 24) FROM \(source.table) WHERE \(source.table) MATCH ? AND rowid = ?",
          [matchQuery, match.rowid], db: db
        ) { $0.text(at: 0) ?? "" }.first ?? ""
      guard
        let hit = try db.queryFirst(
          """
          SELECT c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
                 c.superseded
          FROM checks AS c JOIN questions AS q ON q.id = c.question_id WHERE c.id = ?
          """, [checkID],
          { row in
            Hit(
              checkID: checkID, questionID: row.int64("question_id"),
              question: row.text("question") ?? "", checkedOn: row.day("checked_on"),
              checkedOnInferred: row.day("checked_on_inferred"),
              isLatest: !row.bool("superseded"),
              field: source.field, snippet: snippet.replacingNewlines(), score: match.score,
              ranking: ranking)
          })
      else { continue }
      hits.append(hit)
    }
    return hits
  }

  /// Runs an FTS query, turning FTS5's complaints about the query into `SyntaxError`.
  private func matching<T>(
    _ sql: String, _ values: [any DatabaseValueConvertible], db: Connection,
    _ transform: (Row) throws -> T
  ) throws -> [T] {
    do {
      return try db.query(sql, values, transform)
    } catch let error as DatabaseError where error.isGenericError {
      // The SQL is ours; an SQLITE_ERROR here is FTS5 refusing the query text.
      throw SyntaxError(message: "search query: \(error.message)")
    }
  }

  // MARK: - Output

  public static func render(_ hits: [Hit], format: ListFormat, query: String, width: Int = 100)
    -> String
  {
    switch format {
    case .json:
      return JSON.array(hits.map(json)).rendered() + "\n"
    case .csv:
      return TextTable.csvRow([
        "rank", "check_id", "question_id", "question", "checked_on", "latest", "field", "snippet",
        "score", "ranking",
      ])
        + hits.enumerated().map { offset, hit in
          TextTable.csvRow([
            String(offset + 1), String(hit.checkID), String(hit.questionID), hit.question,
            hit.checkedOn?.iso ?? hit.checkedOnInferred.map { "~" + $0.iso } ?? "",
            hit.isLatest ? "1" : "0", hit.field, hit.snippet, String(hit.score),
            hit.ranking.rawValue,
          ])
        }.joined()
    case .table:
      guard !hits.isEmpty else { return "No checks match \(query).\n" }
      var output = ""
      if hits.contains(where: { $0.ranking == .newest }) {
        output += broadNote + "\n\n"
      }
      for (offset, hit) in hits.enumerated() {
        let date = hit.checkedOn?.iso ?? hit.checkedOnInferred.map { "~" + $0.iso } ?? "no date"
        let latest = hit.isLatest ? "" : ", superseded"
        output +=
          "\(offset + 1). check \(hit.checkID) (\(date)\(latest)): "
          + TextTable.truncate(hit.question, to: max(20, width - 30)) + "\n"
        output += "   \(hit.field): \(hit.snippet)\n"
      }
      return output
    }
  }

  static func json(_ hit: Hit) -> JSON {
    .object([
      .init("check_id", .int(hit.checkID)), .init("question_id", .int(hit.questionID)),
      .init("question", .string(hit.question)), .init("checked_on", .string(hit.checkedOn?.iso)),
      .init("checked_on_inferred", .string(hit.checkedOnInferred?.iso)),
      .init("latest", .bool(hit.isLatest)), .init("field", .string(hit.field)),
      .init("snippet", .string(hit.snippet)), .init("score", .double(hit.score)),
      .init("ranking", .string(hit.ranking.rawValue)),
    ])
  }
}

extension String {
  /// New lines as spaces: snippets print on one line.
  func replacingNewlines() -> String {
    String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}
