import ArchiveTestSupport
import FactArchiveFetch
import Foundation
import TestSupport
import Testing

/// Whether `name` is a program on the PATH.
func hasTool(_ name: String) -> Bool {
  (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
  }
}

/// HTTPS to a server whose certificate nobody signed: refused with "certificate not
/// trusted". The server is Python's, over a certificate `openssl` makes for the test, on
/// a loopback port (no network).
@Suite(
  .enabled(
    if: Requirement.met(hasTool("openssl") && hasTool("python3")),
    "openssl or python3 not installed: skipped"))
struct CertificateTests {
  @Test func aSelfSignedCertificateIsNotTrusted() async throws {
    let folder = try TemporaryFolder()
    let key = folder.file("key.pem").path
    let certificate = folder.file("cert.pem").path
    let made = try CommandRunner.run(
      executable: URL(fileURLWithPath: "/usr/bin/env"),
      [
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
        certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
      ])
    #expect(made.status == 0, "\(made.stderr)")
    // The server stops when its standard input closes: terminating the process is not
    // enough where `python3` is a wrapper script (pyenv's shims) that leaves Python running.
    let script = """
      import http.server, ssl, sys, threading
      server = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
      context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
      context.load_cert_chain(sys.argv[1], sys.argv[2])
      server.socket = context.wrap_socket(server.socket, server_side=True)
      print(server.server_address[1], flush=True)
      threading.Thread(target=server.serve_forever, daemon=True).start()
      sys.stdin.read()
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, certificate, key]
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardInput = input
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()
      process.terminate()
    }
    let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)))
    let fetcher = HTTPFetcher(
      limits: .init(maxBytes: 1 << 20), policy: AddressPolicy(allowsPrivate: true),
      userAgent: "factarchive-tests/1")
    let answer = await fetcher.fetch(.init(url: "https://127.0.0.1:\(port)/"))
    guard case .failure(let failure) = answer else {
      Issue.record("a self-signed certificate was trusted")
      return
    }
    #expect(failure.message.hasPrefix("certificate not trusted"), "\(failure.message)")
  }
}
