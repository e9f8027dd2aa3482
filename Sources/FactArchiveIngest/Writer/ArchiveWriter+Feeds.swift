import FactArchiveCore
import FactArchiveParser
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// News feeds: the feed is kept as a document, and each item becomes a source whose document
/// is the feed holding that item alone (`feed_items` remembers which, by the item's guid or
/// link). Reading the same feed again adds nothing; an item whose content or dates changed
/// updates its source in place (same id) and is judged as evidence again; an item gone from
/// the feed stays.
extension ArchiveWriter {
  /// An item remembered under its feed's title, which keys a feed read without its site
  /// link: readers before this one missed the `<link>` of a feed that writes an
  /// `<atom:link rel="self">` ahead of it, as WordPress does. The item is moved to the key
  /// the feed now has, so reading it again finds the same source rather than a copy.
  func movedFromTitleKey(_ item: ParsedFeedItem, title: String, to key: String) throws
    -> (Int64, String)?
  {
    guard
      let found = try db.queryFirst(
        "SELECT source_id, content_sha256 FROM feed_items WHERE feed_key = ? AND item_key = ?",
        [title, item.key], { ($0.int64("source_id"), $0.text("content_sha256") ?? "") })
    else { return nil }
    try db.execute(
      "UPDATE feed_items SET feed_key = ? WHERE feed_key = ? AND item_key = ?",
      [key, title, item.key])
    return found
  }

  /// Writes the items of a feed stored as `feedDocumentID`. `hashes` are the SHA-256 of each
  /// item's document. With `rereading`, unchanged items are read again too (`reparse`).
  func writeFeedItems(
    _ parsed: ParsedDocument, hashes: [String], feedDocumentID: Int64, path: String,
    rereading: Bool = false
  ) throws -> [ArticleOutcome] {
    guard let feed = parsed.feed else { return [] }
    var outcomes: [ArticleOutcome] = []
    for (index, item) in parsed.feedItems.enumerated() {
      let hash = index < hashes.count ? hashes[index] : ""
      var known = try db.queryFirst(
        "SELECT source_id, content_sha256 FROM feed_items WHERE feed_key = ? AND item_key = ?",
        [feed.key, item.key]
      ) { ($0.int64("source_id"), $0.text("content_sha256") ?? "") }
      if known == nil, let title = feed.title, feed.link != nil {
        known = try movedFromTitleKey(item, title: title, to: feed.key)
      }
      if known == nil, item.document == parsed.bytes {
        // An item's own document read again: its source is the one reading from it (a
        // repaired feed's item may read back under another key).
        known = try db.queryFirst(
          """
          SELECT f.source_id, f.content_sha256 FROM feed_items AS f
          JOIN sources AS s ON s.id = f.source_id WHERE s.document_id = ?
          """, [feedDocumentID]
        ) { ($0.int64("source_id"), $0.text("content_sha256") ?? "") }
      }
      // The document the item's source reads from: this one when it holds the item alone.
      let itemDocumentID: Int64
      if item.document == parsed.bytes {
        itemDocumentID = feedDocumentID
      } else if let existing = try existingDocument(sha256: hash) {
        itemDocumentID = existing
      } else {
        itemDocumentID = try insertItemDocument(item, sha256: hash, path: path, of: parsed)
      }
      guard let (sourceID, storedHash) = known else {
        let sourceID = try insertSource(item.source, documentID: itemDocumentID)
        try writeFeedItem(
          item, feed: feed, sourceID: sourceID, hash: hash, feedDocumentID: feedDocumentID,
          isNew: true)
        outcomes.append(.source(sourceID: sourceID))
        continue
      }
      if storedHash == hash, !rereading {
        try db.execute(
          "UPDATE feed_items SET feed_document_id = ? WHERE feed_key = ? AND item_key = ?",
          [feedDocumentID, feed.key, item.key])
        outcomes.append(.sourceUnchanged(sourceID: sourceID))
        continue
      }
      try updateSource(sourceID, with: item.source, documentID: itemDocumentID)
      try writeFeedItem(
        item, feed: feed, sourceID: sourceID, hash: hash, feedDocumentID: feedDocumentID,
        isNew: false)
      outcomes.append(
        storedHash == hash
          ? .sourceUnchanged(sourceID: sourceID) : .sourceUpdated(sourceID: sourceID))
    }
    return outcomes
  }

