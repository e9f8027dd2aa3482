/// Web addresses as the archive keeps them: absolute http(s) URLs, their host.
public enum WebAddress {
  /// Whether `url` is an absolute http or https URL (any case, surrounding spaces allowed):
  /// the only links kept, and the only ones a page ever renders as links.
  public static func isWeb(_ url: String) -> Bool {
    let lower = url.trimmingSpaces().prefix(8).lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  /// The host of `url`, lowercase, without `www.`, user or port: `example.com`.
  public static func domain(of url: String) -> String? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
    if let at = host.lastIndex(of: "@") {
      host = host[host.index(after: at)...]
    }
    var text = host.lowercased()
    if text.hasPrefix("www.") { text.removeFirst(4) }
    return text.isEmpty ? nil : text
  }
}
