import Foundation

/// `factarchive serve` running in the background on a free port, for tests that need a real
/// server (a browser, signals). Its standard error is written to a file and read for the
/// address it listens on.
public final class DeskServer: @unchecked Sendable {
  public let process: Process
  public let url: URL
  public let log: URL

  /// Starts the server and waits (up to 20 s) until it says where it listens.
  public init(_ arguments: [String], in folder: TemporaryFolder) throws {
    log = folder.file("serve-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = ["serve", "--port", "0"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    var found: URL?
    for _ in 0..<400 where found == nil {
      usleep(50_000)
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if let range = text.range(of: "desk on ") {
        let address = text[range.upperBound...].prefix { !$0.isWhitespace }
        found = URL(string: String(address))
      }
      if !process.isRunning { break }
    }
    guard let found else {
      process.terminate()
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      throw CocoaError(
        .featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(text)"])
    }
    url = found
  }

  /// What the server printed so far.
  public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  /// GET `path`: the status and the body.
  public func get(_ path: String) throws -> (status: Int, body: String) {
    try send(path, method: "GET")
  }

  /// `path` asked with `method` (GET, HEAD, or POST with a form `body`): the status and the
  /// body, read as sent (no redirect followed).
  public func send(_ path: String, method: String, body: String = "") throws -> (
    status: Int, body: String
  ) {
    let answer = try LoopbackHTTP.exchangeBlocking(
      port: url.port ?? 80, method: method, target: path,
      headers: body.isEmpty ? [] : [("Content-Type", "application/x-www-form-urlencoded")],
      body: Array(body.utf8), seconds: 20)
    return (answer.status, String(decoding: answer.body, as: UTF8.self))
  }

  /// Sends SIGTERM and waits for the process to end; its exit status.
  @discardableResult
  public func stop() -> Int32 {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { process.terminate() }
  }
}
