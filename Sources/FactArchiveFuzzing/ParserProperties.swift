import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser

/// What must hold for any input at all, checked by the fuzz targets and by the regression
/// tests that replay what the fuzzers found. Each property returns what it found broken
/// (empty when everything held): a test records each as a failure of its own case, and a
/// fuzz target stops the process (`Fuzzing.stopIfBroken`), which libFuzzer records as a
/// crash.
public enum ParserProperties {
  /// Parses `bytes` as a Factually page and checks the result holds together.
  public static func articleParser(_ bytes: [UInt8]) -> [String] {
    var found = Violations()
    check(bytes, &found) { () throws(ParseError) in
      try ArticleParser.parse(bytes, options: .init(latestPlausibleDay: nil))
    }
    return found.messages
  }

  /// Parses `bytes` as ClaimReview JSON-LD and checks the result holds together.
  public static func claimReview(_ bytes: [UInt8]) -> [String] {
    var found = Violations()
    check(bytes, &found) { () throws(ParseError) in try ClaimReviewImporter.parse(bytes) }
    return found.messages
  }

  /// Reads `bytes` as a saved web page, or as the archive that holds one (MHTML, Safari's;
  /// behind an `<html>` tag when a mutation has left them looking like text), and checks
  /// the result holds together.
  public static func htmlReader(_ bytes: [UInt8]) -> [String] {
    let kind = DocumentParser.mediaType(of: bytes, format: .text)
    let expected: MediaType = [.mhtml, .webArchive].contains(kind) ? kind : .html
    let page = kind == expected ? bytes : Array("<html>".utf8) + bytes
    var found = Violations()
    var mediaType = expected
    check(page, &found) { () throws(ParseError) in
      let document = try DocumentParser.parse(
        page, format: .text, options: .init(latestPlausibleDay: nil))
      mediaType = document.mediaType
      return document
    }
    found.require(mediaType == expected, "a \(expected.rawValue) page read as \(mediaType)")
    return found.messages
  }

  /// The feed reader: any input not already a feed is read as the inside of an RSS channel.
  /// A feed that is read keeps its kind, every item has a key and a source with a title, and
  /// each item's own document reads again as a feed of that one item with the same key —
  /// unless libxml2 had to repair the feed: what it wrote out of a repaired tree need not
  /// read back the same (the writer then finds an item's source by its document).
  public static func feedReader(_ bytes: [UInt8]) -> [String] {
    let feed =
      DocumentParser.mediaType(of: bytes, format: .text).isFeed
      ? bytes : Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".utf8) + bytes
    var found = Violations()
    var read: ParsedDocument?
    check(feed, &found) { () throws(ParseError) in
      let document = try DocumentParser.parse(
        feed, format: .text, options: .init(latestPlausibleDay: nil))
      read = document
      return document
    }
    guard let read else { return found.messages }
    found.require(read.mediaType.isFeed, "a feed read as \(read.mediaType)")
    for item in read.feedItems {
      found.require(!item.key.isEmpty, "an item without a key")
      found.require(!item.source.title.isEmpty, "an item's source without a title")
      if read.feed?.repaired == true { continue }
      let again: ParsedDocument
      do {
        again = try DocumentParser.parse(
          item.document, format: .text, options: .init(latestPlausibleDay: nil))
      } catch {
        found.require(false, "an item's own document does not read again: \(error.message)")
        continue
      }
      found.require(
        again.feedItems.count == 1 && again.feedItems.first?.key == item.key,
        "an item's own document reads as \(again.feedItems.map(\.key)), not [\(item.key)]")
    }
    return found.messages
  }

  /// The properties found broken in one input.
  struct Violations {
    var messages: [String] = []

    mutating func require(_ holds: Bool, _ message: @autoclosure () -> String) {
      if !holds { messages.append(message()) }
    }
  }

  private static func check(
    _ bytes: [UInt8], _ found: inout Violations, _ parse: () throws(ParseError) -> ParsedDocument
  ) {
    let lines = lineCount(bytes)
    let document: ParsedDocument
    do {
      document = try parse()
    } catch {
      // A rejection names a real line, and says something.
      found.require(!error.message.isEmpty, "empty error message")
      if let line = error.line {
        found.require(line >= 1 && line <= lines, "error on line \(line) of \(lines)")
      }
      return
    }
    found.require(document.bytes == bytes, "the document must keep its bytes")
    for article in document.articles {
      found.require(!article.question.isEmpty, "empty question")
      found.require(
        article.firstLine >= 1 && article.firstLine <= lines,
        "first line \(article.firstLine) of \(lines)")
      for summary in article.summaries {
        checkSummary(summary, in: document, &found)
      }
    }
  }

  /// Lines as editors and the parser count them: ended by `\n`, `\r\n` or a lone `\r`
  /// (old Mac files). Written out here rather than borrowed from the parser, so the
  /// property checks the parser instead of agreeing with it.
  public static func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        lines += 1
      } else if bytes[index] == 0x0D {
        lines += 1
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
      }
      index += 1
    }
    return lines
  }

  /// The offsets SQL uses (`substr` counts characters) agree with the bytes they stand for.
  private static func checkSummary(
    _ summary: ParsedSummary, in document: ParsedDocument, _ found: inout Violations
  ) {
    let body = document.body(of: summary)
    let characters = body.unicodeScalars.count
    if case .slice(let range, _, let characterCount) = summary.body {
      found.require(range.lowerBound >= 0 && range.upperBound <= document.bytes.count, "slice")
      found.require(characterCount == characters, "body: \(characterCount) != \(characters)")
    }
    let bodyBytes = document.withBodyBytes(of: summary) { $0.count }
    for citation in summary.citations {
      found.require((1...999).contains(citation.refNumber), "reference \(citation.refNumber)")
      found.require(
        citation.sentenceBytes.lowerBound >= 0 && citation.sentenceBytes.upperBound <= bodyBytes,
        "sentence bytes")
      found.require(
        citation.sentenceStart >= 0
          && citation.sentenceStart + citation.sentenceLength <= characters, "sentence characters")
      let sentence = document.sentence(of: citation, in: summary)
      found.require(sentence.unicodeScalars.count == citation.sentenceLength, "sentence length")
      found.require(citation.markerStart >= 0 && citation.markerStart <= characters, "marker")
    }
  }
}
