import Crypto
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore
import Foundation
import HTTPTypes
import Hummingbird

/// The pages: each handler parses the request, calls the library function the CLI calls,
/// and renders it.
extension Desk {
  func addPageRoutes(to router: Router<DeskContext>) {
    router.get("/") { request, context -> Response in
      let filters = try QueueFilters(request.query, today: configuration.today())
      let size = configuration.pageSize
      let (checks, counts, topics) = try await pool.run { db in
        let queue = filters.queue(pageSize: size)
        let topics = try StalenessRule.all(in: db).filter { $0.kind == .topic }.map(\.name)
        return (
          try queue.run(on: db), try queue.tierCounts(on: db), [StalenessRule.defaultName] + topics
        )
      }
      let body = QueuePage.body(
        checks: Array(checks.prefix(size)), hasNextPage: checks.count > size, tierCounts: counts,
        filters: filters, topics: topics)
      return Response.html(Layout.page(title: "Stale queue", context: context, body: body))
    }

    router.get("/checks/:id") { request, context -> Response in
      let id = try Self.id(context)
      let asOf =
        try QueueFilters.day(request.query.text("as_of"), name: "as_of") ?? configuration.today()
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
        Layout.page(
          title: page.detail.question, context: context, body: page.body(context: context)))
    }

    router.get("/search") { request, context -> Response in
      let query = request.query.text("q")
      let page =
        try QueueFilters.number(request.query.text("page"), name: "page", in: 1...1000) ?? 1
      var hits: [FullTextSearch.Hit] = []
      var error: String?
      if let query {
        do {
          hits = try await pool.run { db in
            try FullTextSearch(query: query, limit: 21, offset: (page - 1) * 20).run(on: db)
          }
        } catch let syntax as FullTextSearch.SyntaxError {
          error = "The search could not be read: \(syntax.description)"
        }
      }
      let body = SearchPage.body(
        query: query, hits: Array(hits.prefix(20)), page: page, hasNextPage: hits.count > 20,
        error: error)
      var response = Response.html(Layout.page(title: "Search", context: context, body: body))
      if error != nil { response.status = .badRequest }
      return response
    }

    router.get("/sources/:id") { _, context -> Response in
      let id = try Self.id(context)
      guard let source = try await pool.run({ try SourceDetail.load(id, from: $0) }) else {
        throw DeskError.notFound("source \(id)")
      }
      return Response.html(
        Layout.page(title: source.title, context: context, body: SourcePage.body(source)))
    }

    router.get("/reports") { _, context -> Response in
      let runs = try await pool.run { try NightlyReport.recordedRuns(on: $0) }
      return Response.html(
        Layout.page(title: "Nightly reports", context: context, body: ReportsPage.body(runs)))
    }

    router.get("/reports/:day") { _, context -> Response in
      let text = context.parameters.get("day") ?? ""
      guard let day = try QueueFilters.day(text, name: "day") else {
        throw DeskError.badRequest("day: missing")
      }
      guard let content = try await pool.run({ try NightlyReport.recorded(asOf: day, on: $0) })
      else {
        throw DeskError.notFound("report recorded for \(day.iso)")
      }
      // The report is one self-contained page with its own inline stylesheet: the policy
      // allows that stylesheet by its hash, and nothing else inline.
      var response = Response.html(HTMLReport.page(content))
      response.headers[.contentSecurityPolicy] =
        "default-src 'none'; style-src 'self' 'sha256-\(Self.hash(HTMLReport.styleText))'; "
        + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
      return response
    }

    router.get("/style.css") { _, _ -> Response in
      var response = Response.text(Stylesheet.css, contentType: "text/css; charset=utf-8")
      response.headers[.cacheControl] = "max-age=3600"
      return response
    }

    router.get("/healthz") { _, _ -> Response in
      Response.text("ok\n")
    }

    router.get("/favicon.ico") { _, _ -> Response in
      Response(status: .noContent)
    }
  }

  /// The `:id` of the path, as a positive number (400 otherwise).
  static func id(_ context: DeskContext) throws(DeskError) -> Int64 {
    let text = context.parameters.get("id") ?? ""
    guard let id = Int64(text), id > 0 else {
      throw .badRequest("'\(text)' is not an id: ids are positive whole numbers.")
    }
    return id
  }

  /// Base64 SHA-256, as Content-Security-Policy hashes are written.
  static func hash(_ text: String) -> String {
    Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
  }
}
