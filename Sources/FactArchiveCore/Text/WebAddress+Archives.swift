extension WebAddress {
  /// The address a web archive's copy was captured from: the Wayback Machine writes a
  /// capture as `https://web.archive.org/web/20260312084510/https://example.org/story`
  /// (the timestamp may be shorter or carry a flag such as `id_`, and the original's scheme
  /// may be missing or have lost a slash); archive.today as
  /// `https://archive.ph/2026.03.12-084510/https://example.org/story` (or `/newest/…`,
  /// `/oldest/…`, on any of its hosts). Any other address is returned as it is, and so is an
  /// archive's own page (its calendar `…/web/2026*/…`, a short `archive.ph/AbCdE` whose
  /// original only the archive knows).
  public static func unarchived(_ url: String) -> String {
    let trimmed = url.trimmingSpaces()
    guard let host = domain(of: trimmed), let schemeEnd = trimmed.firstRange(of: "://") else {
      return url
    }
    let path = trimmed[schemeEnd.upperBound...].drop { $0 != "/" }.dropFirst()
    let capture: Substring
    if ["web.archive.org", "wayback.archive.org"].contains(host), path.hasPrefix("web/") {
      capture = path.dropFirst("web/".count)
    } else if archiveTodayHosts.contains(host) {
      capture = path
    } else {
      return url
    }
    let stamp = capture.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
    let flag = capture.dropFirst(stamp.count).prefix { $0 != "/" }
    let named = stamp.isEmpty && ["newest", "oldest"].contains(flag)
    let dated =
      (4...17).contains(stamp.count) && stamp.first?.isNumber == true && flag.count <= 3
      && flag.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "_") }
    guard named || dated else { return url }
    var original = String(capture.dropFirst(stamp.count + flag.count).dropFirst())
    for scheme in ["https:", "http:"] where original.lowercased().hasPrefix(scheme) {
      let rest = original.dropFirst(scheme.count).drop { $0 == "/" }
      original = scheme + "//" + rest
    }
    if !isWeb(original) { original = "http://" + original }
    guard let originalHost = domain(of: original), originalHost.contains(".") else { return url }
    return original
  }

  /// archive.today's hosts.
  static let archiveTodayHosts: Set<String> = [
    "archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.md",
    "archive.fo",
  ]
}
