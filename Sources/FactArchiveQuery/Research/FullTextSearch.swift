import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// Ranked full-text search over checks (their questions, summaries and follow-up
/// questions) and sources (their headlines and text), with FTS5.
///
/// ```swift
/// let hits = try FullTextSearch(query: "ferry fares", limit: 10).run(on: db)
/// hits.first?.snippet  // "…Authority double **ferry** **fares** after…"
/// let news = try FullTextSearch(query: "ferry", in: .sources).run(on: db)
/// ```
///
/// The query uses FTS5 syntax: words, `"exact phrases"`, `OR`, `NOT`, `prefix*`,
/// `column:word` (<https://www.sqlite.org/fts5.html#full_text_query_syntax>). Each check's
/// score is its best match by bm25, a match in the question counting double and one in a
/// follow-up question half; a source's best match is ranked beside them, a match in its
/// headline counting double. Sources are indexed without stemming (`sources_fts` uses
/// `unicode61`, which the evidence matcher relies on): `sanction` finds `sanction` there,
/// `sanction*` finds `sanctioned` too.
///
/// **Broad queries.** bm25 reads the whole list of rows of every phrase in the query (to
/// count them), and scores every matching row: a word in most checks costs a second at a
/// million articles, and a phrase costs what its words' lists cost, however few rows it
/// matches. So a query with a word matching more than `broadRows` rows of the indexes
/// searched, together (`evidence`, `audit*`, `"ferry subsidies"` when subsidies are
/// everywhere), or matching that many itself (`cobalt OR lithium`), is broad: its hits are
/// the matching checks most recently added, newest first, not ranked
/// (`Hit.ranking == .newest`; the CLI and the desk say so). A query that, like each of its words, matches at most `broadRows` rows in all
/// keeps the exact bm25 ranking.
public struct FullTextSearch: Sendable {
  public var query: String
  public var limit: Int
  /// Skip this many of the best hits (for paging).
  public var offset: Int
  /// What to search: checks, sources or both.
  public var scope: Scope

  public init(query: String, limit: Int = 20, offset: Int = 0, in scope: Scope = .all) {
    self.query = query
    self.limit = limit
    self.offset = max(0, offset)
    self.scope = scope
  }

  /// What a search looks through (`search --in`, the desk's `in=`).
  public enum Scope: String, Sendable, CaseIterable {
    case checks, sources, all

    func includes(_ kind: Kind) -> Bool {
      self == .all || (self == .checks) == (kind == .check)
    }
  }

  /// What a hit is.
  public enum Kind: String, Sendable, Equatable {
    case check, source
  }

  public struct Hit: Sendable, Equatable {
    public var kind: Kind
    /// The check's or the source's id.
    public var id: Int64
    /// A check's question; `nil` for a source.
    public var questionID: Int64?
    /// A check's question, or a source's headline.
    public var title: String
    /// A check's date, or a source's publication date, as stated.
    public var date: Day?
    /// Otherwise the date inferred from the text.
    public var dateInferred: Day?
    /// Whether this is the question's latest check (always true for a source).
    public var isLatest: Bool
    /// Where the best match is: `question`, `summary` or `follow_up` for a check, `source`
    /// for a source.
    public var field: String
    /// The matched text with its matches in `**bold**`.
    public var snippet: String
    /// bm25-based; lower is better. 0 for a broad query's hits.
    public var score: Double
    /// How the hits are ordered: by relevance, or (a broad query) newest first.
    public var ranking: Ranking = .relevance

    /// The check's id, when the hit is a check.
    public var checkID: Int64? { kind == .check ? id : nil }
    /// The date as shown: stated, else `~` and the inferred one, else "no date".
    public var dateLabel: String {
      date?.iso ?? dateInferred.map { "~" + $0.iso } ?? "no date"
    }
  }

  /// A check or a source.
  struct Target: Hashable, Comparable {
    var kind: Kind
    var id: Int64

    /// Checks before sources, then by id.
    static func < (lhs: Target, rhs: Target) -> Bool {
      (lhs.kind == .source ? 1 : 0, lhs.id) < (rhs.kind == .source ? 1 : 0, rhs.id)
    }
  }

  public enum Ranking: String, Sendable, Equatable {
    /// Exact bm25 (weighted by where the match is).
    case relevance = "bm25"
    /// The matching checks and sources most recently added first: the query is too broad to
    /// rank.
    case newest
    /// The query is a web address: the checks of claims that appeared there and the sources
    /// saved from it, newest first.
    case address
  }

