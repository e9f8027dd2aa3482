import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TestSupport

/// A local HTTP server for the fetch tests, serving Fixtures/: feeds with ETags (a second
/// conditional request gets 304), a page plain and gzip-compressed, redirect chains (one to
/// a private address), a slow answer, an oversized one, a 404, an image. Tests never touch
/// the internet.
public enum FixtureServer {
  static func bytes(_ path: String) -> [UInt8] {
    (try? Array(Data(contentsOf: TestPaths.fixture(path)))) ?? []
  }

  static func answer(_ bytes: [UInt8], type: String, headers extra: HTTPFields = [:]) -> Response {
    var headers: HTTPFields = [.contentType: type]
    headers.append(contentsOf: extra)
    return Response(
      status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  static func redirect(_ location: String) -> Response {
    Response(status: .found, headers: [.location: location])
  }

  static func router() -> Router<BasicRequestContext> {
    let router = Router()
    let feeds: [String: String] = [
      "harbour-gazette.rss": "application/rss+xml", "coastal-bulletin.rdf": "application/rdf+xml",
      "tidewater-notes.atom": "application/atom+xml", "island-radio.json": "application/feed+json",
    ]
    router.get("feeds/:name") { request, context -> Response in
      let name = try context.parameters.require("name")
      guard let type = feeds[name] else { return Response(status: .notFound) }
      let etag = "\"\(name.count)-v1\""
      if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified) }
      return answer(bytes("feeds/\(name)"), type: type, headers: [.eTag: etag])
    }
    router.get("page") { _, _ in answer(bytes("html/news-source.html"), type: "text/html") }
    // Pages saved as one file, as a shared folder or an intranet might serve them.
    router.get("saved.mhtml") { _, _ in
      answer(bytes("pages/factcheck-saved-chrome.mhtml"), type: "multipart/related")
    }
    router.get("saved.webarchive") { _, _ in
      answer(bytes("pages/saved-safari-webarchive.webarchive"), type: "application/x-webarchive")
    }
    // A feed whose item links to this server's own page (for --follow-items).
    router.get("local-feed") { request, _ -> Response in
      let host = request.head.authority ?? "127.0.0.1"
      let feed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Local Wire</title><link>http://\(host)/</link>
        <item><title>Dredging to resume in Ostra</title><link>http://\(host)/page</link>
        <guid>local-1</guid><pubDate>Tue, 22 Sep 2026 06:45:00 +0200</pubDate>
        <description>Only a summary.</description></item>
        </channel></rss>
        """
      return answer(Array(feed.utf8), type: "application/rss+xml")
    }
    router.get("gzip") { _, _ in
      answer(
        bytes("fetch/news-source.html.gz"), type: "text/html; charset=utf-8",
        headers: [.contentEncoding: "gzip"])
    }
    router.get("redirect/:hops") { _, context -> Response in
      let hops = Int(try context.parameters.require("hops")) ?? 0
      return redirect(hops <= 1 ? "/page" : "/redirect/\(hops - 1)")
    }
    router.get("to-private") { _, _ in redirect("http://10.20.30.40/newsroom-wiki") }
    router.get("to-metadata") { _, _ in redirect("http://169.254.169.254/latest/meta-data/") }
    router.get("to-file") { _, _ in redirect("file:///etc/passwd") }
    router.get("slow") { _, _ -> Response in
      try await Task.sleep(for: .seconds(4))
      return answer(bytes("html/news-source.html"), type: "text/html")
    }
    router.get("huge") { _, _ in
      answer(Array(repeating: UInt8(ascii: "a"), count: 300_000), type: "text/plain")
    }
    router.get("image") { _, _ in
      answer([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], type: "image/png")
    }
    router.get("missing") { _, _ in Response(status: .notFound) }
    return router
  }

  /// Runs `body` with the server listening on a free loopback port.
  public static func run(_ body: @Sendable (Int) async throws -> Void) async throws {
    try await LiveServer.run(Application(router: router(), logger: LiveServer.logger), body)
  }
}
