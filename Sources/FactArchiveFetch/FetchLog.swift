import FactArchiveCore
import FactArchiveIngest
import FactArchiveStore

/// `fetched_urls`: what the next conditional request to each address needs, and how the last
/// request went (the nightly report's "Feeds" section).
enum FetchLog {
  /// The conditional requests to send: each known address with its ETag and Last-Modified.
  static func conditions(for urls: [String], in db: Connection) throws -> [String: HTTPFetcher
    .Request]
  {
    var known: [String: HTTPFetcher.Request] = [:]
    for url in urls {
      if let request = try db.queryFirst(
        "SELECT etag, last_modified FROM fetched_urls WHERE url = ? AND last_document_id IS NOT NULL",
        [url],
        {
          HTTPFetcher.Request(
            url: url, etag: $0.text("etag"), lastModified: $0.text("last_modified"))
        })
      {
        known[url] = request
      }
    }
    return known
  }

  /// Records one request: a failure starts or continues a run of failures; an answer ends it,
  /// and one with a body keeps its ETag and Last-Modified for next time.
  static func record(
    url: String, answer: Result<HTTPFetcher.Response, HTTPFetcher.Failure>, documentID: Int64?,
    newItems: Int, isFeed: Bool, in db: Connection
  ) throws {
    let now = Timestamp.nowUTC()
    switch answer {
    case .failure(let failure):
      try run(
        """
        INSERT INTO fetched_urls (url, is_feed, last_fetched_at, last_status, last_error, failing_since, new_items)
        VALUES (:url, :is_feed, :now, :status, :error, :now, 0)
        ON CONFLICT (url) DO UPDATE SET
          is_feed = max(is_feed, excluded.is_feed), last_fetched_at = excluded.last_fetched_at,
          last_status = excluded.last_status, last_error = excluded.last_error,
          failing_since = coalesce(failing_since, excluded.failing_since), new_items = 0
        """,
        [
          ":url": url, ":is_feed": isFeed, ":now": now, ":status": failure.status,
          ":error": failure.message,
        ], in: db)
    case .success(let response):
      let hasBody = !response.notModified
      try run(
        """
        INSERT INTO fetched_urls
          (url, is_feed, etag, last_modified, last_fetched_at, last_status, last_document_id, new_items)
        VALUES (:url, :is_feed, :etag, :last_modified, :now, :status, :document, :new_items)
        ON CONFLICT (url) DO UPDATE SET
          is_feed = max(is_feed, excluded.is_feed),
          etag = CASE WHEN :has_body THEN excluded.etag ELSE etag END,
          last_modified = CASE WHEN :has_body THEN excluded.last_modified ELSE last_modified END,
          last_fetched_at = excluded.last_fetched_at, last_status = excluded.last_status,
          last_error = NULL, failing_since = NULL,
          last_document_id = coalesce(excluded.last_document_id, last_document_id),
          new_items = excluded.new_items
        """,
        [
          ":url": url, ":is_feed": isFeed, ":etag": response.etag,
          ":last_modified": response.lastModified, ":now": now, ":status": response.status,
          ":document": documentID, ":new_items": newItems, ":has_body": hasBody,
        ], in: db)
    }
  }

  private static func run(
    _ sql: String, _ values: [String: any DatabaseValueConvertible], in db: Connection
  ) throws {
    let statement = try db.cachedStatement(sql)
    try statement.bind(named: values)
    try statement.run()
  }

  /// The links of the feed items the results added, with their sources.
  static func newItemLinks(of results: [FetchSession.Result], in db: Connection) throws
    -> [(sourceID: Int64, url: String)]
  {
    var links: [(sourceID: Int64, url: String)] = []
    for result in results {
      guard case .landed(.parsed(let articles), _) = result.outcome else { continue }
      for case .source(let sourceID) in articles {
        if let link = try db.scalarText(
          "SELECT link FROM feed_items WHERE source_id = ?", [sourceID])
        {
          links.append((sourceID, link))
        }
      }
    }
    return links
  }
}
