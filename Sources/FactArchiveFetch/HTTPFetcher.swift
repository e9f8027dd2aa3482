import CCurl
import FactArchiveCore
import Foundation

/// Downloads pages and feeds over HTTP and HTTPS with the system's libcurl (and its OpenSSL:
/// nothing more to compile; Benchmarks/NOTES.md compares AsyncHTTPClient). Each request: at
/// most 10 s without a byte (connecting included) and 30 s in all, at most `maxBytes`, at
/// most 5 redirects (each one's address judged by the `AddressPolicy`), gzip and deflate, a
/// User-Agent naming the tool and its version, and a conditional request when an ETag or
/// Last-Modified is known. Every connection's address is judged again as it is opened
/// (`Transfer`), so a name that resolves differently the second time cannot steer a
/// guarded fetch inward.
public struct HTTPFetcher: Sendable {
  public struct Limits: Sendable {
    public var idleSeconds: Double = 10
    public var wholeSeconds: Double = 30
    public var maxBytes: Int
    public var maxRedirects = 5

    public init(maxBytes: Int) {
      self.maxBytes = maxBytes
    }
  }

  public var limits: Limits
  public var policy: AddressPolicy
  public var userAgent: String
  /// For tests: `host:port:address` entries libcurl connects to in place of resolving the
  /// name itself, standing in for a name server that answers differently at connection time.
  var connectionOverrides: [String] = []

  public init(limits: Limits, policy: AddressPolicy, userAgent: String) {
    self.limits = limits
    self.policy = policy
    self.userAgent = userAgent
  }

  /// What to ask for: the address, and what the last answer with a body said about itself.
  public struct Request: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
      self.url = url
      self.etag = etag
      self.lastModified = lastModified
    }
  }

  /// An answer: a body, or `304 Not Modified`.
  public struct Response: Sendable {
    public var url: String
    /// The address that answered, after redirects.
    public var finalURL: String
    public var status: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var body: [UInt8]
    /// UTC time the answer arrived.
    public var fetchedAt: String

    public var notModified: Bool { status == 304 }
  }

  /// Why a fetch failed, in one line (`HTTP 404`, `timed out after 30 s`).
  public struct Failure: Error, Sendable, Equatable {
    public var url: String
    public var message: String
    /// The HTTP status, when an answer came.
    public var status: Int?

    public init(url: String, message: String, status: Int? = nil) {
      self.url = url
      self.message = message
      self.status = status
    }

    public var description: String { "\(url): \(message)" }
  }

  /// What the fetcher says it reads, best first.
  static let accept =
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    + "application/feed+json, application/ld+json, application/json;q=0.9, */*;q=0.5"

  public func fetch(_ request: Request) async -> Result<Response, Failure> {
    if let refusal = policy.refusal(of: request.url) {
      return .failure(Failure(url: request.url, message: refusal))
    }
    // libcurl's transfer blocks its thread, so it gets one of its own: on Linux, Dispatch's
    // global queues share their threads with Swift's concurrency (an in-process server's
    // handlers among them), and four blocked transfers held the pool for seconds.
    return await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(returning: Transfer(fetcher: self, request: request).run())
      }
    }
  }

  /// One line for a failed transfer, in the words an editor would use; `detail` is
  /// libcurl's own (`SSL certificate problem: self-signed certificate`).
  static func message(for code: CURLcode, detail: String, elapsed: Duration, limits: Limits)
    -> String
  {
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST: return "could not resolve host"
    case CURLE_OPERATION_TIMEDOUT:
      return elapsed >= .seconds(limits.wholeSeconds - 1)
        ? "timed out after \(Int(limits.wholeSeconds)) s"
        : "timed out: nothing for \(Int(limits.idleSeconds)) s"
    case CURLE_COULDNT_CONNECT: return "could not connect"
    case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
      return "the connection was lost"
    case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM,
      CURLE_SSL_CACERT_BADFILE:
      return detail.isEmpty ? "certificate not trusted" : "certificate not trusted (\(detail))"
    case CURLE_UNSUPPORTED_PROTOCOL: return "not an http or https address"
    case CURLE_URL_MALFORMAT: return "not a URL"
    case CURLE_BAD_CONTENT_ENCODING: return "the body could not be decoded (\(detail))"
    default:
      if !detail.isEmpty { return detail }
      return curl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code)"
    }
  }
}

/// libcurl started once for the process (its TLS library with it).
private let curlStarted: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

