import FactArchiveCore

/// A page a browser saved as one file with everything it shows: MHTML (RFC 2557), what
/// Chrome, Edge and Opera write for "Webpage, Single File" (`.mhtml`, and what Chrome on
/// Android writes for every downloaded page) and Internet Explorer and Word for "Web
/// Archive, single file" (`.mht`). The file is a MIME message of type `multipart/related`;
/// the page is the part its `start` parameter names, else its first HTML part (the rule
/// Chrome reads archives by: the parts after it are the page's styles, images and frames),
/// written in quoted-printable (Chrome) or base64 (Word), in the charset its part's
/// `Content-Type` gives, if any.
///
/// ```swift
/// if let archive = try MHTMLArchive(bytes) {
///   let page = try WebPage(archive.html, url: archive.url, contentType: archive.contentType)
/// }
/// ```
public struct MHTMLArchive: Sendable {
  /// The page's HTML, decoded from its transfer encoding (still in its own charset).
  public var html: [UInt8]
  /// The page part's `Content-Type` (`text/html; charset="windows-1252"`): its charset
  /// outranks the page's own, as when a browser opens the archive.
  public var contentType: String?
  /// The address the page was saved from: Chrome's `Snapshot-Content-Location`, else the
  /// page part's `Content-Location`, when it is an http(s) address.
  public var url: String?
  private var body: DecodedBody

  /// The media types a page part may have.
  static let pageTypes: Set = ["text/html", "application/xhtml+xml"]

  /// The archive's page, when `bytes` hold an MHTML archive: a MIME header block at the
  /// very start whose `Content-Type` is `multipart/related` with a boundary. `nil` for any
  /// other file. Throws when the file is an archive but holds no page to read.
  public init?(_ bytes: [UInt8]) throws(ParseError) {
    guard let (header, start) = Self.topHeader(bytes),
      let boundary = header.parameter("boundary"), !boundary.isEmpty
    else { return nil }
    let typeLine = header.field("content-type")?.line
    let parts = Self.parts(of: bytes, from: start, boundary: Array("--\(boundary)".utf8))
    guard !parts.isEmpty else {
      throw ParseError(
        line: typeLine, "an MHTML archive whose parts never start: its boundary is not in it")
    }
    let named = header.parameter("start").flatMap { id in
      parts.first { Self.contentID($0.header.field("content-id")?.value) == Self.contentID(id) }
    }
    guard let page = (named?.isPage == true ? named : nil) ?? parts.first(where: \.isPage) else {
      let types = parts.prefix(5).map { $0.header.mediaType ?? "text/plain" }
      throw ParseError(
        line: typeLine,
        "an MHTML archive with no web page in it (its parts: \(types.joined(separator: ", "))"
          + (parts.count > 5 ? ", …)" : ")"))
    }
    let encodingField = page.header.field("content-transfer-encoding")
    guard let encoding = TransferEncoding(encodingField?.value) else {
      throw ParseError(
        line: encodingField?.line,
        "the archive's page is in the transfer encoding '\(encodingField?.value ?? "")', "
          + "which MHTML does not use (quoted-printable, base64, 7bit, 8bit, binary)")
    }
    body = encoding.decode(bytes, page.body, firstLine: page.bodyLine)
    html = body.bytes
    contentType = page.header.field("content-type")?.value
    url = [
      header.field("snapshot-content-location")?.value,
      page.header.field("content-location")?.value,
    ].compactMap { $0 }.first(where: WebAddress.isWeb)
  }

  /// Whether `bytes` hold an MHTML archive (the test `init` makes first).
  public static func isArchive(_ bytes: [UInt8]) -> Bool {
    guard let (header, _) = topHeader(bytes) else { return false }
    return header.parameter("boundary")?.isEmpty == false
  }

  /// An error from reading the page's HTML, at the line of the file it came from.
  public func placed(_ error: ParseError) -> ParseError {
    guard let line = error.line else { return error }
    return ParseError(line: body.fileLine(line), error.message)
  }

  /// The file line of the page's line `line`.
  public func fileLine(_ line: Int) -> Int { body.fileLine(line) }

  /// The message's header, when the file starts with one (after a byte-order mark) whose
  /// `Content-Type` is `multipart/related`; and where the body starts.
  private static func topHeader(_ bytes: [UInt8]) -> (MIMEHeader, LineCursor)? {
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    // A cheap first look: a header field's name, then its colon, on the first line.
    guard let first = bytes.dropFirst(bom).prefix(80).firstIndex(of: UInt8(ascii: ":")),
      first > bom,
      bytes[bom..<first].allSatisfy(MIMEHeader.isNameByte)
    else { return nil }
    var cursor = LineCursor(bytes, offset: bom)
    guard let header = MIMEHeader.read(&cursor, strict: true),
      header.mediaType == "multipart/related"
    else { return nil }
    return (header, cursor)
  }

  private struct Part {
    var header: MIMEHeader
    var body: Range<Int>
    var bodyLine: Int

    var isPage: Bool { header.mediaType.map { MHTMLArchive.pageTypes.contains($0) } ?? false }
  }

  /// The body parts after the preamble: each starts after a line `--boundary` and its
  /// header, and ends before the line break ahead of the next such line (or `--boundary--`,
  /// the end); a truncated archive's last part runs to the end of the file.
  private static func parts(of bytes: [UInt8], from start: LineCursor, boundary: [UInt8])
    -> [Part]
  {
    var cursor = start
    var parts: [Part] = []
    var open: (header: MIMEHeader, start: Int, line: Int)?
    var previousEnd = start.offset
    func close(at end: Int) {
      guard let current = open else { return }
      parts.append(
        Part(
          header: current.header, body: current.start..<max(current.start, end),
          bodyLine: current.line))
      open = nil
    }
    while let (range, _) = cursor.next() {
      defer { previousEnd = range.upperBound }
      guard let kind = delimiter(bytes[range], boundary: boundary) else { continue }
      // The line break before a delimiter is the delimiter's.
      close(at: previousEnd)
      if kind == .last { return parts }
      let header = MIMEHeader.read(&cursor, strict: false) ?? MIMEHeader()
      // A part cut off in its header has an empty body, on the file's last line.
      let atEnd = cursor.offset == bytes.count && bytes.last != 0x0A
      open = (header, cursor.offset, atEnd ? cursor.line - 1 : cursor.line)
    }
    close(at: bytes.count)
    return parts
  }

  private enum Delimiter { case next, last }

  /// Whether a line is `--boundary` (a part follows) or `--boundary--` (the end), with the
  /// white space a transport may leave after either.
  private static func delimiter(_ line: ArraySlice<UInt8>, boundary: [UInt8]) -> Delimiter? {
    guard line.starts(with: boundary) else { return nil }
    var rest = line.dropFirst(boundary.count)
    var kind = Delimiter.next
    if rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) {
      kind = .last
      rest = rest.dropFirst(2)
    }
    return rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) ? kind : nil
  }

  /// A `Content-ID` or `start` value without its angle brackets (`<frame-1@mhtml.blink>`).
  private static func contentID(_ value: String?) -> String? {
    guard let value else { return nil }
    let trimmed = value.trimmingSpaces()
    let bare =
      trimmed.hasPrefix("<") && trimmed.hasSuffix(">") && trimmed.count >= 2
      ? String(trimmed.dropFirst().dropLast()) : trimmed
    return bare.isEmpty ? nil : bare
  }
}
