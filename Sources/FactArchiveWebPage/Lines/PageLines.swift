import FactArchiveCore

/// A saved page as the text a Factually page reads as: a line per block, a blank line
/// between paragraphs, `<sup>1</sup>` as `[1]`, reference lists as `[n] url` lines; with
/// where each line came from in the HTML, and every link of the page's text.
public struct PageLines: Sendable, Equatable {
  /// The page's text, UTF-8.
  public var text: [UInt8] = []
  /// For each line of `text`, the line of the HTML where its text starts (0 when unknown).
  public var sourceLines: [Int] = []
  /// Every http(s) link of the page's text, once each, in order, and whether it stood in a
  /// reference list.
  public var links: [ParsedLink] = []

  public init() {}

  /// A parse error about line `n` of the text, placed on the HTML line it came from.
  public func placed(_ error: ParseError) -> ParseError {
    guard let line = error.line else { return error }
    let source = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : 0
    return ParseError(line: source > 0 ? source : nil, error.message)
  }
}
