import HTTPTypes
import Hummingbird

/// Who is asking, and over what, for a desk behind a TLS-terminating proxy
/// (`--behind-proxy ADDRESS`): `X-Forwarded-For` and `X-Forwarded-Proto` are believed only
/// from that address, the proxy's own; from anyone else they are ignored, so a client
/// cannot claim another address or HTTPS by sending the headers itself.
struct Forwarding: Sendable {
  /// The proxy's address, as the desk sees it connect (`127.0.0.1`, `::1`, `10.0.0.5`).
  let trustedProxy: String?

  static let forwardedFor = HTTPField.Name("X-Forwarded-For")
  static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")
  static let strictTransportSecurity = HTTPField.Name("Strict-Transport-Security")

  /// The client's address, and the scheme the client used (`nil`: not told by a trusted
  /// proxy, so plain HTTP to the desk itself).
  func client(of request: Request, peer: String?) -> (address: String, scheme: String?) {
    let peer = peer.map(Self.normalized) ?? ""
    guard let trustedProxy, !peer.isEmpty, peer == Self.normalized(trustedProxy) else {
      return (peer.isEmpty ? "-" : peer, nil)
    }
    // The proxy appends the address it saw to the list: the last entry is the one to trust.
    let forwarded = Self.forwardedFor.flatMap { request.headers[$0] }?
      .split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
    let scheme = Self.forwardedProto.flatMap { request.headers[$0] }?
      .split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    return (forwarded?.isEmpty == false ? forwarded ?? peer : peer, scheme)
  }

  /// `::ffff:127.0.0.1` is `127.0.0.1`.
  static func normalized(_ address: String) -> String {
    address.lowercased().hasPrefix("::ffff:") && address.contains(".")
      ? String(address.dropFirst(7)) : address
  }
}

/// Behind a trusted proxy: a request the client sent over plain HTTP is redirected to
/// HTTPS (308, so a form's POST is sent again as a POST), and every response over HTTPS
/// carries `Strict-Transport-Security`; session cookies are `Secure` (`DeskContext.secure`).
struct ForwardingMiddleware: RouterMiddleware {
  let forwarding: Forwarding

  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    var context = context
    let client = forwarding.client(of: request, peer: context.peerAddress)
    context.clientAddress = client.address
    switch client.scheme {
    case "http"?:
      let host = request.head.authority ?? "localhost"
      return Response(
        status: .permanentRedirect, headers: [.location: "https://\(host)\(request.uri)"])
    case "https"?:
      context.secure = true
      var response = try await next(request, context)
      if let name = Forwarding.strictTransportSecurity {
        response.headers[name] = "max-age=31536000"
      }
      return response
    default:
      return try await next(request, context)
    }
  }
}