  /// A word matching more rows than this in the indexes searched, together, makes the query
  /// broad: ranking 20,000 rows takes about 30 ms (1.5 µs a row, measured at 100,000
  /// articles), so a ranked search stays within 50 ms of starting the process.
  public static let defaultBroadRows = 20_000
  public var broadRows = FullTextSearch.defaultBroadRows

  /// What the CLI and the desk print above a broad query's hits.
  public static let broadNote =
    "This search, or a word in it, matches more than \(defaultBroadRows) passages, too many to rank "
    + "by relevance: these are the matches most recently added, newest first. "
    + "Add a rarer word, a phrase or AND to rank the results."

  /// A query FTS5 cannot read (`"unbalanced`, `AND` at the end, an unknown column).
  public struct SyntaxError: Error, CustomStringConvertible {
    public var message: String
    public var description: String {
      "\(message) (see https://www.sqlite.org/fts5.html#full_text_query_syntax)"
    }
  }

  /// One full-text index and how its rows lead to a check or a source.
  struct Index {
    var table: String
    var kind: Kind
    var field: String
    var weight: Double
    /// bm25 with per-column weights: a section heading counts less than its text.
    var rank: String
    /// Joins the FTS row (`f`) to its check or source: the expression giving its id, and
    /// the join.
    var target: String
    var join: String
    /// The snippet's column: the question or body text (-1: the best column).
    var snippetColumn: Int
  }

  static let indexes = [
    Index(
      table: "questions_fts", kind: .check, field: "question", weight: 2,
      rank: "bm25(questions_fts)",
      target:
        "(SELECT id FROM checks WHERE question_id = f.rowid ORDER BY superseded, id DESC LIMIT 1)",
      join: "", snippetColumn: 0),
    Index(
      table: "summaries_fts", kind: .check, field: "summary", weight: 1,
      rank: "bm25(summaries_fts, 0.3, 1.0)", target: "s.check_id",
      join: "JOIN summary_spans AS s ON s.id = f.rowid", snippetColumn: -1),
    Index(
      table: "follow_ups_fts", kind: .check, field: "follow_up", weight: 0.5,
      rank: "bm25(follow_ups_fts)", target: "u.check_id",
      join: "JOIN follow_ups AS u ON u.id = f.rowid", snippetColumn: 0),
    Index(
      table: "sources_fts", kind: .source, field: "source", weight: 1,
      rank: "bm25(sources_fts, 2.0, 1.0)", target: "f.rowid", join: "", snippetColumn: -1),
  ]

  /// The indexes this search reads.
  var searched: [(offset: Int, element: Index)] {
    Self.indexes.enumerated().filter { scope.includes($0.element.kind) }
  }

  public func run(on db: Connection) throws -> [Hit] {
    if let (url, key) = Self.address(in: query) {
      return try hits(atAddress: url, key: key, on: db)
    }
    // Each bare prefix's terms, read once.
    var prefixes: [String: [String]?] = [:]
    for prefix in SearchTerms.barePrefixes(query) {
      prefixes[prefix] = try expansion(of: prefix, on: db)
    }
    if try isBroad(prefixes: prefixes, on: db) { return try newest(prefixes: prefixes, on: db) }
    var best: [Target: (score: Double, index: Int, rowid: Int64)] = [:]
    let candidates = min(1000, max(50, (offset + limit) * 5))
    var columnErrors: [SyntaxError] = []
    for (index, source) in searched {
      // One statement per index: the best candidates by bm25, each already mapped to its
      // check or source.
      let rows: [(Int64, Double, Int64)]
      do {
        rows = try matching(
          """
          SELECT \(source.target) AS target, \(source.rank) AS score, f.rowid AS rowid
          FROM \(source.table) AS f \(source.join)
          WHERE \(source.table) MATCH ? ORDER BY score LIMIT ?
          """,
          [query, candidates], db: db
        ) { ($0.int64("target"), $0.double("score") * source.weight, $0.int64("rowid")) }
      } catch let error as SyntaxError where error.message.contains("no such column") {
        // A column filter (heading:word) applies to the indexes that have that column.
        columnErrors.append(error)
        continue
      }
      for (id, score, rowid) in rows where id > 0 {
        let target = Target(kind: source.kind, id: id)
        if let current = best[target], current.score <= score { continue }
        best[target] = (score, index, rowid)
      }
    }
    if columnErrors.count == searched.count, let error = columnErrors.first { throw error }
    let ranked = best.sorted {
      $0.value.score != $1.value.score ? $0.value.score < $1.value.score : $0.key < $1.key
    }
    return try hits(
      ranked.dropFirst(offset).prefix(limit).map {
        (target: $0.key, index: $0.value.index, rowid: $0.value.rowid, score: $0.value.score)
      }, ranking: .relevance, matching: query, db: db)
  }

