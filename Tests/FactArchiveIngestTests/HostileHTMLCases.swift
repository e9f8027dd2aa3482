import FactArchiveStore
import Foundation
import Testing

/// Web pages written to hurt the HTML reader. Each is read with a bounded time and memory
/// (`make bench` measures them: Benchmarks/NOTES.md, "Saved web pages"), and either rejected with a
/// clear message or read sensibly.
extension HostileCase {
  /// A small fact-check page, to wrap in hostile markup.
  static func article(
    question: String = "Did Pellam County close its last ferry pier?", extra: String = ""
  ) -> String {
    """
    <article><h1>\(question)</h1>
    <p>Checked on March 3, 2025</p>
    <p>Disclaimer: Factually can make mistakes. Please verify important information.</p>
    <h2>Executive summary</h2>
    <p>It did, in May <sup>1</sup>.</p>\(extra)
    <h3>1. Part 1</h3>
    <p>The council voted in May <sup>[1]</sup> <sup>[2]</sup>.</p>
    <h2>Want to dive deeper?</h2><ul><li>Why?</li></ul></article>
    """
  }

  static func page(body: String, head: String = "") -> String {
    "<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>\n"
  }

  init(_ name: String, html: [UInt8], maxBytes: Int = 32 << 20, _ expected: Expected) {
    self.init(name, write: { folder in [try Self.file(folder, "input.html", html)] }, expected)
    self.maxBytes = maxBytes
  }

  init(_ name: String, html: String, _ expected: Expected) {
    self.init(name, html: Array(html.utf8), expected)
  }

  /// The newest check's question and stated date.
  static func newestCheck(_ db: Connection) throws -> (question: String, checkedOn: String?) {
    try db.queryFirst(
      """
      SELECT q.text, c.checked_on FROM checks c JOIN questions q ON q.id = c.question_id
      ORDER BY c.id DESC LIMIT 1
      """
    ) { ($0.text(at: 0) ?? "", $0.text(at: 1)) } ?? ("", nil)
  }

  static var html: [HostileCase] {
    [
      HostileCase(
        "100,000 nested divs",
        html: page(
          body: String(repeating: "<div>", count: 100_000) + article()
            + String(repeating: "</div>", count: 100_000)),
        .rejected("tags nested more than 256 deep")),
      HostileCase(
        "100,000 unclosed <b> tags",
        html: page(body: article(extra: String(repeating: "<b>", count: 100_000) + "bold")),
        .rejected("tags nested more than 256 deep")),
      HostileCase(
        "50 MB of tags",
        html: Array(
          page(body: article() + String(repeating: "<span>x</span>", count: (50 << 20) / 14))
            .utf8), maxBytes: 64 << 20,
        .rejected("tags: more than 500000, not an article page")),
      HostileCase(
        "unclosed and misnested tags",
        html: "<html><body><div><p><b>Did Pellam County close its <i>last ferry pier?</b></i>"
          + "<p>Checked on <b>March 3, 2025<p>Disclaimer: Factually can make mistakes."
          + "<h2>Executive summary</h3><p>It did, in <em>May <sup>1</sup>.</div></span>"
          + "<h3>1. Part 1</h4><p>The council voted <sup>[1]</sup>.</section>",
        .stored { (db: Connection) throws in
          let check = try newestCheck(db)
          #expect(check.question == "Did Pellam County close its last ferry pier?")
          #expect(check.checkedOn == "2025-03-03")
        }),
      HostileCase(
        "a 10 MB attribute value and a 10 MB link in a news page",
        html: page(
          body: "<article><h1>Ostra harbour reopens</h1><p title=\""
            + String(repeating: "y", count: 10 << 20)
            + "\">The harbour reopened on Monday, the port said.</p><p>See "
            + "<a href=\"https://port.example/news\">the port</a> and <a href=\"https://example.com/"
            + String(repeating: "x", count: 10 << 20) + "\">this</a>.</p></article>"),
        .stored { (db: Connection) throws in
          #expect(
            try db.scalarText("SELECT title FROM sources ORDER BY id DESC LIMIT 1")
              == "Ostra harbour reopens")
          // 10 MB is data, not an address: not kept as a link.
          #expect(
            try db.query("SELECT url FROM source_links") { $0.text(at: 0) ?? "" }
              == ["https://port.example/news"])
        }),
      HostileCase(
        "2 million entities on one line",
        html: page(
          body: article(extra: "<p>" + String(repeating: "&amp;", count: 2 << 20) + "</p>")),
        .rejected("bytes long; the longest accepted")),
      HostileCase(
        "entities defined in the doctype (billion laughs)",
        html: "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
          + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
          + "<html><body>" + article(extra: "<p>&d;&d;&d;&d;&d;&d;&d;&d;</p>") + "</body></html>",
        .stored { (db: Connection) throws in
          // Only HTML's own entities are expanded.
          #expect(
            try db.scalarInt(
              "SELECT max(length(body)) FROM summaries WHERE check_id = (SELECT max(id) FROM checks)"
            ) < 200)
        }),
      HostileCase(
        "NUL bytes in a page",
        html: page(body: article(extra: "<p>a\u{0}b</p>")), .rejected("binary file: NUL byte")),
      HostileCase(
        "a meta charset that says Latin-1 over UTF-8 text",
        html: page(
          body: article(question: "Did Björnvik’s council sell the Ålgrund marina?"),
          head: "<meta charset=\"iso-8859-1\">"),
        .stored { (db: Connection) throws in
          #expect(try newestCheck(db).question == "Did Björnvik’s council sell the Ålgrund marina?")
        }),
      HostileCase(
        "a meta charset that says UTF-8 over windows-1252 bytes",
        html: Array(
          page(
            body: article(question: "Did Måsvik close its café?"),
            head: "<meta charset=\"utf-8\">"
          ).utf8
        ).windows1252,
        .stored { (db: Connection) throws in
          #expect(try newestCheck(db).question == "Did Måsvik close its café?")
          // Not valid UTF-8, so kept as a BLOB: exactly the bytes that came.
          #expect(
            try db.scalarText("SELECT typeof(raw_text) FROM documents ORDER BY id DESC LIMIT 1")
              == "blob")
        }),
      HostileCase(
        "a UTF-16 page with a byte-order mark",
        html: [0xFF, 0xFE]
          + page(body: article(question: "Did Tarnholm ban cars from its old town?")).utf16
          .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        .stored { (db: Connection) throws in
          #expect(try newestCheck(db).question == "Did Tarnholm ban cars from its old town?")
        }),
      HostileCase(
        "a page of nothing but scripts and styles",
        html: page(
          body: "<script>var a = 1;</script><style>p{}</style><noscript>Enable JS</noscript>"),
        .rejected("a web page with no text")),
    ]
  }
}

extension [UInt8] {
  /// UTF-8 text re-encoded as windows-1252 (for the characters used here: Latin-1 letters).
  var windows1252: [UInt8] {
    String(decoding: self, as: UTF8.self).unicodeScalars.map { scalar in
      scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?")
    }
  }
}
