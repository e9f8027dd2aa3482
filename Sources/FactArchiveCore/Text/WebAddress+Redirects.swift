import Foundation

extension WebAddress {
  /// The address a redirecting wrapper leads to, for the wrappers that carry it in the
  /// address itself:
  /// - Google's result and Docs links (`google.com/url?q=…` or `url=…`, on any of Google's
  ///   country hosts): a link pasted from a Google Doc into an article keeps the wrapper;
  /// - Facebook's and Instagram's outbound-link shims (`l.facebook.com/l.php?u=…`,
  ///   `l.instagram.com/?u=…`) and YouTube's (`youtube.com/redirect?q=…`);
  /// - Outlook's Safe Links (`….safelinks.protection.outlook.com/?url=…`), which mail
  ///   rewrites every link into;
  /// - Google's AMP viewer (`google.com/amp/s/example.org/story`) and the AMP cache
  ///   (`example-org.cdn.ampproject.org/c/s/example.org/story`), the page itself.
  ///
  /// A wrapper inside another is opened too. Any other address is returned as it is, and
  /// so is a wrapper whose target is not a web address or is missing. Shorteners (`t.co`,
  /// `bit.ly`) only say where they lead when asked over the network, and are kept.
  public static func unwrapped(_ url: String) -> String {
    var current = url
    for _ in 0..<3 {
      guard let target = wrapperTarget(current) else { break }
      current = target
    }
    return current
  }

  /// The target of a wrapper, `nil` for any other address. Asked of every link a page
  /// holds, so the host is judged before the address is taken apart.
  private static func wrapperTarget(_ written: String) -> String? {
    let url = written.trimmingSpaces()
    guard isWeb(url), let host = domain(of: url), isWrapperHost(host),
      let schemeEnd = url.firstRange(of: "://"), let (path, parameters) = pathAndParameters(of: url)
    else { return nil }
    // The address after its host: `/amp/s/example.org/story?x=1`.
    let located = url[schemeEnd.upperBound...].drop { $0 != "/" && $0 != "?" && $0 != "#" }
    let parameter: String?
    if isGoogle(host) {
      if located.hasPrefix("/amp/") { return ampTarget(located.dropFirst("/amp/".count)) }
      parameter = path == "/url" ? "q|url" : nil
    } else if host.hasSuffix(".cdn.ampproject.org") {
      guard located.hasPrefix("/c/") || located.hasPrefix("/v/") else { return nil }
      return ampTarget(located.dropFirst(3))
    } else if ["l.facebook.com", "lm.facebook.com"].contains(host) {
      parameter = path == "/l.php" ? "u" : nil
    } else if host == "l.instagram.com" {
      parameter = path.isEmpty ? "u" : nil
    } else if host == "youtube.com" || host == "m.youtube.com" {
      parameter = path == "/redirect" ? "q" : nil
    } else if host.hasSuffix(".safelinks.protection.outlook.com") {
      parameter = "url"
    } else {
      return nil
    }
    guard let parameter else { return nil }
    for name in parameter.split(separator: "|") {
      if let value = value(of: String(name), in: parameters)?.removingPercentEncoding,
        value != url, isWeb(value)
      {
        return value.trimmingSpaces()
      }
    }
    return nil
  }

  /// Whether a host serves one of the wrappers `unwrapped` opens.
  private static func isWrapperHost(_ host: String) -> Bool {
    isGoogle(host) || shimHosts.contains(host) || host.hasSuffix(".cdn.ampproject.org")
      || host.hasSuffix(".safelinks.protection.outlook.com")
  }

  /// The wrappers' hosts that are not Google's and not a family of subdomains.
  private static let shimHosts: Set<String> = [
    "l.facebook.com", "lm.facebook.com", "l.instagram.com", "youtube.com", "m.youtube.com",
  ]

  /// Google's own hosts: `google.com`, `google.co.uk`, `google.com.br`, not `google.example.org`.
  private static func isGoogle(_ host: String) -> Bool {
    guard host.hasPrefix("google.") else { return false }
    let suffix = host.dropFirst("google.".count).split(separator: ".")
    return (1...2).contains(suffix.count) && suffix.allSatisfy { $0.count <= 3 }
  }

  /// The page an AMP address serves: `s/example.org/story` over https, else over http.
  private static func ampTarget(_ rest: Substring) -> String? {
    let secure = rest.hasPrefix("s/")
    let hostAndPath = secure ? rest.dropFirst(2) : rest
    let host = hostAndPath.prefix { $0 != "/" }
    guard host.contains("."), host.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
      return nil
    }
    return (secure ? "https://" : "http://") + hostAndPath
  }
}
