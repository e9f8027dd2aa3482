import ArchiveTestSupport
import FactArchiveCore
import Testing

@testable import FactArchiveQuery

/// The one HTML builder: article text can only go in escaped, whatever follows the
/// characters that matter (combining marks make `"\u{301}` a single `Character`).
@Suite struct HTMLBuilderTests {
  static let hostile = [
    "<script>alert(1)</script>",
    "\"\u{301} onmouseover=\"alert(1)",
    "'\u{301} onfocus='alert(1)",
    "<\u{301}img src=x onerror=alert(1)>",
    ">\u{301}<\u{301}/td>",
    "&\u{301}lt;",
    "a\u{0}b",
  ]

  @Test(arguments: hostile)
  func textCannotOpenATagOrLeaveAnAttribute(_ text: String) {
    let html: HTML = "<td title=\"\(text)\" data-x='\(text)'>\(text)</td>"
    let markup = html.markup
    // The only markup characters are the template's own.
    #expect(markup.unicodeScalars.filter { $0 == "<" }.count == 2, "\(markup)")
    #expect(markup.unicodeScalars.filter { $0 == ">" }.count == 2, "\(markup)")
    #expect(markup.unicodeScalars.filter { $0 == "\"" }.count == 2, "\(markup)")
    #expect(markup.unicodeScalars.filter { $0 == "'" }.count == 2, "\(markup)")
    #expect(!markup.contains("<script"))
    // Every scalar of the text is still there, as text.
    let escaped = HTML.escape(text)
    #expect(markup.contains(escaped))
  }

  @Test func escapingWalksScalars() {
    #expect(HTML.escape("\"\u{301}") == "&quot;\u{301}")
    #expect(HTML.escape("<\u{301}") == "&lt;\u{301}")
    #expect(HTML.escape("'\u{301}&") == "&#39;\u{301}&amp;")
    #expect(HTML.escape("plain café") == "plain café")
  }

  @Test func htmlInterpolatesAsIsAndNumbersAsDigits() {
    let inner: HTML = "<b>\("x<y")</b>"
    let outer: HTML = "<p>\(inner) \(42) \(Int64(-7))</p>"
    #expect(outer.markup == "<p><b>x&lt;y</b> 42 -7</p>")
    #expect([inner, inner].joined().markup == "<b>x&lt;y</b><b>x&lt;y</b>")
    #expect(HTML(text: "a&b").markup == "a&amp;b")
  }

  @Test func onlyWebURLsBecomeLinks() {
    let text = HTML(text: "the source")
    #expect(
      HTML.link(to: "https://example.org/a?b=\"c\"", text).markup
        == "<a href=\"https://example.org/a?b=&quot;c&quot;\" rel=\"noopener noreferrer\">the source</a>"
    )
    for url in [
      "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>", " javascript:x",
      "/relative",
    ] {
      #expect(HTML.link(to: url, text).markup == "the source", "\(url)")
    }
  }

  @Test func markdownEscapingWalksScalarsToo() {
    #expect(ReportRenderer.escapeMarkdown("<\u{301}b>") == "&lt;\u{301}b&gt;")
    #expect(ReportRenderer.escapeMarkdown("*\u{301}x*") == "\\*\u{301}x\\*")
    #expect(ReportRenderer.escapeMarkdown("a\r\nb\nc") == "a b c")
  }
}
