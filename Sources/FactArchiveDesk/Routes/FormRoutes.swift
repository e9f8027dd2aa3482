import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import Foundation
import Hummingbird

/// The forms: each POST is one short transaction through the same library call as the CLI,
/// then a 303 back to the page. The CSRF token was checked before (`CSRFMiddleware`).
extension Desk {
  func addFormRoutes(to router: Router<DeskContext>) {
    router.post("/checks/:id/review") { request, context -> Response in
      let id = try Self.id(context)
      var request = request
      let form = try await request.form(context: context)
      guard let name = form.text("verdict"), let verdict = ReviewVerdict(argument: name) else {
        throw DeskError.badRequest(
          "verdict: use one of " + ReviewVerdict.allCases.map(\.argument).joined(separator: ", ")
            + ".")
      }
      let today = configuration.today()
      let day = try QueueFilters.day(form.text("on"), name: "on") ?? today
      guard day <= today else {
        throw DeskError.badRequest(
          "on: \(day.iso) is after today (\(today.iso)): a review cannot be in the future.")
      }
      let note = form.text("note") ?? ""
      guard note.count <= 2000 else {
        throw DeskError.badRequest("note: at most 2,000 characters.")
      }
      if verdict == .needsUpdate, note.isEmpty {
        throw DeskError.badRequest("note: say what needs updating.")
      }
      let editor = context.editor
      let time = configuration.now()
      try await pool.run { db in
        do {
          try Reviews.record(
            checkID: id, verdict: verdict, note: note, on: day, by: editor, at: time, in: db)
        } catch let failure as Reviews.Failure {
          switch failure {
          case .noSuchCheck: throw DeskError.notFound("check \(id)")
          case .superseded: throw DeskError(.conflict, failure.description)
          }
        }
      }
      return Response.redirect(to: "/checks/\(id)")
    }

    router.post("/checks/:id/snooze") { request, context -> Response in
      let id = try Self.id(context)
      var request = request
      let form = try await request.form(context: context)
      let today = configuration.today()
      guard let until = try QueueFilters.day(form.text("until"), name: "until") else {
        throw DeskError.badRequest("until: give the day the check comes back (YYYY-MM-DD).")
      }
      guard until > today else {
        throw DeskError.badRequest("until: \(until.iso) is not after today (\(today.iso)).")
      }
      guard let note = form.text("note"), note.count <= 500 else {
        throw DeskError.badRequest("note: say why it can wait (at most 500 characters).")
      }
      let editor = context.editor
      let time = configuration.now()
      try await pool.run { db in
        do {
          try db.transaction {
            try Snoozes.snooze(checkID: id, until: until, note: note, by: editor, at: time, in: db)
          }
        } catch Snoozes.Failure.noSuchCheck {
          throw DeskError.notFound("check \(id)")
        }
      }
      return Response.redirect(to: "/checks/\(id)")
    }

    router.post("/checks/:id/unsnooze") { _, context -> Response in
      let id = try Self.id(context)
      let editor = context.editor
      let today = configuration.today()
      let time = configuration.now()
      try await pool.run { db in
        do {
          try db.transaction {
            _ = try Snoozes.unsnooze(checkID: id, today: today, by: editor, at: time, in: db)
          }
        } catch let failure as Snoozes.Failure {
          throw DeskError(.conflict, failure.description)
        }
      }
      return Response.redirect(to: "/checks/\(id)")
    }

    // A desk without accounts: the editor's display name, kept in a cookie.
    router.post("/name") { request, context -> Response in
      guard !context.hasAccounts else {
        throw DeskError(.forbidden, "Signed-in editors are named by their account.")
      }
      var request = request
      let form = try await request.form(context: context)
      guard let name = form.text("name"), name.count <= 80, !name.contains(where: \.isNewline)
      else { throw DeskError.badRequest("name: one line, at most 80 characters.") }
      var response = Response.redirect(to: Self.back(request))
      response.setCookie(
        Cookie(
          name: SessionMiddleware.nameCookie,
          value: name.addingPercentEncoding(withAllowedCharacters: Layout.queryAllowed) ?? "",
          maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }

    router.get("/login") { request, context -> Response in
      guard context.hasAccounts else { return Response.redirect(to: "/") }
      let next = Self.safeNext(request.query["next"])
      return Response.html(
        Layout.page(
          title: "Sign in", context: context,
          body: LoginPage.body(next: next, failed: request.query["failed"] != nil, context: context)
        ))
    }

    router.post("/login") { request, context -> Response in
      guard let accounts = configuration.accounts else { return Response.redirect(to: "/") }
      var request = request
      let form = try await request.form(context: context)
      let next = Self.safeNext(form["next"])
      let user = form["user"] ?? ""
      let password = form["password"] ?? ""
      // Bcrypt is slow on purpose: off the event loop.
      let valid = try await NIOThreadPoolRunner.run {
        accounts.verify(user: user, password: password)
      }
      guard valid else {
        return Response.redirect(to: Layout.link("/login", [("next", next), ("failed", "1")]))
      }
      if let old = context.session?.id { await sessions.end(id: old) }
      let session = await sessions.create(user: user)
      var response = Response.redirect(to: next)
      response.setCookie(SessionMiddleware.sessionCookie(session.id))
      return response
    }

    router.post("/logout") { _, context -> Response in
      if let id = context.session?.id { await sessions.end(id: id) }
      var response = Response.redirect(to: context.hasAccounts ? "/login" : "/")
      response.setCookie(
        Cookie(
          name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/", httpOnly: true,
          sameSite: .strict))
      return response
    }
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
