import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import Hummingbird

/// `/`: the stale queue, tier by tier, a page at a time: the same `StaleQueue` as
/// `factarchive stale`.
struct QueueController {
  let pool: ArchivePool
  let configuration: DeskConfiguration

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get("/", use: queue)
  }

  @Sendable func queue(_ request: Request, context: DeskContext) async throws -> Response {
    let filters = try QueueFilters(
      try request.query(as: QueueQuery.self), today: configuration.today())
    let size = configuration.pageSize
    let (checks, counts, topics) = try await pool.run { db in
      let queue = filters.queue(pageSize: size)
      let topics = try StalenessRule.all(in: db).filter { $0.kind == .topic }.map(\.name)
      let (checks, counts) = try queue.runCounting(on: db)
      return (checks, counts, [StalenessRule.defaultName] + topics)
    }
    let body = QueuePage.body(
      checks: Array(checks.prefix(size)), hasNextPage: checks.count > size, tierCounts: counts,
      filters: filters, topics: topics)
    return Response.html(Layout.page(title: "Stale queue", context: context, body: body))
  }
}
