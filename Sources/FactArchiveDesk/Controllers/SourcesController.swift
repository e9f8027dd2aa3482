import FactArchiveCore
import FactArchiveQuery
import Hummingbird

/// `/sources/:id`: a source article and the checks it is evidence for.
struct SourcesController {
  let pool: ArchivePool

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get(":id", use: show)
  }

  /// `/documents/:id`: a rejected document, why, and the start of what it holds.
  @Sendable func rejected(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    guard let (document, text) = try await pool.run({ try RejectedDocument.load(id, in: $0) })
    else { throw DeskError.notFound("rejected document \(id)") }
    var body: HTML = """
      <h1>Rejected: \(document.path)</h1>
      <p class="banner">\(document.location)</p>
      <p class="muted">Document \(String(document.documentID)), \(String(document.byteCount)) bytes, \
      ingested \(document.ingestedAt); kept whole, so <code>factarchive reparse</code> reads it \
      again when the parser changes.</p>

      """
    if let text {
      body += "<pre class=\"raw\">\(text)</pre>\n"
    } else {
      body += "<p class=\"muted\">Not text: nothing to show.</p>\n"
    }
    return Response.html(Layout.page(title: "Rejected", context: context, body: body))
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
