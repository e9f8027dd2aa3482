import FactArchiveStore

/// Migration 13's step: documents may be news feeds (`kind` 'feed', the feeds' media types);
/// and migration 23's: documents may be pages saved in archives (MHTML, `multipart/related`;
/// Safari's, `application/x-webarchive`).
enum DocumentTypes {
  @Sendable static func allowFeeds(_ db: Connection) throws {
    try db.rewriteDeclaration(
      of: "documents", replacing: "kind IN ('fact_check', 'source')",
      with: "kind IN ('fact_check', 'source', 'feed')")
    try db.rewriteDeclaration(
      of: "documents",
      replacing: "media_type IN ('text/plain', 'text/html', 'application/ld+json')",
      with: """
        media_type IN ('text/plain', 'text/html', 'application/ld+json', \
        'application/rss+xml', 'application/rdf+xml', 'application/atom+xml', \
        'application/feed+json')
        """)
  }

  @Sendable static func allowWebArchives(_ db: Connection) throws {
    try db.rewriteDeclaration(
      of: "documents", replacing: "'application/feed+json')",
      with: "'application/feed+json', 'multipart/related', 'application/x-webarchive')")
  }
}
