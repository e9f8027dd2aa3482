/// The headings that open a list of references ("References", "Sources", "Fuentes"…): under
/// one, a list of links is the article's sources, not a related-stories list.
public enum ReferenceHeading {
  /// Lowercase, without markdown or a final colon. English as fact-checks write it, and the
  /// words other publishers' pages use (Spanish, Portuguese, French, German, Italian,
  /// Arabic, Chinese, Hindi).
  public static let headings: Set<String> = [
    "references", "sources", "citations", "sources and references", "bibliography",
    "fuentes", "referencias", "fontes", "referências", "références", "quellen", "fonti",
    "المصادر", "مصادر", "参考", "参考资料", "来源", "स्रोत",
  ]

  /// Whether a heading (as written: `## Sources:`, `**References**`) opens a reference list.
  public static func isHeading(_ text: String) -> Bool {
    headings.contains(key(text))
  }

  /// The heading reduced for comparing: trimmed, markdown marks and final colons dropped,
  /// lowercase.
  public static func key(_ text: String) -> String {
    var key = Substring(text.trimmingSpaces().lowercased())
    while key.first == "#" { key.removeFirst() }
    key = Substring(key.trimmingSpaces())
    if key.hasPrefix("**"), key.hasSuffix("**"), key.count >= 4 {
      key = key.dropFirst(2).dropLast(2)
    }
    while key.last == ":" || key.last == "：" { key = Substring(key.dropLast().trimmingSpaces()) }
    return String(key)
  }
}
