import FactArchiveCore
import FactArchiveDigest
import FactArchiveQuery
import Foundation
import HTTPTypes
import Hummingbird

/// `/reports`: the recorded nightly reports, and each one as its self-contained page.
struct ReportsController {
  let pool: ArchivePool

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get("/", use: list)
    group.get(":day", use: show)
  }

  @Sendable func list(_ request: Request, context: DeskContext) async throws -> Response {
    let runs = try await pool.run { try NightlyReport.recordedRuns(on: $0) }
    return Response.html(
      Layout.page(title: "Nightly reports", context: context, body: ReportsPage.body(runs)))
  }

  @Sendable func show(_ request: Request, context: DeskContext) async throws -> Response {
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
      "default-src 'none'; style-src 'self' 'sha256-\(Self.styleHash)'; "
      + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    return response
  }

  /// Base64 SHA-256 of the report's stylesheet, as Content-Security-Policy hashes are
  /// written.
  static let styleHash = Data(SHA256.digest(HTMLReport.styleText))
    .base64EncodedString()
}
