import FactArchiveCore
import FactArchiveQuery
import Hummingbird

/// `/api/…`: JSON for scripts, the same documents as the CLI's `--format json`.
struct APIController {
  let pool: ArchivePool
  let configuration: DeskConfiguration

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get("stale", use: stale)
    group.get("checks/:id", use: check)
    group.get("search", use: search)
    group.get("sources/:id", use: source)
  }

  /// Exactly what `factarchive stale --format json` prints for the same day and filters.
  @Sendable func stale(_ request: Request, context: DeskContext) async throws -> Response {
    let filters = try QueueFilters(
      try request.query(as: QueueQuery.self), today: configuration.today())
    let checks = try await pool.run { try filters.fullQueue.run(on: $0) }
    return Response.text(
      StaleReport.render(checks, format: .json, asOf: filters.asOf),
      contentType: "application/json; charset=utf-8")
  }

  @Sendable func check(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    let asOf =
      try QueueFilters.day(try request.query(as: DayQuery.self).asOf?.nonEmpty, name: "as_of")
      ?? configuration.today()
    let found = try await pool.run { db -> (CheckDetail, StaleCheck?)? in
      guard let detail = try CheckDetail.load(id, from: db) else { return nil }
      return (detail, try StaleQueue.standing(of: id, asOf: asOf, on: db))
    }
    guard let (detail, standing) = found else { throw DeskError.notFound("check \(id)") }
    return Response.json(
      .object([
        .init("check", detail.json),
        .init("standing", standing.map { StaleReport.json([$0]) } ?? .null),
      ]))
  }

  @Sendable func search(_ request: Request, context: DeskContext) async throws -> Response {
    let fields = try request.query(as: SearchQuery.self)
    guard let query = fields.q?.nonEmpty else {
      throw DeskError.badRequest("q: give a search query.")
    }
    let limit = try QueueFilters.number(fields.limit?.nonEmpty, name: "limit", in: 1...1000) ?? 20
    let offset =
      try QueueFilters.number(fields.offset?.nonEmpty, name: "offset", in: 0...100_000) ?? 0
    let scope = try fields.searchScope()
    do {
      let hits = try await pool.run {
        try FullTextSearch(query: query, limit: limit, offset: offset, in: scope).run(on: $0)
      }
      return Response.text(
        FullTextSearch.render(hits, format: .json, query: query),
        contentType: "application/json; charset=utf-8")
    } catch let error as FullTextSearch.SyntaxError {
      throw DeskError.badRequest(error.description)
    }
  }

  @Sendable func source(_ request: Request, context: DeskContext) async throws -> Response {
    let id = try context.id()
    guard let source = try await pool.run({ try SourceDetail.load(id, from: $0) }) else {
      throw DeskError.notFound("source \(id)")
    }
    return Response.json(source.json)
  }
}
