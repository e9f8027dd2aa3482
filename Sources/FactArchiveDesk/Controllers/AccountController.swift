import FactArchiveCore
import Foundation
import Hummingbird

/// Who is at the desk: signing in and out on a desk with accounts, the display name on one
/// without.
struct AccountController {
  let configuration: DeskConfiguration
  let sessions: SessionStore
  let signIn: SignIn?

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get("login", use: loginPage)
    group.post("login", use: login)
    group.post("logout", use: logout)
    group.post("name", use: name)
  }

  @Sendable func loginPage(_ request: Request, context: DeskContext) async throws -> Response {
    guard context.hasAccounts else { return Response.redirect(to: "/") }
    let query = try request.query(as: LoginQuery.self)
    let next = Self.safeNext(query.next)
    return Response.html(
      Layout.page(
        title: "Sign in", context: context,
        body: LoginPage.body(next: next, failed: query.failed != nil, context: context)))
  }

  @Sendable func login(_ request: Request, context: DeskContext) async throws -> Response {
    guard let signIn else { return Response.redirect(to: "/") }
    var request = request
    let form = try await request.form(as: LoginForm.self, context: context)
    let next = Self.safeNext(form.next)
    let user = form.user ?? ""
    let password = form.password ?? ""
    guard try await signIn.attempt(user: user, password: password, from: context.clientAddress)
    else {
      return Response.redirect(to: Layout.link("/login", [("next", next), ("failed", "1")]))
    }
    if let old = context.session?.id { await sessions.end(id: old) }
    let session = await sessions.create(user: user)
    var response = Response.redirect(to: next)
    response.setCookie(SessionMiddleware.sessionCookie(session.id, secure: context.secure))
    return response
  }

  @Sendable func logout(_ request: Request, context: DeskContext) async throws -> Response {
    if let id = context.session?.id { await sessions.end(id: id) }
    var response = Response.redirect(to: context.hasAccounts ? "/login" : "/")
    response.setCookie(
      Cookie(
        name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/", secure: context.secure,
        httpOnly: true, sameSite: .strict))
    return response
  }

  /// A desk without accounts: the editor's display name, kept in a cookie.
  @Sendable func name(_ request: Request, context: DeskContext) async throws -> Response {
    guard !context.hasAccounts else {
      throw DeskError(.forbidden, "Signed-in editors are named by their account.")
    }
    var request = request
    let form = try await request.form(as: NameForm.self, context: context)
    guard let name = form.name?.nonEmpty, name.count <= 80, !name.contains(where: \.isNewline)
    else { throw DeskError.badRequest("name: one line, at most 80 characters.") }
    var response = Response.redirect(to: Self.back(request))
    response.setCookie(
      Cookie(
        name: SessionMiddleware.nameCookie,
        value: name.addingPercentEncoding(withAllowedCharacters: Layout.queryAllowed) ?? "",
        maxAge: 365 * 24 * 3600, path: "/", secure: context.secure, httpOnly: true,
        sameSite: .strict))
    return response
  }

  /// Where a form came from (its Referer, on this site), else the queue.
  static func back(_ request: Request) -> String {
    guard let referer = request.headers[.referer], let url = URL(string: referer) else {
      return "/"
    }
    return safeNext(url.path + (url.query.map { "?" + $0 } ?? ""))
  }

  /// A path on this site to go to after signing in; anything else is the queue.
  static func safeNext(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
      !next.contains(where: { $0.isNewline })
    else { return "/" }
    return next
  }
}
