extension WebAddress {
  /// An address as two claims' appearances are compared: the same post, video or article
  /// however it was linked. Dropped: the scheme, a `www.`, `m.` or `mobile.` before the host,
  /// the port, the fragment, a trailing slash, and the parameters that only say who shared
  /// it or from where (`utm_*`, `fbclid`, `igshid`, …); the other parameters are sorted.
  /// `x.com` is `twitter.com`, and a post is `twitter.com/i/status/ID` under any account's
  /// name; `youtu.be/ID` and `youtube.com/shorts/ID`, `/embed/ID` and `/live/ID` are
  /// `youtube.com/watch?v=ID`, a video's start time left out. `nil` for what is not a web
  /// address.
  public static func matchKey(_ url: String) -> String? {
    let trimmed = url.trimmingSpaces()
    guard isWeb(trimmed), var host = domain(of: trimmed),
      let schemeEnd = trimmed.firstRange(of: "://")
    else { return nil }
    for prefix in ["m.", "mobile."] where host.hasPrefix(prefix) {
      host.removeFirst(prefix.count)
    }
    if host == "x.com" { host = "twitter.com" }
    var rest = trimmed[schemeEnd.upperBound...]
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    let located = rest.drop { $0 != "/" && $0 != "?" }
    let pathPart = located.prefix { $0 != "?" }
    var path = String(pathPart)
    while path.hasSuffix("/") { path.removeLast() }
    var parameters = located.dropFirst(pathPart.count).dropFirst().split(separator: "&").map(
      String.init
    ).filter { parameter in
      let name = parameter.prefix { $0 != "=" }.lowercased()
      return !name.isEmpty && !name.hasPrefix("utm_") && !sharingParameters.contains(name)
    }
    let segments = path.split(separator: "/").map(String.init)
    switch host {
    case "twitter.com" where segments.count >= 3 && segments[1] == "status":
      let id = segments[2].prefix { $0.isASCII && $0.isNumber }
      if !id.isEmpty {
        path = "/i/status/\(id)"
        parameters = []
      }
    case "youtu.be" where !segments.isEmpty:
      host = "youtube.com"
      (path, parameters) = ("/watch", ["v=\(segments[0])"])
    case "youtube.com"
    where segments.count >= 2 && ["shorts", "embed", "live"].contains(segments[0]):
      (path, parameters) = ("/watch", ["v=\(segments[1])"])
    case "youtube.com" where path == "/watch":
      parameters = parameters.filter { $0.hasPrefix("v=") }
    default:
      break
    }
    parameters.sort()
    return host + path + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
  }

  /// Query parameters that say who shared a link or from where, never what it shows.
  static let sharingParameters: Set<String> = [
    "fbclid", "gclid", "dclid", "msclkid", "igshid", "igsh", "mc_cid", "mc_eid", "ref_src",
    "ref_url", "si", "feature", "share_id", "rdt", "_ga",
  ]
}
