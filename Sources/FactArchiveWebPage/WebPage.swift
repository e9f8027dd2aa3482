internal import CLibXML2
import FactArchiveCore

/// Any publisher's article page, read: a pipeline of small stages, each its own type —
/// bytes → decoded text (`HTMLEncoding`) → DOM (`HTMLDOM`, libxml2 with the bounds a hostile
/// page meets) → what the page says about itself (`MetadataReader`) and its main text
/// (`MainTextExtractor`, written out by `BlockWriter`), and, for the Factually reader, the
/// page as text lines (`HTMLTextWalker`).
///
/// ```swift
/// let page = try WebPage(bytes, url: "https://example.org/2026/05/story")
/// page.metadata.title          // "Council sells the old tram depot"
/// page.metadata.authors        // ["Ana Ruiz"]
/// page.mainText.paragraphs     // the article, without menus, related links or comments
/// page.mainText.links          // its links, with their anchors
/// ```
public struct WebPage: Sendable {
  public var metadata: PageMetadata
  public var mainText: MainText
  /// The page as text lines, for the Factually reader.
  public var lines: PageLines
  /// The contents of each `<script type="application/ld+json">`, and each review the page
  /// writes as microdata or RDFa, rewritten as JSON-LD (`EmbeddedItems`).
  public var jsonLD: [[UInt8]]

  /// Reads a page; `url` is where it came from (resolves relative links when the page has
  /// no `<base>` or canonical address), else the address a browser wrote when it saved the
  /// page (`SavedFrom`). `contentType` is the `Content-Type` header a server sent with it:
  /// its `charset` outranks the page's own, as in browsers.
  public init(_ bytes: [UInt8], url given: String? = nil, contentType: String? = nil)
    throws(ParseError)
  {
    let dom = try HTMLDOM(
      bytes, servedCharset: HTMLEncoding.charset(inContentType: contentType))
    let reader = MetadataReader(root: dom.root)
    let url = given ?? SavedFrom.url(in: bytes)
    let article = reader.article
    metadata = reader.metadata(pageURL: url, article: article)
    jsonLD = reader.jsonLD
    var walker = HTMLTextWalker()
    try walker.walk(dom.root)
    lines = walker.result()
    let base = metadata.baseURL ?? url
    // An archive rewrote every link of its copy to its own copy of the target. A link
    // pasted from a Google Doc or a mail keeps its redirecting wrapper: it leads to its target.
    let unarchived = metadata.archivedCopy == nil ? { $0 } : WebAddress.unarchived
    var extractor = MainTextExtractor { href in
      WebPage.resolve(href, against: base).map { unarchived(WebAddress.unwrapped($0)) }
    }
    let body = dom.root.children.first { $0.isElement && $0.elementName == "body" } ?? dom.root
    let (text, header) = extractor.extract(body: body).trimmed(metadata: metadata)
    mainText = text.completed(statedBody: article?.body)
    if metadata.authors.isEmpty { metadata.authors = header.names }
    if metadata.published == nil {
      metadata.published = header.day ?? MetadataDate.day(inAddress: metadata.canonicalURL)
    }
  }

  /// Whether `bytes` hold a web page rather than a page saved as text.
  public static func isHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    HTMLDetection.isHTML(bytes)
  }

  /// An `href` as an absolute http(s) address, resolved against `base`; `nil` for other
  /// schemes (`javascript:`, `mailto:`), fragments of the page itself, and addresses
  /// longer than `longestLink`.
  static func resolve(_ href: String, against base: String?) -> String? {
    let trimmed = href.trimmingSpaces()
    guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), trimmed.utf8.count <= longestLink else {
      return nil
    }
    if WebAddress.isWeb(trimmed) { return trimmed }
    guard let base, let resolved = URLResolution.absolute(trimmed, against: base),
      WebAddress.isWeb(resolved)
    else { return nil }
    return resolved
  }

  /// The longest address kept as a link: longer ones are data, not addresses.
  public static let longestLink = 8192
}

extension MainText {
  /// What the start of a main text held besides the article: the names of a byline line
  /// and the day of a date line.
  struct Header {
    var names: [String] = []
    var day: Day?
  }

