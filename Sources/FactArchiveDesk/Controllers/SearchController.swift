import FactArchiveCore
import FactArchiveQuery
import Hummingbird

/// `/search?q=&in=`: full-text search of checks and sources, the same FTS5 queries as
/// `factarchive search`, a page of the configured size at a time.
struct SearchController {
  let pool: ArchivePool
  let configuration: DeskConfiguration

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get("/", use: search)
  }

  @Sendable func search(_ request: Request, context: DeskContext) async throws -> Response {
    let fields = try request.query(as: SearchQuery.self)
    let query = fields.q?.nonEmpty
    let page = try QueueFilters.number(fields.page?.nonEmpty, name: "page", in: 1...1000) ?? 1
    let scope = try fields.searchScope()
    let size = configuration.pageSize
    var hits: [FullTextSearch.Hit] = []
    var error: String?
    if let query {
      do {
        hits = try await pool.run { db in
          try FullTextSearch(query: query, limit: size + 1, offset: (page - 1) * size, in: scope)
            .run(on: db)
        }
      } catch let syntax as FullTextSearch.SyntaxError {
        error = "The search could not be read: \(syntax.description)"
      }
    }
    let body = SearchPage.body(
      query: query, scope: scope, hits: Array(hits.prefix(size)), page: page, pageSize: size,
      hasNextPage: hits.count > size, error: error)
    var response = Response.html(Layout.page(title: "Search", context: context, body: body))
    if error != nil { response.status = .badRequest }
    return response
  }
}
