import ArchiveTestSupport
import FactArchiveCore
import FactArchiveDesk
import FactArchiveIngest
import FactArchiveSchema
import FactArchiveStore
import Foundation
import HTTPTypes
import Hummingbird
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

  /// How the desk meets the network in a test: a trusted proxy and sign-in limits. (Every
  /// test's requests come over a real socket from 127.0.0.1.)
  struct Network {
    var trustedProxy: String?
    var unlockFile: String?
    var rules = SignInThrottle.Rules()
    /// The Add page may fetch loopback addresses (the tests' own fixture server).
    var allowsPrivateFetch = false
  }

  /// Runs `body` with a browser against the desk served on a free loopback port.
  func test(
    readOnly: Bool = false, accounts: EditorAccounts? = nil, pageSize: Int = 50,
    log: Log = Log(), network: Network = Network(),
    _ body: @Sendable (Browser) async throws -> Void
  ) async throws {
    let app = Application(
      router: try desk(
        readOnly: readOnly, accounts: accounts, pageSize: pageSize, log: log, network: network
      ).router(), logger: LiveServer.logger)
    try await LiveServer.run(app) { port in try await body(Browser(port: port)) }
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
  let port: Int
  private var cookies: [String: String] = [:]
  private let lock = NSLock()

  init(port: Int) { self.port = port }

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
    try await send(uri, method: method, headers: headers, bytes: Array((body ?? "").utf8))
  }

  /// A request whose body is bytes (an upload of binary files).
  func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, bytes: [UInt8])
    async throws -> Page
  {
    var headers = headers
    let cookie = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
    if !cookie.isEmpty { headers[.cookie] = cookie }
    let answer = try await LoopbackHTTP.exchange(
      port: port, method: method.rawValue, target: uri,
      headers: headers.map { ($0.name.rawName, $0.value) }, body: bytes)
    var fields = HTTPFields()
    for (name, value) in answer.headers {
      if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
    }
    for field in answer.values("Set-Cookie") {
      let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      if pair.count == 2 {
        lock.withLock {
          cookies[String(pair[0])] = String(pair[1]).isEmpty ? nil : String(pair[1])
        }
      }
    }
    return Page(
      status: HTTPResponse.Status(code: answer.status), headers: fields,
      text: String(decoding: answer.body, as: UTF8.self))
  }

  /// A file upload, `multipart/form-data`: the CSRF token (when given) and the files.
  func upload(_ uri: String, csrf: String?, files: [(name: String, bytes: [UInt8])]) async throws
    -> Page
  {
    let boundary = "----factarchive-test-boundary"
    var body: [UInt8] = []
    if let csrf {
      body += Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
    }
    // The files' bytes as they are: a binary file (a Safari web archive) must arrive whole.
    for file in files {
      body += Array(
        ("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; "
          + "filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n").utf8)
      body += file.bytes + Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return try await send(
      uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
      bytes: body)
  }

  /// The CSRF token of the session, read from a page's form.
  func csrf(from page: Page) -> String? {
    guard let range = page.text.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(page.text[range.upperBound...].prefix { $0 != "\"" })
  }
}
