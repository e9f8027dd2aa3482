import FactArchiveCore
import FactArchiveStore

/// A search for one web address (a viral post, a video, an article or a fact-check pasted
/// as it is): the checks of the claims that appeared there (`claim_appearances`, compared by
/// `WebAddress.matchKey`, so the same post found however it was linked), the check
/// published there (`checks.title_url`) and the sources saved from it (both by
/// `WebAddress.spellings`: with or without `www.`, the scheme's `s`, a trailing slash, the
/// fragment or sharing parameters), newest first. FTS5 would read `https:` as a column's
/// name and refuse it.
extension FullTextSearch {
  /// What the CLI and the desk print above an address's hits.
  public static let addressNote =
    "Checks of the claims that appeared at this address (however it was linked), the check "
    + "published there, and sources saved from it, newest first."

  /// The address a query is, when it is one and nothing else.
  static func address(in query: String) -> (url: String, key: String)? {
    let trimmed = query.trimmingSpaces()
    guard !trimmed.contains(where: \.isWhitespace), let key = WebAddress.matchKey(trimmed) else {
      return nil
    }
    return (trimmed, key)
  }

  func hits(atAddress url: String, key: String, on db: Connection) throws -> [Hit] {
    var hits: [Hit] = []
    let spellings = WebAddress.spellings(of: url)
    let marks = Array(repeating: "?", count: spellings.count).joined(separator: ", ")
    func checkHit(_ row: Row, field: String, snippet: String) -> Hit {
      Hit(
        kind: .check, id: row.int64("id"), questionID: row.int64("question_id"),
        title: row.text("question") ?? "", date: row.day("checked_on"),
        dateInferred: row.day("checked_on_inferred"), isLatest: !row.bool("superseded"),
        field: field, snippet: snippet, score: 0, ranking: .address)
    }
    if scope.includes(.check), !spellings.isEmpty {
      hits += try db.query(
        """
        SELECT c.id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
               c.superseded, c.title_url
        FROM checks AS c JOIN questions AS q ON q.id = c.question_id
        WHERE c.title_url IN (\(marks))
        """, spellings.map(DatabaseValue.text)
      ) { row in
        checkHit(row, field: "page", snippet: "published at \(row.text("title_url") ?? url)")
      }
    }
    if scope.includes(.check) {
      let appeared = try db.query(
        """
        SELECT c.id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
               c.superseded, min(a.url) AS url
        FROM claim_appearances AS a
        JOIN checks AS c ON c.id = a.check_id
        JOIN questions AS q ON q.id = c.question_id
        WHERE a.url_key = ? GROUP BY c.id
        """, [key]
      ) { row in
        checkHit(
          row, field: "appearance", snippet: "the claim appeared at \(row.text("url") ?? url)")
      }
      // A check published at the address is listed once, as such.
      hits += appeared.filter { hit in !hits.contains { $0.id == hit.id } }
    }
    if scope.includes(.source), !spellings.isEmpty {
      hits += try db.query(
        """
        SELECT id, title, published_on, published_on_inferred, url FROM sources
        WHERE url IN (\(marks))
        """, spellings.map(DatabaseValue.text)
      ) { row in
        Hit(
          kind: .source, id: row.int64("id"), title: row.text("title") ?? "",
          date: row.day("published_on"), dateInferred: row.day("published_on_inferred"),
          isLatest: true, field: "source", snippet: "saved from \(row.text("url") ?? url)",
          score: 0, ranking: .address)
      }
    }
    // Newest first (undated last), checks before sources on a day, then the latest added.
    func order(_ hit: Hit) -> (Int, Int, Int64) {
      (
        (hit.date ?? hit.dateInferred)?.daysSinceEpoch ?? Int.min, hit.kind == .check ? 1 : 0,
        hit.id
      )
    }
    hits.sort { order($0) > order($1) }
    return Array(hits.dropFirst(offset).prefix(limit))
  }
}
