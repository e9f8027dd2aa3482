import FactArchiveCore
import FactArchiveQuery
import Hummingbird

/// JSON for scripts: the same documents as the CLI's `--format json`.
extension Desk {
  func addAPIRoutes(to router: Router<DeskContext>) {
    // Exactly what `factarchive stale --format json` prints for the same day and filters.
    router.get("/api/stale") { request, _ -> Response in
      let filters = try QueueFilters(request.query, today: configuration.today())
      let checks = try await pool.run { try filters.fullQueue.run(on: $0) }
      return Response.text(
        StaleReport.render(checks, format: .json, asOf: filters.asOf),
        contentType: "application/json; charset=utf-8")
    }

    router.get("/api/checks/:id") { request, context -> Response in
      let id = try Self.id(context)
      let asOf =
        try QueueFilters.day(request.query.text("as_of"), name: "as_of") ?? configuration.today()
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

    router.get("/api/search") { request, _ -> Response in
      guard let query = request.query.text("q") else {
        throw DeskError.badRequest("q: give a search query.")
      }
      let limit =
        try QueueFilters.number(request.query.text("limit"), name: "limit", in: 1...1000) ?? 20
      let offset =
        try QueueFilters.number(request.query.text("offset"), name: "offset", in: 0...100_000) ?? 0
      do {
        let hits = try await pool.run {
          try FullTextSearch(query: query, limit: limit, offset: offset).run(on: $0)
        }
        return Response.text(
          FullTextSearch.render(hits, format: .json, query: query),
          contentType: "application/json; charset=utf-8")
      } catch let error as FullTextSearch.SyntaxError {
        throw DeskError.badRequest(error.description)
      }
    }

    router.get("/api/sources/:id") { _, context -> Response in
      let id = try Self.id(context)
      guard let source = try await pool.run({ try SourceDetail.load(id, from: $0) }) else {
        throw DeskError.notFound("source \(id)")
      }
      return Response.json(source.json)
    }
  }
}
