/// An article's main text: its blocks in reading order, without the page around it (menus,
/// related links, comments, share bars, banners, credits).
///
/// ```swift
/// let page = try WebPage(bytes, url: "https://example.org/story")
/// page.mainText.blocks.first?.text  // "The council voted on Tuesday to …"
/// ```
public struct MainText: Sendable, Equatable {
  public var blocks: [TextBlock]
  /// A fact-check's own summary or verdict box ("Our ruling", "Veredicto", "En bref"), when
  /// the page has one.
  public var statedSummary: String?

  public init(blocks: [TextBlock] = [], statedSummary: String? = nil) {
    self.blocks = blocks
    self.statedSummary = statedSummary
  }

  /// The text as an article reads: one block per paragraph, a blank line between blocks,
  /// list items marked `• `, table cells separated by ` | `.
  public var text: String {
    blocks.map(\.rendered).joined(separator: "\n\n")
  }

  /// The blocks' text without markers, each block one paragraph.
  public var paragraphs: [String] { blocks.map(\.text) }

  /// Every link of the main text, in order (the page's menus and footers are not in it).
  public var links: [InlineLink] { blocks.flatMap(\.links) }

  public var isEmpty: Bool { blocks.isEmpty }
}

/// One block of the main text.
public struct TextBlock: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// `<h1>` to `<h6>`: the level.
    case heading(Int)
    case paragraph
    /// An item of a list (its 1-based number in an ordered list).
    case listItem(ordered: Bool, number: Int)
    case quote
    /// A row of a table, its cells separated by ` | `.
    case tableRow
    case preformatted
  }

  public var kind: Kind
  /// The text, white space collapsed (kept in preformatted blocks; a single `<br>` is a
  /// line break).
  public var text: String
  /// The links inside the text.
  public var links: [InlineLink]

  public init(kind: Kind, text: String, links: [InlineLink] = []) {
    self.kind = kind
    self.text = text
    self.links = links
  }

  public var isHeading: Bool {
    if case .heading = kind { return true }
    return false
  }

  /// A paragraph this short that ends no sentence is a label, not a summary: a verdict
  /// box's `Our verdict: Misleading`, a kicker's `Fact check`.
  public static let longestLabel = 60

  /// Whether the block is a short line that ends no sentence (`longestLabel`).
  public var isLabel: Bool {
    !isHeading && text.unicodeScalars.count <= Self.longestLabel
      && !MainTextExtractor.endsASentence(text)
  }

  /// The block as the article text shows it.
  public var rendered: String {
    switch kind {
    case .listItem(let ordered, let number): return (ordered ? "\(number). " : "• ") + text
    case .quote: return "> " + text
    default: return text
    }
  }
}

/// A link inside the main text: its absolute URL, its anchor text, and where the anchor
/// stands in its block's text (Unicode scalar offsets, as SQLite's `substr` counts).
public struct InlineLink: Sendable, Equatable {
  public var url: String
  public var anchorText: String
  public var start: Int
  public var length: Int
  /// It stood in a list under a "Sources" or "References" heading.
  public var inReferences: Bool

  public init(url: String, anchorText: String, start: Int, length: Int, inReferences: Bool = false)
  {
    self.url = url
    self.anchorText = anchorText
    self.start = start
    self.length = length
    self.inReferences = inReferences
  }
}
