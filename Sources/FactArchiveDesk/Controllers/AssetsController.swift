import FactArchiveCore
import Hummingbird

/// The stylesheet, the health check and the (empty) icon: reachable without signing in.
struct AssetsController {
  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get("style.css", use: stylesheet)
    group.get("healthz", use: health)
    group.get("favicon.ico", use: icon)
  }

  @Sendable func stylesheet(_ request: Request, context: DeskContext) async throws -> Response {
    var response = Response.text(Stylesheet.css, contentType: "text/css; charset=utf-8")
    response.headers[.cacheControl] = "max-age=3600"
    return response
  }

  @Sendable func health(_ request: Request, context: DeskContext) async throws -> Response {
    Response.text("ok\n")
  }

  @Sendable func icon(_ request: Request, context: DeskContext) async throws -> Response {
    Response(status: .noContent)
  }
}
