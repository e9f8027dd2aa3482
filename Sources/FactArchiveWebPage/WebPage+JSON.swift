import FactArchiveCore

extension WebPage {
  /// What the archive takes from the page, as `factarchive extract --format json` prints it.
  public var json: JSON {
    let meta = metadata
    return .object([
      .init("title", .string(meta.title)),
      .init("byline", .string(meta.byline)),
      .init("authors", .array(meta.authors.map { .string($0) })),
      .init("publisher", .string(meta.publisher)),
      .init("site_name", .string(meta.siteName)),
      .init("published", .string(meta.published?.iso)),
      .init("modified", .string(meta.modified?.iso)),
      .init("language", .string(meta.language)),
      .init("url", .string(meta.canonicalURL)),
      .init("description", .string(meta.description)),
      .init("stated_summary", .string(mainText.statedSummary)),
      .init("text", .string(mainText.text)),
      .init(
        "links",
        .array(
          mainText.links.map {
            .object([
              .init("url", .string($0.url)), .init("anchor_text", .string($0.anchorText)),
              .init("in_references", .bool($0.inReferences)),
            ])
          })),
    ])
  }

  /// The page as readable text: its metadata, then its main text.
  public var text: String {
    let meta = metadata
    var lines = [meta.title ?? "(no headline)"]
    if let byline = meta.byline { lines.append("by \(byline)") }
    var facts: [String] = []
    if let published = meta.published { facts.append("published \(published.iso)") }
    if let modified = meta.modified { facts.append("modified \(modified.iso)") }
    if let site = meta.siteName ?? meta.publisher { facts.append(site) }
    if let language = meta.language { facts.append(language) }
    if !facts.isEmpty { lines.append(facts.joined(separator: " · ")) }
    if let url = meta.canonicalURL { lines.append(url) }
    return lines.joined(separator: "\n") + "\n\n" + mainText.text + "\n"
  }
}
