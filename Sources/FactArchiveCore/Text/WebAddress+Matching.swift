extension WebAddress {
  /// An address as two claims' appearances are compared: the same post, video or article
  /// however it was linked. Dropped: the scheme, a `www.`, `m.` or `mobile.` before the host
  /// (`x.com` is `twitter.com`), the port, the fragment, a trailing slash, and the
  /// parameters that only say who shared it or from where (`utm_*`, `fbclid`, `igshid`, …);
  /// the other parameters are sorted.
  /// A post on a platform that files posts under the account's name (which changes, and
  /// which other links leave out) is keyed by its id alone (`socialPost`). A redirecting
  /// wrapper (`l.facebook.com/l.php?u=…`, `google.com/url?q=…`, an AMP copy: `unwrapped`)
  /// is the address it leads to, and a web archive's capture (`web.archive.org/web/…/
  /// https://…`, archive.today's dated form) the address it copied: fact-checkers often
  /// cite a post by its archived copy. `nil` for what is not a web address.
  public static func matchKey(_ url: String) -> String? {
    let trimmed = unarchived(unwrapped(url.trimmingSpaces()))
    guard isWeb(trimmed), var host = domain(of: trimmed),
      let (path, allParameters) = pathAndParameters(of: trimmed)
    else { return nil }
    for prefix in ["m.", "mobile."] where host.hasPrefix(prefix) {
      host.removeFirst(prefix.count)
    }
    if host == "x.com" { host = "twitter.com" }
    if host == "web.facebook.com" { host = "facebook.com" }
    let segments = path.split(separator: "/").map(String.init)
    if let post = socialPost(host: host, segments: segments, parameters: allParameters) {
      return post
    }
    var parameters = allParameters.filter(saysWhatItShows)
    if host == "youtube.com", path == "/watch" {
      parameters = parameters.filter { $0.hasPrefix("v=") }
    }
    parameters.sort()
    return host + path + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
  }

  /// A post's key on the platforms where one post has several addresses, or `nil`:
  /// - X and Twitter: `twitter.com/i/status/ID` (`/NAME/status/ID`, `/i/web/status/ID`);
  /// - YouTube: `youtube.com/watch?v=ID` (`youtu.be/ID`, `/shorts/ID`, `/embed/ID`,
  ///   `/live/ID`), a start time left out;
  /// - Facebook: `facebook.com/posts/ID` (`/NAME/posts/ID`, `story.php` and `permalink.php`
  ///   with `story_fbid`), `/videos/ID` (`/NAME/videos/ID`, `/watch?v=ID`, `/reel/ID`),
  ///   `/photos/ID` (`photo.php?fbid=ID`, `/NAME/photos/ALBUM/ID`);
  /// - Instagram: `instagram.com/p/CODE` (`/reel/CODE`, `/reels/CODE`, `/tv/CODE`, under
  ///   an account's name or not);
  /// - TikTok: `tiktok.com/video/ID` (`/@NAME/video/ID`, `m.tiktok.com/v/ID.html`), and
  ///   `/photo/ID`;
  /// - Threads: `threads.net/post/CODE` (`threads.com`, `/@NAME/post/CODE`);
  /// - Telegram: `t.me/CHANNEL/ID` (`/s/CHANNEL/ID`, the web preview).
  static func socialPost(host: String, segments: [String], parameters: [String]) -> String? {
    func after(_ names: Set<String>) -> String? {
      guard let index = segments.firstIndex(where: { names.contains($0.lowercased()) }),
        index + 1 < segments.count
      else { return nil }
      return segments[index + 1]
    }
    func lastNumber(after name: String) -> String? {
      guard let index = segments.firstIndex(where: { $0.lowercased() == name }) else {
        return nil
      }
      return segments[(index + 1)...].last { $0.allSatisfy(\.isASCIINumber) }
    }
    switch host {
    case "twitter.com":
      let id = after(["status", "statuses"])?.prefix { $0.isASCIINumber } ?? ""
      return id.isEmpty ? nil : "twitter.com/i/status/\(id)"
    case "youtu.be":
      return segments.first.map { "youtube.com/watch?v=\($0)" }
    case "youtube.com":
      if segments.count >= 2, ["shorts", "embed", "live"].contains(segments[0]) {
        return "youtube.com/watch?v=\(segments[1])"
      }
      return nil
    case "facebook.com":
      let page = segments.first?.lowercased()
      if ["story.php", "permalink.php"].contains(page),
        let id = value(of: "story_fbid", in: parameters)
      {
        return "facebook.com/posts/\(id)"
      }
      if page == "photo.php" || page == "photo", let id = value(of: "fbid", in: parameters) {
        return "facebook.com/photos/\(id)"
      }
      if page == "watch", let id = value(of: "v", in: parameters) {
        return "facebook.com/videos/\(id)"
      }
      if page == "reel", segments.count >= 2 { return "facebook.com/videos/\(segments[1])" }
      if let id = after(["posts"]) { return "facebook.com/posts/\(id)" }
      if let id = lastNumber(after: "videos") { return "facebook.com/videos/\(id)" }
      if let id = lastNumber(after: "photos") { return "facebook.com/photos/\(id)" }
      return nil
    case "instagram.com":
      return after(["p", "reel", "reels", "tv"]).map { "instagram.com/p/\($0)" }
    case "tiktok.com":
      if segments.count == 2, segments[0] == "v", segments[1].hasSuffix(".html") {
        return "tiktok.com/video/\(segments[1].dropLast(5))"
      }
      if let id = after(["video"]) { return "tiktok.com/video/\(id)" }
      return after(["photo"]).map { "tiktok.com/photo/\($0)" }
    case "threads.net", "threads.com":
      return after(["post"]).map { "threads.net/post/\($0)" }
    case "t.me", "telegram.me":
      let rest = segments.first == "s" ? Array(segments.dropFirst()) : segments
      guard rest.count == 2, rest[1].allSatisfy(\.isASCIINumber) else { return nil }
      return "t.me/\(rest[0].lowercased())/\(rest[1])"
    default:
      return nil
    }
  }

  /// The ways an archive may have stored the address `url` names (a source's `url` is kept
  /// as its page or feed gave it): as written (a redirecting wrapper opened: `unwrapped`),
  /// and without the fragment and sharing parameters, over `https` and `http`, with and
  /// without `www.` and a trailing slash. At most 9, for an indexed `IN` lookup; empty for
  /// what is not a web address.
  public static func spellings(of url: String) -> [String] {
    let trimmed = unwrapped(url.trimmingSpaces())
    guard isWeb(trimmed), let schemeEnd = trimmed.firstRange(of: "://"),
      let (path, allParameters) = pathAndParameters(of: trimmed)
    else { return [] }
    let lowerHost = trimmed[schemeEnd.upperBound...].prefix { !"/?#".contains($0) }.lowercased()
    let bareHost = lowerHost.hasPrefix("www.") ? String(lowerHost.dropFirst(4)) : lowerHost
    let parameters = allParameters.filter(saysWhatItShows)
    let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
    var spellings = [trimmed]
    for scheme in ["https://", "http://"] {
      for host in [bareHost, "www." + bareHost] {
        for tail in [path, path + "/"] where !spellings.contains(scheme + host + tail + query) {
          spellings.append(scheme + host + tail + query)
        }
      }
    }
    return spellings
  }

  /// `url` without the query parameters that only say who shared it or from where
  /// (`utm_*`, `fbclid`, `igshid`, … as `saysWhatItShows` judges them): the address a page is
  /// kept under, so a source saved from a feed's tracked link is found by its plain address.
  /// The other parameters, their order and the fragment stay as written.
  public static func withoutSharingParameters(_ url: String) -> String {
    guard isWeb(url), let question = url.firstIndex(of: "?") else { return url }
    let fragment = url.firstIndex(of: "#") ?? url.endIndex
    guard question < fragment else { return url }
    let parameters = url[url.index(after: question)..<fragment].split(separator: "&")
    let kept = parameters.filter { saysWhatItShows(String($0)) }
    guard kept.count < parameters.count else { return url }
    let query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
    return String(url[..<question]) + query + url[fragment...]
  }

  /// An address's path, its trailing slashes dropped, and its query parameters as written;
  /// the fragment left out. `nil` without a scheme.
  static func pathAndParameters(of url: String) -> (path: String, parameters: [String])? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    var rest = url[schemeEnd.upperBound...]
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    let located = rest.drop { $0 != "/" && $0 != "?" }
    let pathPart = located.prefix { $0 != "?" }
    var path = String(pathPart)
    while path.hasSuffix("/") { path.removeLast() }
    let parameters = located.dropFirst(pathPart.count).dropFirst().split(separator: "&")
    return (path, parameters.map(String.init))
  }

  /// The value of the parameter `name` (`name=value`), as written.
  static func value(of name: String, in parameters: [String]) -> String? {
    for parameter in parameters {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      if parts.count == 2, parts[0] == name, !parts[1].isEmpty { return String(parts[1]) }
    }
    return nil
  }

  /// Whether a query parameter (`name=value`) may say what an address shows: it has a name,
  /// and is not one that only says who shared the link or from where.
  static func saysWhatItShows(_ parameter: String) -> Bool {
    let name = parameter.prefix { $0 != "=" }.lowercased()
    return !name.isEmpty && !name.hasPrefix("utm_") && !sharingParameters.contains(name)
  }

  /// Query parameters that say who shared a link or from where, never what it shows.
  static let sharingParameters: Set<String> = [
    "fbclid", "gclid", "dclid", "msclkid", "igshid", "igsh", "mc_cid", "mc_eid", "ref_src",
    "ref_url", "si", "feature", "share_id", "rdt", "_ga",
  ]
}

extension Character {
  fileprivate var isASCIINumber: Bool { isASCII && isNumber }
}
