import FactArchiveCore

extension PageReader {
  // MARK: - Summaries

  mutating func makeSummary(_ section: BodyReader.Section) -> ParsedSummary {
    guard let first = section.content.first, let last = section.content.last else {
      let at = section.headingEnd
      return ParsedSummary(
        position: section.position, heading: section.heading,
        body: .slice(bytes: at..<at, characterStart: characterOffset(at), characterCount: 0),
        citations: [])
    }
    let start = section.runInStart ?? Bytes.trim(bytes, lines[first].range).lowerBound
    let end = max(start, Bytes.trim(bytes, lines[last].range).upperBound)
    let verbatim =
      !section.hasGaps
      && !lines[first..<last].contains { $0.endsWithCarriageReturn }
    if verbatim {
      let characterStart = characterOffset(start)
      let characterCount = characterOffset(end) - characterStart
      let found = CitationScanner.scan(bytes, start..<end)
      return ParsedSummary(
        position: section.position, heading: section.heading,
        body: .slice(
          bytes: start..<end, characterStart: characterStart, characterCount: characterCount),
        citations: relativeCitations(found, in: bytes, bodyStart: start))
    }
    let text = joinLines(
      section.content.map { index in
        let lineStart = index == first ? start : lines[index].start
        let lineEnd = index == last ? end : lines[index].end
        return (index, lineStart..<max(lineStart, lineEnd))
      })
    let citations = text.withUnsafeBufferPointer { buffer in
      relativeCitations(CitationScanner.scan(buffer, 0..<buffer.count), in: buffer, bodyStart: 0)
    }
    return ParsedSummary(
      position: section.position, heading: section.heading, body: .rebuilt(text),
      citations: citations)
  }

  /// Citations with offsets relative to the body: bytes for slicing, characters for SQL.
  func relativeCitations(
    _ found: [CitationScanner.Found], in buffer: UnsafeBufferPointer<UInt8>, bodyStart: Int
  ) -> [ParsedCitation] {
    guard !found.isEmpty else { return [] }
    var citations: [ParsedCitation] = []
    citations.reserveCapacity(found.count)
    // Character offsets of every byte offset needed, counted in one forward pass: a
    // sentence holding thousands of markers must not be recounted for each of them.
    var offsets = found.flatMap {
      [$0.sentence.lowerBound, $0.sentence.upperBound, $0.markerStart]
    }
    offsets.sort()
    var characterAt: [Int: Int] = [:]
    characterAt.reserveCapacity(offsets.count)
    var cursor = (byte: bodyStart, character: 0)
    for offset in offsets where offset != cursor.byte || characterAt[offset] == nil {
      cursor.character += Bytes.characterCount(buffer, cursor.byte..<offset)
      cursor.byte = offset
      characterAt[offset] = cursor.character
    }
    func characters(to byte: Int) -> Int { characterAt[byte] ?? 0 }
    for citation in found {
      let sentenceStart = characters(to: citation.sentence.lowerBound)
      let sentenceEnd = characters(to: citation.sentence.upperBound)
      let markerStart = characters(to: citation.markerStart)
      citations.append(
        ParsedCitation(
          refNumber: citation.refNumber, markerStart: markerStart,
          sentenceStart: sentenceStart, sentenceLength: sentenceEnd - sentenceStart,
          sentenceBytes: (citation.sentence.lowerBound - bodyStart)..<(citation.sentence.upperBound
            - bodyStart)))
    }
    return citations
  }

  /// The character offset of a byte offset in the document, counting forward from the last
  /// offset asked for (summaries come in order).
  mutating func characterOffset(_ byte: Int) -> Int {
    if byte < characterCursor.byte { characterCursor = (0, 0) }
    characterCursor.character += Bytes.characterCount(bytes, characterCursor.byte..<byte)
    characterCursor.byte = byte
    return characterCursor.character
  }
}
