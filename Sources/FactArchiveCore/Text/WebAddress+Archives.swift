extension WebAddress {
  /// The address a web archive's copy was captured from: the Wayback Machine writes a
  /// capture as `https://web.archive.org/web/20260312084510/https://example.org/story`
  /// (the timestamp may be shorter or carry a flag such as `id_`, and the original's scheme
  /// may be missing or have lost a slash). Any other address is returned as it is, and so
  /// is an archive's own page (its calendar `…/web/2026*/…`, its home page).
  public static func unarchived(_ url: String) -> String {
    let trimmed = url.trimmingSpaces()
    guard let host = domain(of: trimmed),
      ["web.archive.org", "wayback.archive.org"].contains(host),
      let schemeEnd = trimmed.firstRange(of: "://")
    else { return url }
    let path = trimmed[schemeEnd.upperBound...].drop { $0 != "/" }
    guard path.hasPrefix("/web/") else { return url }
    let capture = path.dropFirst("/web/".count)
    let stamp = capture.prefix { $0.isASCII && $0.isNumber }
    let flag = capture.dropFirst(stamp.count).prefix { $0 != "/" }
    guard (4...14).contains(stamp.count), flag.count <= 3,
      flag.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") })
    else { return url }
    var original = String(capture.dropFirst(stamp.count + flag.count).dropFirst())
    for scheme in ["https:", "http:"] where original.lowercased().hasPrefix(scheme) {
      let rest = original.dropFirst(scheme.count).drop { $0 == "/" }
      original = scheme + "//" + rest
    }
    if !isWeb(original) { original = "http://" + original }
    guard let originalHost = domain(of: original), originalHost.contains(".") else { return url }
    return original
  }
}
