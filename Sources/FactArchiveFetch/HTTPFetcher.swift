import FactArchiveCore
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads pages and feeds over HTTP and HTTPS with FoundationNetworking's `URLSession`
/// (on Linux the system's libcurl and OpenSSL: nothing more to compile; Benchmarks/NOTES.md
/// compares AsyncHTTPClient). Each request: at most 10 s without a byte (connecting
/// included) and 30 s in all, at most `maxBytes`, at most 5 redirects (each one's address
/// judged by the `AddressPolicy`), gzip and deflate, a User-Agent naming the tool and its
/// version, and a conditional request when an ETag or Last-Modified is known.
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

  public func fetch(_ request: Request) async -> Result<Response, Failure> {
    if let refusal = policy.refusal(of: request.url) {
      return .failure(Failure(url: request.url, message: refusal))
    }
    guard let url = URL(string: request.url) else {
      return .failure(Failure(url: request.url, message: "not a URL"))
    }
    var urlRequest = URLRequest(url: url)
    urlRequest.setValue(userAgent, forHTTPHeaderField: "User-Agent")
    urlRequest.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
    urlRequest.setValue(
      "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
        + "application/feed+json, application/ld+json, application/json;q=0.9, */*;q=0.5",
      forHTTPHeaderField: "Accept")
    if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
    if let modified = request.lastModified {
      urlRequest.setValue(modified, forHTTPHeaderField: "If-Modified-Since")
    }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = limits.idleSeconds
    configuration.timeoutIntervalForResource = limits.wholeSeconds
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    let delegate = FetchDelegate(limits: limits, policy: policy)
    let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    let started = ContinuousClock.now
    let outcome = await delegate.run(session.dataTask(with: urlRequest))
    let elapsed = ContinuousClock.now - started
    return answer(request, outcome, elapsed: elapsed)
  }

  private func answer(_ request: Request, _ outcome: FetchDelegate.Outcome, elapsed: Duration)
    -> Result<Response, Failure>
  {
    let http = outcome.response as? HTTPURLResponse
    if let stop = outcome.stop {
      return .failure(Failure(url: request.url, message: stop, status: http?.statusCode))
    }
    if let error = outcome.error {
      return .failure(
        Failure(
          url: request.url, message: Self.message(for: error, elapsed: elapsed, limits: limits)))
    }
    guard let http else {
      return .failure(Failure(url: request.url, message: "no HTTP answer"))
    }
    let status = http.statusCode
    if (300..<400).contains(status), status != 304 {
      return .failure(
        Failure(
          url: request.url,
          message: "HTTP \(status): a redirect not followed (more than \(limits.maxRedirects))",
          status: status))
    }
    guard status == 304 || (200..<300).contains(status) else {
      return .failure(Failure(url: request.url, message: "HTTP \(status)", status: status))
    }
    return .success(
      Response(
        url: request.url, finalURL: http.url?.absoluteString ?? request.url, status: status,
        contentType: http.value(forHTTPHeaderField: "Content-Type"),
        etag: http.value(forHTTPHeaderField: "ETag"),
        lastModified: http.value(forHTTPHeaderField: "Last-Modified"), body: outcome.body,
        fetchedAt: Timestamp.nowUTC()))
  }

  /// One line for a failed request, in the words an editor would use.
  static func message(for error: any Error, elapsed: Duration, limits: Limits) -> String {
    guard let error = error as? URLError else { return "\(error)" }
    switch error.code {
    case .cannotFindHost, .dnsLookupFailed: return "could not resolve host"
    case .timedOut:
      return elapsed >= .seconds(limits.wholeSeconds - 1)
        ? "timed out after \(Int(limits.wholeSeconds)) s"
        : "timed out: nothing for \(Int(limits.idleSeconds)) s"
    case .cannotConnectToHost: return "could not connect"
    case .networkConnectionLost: return "the connection was lost"
    case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot,
      .serverCertificateHasBadDate, .serverCertificateNotYetValid, .secureConnectionFailed,
      .clientCertificateRejected:
      return "certificate not trusted"
    case .httpTooManyRedirects: return "more than \(limits.maxRedirects) redirects"
    case .unsupportedURL: return "not an http or https address"
    default:
      // libcurl's certificate failures arrive under other codes on Linux, with its own
      // words ("SSL certificate problem: self-signed certificate").
      let detail = error.localizedDescription
      if detail.lowercased().contains("certificate") {
        return "certificate not trusted (\(detail))"
      }
      return detail
    }
  }
}

/// The delegate of one request: collects the body up to the limit, judges each redirect,
/// and resumes the caller when the request ends.
final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  struct Outcome {
    var response: URLResponse?
    var body: [UInt8] = []
    var error: (any Error)?
    /// Why the delegate stopped the request (too large, a refused redirect).
    var stop: String?
  }

  private let limits: HTTPFetcher.Limits
  private let policy: AddressPolicy
  private let lock = NSLock()
  private var outcome = Outcome()
  private var redirects = 0
  private var continuation: CheckedContinuation<Outcome, Never>?

  init(limits: HTTPFetcher.Limits, policy: AddressPolicy) {
    self.limits = limits
    self.policy = policy
  }

  func run(_ task: URLSessionDataTask) async -> Outcome {
    await withCheckedContinuation { continuation in
      lock.withLock { self.continuation = continuation }
      task.resume()
    }
  }

  /// `larger than 16 MiB` (whole MiB), else in bytes.
  private var tooLarge: String {
    let size = limits.maxBytes
    return size % (1 << 20) == 0 ? "larger than \(size >> 20) MiB" : "larger than \(size) bytes"
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    let declared = response.expectedContentLength
    let refused = lock.withLock { () -> Bool in
      outcome.response = response
      if declared > Int64(limits.maxBytes) { outcome.stop = tooLarge }
      return outcome.stop != nil
    }
    completionHandler(refused ? .cancel : .allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let cancel = lock.withLock { () -> Bool in
      outcome.body.append(contentsOf: data)
      if outcome.body.count > limits.maxBytes {
        outcome.stop = tooLarge
        outcome.body = []
        return true
      }
      return false
    }
    if cancel { dataTask.cancel() }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    let target = request.url?.absoluteString ?? ""
    let refusal = policy.refusal(of: target)
    let follow = lock.withLock { () -> Bool in
      redirects += 1
      if let refusal {
        outcome.stop = "redirected to \(target): \(refusal)"
        return false
      }
      if redirects > limits.maxRedirects {
        outcome.stop = "more than \(limits.maxRedirects) redirects"
        return false
      }
      return true
    }
    if follow {
      completionHandler(request)
    } else {
      completionHandler(nil)
      task.cancel()
    }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
  ) {
    let (finished, resume) = lock.withLock {
      () -> (Outcome, CheckedContinuation<Outcome, Never>?) in
      if outcome.response == nil { outcome.response = task.response }
      if outcome.stop == nil { outcome.error = error }
      let resume = continuation
      continuation = nil
      return (outcome, resume)
    }
    resume?.resume(returning: finished)
  }
}
