import FactArchiveCore
import FactArchiveQuery
import Foundation
import HTTPTypes
import Hummingbird

/// One line per request on the log: method, path, status, milliseconds, and the client's
/// address (the real one from a trusted proxy: `Forwarding`).
struct RequestLogMiddleware: RouterMiddleware {
  let log: @Sendable (String) -> Void
  let forwarding: Forwarding

  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    let start = DispatchTime.now().uptimeNanoseconds
    let client = forwarding.client(of: request, peer: context.peerAddress).address
    func line(_ status: Int) -> String {
      let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      return "\(request.method) \(request.uri.path) \(status) "
        + String(format: "%.1f", milliseconds) + " ms \(client)"
    }
    do {
      let response = try await next(request, context)
      log(line(response.status.code))
      return response
    } catch {
      log(line((error as? any HTTPResponseError)?.status.code ?? 500))
      throw error
    }
  }
}

/// The headers every response carries: a strict Content-Security-Policy (a route may set a
/// stricter or a hashed one of its own), no MIME sniffing, no framing, no referrer to
/// other sites, and no caching of pages that hold editors' notes.
struct SecurityHeadersMiddleware: RouterMiddleware {
  static let policy =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"

  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    var response = try await next(request, context)
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.policy
    }
    response.headers[.xContentTypeOptions] = "nosniff"
    if let frameOptions = HTTPField.Name("X-Frame-Options") {
      response.headers[frameOptions] = "DENY"
    }
    if let referrerPolicy = HTTPField.Name("Referrer-Policy") {
      response.headers[referrerPolicy] = "same-origin"
    }
    if response.headers[.cacheControl] == nil {
      response.headers[.cacheControl] = "no-store"
    }
    return response
  }
}

/// Errors as pages: a clear message for the reader (an HTML page, or JSON under `/api/`),
/// never a stack trace; unexpected errors are logged and shown as 500.
struct ErrorPageMiddleware: RouterMiddleware {
  let log: @Sendable (String) -> Void

  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as DeskError {
      return Self.page(for: error, request: request, context: context)
    } catch let error as any HTTPResponseError {
      let message =
        switch error.status {
        case .contentTooLarge:
          "The request is larger than the desk accepts (\(DeskConfiguration.largestBody / 1024) KiB)."
        case .notFound: "There is no page at \(request.uri.path)."
        case .methodNotAllowed: "That method is not allowed here."
        default: (error as? HTTPError)?.body ?? error.status.reasonPhrase
        }
      return Self.page(
        for: DeskError(error.status, message), request: request, context: context)
    } catch {
      log("error: \(request.method) \(request.uri.path): \(error)")
      return Self.page(
        for: DeskError(.internalServerError, "Something went wrong; the log has the details."),
        request: request, context: context)
    }
  }

  static func page(for error: DeskError, request: Request, context: DeskContext) -> Response {
    let response = fullPage(for: error, request: request, context: context)
    // HEAD: the same status and headers, no body (as the router does for pages that work).
    return request.method == .head ? response.createHeadResponse() : response
  }

  private static func fullPage(for error: DeskError, request: Request, context: DeskContext)
    -> Response
  {
    var response: Response
    if request.uri.path.hasPrefix("/api/") {
      response = .json(
        .object([
          .init("error", .string(error.message)), .init("status", .int(error.status.code)),
        ]), status: error.status)
    } else {
      response = .html(
        Layout.page(
          title: "\(error.status.code) \(error.status.reasonPhrase)", context: context,
          body: ErrorPage.body(error)), status: error.status)
    }
    for header in error.headers { response.headers.append(header) }
    return response
  }
}

/// An error a handler throws on purpose: its status and a message for the reader.
public struct DeskError: Error, Sendable {
  public var status: HTTPResponse.Status
  public var message: String
  var headers: HTTPFields = [:]

  public init(_ status: HTTPResponse.Status, _ message: String) {
    self.status = status
    self.message = message
  }

  static func notFound(_ what: String) -> DeskError { DeskError(.notFound, "There is no \(what).") }
  static func badRequest(_ why: String) -> DeskError { DeskError(.badRequest, why) }
}

/// The session cookie, the signed-in editor, and the sign-in every page needs on a desk
/// with accounts. Scripts may send HTTP Basic credentials instead of a session.
struct SessionMiddleware: RouterMiddleware {
  static let cookie = "fa_session"
  static let nameCookie = "fa_name"
  /// Reachable without signing in.
  static let openPaths: Set<String> = ["/login", "/healthz", "/style.css", "/favicon.ico"]

