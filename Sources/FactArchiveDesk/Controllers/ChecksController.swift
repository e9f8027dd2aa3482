import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import Hummingbird

/// `/checks/:id`: one check whole, and the forms that record what an editor found. Each
/// POST is one short transaction through the same library call as the CLI, then a 303 back
/// to the page; the CSRF token was checked before (`CSRFMiddleware`).
struct ChecksController {
  let pool: ArchivePool
  let configuration: DeskConfiguration

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get(":id", use: show)
    group.post(":id/review", use: review)
    group.post(":id/snooze", use: snooze)
    group.post(":id/unsnooze", use: unsnooze)
  }

  @Sendable func show(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    let asOf =
      try QueueFilters.day(try request.query(as: DayQuery.self).asOf?.nonEmpty, name: "as_of")
      ?? configuration.today()
    let page = try await pool.run { db -> CheckPage? in
      guard let detail = try CheckDetail.load(id, from: db) else { return nil }
      let history = try QuestionHistory.load(questionID: detail.questionID, from: db)
      var summaries: [Int64: String] = [:]
      for entry in (history?.entries ?? []).suffix(20) {
        summaries[entry.checkID] =
          entry.checkID == id
          ? detail.summaries.first?.body
          : try CheckDetail.load(entry.checkID, from: db)?.summaries.first?.body
      }
      return CheckPage(
        detail: detail, standing: try StaleQueue.standing(of: id, asOf: asOf, on: db),
        history: history, summaries: summaries, asOf: asOf,
        isLatest: history?.entries.first { $0.checkID == id }?.isLatest ?? false)
    }
    guard let page else { throw DeskError.notFound("check \(id)") }
    return Response.html(
      Layout.page(title: page.detail.question, context: context, body: page.body(context: context)))
  }

  @Sendable func review(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    var request = request
    let form = try await request.form(as: ReviewForm.self, context: context)
    guard let name = form.verdict?.nonEmpty, let verdict = ReviewVerdict(argument: name) else {
      throw DeskError.badRequest(
        "verdict: use one of " + ReviewVerdict.allCases.map(\.argument).joined(separator: ", ")
          + ".")
    }
    let today = configuration.today()
    let day = try QueueFilters.day(form.on?.nonEmpty, name: "on") ?? today
    guard day <= today else {
      throw DeskError.badRequest(
        "on: \(day.iso) is after today (\(today.iso)): a review cannot be in the future.")
    }
    let note = form.note?.nonEmpty ?? ""
    guard note.count <= 2000 else { throw DeskError.badRequest("note: at most 2,000 characters.") }
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

  @Sendable func snooze(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    var request = request
    let form = try await request.form(as: SnoozeForm.self, context: context)
    let today = configuration.today()
    guard let until = try QueueFilters.day(form.until?.nonEmpty, name: "until") else {
      throw DeskError.badRequest("until: give the day the check comes back (YYYY-MM-DD).")
    }
    guard until > today else {
      throw DeskError.badRequest("until: \(until.iso) is not after today (\(today.iso)).")
    }
    guard let note = form.note?.nonEmpty, note.count <= 500 else {
      throw DeskError.badRequest("note: say why it can wait (at most 500 characters).")
    }
    let editor = context.editor
    let time = configuration.now()
    try await pool.run { db in
      do {
        _ = try db.transaction {
          try Snoozes.snooze(checkID: id, until: until, note: note, by: editor, at: time, in: db)
        }
      } catch Snoozes.Failure.noSuchCheck {
        throw DeskError.notFound("check \(id)")
      }
    }
    return Response.redirect(to: "/checks/\(id)")
  }

  @Sendable func unsnooze(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
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
}

extension DeskContext {
  /// The `:id` of the path, as a positive number (400 otherwise).
  func id() throws(DeskError) -> Int64 {
    let text = parameters.get("id") ?? ""
    guard let id = Int64(text), id > 0 else {
      throw .badRequest("'\(text)' is not an id: ids are positive whole numbers.")
    }
    return id
  }
}
