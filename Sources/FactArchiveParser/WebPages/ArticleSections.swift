import FactArchiveCore
import FactArchiveWebPage

/// Another publisher's fact-check article cut as the archive keeps checks: an executive
/// summary (position 0) and sections by the article's headings (1…n), each with the links
/// of its text as citations (their anchor text and the sentence around them), numbered in
/// the order they first appear, and the list of those links as the check's references.
struct ArticleSections {
  var summary: ParsedSummary?
  var sections: [ParsedSummary] = []
  var references: [ParsedReference] = []

  /// - Parameter statedSummary: the publisher's own summary (a verdict box, else the
  ///   ClaimReview's `reviewBody`); without one the article's first paragraph is the
  ///   summary, passing over labels (`Our verdict: Misleading`), which stay in the text.
  init(_ text: MainText, statedSummary: String?) {
    var numbers: [String: Int] = [:]
    var blocks = text.blocks
    if let stated = statedSummary?.trimmingSpaces(), !stated.isEmpty {
      summary = ParsedSummary(
        position: 0, heading: nil, body: .rebuilt(Array(stated.utf8)), citations: [])
      // A verdict box the main text holds too is not repeated in the sections.
      let key = TitleKey.of(stated)
      blocks.removeAll {
        !$0.isHeading && $0.text.unicodeScalars.count >= 20
          && key.containsBytes(of: TitleKey.of($0.text))
      }
    } else if let first = blocks.firstIndex(where: { !$0.isHeading && !$0.isLabel })
      ?? blocks.firstIndex(where: { !$0.isHeading })
    {
      summary = Self.summary(position: 0, heading: nil, [blocks[first]], numbers: &numbers)
      blocks.remove(at: first)
    }
    var heading: String?
    var pending: [TextBlock] = []
    func close() {
      guard !pending.isEmpty || heading != nil else { return }
      sections.append(
        Self.summary(position: sections.count + 1, heading: heading, pending, numbers: &numbers))
      pending = []
    }
    for block in blocks {
      if block.isHeading {
        close()
        heading = block.text
      } else {
        pending.append(block)
      }
    }
    close()
    sections.removeAll { $0.isEmpty && $0.heading == nil }
    references = numbers.sorted { $0.value < $1.value }.map {
      ParsedReference(refNumber: $0.value, url: $0.key, domain: WebAddress.domain(of: $0.key))
    }
    if var first = summary, first.isEmpty {
      first.body = .rebuilt([])
      summary = first
    }
  }

  /// Blocks joined as one summary body (a blank line between them), each link of their
  /// text a citation.
  static func summary(
    position: Int, heading: String?, _ blocks: [TextBlock], numbers: inout [String: Int]
  ) -> ParsedSummary {
    var body: [Unicode.Scalar] = []
    var bodyBytes = 0
    var citations: [ParsedCitation] = []
    for block in blocks {
      if !body.isEmpty {
        body += ["\n", "\n"]
        bodyBytes += 2
      }
      let rendered = Array(block.rendered.unicodeScalars)
      let prefix = rendered.count - block.text.unicodeScalars.count
      let start = body.count + prefix
      let startByte = bodyBytes + Self.utf8Length(rendered[..<prefix])
      let scalars = Array(block.text.unicodeScalars)
      for link in block.links where link.start + link.length <= scalars.count {
        let number = numbers[link.url] ?? (numbers.count + 1)
        numbers[link.url] = number
        let sentence = Self.sentence(around: link.start..<(link.start + link.length), in: scalars)
        let before = Self.utf8Length(scalars[..<sentence.lowerBound])
        let length = Self.utf8Length(scalars[sentence])
        citations.append(
          ParsedCitation(
            refNumber: number, markerStart: start + link.start,
            sentenceStart: start + sentence.lowerBound, sentenceLength: sentence.count,
            sentenceBytes: (startByte + before)..<(startByte + before + length),
            anchorText: link.anchorText))
      }
      body += rendered
      bodyBytes += Self.utf8Length(rendered[...])
    }
    let text = String(String.UnicodeScalarView(body))
    return ParsedSummary(
      position: position, heading: heading, body: .rebuilt(Array(text.utf8)),
      citations: citations)
  }

  /// How many bytes `scalars` take in UTF-8.
  static func utf8Length(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
    scalars.reduce(0) { $0 + UTF8.width($1) }
  }

  /// The sentence holding `anchor`: from after the end of the sentence before it to the end
  /// of its own (its final punctuation kept), within the block.
  static func sentence(around anchor: Range<Int>, in text: [Unicode.Scalar]) -> Range<Int> {
    var start = anchor.lowerBound
    while start > 0 {
      let previous = text[start - 1]
      if isFullStop(previous) { break }
      if previous.isSpace, start >= 2, isSentenceEnd(text[start - 2]) { break }
      if previous == "\n" { break }
      start -= 1
    }
    while start < anchor.lowerBound, text[start].isSpace { start += 1 }
    var end = anchor.upperBound
    while end < text.count {
      let scalar = text[end]
      if scalar == "\n" { break }
      if isFullStop(scalar) {
        end += 1
        break
      }
      if isSentenceEnd(scalar), end + 1 == text.count || text[end + 1].isSpace {
        end += 1
        break
      }
      end += 1
    }
    return start..<end
  }

  /// `.`, `!`, `?` (and `؟`, `।`): sentence ends when a space follows.
  static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "." || scalar == "!" || scalar == "?" || scalar == "؟" || scalar == "।"
  }

  /// `。`, `！`, `？`: sentence ends in scripts without spaces.
  static func isFullStop(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "。" || scalar == "！" || scalar == "？"
  }
}

/// Letters and digits of a text, lowercase: for telling whether two texts say the same.
enum TitleKey {
  static func of(_ text: String) -> String {
    String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter(\.isWordCharacter)))
  }
}