/// One request, its redirects followed here (each target judged by the policy before it is
/// asked), on one libcurl handle, on the thread that runs it. libcurl calls back into it
/// with the headers, the body and, before each connection, the address it is about to
/// connect to: a guarded fetch refuses an internal address there too, whatever the name
/// resolved to when it was first judged (DNS rebinding).
final class Transfer {
  private let fetcher: HTTPFetcher
  private let request: HTTPFetcher.Request
  private var limits: HTTPFetcher.Limits { fetcher.limits }
  /// The current hop's host, and whether its addresses go unjudged (private fetches
  /// allowed, or an exempt host).
  private var host = ""
  private var unjudged = true
  /// The addresses of the proxies the environment names (`https_proxy`, …): the operator's
  /// own choice, so reachable wherever they are.
  private let proxies: [AddressPolicy.Address]
  private var body: [UInt8] = []
  private var headers: [String: String] = [:]
  /// Why the transfer was stopped from a callback (too large, an internal address).
  private var stop: String?

  init(fetcher: HTTPFetcher, request: HTTPFetcher.Request) {
    self.fetcher = fetcher
    self.request = request
    proxies = fetcher.policy.allowsPrivate ? [] : AddressPolicy.environmentProxyAddresses()
  }

  private func failure(_ message: String, status: Int? = nil) -> Result<
    HTTPFetcher.Response, HTTPFetcher.Failure
  > {
    .failure(HTTPFetcher.Failure(url: request.url, message: message, status: status))
  }

