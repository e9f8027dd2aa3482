import FactArchiveCore
import FactArchiveParser
import FactArchiveStore

/// The `documents` row: every input, parsed or rejected, with its bytes.
extension ArchiveWriter {
  func existingDocument(sha256: String) throws -> Int64? {
    let statement = statements.findDocument
    try statement.bind(sha256, to: ":sha256")
    defer { statement.reset() }
    return try statement.step() ? statement.currentRow.int64("id") : nil
  }

  @discardableResult
  func insertDocument(_ document: PreparedDocument, status: String, error: ParseError?)
    throws -> Int64
  {
    var kind: String?
    if case .success(let parsed) = document.parsed {
      kind = parsed.kind
    }
    let statement = statements.insertDocument
    try statement.bind(document.sha256, to: ":sha256")
    try statement.bind(document.input.path, to: ":path")
    if document.isText {
      try document.input.bytes.withUnsafeBytes { try statement.bindText($0, to: ":raw_text") }
    } else {
      try statement.bind(.blob(document.input.bytes), to: ":raw_text")
    }
    try statement.bind(document.input.byteCount, to: ":byte_count")
    try statement.bind(now(), to: ":ingested_at")
    try statement.bind(status, to: ":status")
    try statement.bind(error?.message, to: ":error")
    try statement.bind(error?.line, to: ":error_line")
    try statement.bind(ArticleParser.version, to: ":parser_version")
    try statement.bind(kind, to: ":kind")
    try statement.bind(document.format.rawValue, to: ":format")
    try statement.bind(document.mediaType.rawValue, to: ":media_type")
    let origin = document.input.origin
    try statement.bind(origin?.url, to: ":url")
    try statement.bind(origin?.finalURL, to: ":final_url")
    try statement.bind(origin?.status, to: ":http_status")
    try statement.bind(origin?.contentType, to: ":content_type")
    try statement.bind(origin?.fetchedAt, to: ":fetched_at")
    try statement.run()
    return db.lastInsertedRowID
  }
}

extension ParsedDocument {
  /// What the document holds (`documents.kind`): a feed (a feed of one item is its source's
  /// document), a source, or fact-checks.
  var kind: String {
    if feed != nil {
      return feedItems.count == 1 && feedItems[0].document == bytes ? "source" : "feed"
    }
    return source == nil ? "fact_check" : "source"
  }
}
