import FactArchiveCore

/// What a saved web page holds for the text readers: its text as lines the page reader
/// understands, and what its markup says outright (title, author, date, links, JSON-LD).
struct HTMLPage {
  /// The page's text, UTF-8: a line per block, a blank line between paragraphs.
  var text: [UInt8] = []
  /// For each line of `text`, the line of the HTML where its text starts (0 when unknown).
  var sourceLines: [Int] = []
  /// `og:title`, else `<title>`.
  var title: String?
  /// The first `<h1>`.
  var headline: String?
  /// `<meta name="author">` (or `article:author`).
  var author: String?
  /// `article:published_time` (or `datePublished`, `date`) as a day.
  var published: Day?
  /// Every http(s) link of the page's text, once each, in order, and whether it stood in a
  /// reference list.
  var links: [ParsedLink] = []
  /// The contents of each `<script type="application/ld+json">`.
  var jsonLD: [[UInt8]] = []

  /// A parse error about line `n` of the text, placed on the HTML line it came from.
  func placed(_ error: ParseError) -> ParseError {
    guard let line = error.line else { return error }
    let source = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : 0
    return ParseError(line: source > 0 ? source : nil, error.message)
  }
}