  let sessions: SessionStore
  let configuration: DeskConfiguration
  let signIn: SignIn?

  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    var context = context
    context.readOnly = configuration.readOnly
    context.hasAccounts = configuration.accounts != nil
    var isNew = false
    var session = await sessions.session(id: request.cookies[Self.cookie]?.value)
    if session == nil {
      session = await sessions.create()
      isNew = true
    }
    context.session = session
    if let accounts = configuration.accounts {
      if let user = session?.user {
        context.editor = user
      } else if let (user, password) = Self.basicCredentials(request), let signIn,
        try await signIn.attempt(user: user, password: password, from: context.clientAddress)
      {
        context.editor = user
      } else if !Self.openPaths.contains(request.uri.path) {
        return Self.signInRequired(request)
      }
      if !context.editor.isEmpty { context.role = accounts.role(of: context.editor) }
    } else {
      context.editor =
        request.cookies[Self.nameCookie].flatMap { Self.decodeName($0.value) }
        ?? configuration.defaultEditor
    }
    var response = try await next(request, context)
    if isNew, let session, response.headers[.setCookie] == nil {
      response.setCookie(Self.sessionCookie(session.id, secure: context.secure))
    }
    return response
  }

  /// The session cookie: `Secure` when the client came over HTTPS.
  static func sessionCookie(_ id: String, secure: Bool) -> Cookie {
    Cookie(name: cookie, value: id, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
  }

  private static func signInRequired(_ request: Request) -> Response {
    if request.uri.path.hasPrefix("/api/") {
      var response = Response.json(
        .object([.init("error", .string("sign in first (HTTP Basic or the desk's sign-in page)"))]),
        status: .unauthorized)
      response.headers[.wwwAuthenticate] = "Basic realm=\"FactArchive desk\", charset=\"UTF-8\""
      return response
    }
    let next =
      request.method == .get ? request.uri.path + (request.uri.query.map { "?" + $0 } ?? "") : "/"
    return .redirect(
      to: "/login?next="
        + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
  }

  /// The user and password of `Authorization: Basic` credentials.
  static func basicCredentials(_ request: Request) -> (String, String)? {
    guard let header = request.headers[.authorization], header.hasPrefix("Basic "),
      let data = Data(base64Encoded: String(header.dropFirst(6))),
      let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
    else { return nil }
    return (String(text[..<colon]), String(text[text.index(after: colon)...]))
  }

  /// A display name from its cookie: percent-decoded, one line, at most 80 characters.
  static func decodeName(_ value: String) -> String? {
    guard let name = value.removingPercentEncoding?.trimmingCharacters(in: .whitespaces),
      !name.isEmpty, name.count <= 80, !name.contains(where: \.isNewline)
    else { return nil }
    return name
  }
}

/// Who may change the archive: a read-only desk refuses every POST with 405, and a viewer's
/// POST is refused with 403 (signing in and out excepted: they change nothing in the
/// archive). Neither sees a form.
struct ChangesMiddleware: RouterMiddleware {
  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    guard request.method == .post, request.uri.path != "/login", request.uri.path != "/logout"
    else { return try await next(request, context) }
    if context.readOnly {
      var error = DeskError(
        .methodNotAllowed, "This desk is read-only: nothing can be changed from it.")
      error.headers[.allow] = "GET, HEAD"
      throw error
    }
    if context.role == .viewer {
      throw DeskError(
        .forbidden, "\(context.editor) is a viewer: viewers can look, not change anything.")
    }
    return try await next(request, context)
  }
}

/// Every POST carries the session's CSRF token in its `csrf` field; without it the request
/// is refused with 403 and changes nothing.
struct CSRFMiddleware: RouterMiddleware {
  func handle(
    _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
  ) async throws -> Response {
    guard request.method == .post else { return try await next(request, context) }
    var request = request
    let given: String?
    if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
      // An upload: the token is one of its parts (the body is kept for the handler).
      let body = try await request.collectBody(upTo: DeskConfiguration.largestUpload)
      let form = try MultipartForm(Array(buffer: body), boundary: boundary)
      given = form.parts.first { $0.name == "csrf" }.map {
        String(decoding: $0.bytes, as: UTF8.self)
      }
    } else {
      given = try await request.form(as: CSRFField.self, context: context).csrf
    }
    guard let expected = context.session?.csrf, let given,
      SessionStore.sameToken(given, expected)
    else {
      throw DeskError(
        .forbidden,
        "The form's security token is missing or out of date: reload the page and send it again.")
    }
    return try await next(request, context)
  }
}

extension Response {
  static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: page.markup)))
  }

  static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: value.rendered() + "\n")))
  }

  static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
    Response(
      status: .ok, headers: [.contentType: contentType],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  /// 303 See Other: where a form's POST sends the browser back.
  static func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
  }
}
