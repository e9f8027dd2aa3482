import FactArchiveCore

/// A page Safari saved as a web archive (`.webarchive`, the format of Safari's "Save As…"
/// on macOS, and of iOS's since 13): a binary property list whose `WebMainResource` holds
/// the page's bytes as the server sent them (`WebResourceData`), its media type, its text
/// encoding and its address; the page's images, styles and frames follow in other keys.
///
/// ```swift
/// if let archive = try SafariWebArchive(bytes) {
///   let page = try WebPage(archive.html, url: archive.url, contentType: archive.contentType)
/// }
/// ```
public struct SafariWebArchive: Sendable {
  /// The page's HTML, as the server sent it.
  public var html: [UInt8]
  /// `text/html; charset=…` from the resource's media type and text encoding: the encoding
  /// the page was read in, which outranks the page's own, as when Safari opens the archive.
  public var contentType: String?
  /// The page's address, when it is an http(s) one.
  public var url: String?

  /// The archive's page, when `bytes` hold a Safari web archive (a binary property list
  /// whose top dictionary has a `WebMainResource`); `nil` for any other file. Throws when it
  /// is one whose main resource is not a web page, or cannot be read.
  public init?(_ bytes: [UInt8]) throws(ParseError) {
    guard let (list, mainReference) = Self.mainResource(bytes) else { return nil }
    guard let main = list.dictionary(mainReference), let data = list.data(main["WebResourceData"])
    else {
      throw ParseError(line: nil, "a Safari web archive whose main resource holds no data")
    }
    let type = list.string(main["WebResourceMIMEType"])?.lowercased() ?? ""
    guard MHTMLArchive.pageTypes.contains(type) else {
      throw ParseError(
        line: nil,
        "a Safari web archive of \(type.isEmpty ? "something" : type), not of a web page")
    }
    html = Array(data)
    let encoding = list.string(main["WebResourceTextEncodingName"])?.trimmingSpaces() ?? ""
    contentType = encoding.isEmpty ? type : "\(type); charset=\(encoding)"
    url = list.string(main["WebResourceURL"]).flatMap { WebAddress.isWeb($0) ? $0 : nil }
  }

  /// Whether `bytes` hold a web archive (the test `init` makes first).
  public static func isArchive(_ bytes: [UInt8]) -> Bool {
    mainResource(bytes) != nil
  }

  /// The property list and the reference of its `WebMainResource`, when `bytes` are a
  /// binary property list whose top dictionary has one.
  private static func mainResource(_ bytes: [UInt8]) -> (BinaryPropertyList, Int)? {
    guard bytes.starts(with: BinaryPropertyList.magic), let list = BinaryPropertyList(bytes),
      let reference = list.dictionary(list.top)?["WebMainResource"]
    else { return nil }
    return (list, reference)
  }

  /// An error from reading the page's HTML. The archive is binary and has no lines of its
  /// own, so the error names the line of the page inside it.
  public func placed(_ error: ParseError) -> ParseError {
    guard let line = error.line else { return error }
    return ParseError(line: nil, "\(error.message) (line \(line) of the page in the archive)")
  }
}
