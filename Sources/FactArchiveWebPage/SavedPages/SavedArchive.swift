import FactArchiveCore

/// A page a browser saved as one file with what it shows, of either kind: an MHTML archive
/// (Chrome, Edge, Opera, Internet Explorer, Word) or a Safari web archive. Everything that
/// reads saved pages opens them through here, so a new kind of archive has one home.
public enum SavedArchive: Sendable {
  case mhtml(MHTMLArchive)
  case webArchive(SafariWebArchive)

  /// The archive `bytes` hold, `nil` when they hold none; throws for an archive that holds
  /// no page to read.
  public static func open(_ bytes: [UInt8]) throws(ParseError) -> SavedArchive? {
    if let archive = try MHTMLArchive(bytes) { return .mhtml(archive) }
    if let archive = try SafariWebArchive(bytes) { return .webArchive(archive) }
    return nil
  }

  public enum Kind: Sendable {
    case mhtml, webArchive

    /// What `documents.media_type` calls an archive of this kind.
    public var mediaType: MediaType {
      switch self {
      case .mhtml: .mhtml
      case .webArchive: .webArchive
      }
    }
  }

  public var kind: Kind {
    switch self {
    case .mhtml: .mhtml
    case .webArchive: .webArchive
    }
  }

  /// Which kind of archive `bytes` hold, if any (whether or not it holds a page).
  public static func kind(of bytes: [UInt8]) -> Kind? {
    if MHTMLArchive.isArchive(bytes) { return .mhtml }
    if SafariWebArchive.isArchive(bytes) { return .webArchive }
    return nil
  }

  /// The page's HTML, decoded from the archive.
  public var html: [UInt8] {
    switch self {
    case .mhtml(let archive): archive.html
    case .webArchive(let archive): archive.html
    }
  }

  /// The page's `Content-Type` as the archive gives it: its charset outranks the page's.
  public var contentType: String? {
    switch self {
    case .mhtml(let archive): archive.contentType
    case .webArchive(let archive): archive.contentType
    }
  }

  /// The address the page was saved from.
  public var url: String? {
    switch self {
    case .mhtml(let archive): archive.url
    case .webArchive(let archive): archive.url
    }
  }

  /// An error from reading the page, said where it is in the archive.
  public func placed(_ error: ParseError) -> ParseError {
    switch self {
    case .mhtml(let archive): archive.placed(error)
    case .webArchive(let archive): archive.placed(error)
    }
  }

  /// The archive's line holding the page's line `line`; 1 in an archive without lines.
  public func fileLine(_ line: Int) -> Int {
    switch self {
    case .mhtml(let archive): archive.fileLine(line)
    case .webArchive: 1
    }
  }
}