  func run() -> Result<HTTPFetcher.Response, HTTPFetcher.Failure> {
    // The lists outlive the handle that points at them (deferred work runs last first).
    var headerList: UnsafeMutablePointer<curl_slist>?
    var overrideList: UnsafeMutablePointer<curl_slist>?
    defer {
      curl_slist_free_all(headerList)
      curl_slist_free_all(overrideList)
    }
    guard curlStarted, let handle = curl_easy_init() else {
      return failure("libcurl could not start")
    }
    defer { curl_easy_cleanup(handle) }
    var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    headerList = curl_slist_append(headerList, "Accept: \(HTTPFetcher.accept)")
    if let etag = request.etag {
      headerList = curl_slist_append(headerList, "If-None-Match: \(etag)")
    }
    if let modified = request.lastModified {
      headerList = curl_slist_append(headerList, "If-Modified-Since: \(modified)")
    }
    for entry in fetcher.connectionOverrides {
      overrideList = curl_slist_append(overrideList, entry)
    }
    let me = Unmanaged.passUnretained(self).toOpaque()
    return errorBuffer.withUnsafeMutableBufferPointer { buffer in
      factarchive_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
      factarchive_curl_set_string(handle, CURLOPT_USERAGENT, fetcher.userAgent)
      factarchive_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
      factarchive_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
      factarchive_curl_set_list(handle, CURLOPT_HTTPHEADER, headerList)
      if overrideList != nil { factarchive_curl_set_list(handle, CURLOPT_RESOLVE, overrideList) }
      factarchive_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
      factarchive_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(limits.idleSeconds * 1000))
      // "Nothing for `idleSeconds`": under one byte a second for that long.
      factarchive_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
      factarchive_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(limits.idleSeconds)))
      factarchive_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
      factarchive_curl_set_receiver(handle, CURLOPT_WRITEFUNCTION, Self.receiveBody)
      factarchive_curl_set_pointer(handle, CURLOPT_WRITEDATA, me)
      factarchive_curl_set_receiver(handle, CURLOPT_HEADERFUNCTION, Self.receiveHeader)
      factarchive_curl_set_pointer(handle, CURLOPT_HEADERDATA, me)
      factarchive_curl_set_open_socket(handle, Self.openSocket)
      factarchive_curl_set_pointer(handle, CURLOPT_OPENSOCKETDATA, me)
      let result = follow(handle) { buffer.baseAddress.map { String(cString: $0) } ?? "" }
      factarchive_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, nil)
      return result
    }
  }

  /// Asks for the request's URL, then for each redirect's target while the policy allows it.
  private func follow(_ handle: UnsafeMutableRawPointer, detail: () -> String) -> Result<
    HTTPFetcher.Response, HTTPFetcher.Failure
  > {
    let started = ContinuousClock.now
    var url = request.url
    var redirects = 0
    while true {
      host = URLParts(url)?.host ?? ""
      unjudged = fetcher.policy.allowsPrivate || fetcher.policy.exemptHosts.contains(host)
      body = []
      headers = [:]
      let spent = ContinuousClock.now - started
      let left = max(1, Int(((.seconds(limits.wholeSeconds) - spent) / .milliseconds(1))))
      factarchive_curl_set_long(handle, CURLOPT_TIMEOUT_MS, left)
      factarchive_curl_set_string(handle, CURLOPT_URL, url)
      let code = curl_easy_perform(handle)
      var status = 0
      factarchive_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
      if let stop { return failure(stop, status: status == 0 ? nil : status) }
      guard code == CURLE_OK else {
        let elapsed = ContinuousClock.now - started
        return failure(
          HTTPFetcher.message(for: code, detail: detail(), elapsed: elapsed, limits: limits))
      }
      if (300..<400).contains(status), status != 304 {
        var target: UnsafeMutablePointer<CChar>?
        factarchive_curl_get_string(handle, CURLINFO_REDIRECT_URL, &target)
        guard let target = target.map({ String(cString: $0) }) else {
          return failure("HTTP \(status): a redirect with nowhere to go", status: status)
        }
        redirects += 1
        if let refusal = fetcher.policy.refusal(of: target) {
          return failure("redirected to \(target): \(refusal)", status: status)
        }
        if redirects > limits.maxRedirects {
          return failure("more than \(limits.maxRedirects) redirects", status: status)
        }
        url = target
        continue
      }
      guard status == 304 || (200..<300).contains(status) else {
        return failure("HTTP \(status)", status: status)
      }
      return .success(
        HTTPFetcher.Response(
          url: request.url, finalURL: url, status: status, contentType: headers["content-type"],
          etag: headers["etag"], lastModified: headers["last-modified"], body: body,
          fetchedAt: Timestamp.nowUTC()))
    }
  }

  /// `larger than 16 MiB` (whole MiB), else in bytes.
  private var tooLarge: String {
    let size = limits.maxBytes
    return size % (1 << 20) == 0 ? "larger than \(size >> 20) MiB" : "larger than \(size) bytes"
  }

  private static func of(_ pointer: UnsafeMutableRawPointer?) -> Transfer? {
    pointer.map { Unmanaged<Transfer>.fromOpaque($0).takeUnretainedValue() }
  }

  /// Body bytes (decoded): kept up to the limit; past it the transfer stops.
  private static let receiveBody: curl_write_callback = { data, size, count, context in
    guard let transfer = of(context) else { return 0 }
    let length = size * count
    if let data, length > 0 {
      data.withMemoryRebound(to: UInt8.self, capacity: length) {
        transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
      }
    }
    if transfer.body.count > transfer.limits.maxBytes {
      transfer.stop = transfer.tooLarge
      transfer.body = []
      return 0
    }
    return length
  }

  /// One header line; a status line starts a new answer's headers (a redirect's are
  /// forgotten). A declared length over the limit stops the transfer before its body.
  private static let receiveHeader: curl_write_callback = { data, size, count, context in
    guard let transfer = of(context) else { return 0 }
    let length = size * count
    guard let data, length > 0 else { return length }
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
      transfer.headers = [:]
      return length
    }
    guard let colon = line.firstIndex(of: ":") else { return length }
    let name = line[..<colon].lowercased()
    let value = String(
      line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
        .reversed().drop { $0.isWhitespace }.reversed())
    transfer.headers[name] = value
    if name == "content-length", let declared = Int(value), declared > transfer.limits.maxBytes {
      transfer.stop = transfer.tooLarge
      return 0
    }
    return length
  }

  /// Before every connection: the address libcurl is about to connect to, judged unless the
  /// hop is unjudged or the address is a proxy's.
  private static let openSocket: curl_opensocket_callback = { context, _, address in
    guard let transfer = of(context), let address else { return -1 }
    let family = address.pointee.family
    if !transfer.unjudged,
      let offset = MemoryLayout<curl_sockaddr>.offset(of: \.addr),
      let judged = AddressPolicy.address(
        of: UnsafeRawPointer(address).advanced(by: offset), family: family),
      !transfer.proxies.contains(judged),
      let kind = AddressPolicy.internalKind(judged)
    {
      transfer.stop = AddressPolicy.refusal(host: transfer.host, address: judged, kind: kind)
      return -1
    }
    return socket(family, address.pointee.socktype, address.pointee.protocol)
  }
}
