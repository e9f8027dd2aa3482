import FactArchiveCore
import FactArchiveStore

/// A document the parser rejected, with the error and where it gave up.
public struct RejectedDocument: Sendable, Equatable {
  public var documentID: Int64
  public var path: String
  public var line: Int?
  public var error: String
  public var byteCount: Int
  public var ingestedAt: String

  /// Every rejected document, oldest first.
  public static func all(in db: Connection) throws -> [RejectedDocument] {
    try db.query(
      """
      SELECT id, path, error_line, coalesce(error, '') AS error, byte_count, ingested_at
      FROM documents WHERE status = 'rejected' ORDER BY id
      """
    ) { row in
      RejectedDocument(
        documentID: row.int64("id"), path: row.text("path") ?? "",
        line: row.optionalInt("error_line"), error: row.text("error") ?? "",
        byteCount: row.int("byte_count"), ingestedAt: row.text("ingested_at") ?? "")
    }
  }

  /// One rejected document with the start of what it holds (at most `preview` bytes, as
  /// text when it is text): `nil` when there is no such rejected document.
  public static func load(_ id: Int64, preview: Int = 64 * 1024, in db: Connection) throws
    -> (RejectedDocument, text: String?)?
  {
    try db.queryFirst(
      """
      SELECT id, path, error_line, coalesce(error, '') AS error, byte_count, ingested_at,
             CASE WHEN typeof(raw_text) = 'text' THEN substr(raw_text, 1, ?) END AS preview
      FROM documents WHERE status = 'rejected' AND id = ?
      """, [preview, id]
    ) { row in
      (
        RejectedDocument(
          documentID: row.int64("id"), path: row.text("path") ?? "",
          line: row.optionalInt("error_line"), error: row.text("error") ?? "",
          byteCount: row.int("byte_count"), ingestedAt: row.text("ingested_at") ?? ""),
        row.text("preview")
      )
    }
  }

  /// `path:line: message`, as ingest printed it.
  public var location: String {
    line.map { "\(path):\($0): \(error)" } ?? "\(path): \(error)"
  }

  public static func render(_ documents: [RejectedDocument], format: ListFormat) -> String {
    switch format {
    case .table:
      guard !documents.isEmpty else { return "No rejected documents.\n" }
      let rows =
        [["DOCUMENT", "INGESTED", "WHERE AND WHY"]]
        + documents.map { [String($0.documentID), $0.ingestedAt, $0.location] }
      return TextTable.columns(rows, rightAligned: [0])
    case .csv:
      return TextTable.csvRow(["document_id", "path", "line", "error", "byte_count", "ingested_at"])
        + documents.map {
          TextTable.csvRow([
            String($0.documentID), $0.path, $0.line.map(String.init) ?? "", $0.error,
            String($0.byteCount), $0.ingestedAt,
          ])
        }.joined()
    case .json:
      return JSON.array(
        documents.map {
          .object([
            .init("document_id", .int($0.documentID)), .init("path", .string($0.path)),
            .init("line", $0.line.map { .int($0) } ?? .null), .init("error", .string($0.error)),
            .init("byte_count", .int($0.byteCount)), .init("ingested_at", .string($0.ingestedAt)),
          ])
        }
      ).rendered() + "\n"
    }
  }
}