  /// A broad query's hits: the matches most recently added first (each index read newest
  /// first, stopping after the rows needed; checks and sources by their documents' order).
  private func newest(prefixes: [String: [String]?], on db: Connection) throws -> [Hit] {
    var newest: [Target: (index: Int, rowid: Int64)] = [:]
    var columnErrors: [SyntaxError] = []
    let wanted = (offset + limit) * 4
    let rewritten = rewritten(prefixes)
    for (index, source) in searched {
      let rows: [(Int64, Int64)]
      do {
        rows = try matching(
          """
          SELECT \(source.target) AS target, f.rowid AS rowid
          FROM \(source.table) AS f \(source.join)
          WHERE \(source.table) MATCH ? ORDER BY f.rowid DESC LIMIT ?
          """,
          [rewritten, wanted], db: db
        ) { ($0.int64("target"), $0.int64("rowid")) }
      } catch let error as SyntaxError where error.message.contains("no such column") {
        columnErrors.append(error)
        continue
      }
      for (id, rowid) in rows where id > 0 {
        let target = Target(kind: source.kind, id: id)
        if newest[target] == nil { newest[target] = (index, rowid) }
      }
    }
    if columnErrors.count == searched.count, let error = columnErrors.first { throw error }
    // Checks and sources interleave by the order their documents were added.
    let order = try documentOrder(of: Array(newest.keys), on: db)
    return try hits(
      newest.sorted { (order[$0.key] ?? 0, $0.key) > (order[$1.key] ?? 0, $1.key) }
        .dropFirst(offset).prefix(limit).map {
          (target: $0.key, index: $0.value.index, rowid: $0.value.rowid, score: 0)
        }, ranking: .newest, matching: rewritten, db: db)
  }

  /// Each target's document id (the order documents were added).
  private func documentOrder(of targets: [Target], on db: Connection) throws -> [Target: Int64] {
    guard scope == .all else {
      return Dictionary(uniqueKeysWithValues: targets.map { ($0, $0.id) })
    }
    let checks = try db.cachedStatement("SELECT document_id FROM checks WHERE id = ?")
    let sources = try db.cachedStatement("SELECT document_id FROM sources WHERE id = ?")
    var order: [Target: Int64] = [:]
    for target in targets {
      let statement = target.kind == .check ? checks : sources
      try statement.bind(target.id, at: 1)
      if try statement.step() { order[target] = statement.currentRow.int64(at: 0) }
      statement.reset()
    }
    return order
  }

  /// The hits for chosen matches, with their snippets (of the matches of `matchQuery`, the
  /// query as run) and their checks' or sources' titles and dates.
  private func hits(
    _ chosen: [(target: Target, index: Int, rowid: Int64, score: Double)], ranking: Ranking,
    matching matchQuery: String, db: Connection
  ) throws -> [Hit] {
    var hits: [Hit] = []
    for match in chosen {
      let source = Self.indexes[match.index]
      let snippet =
        try matching(
          "SELECT snippet(\(source.table), \(source.snippetColumn), '**', '**', '…', 24) FROM \(source.table) WHERE \(source.table) MATCH ? AND rowid = ?",
          [matchQuery, match.rowid], db: db
        ) { $0.text(at: 0) ?? "" }.first ?? ""
      var hit = Hit(
        kind: match.target.kind, id: match.target.id, title: "", isLatest: true,
        field: source.field, snippet: snippet.replacingNewlines(), score: match.score,
        ranking: ranking)
      let found: Bool
      switch match.target.kind {
      case .check:
        found =
          try db.queryFirst(
            """
            SELECT c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
                   c.superseded
            FROM checks AS c JOIN questions AS q ON q.id = c.question_id WHERE c.id = ?
            """, [match.target.id],
            { (row: Row) -> Bool in
              hit.questionID = row.int64("question_id")
              hit.title = row.text("question") ?? ""
              hit.date = row.day("checked_on")
              hit.dateInferred = row.day("checked_on_inferred")
              hit.isLatest = !row.bool("superseded")
              return true
            }) ?? false
      case .source:
        found =
          try db.queryFirst(
            "SELECT title, published_on, published_on_inferred FROM sources WHERE id = ?",
            [match.target.id],
            { (row: Row) -> Bool in
              hit.title = row.text("title") ?? ""
              hit.date = row.day("published_on")
              hit.dateInferred = row.day("published_on_inferred")
              return true
            }) ?? false
      }
      if found { hits.append(hit) }
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
}
