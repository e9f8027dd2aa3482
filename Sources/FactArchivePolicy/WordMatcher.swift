/// Finds words and phrases as whole words, ignoring case: `now` matches "Now," but not
/// "known". Phrases match across single spaces (`is expected to`).
public struct WordMatcher: Sendable {
  private let phrases: [(text: String, bytes: [UInt8])]

  public init(_ phrases: [String]) {
    self.phrases = phrases.map { ($0, Array($0.lowercased().utf8)) }.filter { !$0.1.isEmpty }
  }

  public var isEmpty: Bool { phrases.isEmpty }

  /// A lowercased text with where its words start, listed by the byte there: each phrase
  /// is then tried only where its first byte is, not at every byte of the text once per
  /// phrase. Made once per text for every matcher that reads it (the policy has one per
  /// topic; each making its own lists was 13% of the reading thread, most of it growing
  /// 256 arrays).
  public struct Text: Sendable {
    let bytes: [UInt8]
    /// The word starts, grouped by their first byte: those of byte `b` are
    /// `starts[groups[b]..<groups[b + 1]]`, ascending.
    private let starts: [Int32]
    private let groups: [Int32]

    /// `bytes` must already be lowercased (`String.lowercasedUTF8`).
    public init(lowercased bytes: [UInt8]) {
      self.bytes = bytes
      var groups = [Int32](repeating: 0, count: 257)
      var starts: [Int32] = []
      bytes.withUnsafeBufferPointer { text in
        for index in text.indices where Self.isBoundary(text, index - 1) {
          groups[Int(text[index]) + 1] += 1
        }
        for byte in 0..<256 { groups[byte + 1] += groups[byte] }
        starts = [Int32](repeating: 0, count: Int(groups[256]))
        var next = groups
        for index in text.indices where Self.isBoundary(text, index - 1) {
          let byte = Int(text[index])
          starts[Int(next[byte])] = Int32(truncatingIfNeeded: index)
          next[byte] += 1
        }
      }
      self.starts = starts
      self.groups = groups
    }

    public init(_ text: String) {
      self.init(lowercased: text.lowercasedUTF8)
    }

    /// Whether `needle` (not empty) is in the text as whole words.
    func contains(_ needle: [UInt8]) -> Bool {
      let group = Int(groups[Int(needle[0])])..<Int(groups[Int(needle[0]) + 1])
      return bytes.withUnsafeBufferPointer { text in
        needle.withUnsafeBufferPointer { needle in
          for index in starts[group].lazy.map(Int.init) {
            guard index + needle.count <= text.count else { return false }
            guard Self.isBoundary(text, index + needle.count) else { continue }
            var offset = 1
            while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
          }
          return false
        }
      }
    }

    /// Whether the byte at `index` (or the text's edge) separates words.
    private static func isBoundary(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
      guard index >= 0, index < text.count else { return true }
      let byte = text[index]
      let isLetterOrDigit =
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x30 && byte <= 0x39)
        || byte >= 0x80
      return !isLetterOrDigit
    }
  }

  /// The phrases found in `text`, in the order they were given.
  public func matches(in text: Text) -> [String] {
    phrases.compactMap { text.contains($0.bytes) ? $0.text : nil }
  }

  /// Whether any phrase is in `text`.
  public func matchesAny(in text: Text) -> Bool {
    phrases.contains { text.contains($0.bytes) }
  }
}
