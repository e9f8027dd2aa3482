import FactArchiveCore

/// What a page says about itself, each field from the best source it has (see
/// `MetadataReader` for the order): JSON-LD, OpenGraph and `article:*`, Dublin Core,
/// parse.ly and plain `<meta>`, a `<time datetime>` in the article's header, a byline
/// element, and last the `<title>` without the site's name.
public struct PageMetadata: Sendable, Equatable {
  /// The headline.
  public var title: String?
  /// The people who wrote it, in order (never the organisation).
  public var authors: [String] = []
  /// The organisation that published it: JSON-LD `publisher`, else an author that is an
  /// Organization, else the site's name.
  public var publisher: String?
  /// `og:site_name` (or `application-name`).
  public var siteName: String?
  public var published: Day?
  public var modified: Day?
  public var description: String?
  /// `<html lang>`, `og:locale` or JSON-LD `inLanguage`, as written (`es`, `pt-BR`).
  public var language: String?
  /// `<link rel=canonical>`, else `og:url`, else the address it was read from; without the
  /// parameters that only say who shared it (`WebAddress.withoutSharingParameters`).
  public var canonicalURL: String?
  /// What relative links resolve against: `<base href>`, else the canonical address.
  public var baseURL: String?
  /// The web archive's address of the copy, when the page is a Wayback Machine capture
  /// (`https://web.archive.org/web/20260312084510/https://…`): `canonicalURL` is then the
  /// address it copied, and so are its links.
  public var archivedCopy: String?

  public init() {}

  /// The authors as a byline: `Ana Ruiz, Tom Lee`.
  public var byline: String? { authors.isEmpty ? nil : authors.joined(separator: ", ") }

  /// The primary language subtag, lowercase (`pt` for `pt-BR`); `nil` when unknown.
  public var languageCode: String? {
    guard let language, !language.isEmpty else { return nil }
    let code = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init)
    return code?.lowercased()
  }
}