  /// The main text without what the metadata holds at its start: a heading that repeats
  /// the headline, a byline line, a line that is only a date (their names and day are
  /// returned, for pages whose markup does not give them).
  func trimmed(metadata: PageMetadata) -> (text: MainText, header: Header) {
    var blocks = self.blocks
    var header = Header()
    var index = 0
    while index < min(blocks.count, 4) {
      let text = blocks[index].text
      let key = TitleText.normalized(text)
      let isTitle = blocks[index].isHeading || index == 0
      if isTitle, let title = metadata.title, !key.isEmpty, key == TitleText.normalized(title) {
        blocks.remove(at: index)
        continue
      }
      if text.count <= 160, BylineText.withoutPrefix(text) != text {
        let names = BylineText.names(text)
        if !names.isEmpty {
          header.names = header.names.isEmpty ? names : header.names
          header.day = header.day ?? MetadataDate.day(text)
          blocks.remove(at: index)
          continue
        }
      }
      if text.count <= 60, Self.isDateLine(text),
        let day = MetadataDate.day(Self.withoutDateWords(text))
      {
        header.day = header.day ?? day
        blocks.remove(at: index)
        continue
      }
      index += 1
    }
    return (MainText(blocks: blocks, statedSummary: statedSummary), header)
  }

  /// The main text completed from the article body the page's structured data states
  /// (JSON-LD `articleBody`), when the page shows only its start: a paywalled page sent to a
  /// reader who is not signed in holds the lede in its HTML and the rest in its scripts.
  /// The stated paragraphs after the last one the page shows are added (without links:
  /// the stated body is plain text). A stated body written as one run of text, without
  /// its paragraph breaks, that starts with what the page shows takes the page's place. A
  /// page that shows none of it keeps its own text, unless it showed nothing at all. A
  /// stated body less than twice what the page shows adds nothing.
  func completed(statedBody: String?) -> MainText {
    guard let statedBody else { return self }
    let stated = statedBody.split(whereSeparator: \.isNewline)
      .map { MetadataReader.collapsed(String($0)) }.filter { !$0.isEmpty }
    let statedLength = stated.reduce(0) { $0 + $1.count }
    let shownLength = MainTextExtractor.characters(blocks)
    guard statedLength >= MainTextExtractor.retryBelow, statedLength >= 2 * shownLength else {
      return self
    }
    let statedKeys = stated.map(TitleText.normalized)
    var resumeAt: Int?
    if blocks.isEmpty {
      resumeAt = 0
    } else {
      for block in blocks.reversed() {
        let key = TitleText.normalized(block.text)
        if !key.isEmpty, let index = statedKeys.firstIndex(of: key) {
          resumeAt = index + 1
          break
        }
      }
    }
    if resumeAt == nil, let first = blocks.first.map({ TitleText.normalized($0.text) }),
      first.count >= MainTextExtractor.shortestScoredParagraph,
      stated.count < blocks.count || stated.count == 1,
      TitleText.normalized(stated.joined(separator: " ")).hasPrefix(first)
    {
      var result = self
      result.blocks = stated.map { TextBlock(kind: .paragraph, text: $0) }
      return result
    }
    guard let resumeAt, resumeAt < stated.count else { return self }
    var result = self
    result.blocks += stated[resumeAt...].map { TextBlock(kind: .paragraph, text: $0) }
    return result
  }

  /// Whether a short line is a date line, not a sentence that mentions a day: besides its
  /// numbers, month and weekday names and date words, at most two words of three letters or
  /// more (a place, a section, a nickname: `Schengen, 3. Juli 2018`, `Datum: 22.12.2012,
  /// Rubrik: USA`). `On 3 May 2020 the council met in the hall.` is a sentence; it stays in
  /// the text and gives no day.
  static func isDateLine(_ text: String) -> Bool {
    let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let others = words.filter { word in
      word.count >= 3 && !(word.first?.isNumber ?? false) && !dateWords.contains(word)
        && !MetadataDate.weekdays.contains(word)
        && !MetadataDate.months.contains(where: { $0.name == word })
        && !timeWords.contains(word)
    }
    return others.count <= 2
  }

  /// Words of a time or its zone after a date (`12:30 Uhr`, `10:21 h`, `5 pm GMT`), and the
  /// little words between a day and its month (`the 3rd of May`, `3 de mayo de 2026`).
  static let timeWords: Set<String> = [
    "am", "pm", "uhr", "h", "gmt", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "bst",
    "the", "of", "de", "del", "at", "um",
  ]

  /// `Published 3 May 2026` → `3 May 2026`, `Submitted on Mon, 2019-01-21` →
  /// `Mon, 2019-01-21`: whole words only (`on` inside `Mon` stays), a colon after one too.
  static func withoutDateWords(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace)
      .filter { !dateWords.contains(String($0).trimmingCharacters(in: ":")) }
      .joined(separator: " ")
  }

  static let dateWords: Set<String> = [
    "published", "updated", "posted", "submitted", "publicado", "actualizado", "atualizado",
    "publié", "le", "mis", "à", "jour", "veröffentlicht", "pubblicato", "on", "date", "fecha",
    "data", "datum", "stand", "am", "",
  ]
}
