import FactArchiveCore
import FactArchiveQuery
import Hummingbird

/// `/sources/:id`: a source article and the checks it is evidence for.
struct SourcesController {
  let pool: ArchivePool

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get(":id", use: show)
  }

  @Sendable func show(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    guard let source = try await pool.run({ try SourceDetail.load(id, from: $0) }) else {
      throw DeskError.notFound("source \(id)")
    }
    return Response.html(
      Layout.page(title: source.title, context: context, body: SourcePage.body(source)))
  }
}
