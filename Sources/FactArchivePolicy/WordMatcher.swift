/// Finds words and phrases as whole words, ignoring case: `now` matches "Now," but not
/// "known". Phrases match across single spaces (`is expected to`).
public struct WordMatcher: Sendable {
  private let phrases: [(text: String, bytes: [UInt8])]

  public init(_ phrases: [String]) {
    self.phrases = phrases.map { ($0, Array($0.lowercased().utf8)) }.filter { !$0.1.isEmpty }
  }

  public var isEmpty: Bool { phrases.isEmpty }

  /// The phrases found in `text` (already lowercased), in the order they were given.
  public func matches(inLowercased text: [UInt8]) -> [String] {
    guard !phrases.isEmpty else { return [] }
    return text.withUnsafeBufferPointer { text in
      // Where a phrase may start (the text's start, or just after a byte that separates
      // words), listed by the byte there: each phrase is then tried only where its first
      // byte is, not at every byte of the text once per phrase.
      var starts = [[Int]](repeating: [], count: 256)
      for index in 0..<text.count where isBoundary(text, index - 1) {
        starts[Int(text[index])].append(index)
      }
      return phrases.compactMap { phrase in
        contains(text, phrase.bytes, startingAt: starts[Int(phrase.bytes[0])]) ? phrase.text : nil
      }
    }
  }

  private func contains(
    _ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], startingAt starts: [Int]
  ) -> Bool {
    needle.withUnsafeBufferPointer { needle in
      for index in starts {
        guard index + needle.count <= text.count else { return false }
        guard isBoundary(text, index + needle.count) else { continue }
        var offset = 1
        while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      return false
    }
  }

  /// Whether the byte at `index` (or the text's edge) separates words.
  private func isBoundary(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index >= 0, index < text.count else { return true }
    let byte = text[index]
    let isLetterOrDigit =
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x30 && byte <= 0x39)
      || byte >= 0x80
    return !isLetterOrDigit
  }
}
