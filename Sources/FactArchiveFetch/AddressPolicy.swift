#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which addresses a fetch may reach. A server that fetches URLs for its users (the desk's
/// "Add to the archive" page) must not become a way into the newsroom's network: it refuses
/// loopback, private, link-local, shared, multicast, reserved and unspecified addresses, IPv4
/// and IPv6 (IPv4-mapped and NAT64 addresses are judged by the IPv4 address inside), and
/// schemes other than http and https. The host is resolved and every address it resolves to
/// is judged, before the request and again at every redirect, for a message that names the
/// host; and the fetcher judges the address of every connection as it is opened, so a name
/// server that answers differently the second time (DNS rebinding) cannot steer a request
/// inward either. A proxy the environment names (`https_proxy`, …) is the operator's own
/// choice and is reached wherever it is; the proxy then resolves the names.
public struct AddressPolicy: Sendable {
  /// Whether private and loopback addresses may be reached (`--allow-private-fetch`; the
  /// command line, run by the operator on their own machine, allows them).
  public var allowsPrivate: Bool
  /// Hosts reachable though their addresses are internal (a newsroom's own wire server),
  /// lowercase, as written in URLs.
  public var exemptHosts: Set<String>
  /// How a host's addresses are found before the request (`getaddrinfo`; tests stand in
  /// for a name server).
  var resolver: @Sendable (String) -> [Address] = AddressPolicy.resolve

  public init(allowsPrivate: Bool, exemptHosts: Set<String> = []) {
    self.allowsPrivate = allowsPrivate
    self.exemptHosts = exemptHosts
  }

  /// Why `url` may not be fetched, or `nil` when it may.
  public func refusal(of url: String) -> String? {
    if let colon = url.firstIndex(of: ":"), case let scheme = url[..<colon].lowercased(),
      !scheme.isEmpty, scheme != "http", scheme != "https"
    {
      return "only http and https addresses are fetched, not \(scheme):"
    }
    guard let parts = URLParts(url) else { return "not a URL" }
    guard !allowsPrivate, !exemptHosts.contains(parts.host) else { return nil }
    let addresses = resolver(parts.host)
    guard !addresses.isEmpty else { return nil }  // the fetch reports "could not resolve host"
    for address in addresses {
      if let kind = Self.internalKind(address) {
        return Self.refusal(host: parts.host, address: address, kind: kind)
      }
    }
    return nil
  }

  /// The one message for an internal address: `host` is `kind` (`address`).
  static func refusal(host: String, address: Address, kind: String) -> String {
    "refused: \(host) is \(kind) (\(address.description)); "
      + "the desk fetches only public addresses unless started with --allow-private-fetch"
  }

  /// The addresses of the proxies named by the environment (`http_proxy`, `https_proxy`,
  /// `all_proxy`, either case), which libcurl connects to in place of the page's host.
  static func environmentProxyAddresses() -> [Address] {
    let names = ["http_proxy", "https_proxy", "all_proxy"].flatMap { [$0, $0.uppercased()] }
    return names.compactMap { name -> String? in
      guard let value = getenv(name) else { return nil }
      let proxy = String(cString: value)
      return proxy.contains("://") ? proxy : "http://\(proxy)"
    }.compactMap { URLParts($0)?.host }.flatMap { resolve($0) }
  }

  /// An address as 4 or 16 bytes.
  public struct Address: Sendable, Equatable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var description: String {
      if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
      return stride(from: 0, to: bytes.count, by: 2).map { (index: Int) -> String in
        let group: UInt16 = UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        return String(group, radix: 16)
      }.joined(separator: ":")
    }
  }

  /// What kind of internal address `address` is (`a loopback address`), or `nil` for a
  /// public one.
  public static func internalKind(_ address: Address) -> String? {
    let b = address.bytes
    if b.count == 4 {
      switch (b[0], b[1]) {
      case (0, _): return "an unspecified address"
      case (10, _), (172, 16...31), (192, 168): return "a private address"
      case (127, _): return "a loopback address"
      case (169, 254): return "a link-local address"
      case (100, 64...127): return "a shared (carrier-grade NAT) address"
      case (192, 0) where b[2] == 0: return "a reserved address"
      case (198, 18...19): return "a benchmarking address"
      case (224...239, _): return "a multicast address"
      case (240...255, _): return "a reserved address"
      default: return nil
      }
    }
    guard b.count == 16 else { return "not an IP address" }
    if b.allSatisfy({ $0 == 0 }) { return "an unspecified address" }
    if b[0..<15].allSatisfy({ $0 == 0 }), b[15] == 1 { return "a loopback address" }
    // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): the IPv4 address inside.
    if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF {
      return internalKind(Address(Array(b[12..<16])))
    }
    if b[0..<12].elementsEqual([0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]) {
      return internalKind(Address(Array(b[12..<16])))
    }
    if b[0] & 0xFE == 0xFC { return "a private (unique local) address" }
    if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return "a link-local address" }
    if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return "a site-local address" }
    if b[0] == 0xFF { return "a multicast address" }
    return nil
  }

  /// Every address `host` resolves to (a literal address is itself).
  public static func resolve(_ host: String) -> [Address] {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #else
      hints.ai_socktype = SOCK_STREAM
    #endif
    var result: UnsafeMutablePointer<addrinfo>?
    let name =
      host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result else { return [] }
    defer { freeaddrinfo(first) }
    var addresses: [Address] = []
    var current: UnsafeMutablePointer<addrinfo>? = first
    while let info = current {
      if let raw = info.pointee.ai_addr,
        let address = address(of: UnsafeRawPointer(raw), family: info.pointee.ai_family)
      {
        addresses.append(address)
      }
      current = info.pointee.ai_next
    }
    return addresses
  }

  /// The address in a `sockaddr_in` or `sockaddr_in6` of `family`; `nil` for other families.
  static func address(of socketAddress: UnsafeRawPointer, family: Int32) -> Address? {
    if family == AF_INET {
      var value = socketAddress.loadUnaligned(as: sockaddr_in.self).sin_addr.s_addr
      return Address(withUnsafeBytes(of: &value) { Array($0) })
    }
    if family == AF_INET6 {
      var value = socketAddress.loadUnaligned(as: sockaddr_in6.self).sin6_addr
      return Address(withUnsafeBytes(of: &value) { Array($0) })
    }
    return nil
  }
}

/// The scheme and host of a URL, read without Foundation's parser (which accepts what
/// libcurl may read differently): `scheme://[userinfo@]host[:port]/…`.
struct URLParts {
  var scheme: String
  var host: String

  init?(_ url: String) {
    guard let colon = url.firstIndex(of: ":") else { return nil }
    scheme = url[..<colon].lowercased()
    let rest = url[url.index(after: colon)...]
    guard rest.hasPrefix("//") else { return nil }
    var authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if let at = authority.lastIndex(of: "@") {
      authority = authority[authority.index(after: at)...]
    }
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      host = String(authority[...close])
    } else {
      host = String(authority.prefix { $0 != ":" })
    }
    host = host.lowercased()
    guard !host.isEmpty, !scheme.isEmpty else { return nil }
  }
}