  private func writeFeedItem(
    _ item: ParsedFeedItem, feed: ParsedFeed, sourceID: Int64, hash: String,
    feedDocumentID: Int64, isNew: Bool
  ) throws {
    let values: [any DatabaseValueConvertible] = [
      sourceID, feedDocumentID, item.guid, item.link, StoredList.names(item.categories),
      item.publishedAt, item.updatedAt, hash, Timestamp.nowUTC(), feed.key, item.key,
    ]
    if isNew {
      try db.execute(
        """
        INSERT INTO feed_items
          (source_id, feed_document_id, guid, link, categories, published_at, updated_at,
           content_sha256, first_seen_at, feed_key, item_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, values)
    } else {
      try db.execute(
        """
        UPDATE feed_items SET source_id = ?, feed_document_id = ?, guid = ?, link = ?,
          categories = ?, published_at = ?, updated_at = ?, content_sha256 = ?, changed_at = ?
        WHERE feed_key = ? AND item_key = ?
        """, values)
    }
  }

  /// The item's own document: the feed holding it alone, kept so its source can be read
  /// again.
  private func insertItemDocument(
    _ item: ParsedFeedItem, sha256: String, path: String, of parsed: ParsedDocument
  ) throws -> Int64 {
    try db.execute(
      """
      INSERT INTO documents
        (sha256, path, raw_text, byte_count, ingested_at, status, parser_version, kind, format,
         media_type)
      VALUES (?, ?, ?, ?, ?, 'parsed', ?, 'source', 'text', ?)
      """,
      [
        sha256, "\(path)#\(item.key)", String(decoding: item.document, as: UTF8.self),
        item.document.count, now(), ArticleParser.version, parsed.mediaType.rawValue,
      ])
    return db.lastInsertedRowID
  }

  /// The page of a feed item, fetched for its full text: kept as a document, and its text
  /// (title, body, links, dates the item lacks) replaces the item's summary in the item's
  /// source. A page that cannot be read as a source is kept, rejected, and the source keeps
  /// the feed's text. Runs inside the caller's transaction.
  public func attachPage(_ page: PreparedDocument, toSource sourceID: Int64) throws -> (
    DocumentOutcome, Int64?
  ) {
    if let existing = try existingDocument(sha256: page.sha256) {
      return (.unchanged(documentID: existing), existing)
    }
    guard case .success(let parsed) = page.parsed, var read = parsed.source else {
      let error: ParseError
      if case .failure(let failure) = page.parsed {
        error = failure
      } else {
        error = ParseError(line: nil, "the item's page holds no article")
      }
      let documentID = try insertDocument(page, status: "rejected", error: error)
      return (.rejected(error), documentID)
    }
    let documentID = try insertDocument(page, status: "parsed", error: nil)
    guard
      let (title, label, byline, published) = try db.queryFirst(
        "SELECT title, label, byline, published_on FROM sources WHERE id = ?", [sourceID],
        { ($0.text("title"), $0.text("label"), $0.text("byline"), $0.day("published_on")) })
    else { return (.parsed([]), documentID) }
    // The feed's title, label, byline and date stand where the page gives none.
    read.title = read.title.isEmpty ? title ?? read.title : read.title
    read.label = label ?? read.label
    read.byline = read.byline ?? byline
    read.publishedOn = read.publishedOn ?? published
    try updateSource(sourceID, with: read, documentID: documentID)
    return (.parsed([.sourceUpdated(sourceID: sourceID)]), documentID)
  }

  /// A source read again (a feed item changed): the same row, its fields, links, counted
  /// names and evidence replaced.
  func updateSource(_ sourceID: Int64, with source: ParsedSource, documentID: Int64) throws {
    try assessor.names.remove(
      StoredList.names(
        from: try db.scalarText("SELECT key_terms FROM sources WHERE id = ?", [sourceID])))
    let judged = try db.query(
      "SELECT check_id FROM check_evidence WHERE source_id = ?", [sourceID]
    ) { $0.int64(at: 0) }
    try db.execute("DELETE FROM check_evidence WHERE source_id = ?", [sourceID])
    try db.execute("DELETE FROM source_links WHERE source_id = ?", [sourceID])
    let terms = AboutText.sourceNames(title: source.title, body: source.body)
    try db.execute(
      """
      UPDATE sources SET document_id = ?, title = ?, label = ?, byline = ?, published_on = ?,
        published_on_inferred = ?, body = ?, key_terms = ?, modified_on = ?, language = ?,
        url = ?
      WHERE id = ?
      """,
      [
        documentID, source.title, source.label, source.byline, source.publishedOn?.iso,
        source.publishedOnInferred?.iso, source.body, StoredList.names(terms),
        source.modifiedOn?.iso, source.language, source.url, sourceID,
      ])
    try insertLinks(source.links, sourceID: sourceID)
    try indexHeldChecks()
    try assessor.addSource(
      sourceID, keyTerms: terms, date: source.publishedOn ?? source.publishedOnInferred)
    for checkID in judged { try assessor.refreshDueDate(checkID: checkID) }
  }
}
