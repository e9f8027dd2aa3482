import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One HTTP/1.1 exchange with a server on 127.0.0.1 over a plain socket. What a test sends
/// is exactly what the server reads, and the answer is read as it was sent: no redirect
/// followed, no cookie kept, no header added but `Host`, `Connection: close` and the body's
/// length. (The desk and fetch tests need nothing more, and an HTTP client package would
/// add minutes to a fresh clone's `make test`.)
public enum LoopbackHTTP {
  public struct Answer: Sendable {
    public var status: Int
    /// In the order sent; a name may repeat (`Set-Cookie`).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// Every value of the header `name` (case-insensitive).
    public func values(_ name: String) -> [String] {
      headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Sends one request and reads the whole answer, off the cooperative pool (the socket
  /// calls block), waiting at most `seconds` for the server.
  public static func exchange(
    port: Int, method: String, target: String, headers: [(String, String)] = [],
    body: [UInt8] = [], seconds: Int = 60
  ) async throws -> Answer {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(
          with: Result {
            try exchangeBlocking(
              port: port, method: method, target: target, headers: headers, body: body,
              seconds: seconds)
          })
      }
    }
  }

  /// The same exchange on the calling thread (for tests that are not async).
  public static func exchangeBlocking(
    port: Int, method: String, target: String, headers: [(String, String)] = [],
    body: [UInt8] = [], seconds: Int = 60
  ) throws -> Answer {
    #if canImport(Glibc)
      let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let socketFD = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard socketFD >= 0 else { throw Failure(description: "socket: errno \(errno)") }
    defer { close(socketFD) }
    var limit = timeval(tv_sec: seconds, tv_usec: 0)
    _ = setsockopt(
      socketFD, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    _ = setsockopt(
      socketFD, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      throw Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)")
    }
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
    // A server may answer (413, 403) and close before it has read a large body: the rest
    // of the body is then dropped and the answer read all the same.
    writeAll(Array((head + "\r\n").utf8) + body, to: socketFD)
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(socketFD, $0.baseAddress, $0.count) }
      if count > 0 {
        received += buffer[0..<count]
      } else if count < 0 && errno == EINTR {
        continue
      } else if count < 0 && received.isEmpty {
        throw Failure(description: "no answer from 127.0.0.1:\(port): errno \(errno)")
      } else {
        break
      }
    }
    return try parse(received, method: method)
  }

  private static func writeAll(_ bytes: [UInt8], to socketFD: Int32) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { raw in
        #if canImport(Glibc)
          send(socketFD, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
        #else
          send(socketFD, raw.baseAddress, raw.count, 0)
        #endif
      }
      if sent < 0 && errno == EINTR { continue }
      if sent <= 0 { return }
      offset += sent
    }
  }

  static func parse(_ bytes: [UInt8], method: String) throws -> Answer {
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    guard let end = firstRange(of: separator, in: bytes) else {
      throw Failure(description: "an answer without a complete head (\(bytes.count) bytes)")
    }
    let lines = String(decoding: bytes[0..<end], as: UTF8.self)
      .components(separatedBy: "\r\n")
    let statusWords = lines[0].split(separator: " ")
    guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
      throw Failure(description: "not a status line: \(lines[0])")
    }
    let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (
        String(line[..<colon]),
        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      )
    }
    var answer = Answer(status: status, headers: headers, body: [])
    let rest = Array(bytes[(end + separator.count)...])
    if method == "HEAD" {
      answer.body = rest
    } else if answer.values("Transfer-Encoding").contains(where: { $0.lowercased() == "chunked" }) {
      answer.body = try dechunked(rest)
    } else if let length = answer.values("Content-Length").first.flatMap({ Int($0) }) {
      answer.body = Array(rest.prefix(length))
    } else {
      answer.body = rest
    }
    return answer
  }

  private static func dechunked(_ bytes: [UInt8]) throws -> [UInt8] {
    var body: [UInt8] = []
    var index = 0
    let lineEnd: [UInt8] = [13, 10]
    while let sizeEnd = firstRange(of: lineEnd, in: bytes, from: index) {
      let sizeText = String(decoding: bytes[index..<sizeEnd], as: UTF8.self)
        .split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
      guard let size = Int(sizeText, radix: 16) else {
        throw Failure(description: "a bad chunk size: \(sizeText)")
      }
      if size == 0 { break }
      let start = sizeEnd + 2
      guard start + size <= bytes.count else { throw Failure(description: "a chunk cut short") }
      body += bytes[start..<(start + size)]
      index = start + size + 2
    }
    return body
  }

  private static func firstRange(of needle: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
    guard bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
    for start in from...(bytes.count - needle.count)
    where bytes[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }
}
