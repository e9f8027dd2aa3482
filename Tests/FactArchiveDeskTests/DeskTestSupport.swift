import ArchiveTestSupport
import FactArchiveCore
import FactArchiveDesk
import FactArchiveIngest
import FactArchiveSchema
import FactArchiveStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport

/// An archive of the fixtures (and any extra pages) with a desk over it, judged on a fixed
/// day, and a browser-like client that keeps its cookies.
struct DeskFixture {
  static let today = Day(iso: "2026-12-01") ?? Day(daysSinceEpoch: 0)

  let folder: TemporaryFolder
  let path: String

  init(extra: [(String, String)] = []) throws {
    folder = try TemporaryFolder()
    path = folder.file("archive.sqlite").path
    var paths = [TestPaths.fixture("evidence").path] + TestPaths.coreArticles
    for (name, text) in extra { paths.append(try folder.write(name, text)) }
    let db = try Connection.openArchive(path: path)
    try IngestSession(database: db).run(InputFiles(paths: paths))
  }

  func database() throws -> Connection { try Connection.openArchive(path: path) }

  func desk(
    readOnly: Bool = false, accounts: EditorAccounts? = nil, pageSize: Int = 50, log: Log = Log(),
    network: Network = Network()
  ) throws -> Desk {
    var configuration = DeskConfiguration(
      archivePath: path, readOnly: readOnly, accounts: accounts,
      trustedProxy: network.trustedProxy, unlockFile: network.unlockFile, defaultEditor: "ana",
      pageSize: pageSize,
      today: { DeskFixture.today }, now: { "2026-12-01T09:00:00Z" })
    configuration.throttleRules = network.rules
    configuration.allowsPrivateFetch = network.allowsPrivateFetch
    // The whole suite runs in parallel: the in-process fixture server may answer late.
    configuration.fetchIdleSeconds = 60
    return try Desk(configuration: configuration, log: { log.append($0) })
  }

  /// How the desk meets the network in a test: a trusted proxy, sign-in limits, and whether
  /// requests come over a real socket (`.live`: the desk sees the client's address).
  struct Network {
    var trustedProxy: String?
    var unlockFile: String?
    var rules = SignInThrottle.Rules()
    var live = false
    /// The Add page may fetch loopback addresses (the tests' own fixture server).
    var allowsPrivateFetch = false
  }

  /// Runs `body` with a client against the desk's router, in process.
  func test(
    readOnly: Bool = false, accounts: EditorAccounts? = nil, pageSize: Int = 50,
    log: Log = Log(), network: Network = Network(),
    _ body: @Sendable (Browser) async throws -> Void
  ) async throws {
    let app = Application(
      router: try desk(
        readOnly: readOnly, accounts: accounts, pageSize: pageSize, log: log, network: network
      ).router())
    try await app.test(network.live ? .live : .router) { client in
      try await body(Browser(client: client))
    }
  }
}

/// Lines the desk logged.
final class Log: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String] = []
  func append(_ line: String) { lock.withLock { entries.append(line) } }
  var lines: [String] { lock.withLock { entries } }
}

/// A client that sends back the cookies it was given, as a browser does.
final class Browser: @unchecked Sendable {
  let client: any TestClientProtocol
  private var cookies: [String: String] = [:]
  private let lock = NSLock()

  init(client: any TestClientProtocol) { self.client = client }

  struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String
  }

  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
    try await send(uri, method: .get, headers: headers, body: nil)
  }

  func head(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
    try await send(uri, method: .head, headers: headers, body: nil)
  }

  /// A form POST, `application/x-www-form-urlencoded`.
  func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws
    -> Page
  {
    let body = fields.map { name, value in
      name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }.joined(separator: "&")
    var headers = headers
    headers[.contentType] = "application/x-www-form-urlencoded"
    return try await send(uri, method: .post, headers: headers, body: body)
  }

  func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?)
    async throws -> Page
  {
    var headers = headers
    let cookie = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
    if !cookie.isEmpty { headers[.cookie] = cookie }
    let response = try await client.execute(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    for field in response.headers[values: .setCookie] {
      let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      if pair.count == 2 {
        lock.withLock {
          cookies[String(pair[0])] = String(pair[1]).isEmpty ? nil : String(pair[1])
        }
      }
    }
    return Page(
      status: response.status, headers: response.headers, text: String(buffer: response.body))
  }

  /// A file upload, `multipart/form-data`: the CSRF token (when given) and the files.
  func upload(_ uri: String, csrf: String?, files: [(name: String, bytes: [UInt8])]) async throws
    -> Page
  {
    let boundary = "----factarchive-test-boundary"
    var body = ""
    if let csrf {
      body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
    }
    for file in files {
      body +=
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; "
        + "filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + String(decoding: file.bytes, as: UTF8.self) + "\r\n"
    }
    body += "--\(boundary)--\r\n"
    return try await send(
      uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
      body: body)
  }

  /// The CSRF token of the session, read from a page's form.
  func csrf(from page: Page) -> String? {
    guard let range = page.text.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(page.text[range.upperBound...].prefix { $0 != "\"" })
  }
}
