import FactArchiveCore
import FactArchiveFetch
import FactArchiveIngest
import Hummingbird

/// `/add`: pages, feeds and files added from the desk, through the same library calls as
/// `factarchive fetch` and `factarchive ingest`. The server fetches pasted addresses under
/// the address policy (no private or loopback addresses unless the desk was started with
/// `--allow-private-fetch`, judged again at every redirect and at every connection). Read-only desks and viewers were
/// refused before (`ChangesMiddleware`), and the CSRF token checked (`CSRFMiddleware`).
struct AddController {
  let pool: ArchivePool
  let configuration: DeskConfiguration

  /// Addresses fetched from one form, at most.
  static let mostURLs = 20

  func addRoutes(to group: RouterGroup<DeskContext>) {
    group.get(use: page)
    group.post("urls", use: addURLs)
    group.post("files", use: addFiles)
  }

  @Sendable func page(_ request: Request, context: DeskContext) async throws -> Response {
    guard !context.readOnly, context.role != .viewer else {
      throw DeskError(.forbidden, "Only editors on a writable desk can add to the archive.")
    }
    return Response.html(
      Layout.page(title: "Add", context: context, body: AddPage.body(context: context)))
  }

  @Sendable func addURLs(_ request: Request, context: DeskContext) async throws -> Response {
    var request = request
    let form = try await request.form(as: URLsForm.self, context: context)
    let urls = form.urls.split(whereSeparator: \.isNewline).compactMap {
      String($0).nonEmpty
    }
    guard !urls.isEmpty else { throw DeskError.badRequest("urls: one address per line.") }
    guard urls.count <= Self.mostURLs else {
      throw DeskError.badRequest("urls: at most \(Self.mostURLs) addresses at once.")
    }
    var limits = HTTPFetcher.Limits(maxBytes: configuration.maxBytes)
    limits.idleSeconds = configuration.fetchIdleSeconds
    limits.wholeSeconds = max(limits.wholeSeconds, configuration.fetchIdleSeconds)
    let fetcher = HTTPFetcher(
      limits: limits,
      policy: AddressPolicy(allowsPrivate: configuration.allowsPrivateFetch),
      userAgent: "factarchive-desk (fact-check archive)")
    // Fetched first, outside the archive; then written, one transaction per answer.
    var answers: [(String, Result<HTTPFetcher.Response, HTTPFetcher.Failure>)] = []
    for url in urls { answers.append((url, await fetcher.fetch(.init(url: url)))) }
    let fetched = answers
    let rows = try await pool.run { db -> [AddPage.Row] in
      let fetch = FetchSession(session: try IngestSession(database: db), fetcher: fetcher)
      return try fetched.map { url, answer in
        let result = try fetch.land(url, answer)
        switch result.outcome {
        case .failed(let failure): return AddPage.Row(input: url, outcome: .failed(failure.message))
        case .notModified: return AddPage.Row(input: url, outcome: .notModified)
        case .landed(let outcome, let document):
          return AddPage.Row(input: url, outcome: .landed(outcome), documentID: document)
        }
      }
    }
    return Response.html(
      Layout.page(
        title: "Added", context: context,
        body: AddPage.body(context: context, results: rows, urls: form.urls)))
  }

  @Sendable func addFiles(_ request: Request, context: DeskContext) async throws -> Response {
    var request = request
    guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
      throw DeskError.badRequest("Files are sent as multipart/form-data.")
    }
    let body = try await request.collectBody(upTo: DeskConfiguration.largestUpload)
    let files = try MultipartForm(Array(buffer: body), boundary: boundary).parts.filter {
      $0.name == "files" && $0.filename != nil
    }
    guard !files.isEmpty else { throw DeskError.badRequest("files: choose at least one file.") }
    let maxBytes = configuration.maxBytes
    let inputs = files.map { file -> InputDocument in
      let name = "upload:" + (file.filename?.nonEmpty ?? "unnamed")
      guard file.bytes.count <= maxBytes else {
        return InputDocument(
          path: name, byteCount: file.bytes.count,
          readError: ParseError(line: nil, "larger than \(maxBytes >> 20) MiB"))
      }
      return InputDocument(path: name, bytes: file.bytes)
    }
    let rows = try await pool.run { db -> [AddPage.Row] in
      try IngestSession(database: db).write(inputs).map { prepared, outcome in
        AddPage.Row(
          input: String(prepared.input.path.dropFirst("upload:".count)), outcome: .landed(outcome),
          documentID: try db.queryFirst(
            "SELECT id FROM documents WHERE sha256 = ?", [prepared.sha256]
          ) { $0.int64("id") })
      }
    }
    return Response.html(
      Layout.page(
        title: "Added", context: context, body: AddPage.body(context: context, results: rows)))
  }
}

struct URLsForm: Decodable {
  var urls: String
}
