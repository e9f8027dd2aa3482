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
    phrases.compactMap { phrase in contains(text, phrase.bytes) ? phrase.text : nil }
  }

  private func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= text.count, let first = needle.first else { return false }
    return text.withUnsafeBufferPointer { text in
      needle.withUnsafeBufferPointer { needle in
        var index = 0
        let last = text.count - needle.count
        while index <= last {
          if text[index] == first, isBoundary(text, index - 1),
            isBoundary(text, index + needle.count)
          {
            var offset = 1
            while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
          }
          index += 1
        }
        return false
      }
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
