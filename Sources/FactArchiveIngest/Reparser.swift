import FactArchiveCore
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore

/// Re-reads stored documents with the current parser, after a parser upgrade.
///
/// Each document is re-parsed from its stored bytes and written in its own transaction.
/// Check ids stay the same; a document that now parses lands; a document that used to
/// parse but now fails keeps its earlier rows, and the failure is reported.
public final class Reparser {
  public enum Scope: Sendable {
    /// Every document.
    case all
    /// Only rejected documents.
    case rejected
    /// Documents last read by an older parser version (the default).
    case outdated
  }

  public enum Outcome: Sendable, Equatable {
    /// A parsed document read again; its rows now reflect the current parser.
    case updated
    /// A rejected document that now parses.
    case recovered
    /// Still rejected, with this error.
    case stillRejected(ParseError)
    /// It used to parse and now does not: its earlier rows are kept.
    case failed(ParseError)
  }

  public struct Tally: Sendable, Equatable {
    public var updated = 0
    public var recovered = 0
    public var stillRejected = 0
    public var failed = 0

    public init(updated: Int = 0, recovered: Int = 0, stillRejected: Int = 0, failed: Int = 0) {
      self.updated = updated
      self.recovered = recovered
      self.stillRejected = stillRejected
      self.failed = failed
    }

    public var documents: Int { updated + recovered + stillRejected + failed }

    /// `12 documents: 9 updated, 2 now parsed, 1 still rejected, 0 failed`.
    public var summary: String {
      "\(documents) \(documents == 1 ? "document" : "documents"): \(updated) updated, "
        + "\(recovered) now parsed, \(stillRejected) still rejected, \(failed) failed"
    }
  }

  /// How a document's bytes become a parse: the real parser unless a test says otherwise.
  public typealias Parse = ([UInt8], DocumentFormat, ArticleParser.Options) throws(ParseError) ->
    ParsedDocument

  public let writer: ArchiveWriter
  private let parse: Parse

  public init(
    database: Connection,
    parse: @escaping Parse = { bytes, format, options throws(ParseError) in
      try DocumentParser.parse(bytes, format: format, options: options)
    }
  ) throws {
    self.writer = try ArchiveWriter(database: database)
    self.parse = parse
  }

  private var db: Connection { writer.db }

  @discardableResult
  public func run(
    _ scope: Scope, report: (_ path: String, _ outcome: Outcome) -> Void = { _, _ in }
  ) throws -> Tally {
    let filter: String
    switch scope {
    case .all: filter = "1"
    case .rejected: filter = "status = 'rejected'"
    case .outdated: filter = "parser_version < \(ArticleParser.version)"
    }
    var tally = Tally()
    var lastID: Int64 = 0
    // Keyset pages keep memory flat however many documents there are.
    while true {
      let ids = try db.query(
        "SELECT id FROM documents WHERE id > ? AND (\(filter)) ORDER BY id LIMIT 500", [lastID]
      ) { $0.int64("id") }
      guard let last = ids.last else { break }
      lastID = last
      for id in ids {
        guard let (path, outcome) = try reparse(documentID: id) else { continue }
        switch outcome {
        case .updated: tally.updated += 1
        case .recovered: tally.recovered += 1
        case .stillRejected: tally.stillRejected += 1
        case .failed: tally.failed += 1
        }
        report(path, outcome)
      }
    }
    return tally
  }

  /// Re-parses one document in its own transaction.
  public func reparse(documentID: Int64) throws -> (path: String, outcome: Outcome)? {
    try db.transaction(.immediate) { () -> (path: String, outcome: Outcome)? in
      guard
        let row = try db.queryFirst(
          """
          SELECT path, CAST(raw_text AS BLOB) AS bytes, status, kind,
                 substr(ingested_at, 1, 10) AS ingested_on, format, final_url, content_type
          FROM documents WHERE id = ?
          """,
          [documentID],
          { row in
            (
              row.text("path") ?? "", row.bytes("bytes") ?? [], row.text("status"),
              row.text("kind"), row.day("ingested_on"),
              DocumentFormat(rawValue: row.text("format") ?? "") ?? .text,
              row.text("final_url"), row.text("content_type")
            )
          })
      else { return nil }
      let (path, bytes, status, kind, ingestedOn, format, finalURL, contentType) = row
      // A fetched document is read again as it was first read: with the address it came
      // from (its relative links) and the charset its server named.
      var options = ArticleParser.Options(latestPlausibleDay: ingestedOn, url: finalURL)
      options.contentType = contentType
      switch kind {
      case "source": options.kind = .source
      case "fact_check": options.kind = .factCheck
      default: options.kind = .auto
      }
      let parsed: ParsedDocument
      do throws(ParseError) {
        parsed = try parse(bytes, format, options)
      } catch {
        if status == "rejected" {
          try writer.updateRejection(
            documentID: documentID, error: error,
            mediaType: DocumentParser.mediaType(of: bytes, format: format))
          return (path, .stillRejected(error))
        }
        return (path, .failed(error))
      }
      try writer.replaceRows(documentID: documentID, with: parsed)
      return (path, status == "rejected" ? .recovered : .updated)
    }
  }
}
