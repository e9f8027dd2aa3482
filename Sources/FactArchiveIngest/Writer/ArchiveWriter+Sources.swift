import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// Source articles: the news and analysis pieces fact-checks cite.
extension ArchiveWriter {
  /// Writes a source with its links, and links it to the checks it is newer evidence for.
  func insertSource(_ source: ParsedSource, documentID: Int64) throws -> Int64 {
    let terms = AboutText.sourceNames(title: source.title, body: source.body)
    try db.execute(
      """
      INSERT INTO sources
        (document_id, title, label, byline, published_on, published_on_inferred, body, key_terms,
         modified_on, language, url)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        documentID, source.title, source.label, source.byline, source.publishedOn?.iso,
        source.publishedOnInferred?.iso, source.body, StoredList.names(terms),
        source.modifiedOn?.iso, source.language, source.url,
      ])
    let sourceID = db.lastInsertedRowID
    try insertLinks(source.links, sourceID: sourceID)
    // It looks checks up in their index: the batch's so far are indexed first.
    try indexHeldChecks()
    try assessor.addSource(
      sourceID, keyTerms: terms, date: source.publishedOn ?? source.publishedOnInferred)
    return sourceID
  }

  /// A source's links, in order.
  func insertLinks(_ links: [ParsedLink], sourceID: Int64) throws {
    let link = try db.cachedStatement(
      """
      INSERT INTO source_links (source_id, position, url, domain, in_references)
      VALUES (?, ?, ?, ?, ?)
      """)
    for (offset, item) in links.enumerated() {
      try link.execute([sourceID, offset + 1, item.url, item.domain, item.inReferences])
    }
  }
}
