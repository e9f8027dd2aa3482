import FactArchiveCore
import FactArchiveQuery
import FactArchiveRecording
import Hummingbird

/// `/questions/:id/merge` and `/questions/:id/split`: an editor's merge of two questions of
/// one publisher, and its undoing, through the same library calls as `merge-questions` and
/// `split-question`; then a 303 back to the check page. The CSRF token was checked before
/// (`CSRFMiddleware`).
struct QuestionsController {
  let pool: ArchivePool
  let configuration: DeskConfiguration

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.post(":id/merge", use: merge)
    group.post(":id/split", use: split)
  }

  @Sendable func merge(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    var request = request
    let form = try await request.form(as: QuestionForm.self, context: context)
    guard let other = form.other.flatMap({ Int64($0) }), other > 0 else {
      throw DeskError.badRequest("other: the id of the question to merge into this one.")
    }
    let back = try back(form)
    let editor = context.editor
    let time = configuration.now()
    try await pool.run { db in
      do {
        try QuestionMerges.merge(other, into: id, by: editor, at: time, in: db)
      } catch let failure as QuestionMerges.Failure {
        throw Self.deskError(failure)
      }
    }
    return Response.redirect(to: back)
  }

  @Sendable func split(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    var request = request
    let form = try await request.form(as: QuestionForm.self, context: context)
    let back = try back(form)
    let editor = context.editor
    let time = configuration.now()
    try await pool.run { db in
      do {
        try QuestionMerges.split(id, by: editor, at: time, in: db)
      } catch let failure as QuestionMerges.Failure {
        throw Self.deskError(failure)
      }
    }
    return Response.redirect(to: back)
  }

  /// The check page the form came from (a number: never a redirect elsewhere), else the
  /// queue.
  private func back(_ form: QuestionForm) throws -> String {
    guard let given = form.back?.nonEmpty else { return "/" }
    guard let check = Int64(given), check > 0 else {
      throw DeskError.badRequest("back: a check id.")
    }
    return "/checks/\(check)"
  }

  static func deskError(_ failure: QuestionMerges.Failure) -> DeskError {
    switch failure {
    case .noSuchQuestion(let id): return .notFound("question \(id)")
    default: return DeskError(.conflict, failure.description)
    }
  }
}
