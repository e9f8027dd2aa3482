import FactArchiveCore
import FactArchiveWebPage
import Foundation
import TestSupport
import Testing

/// Pages saved from a browser as one MHTML file: Chrome's `.mhtml` (quoted-printable, the
/// address in `Snapshot-Content-Location`), Internet Explorer's and Word's `.mht` (base64 or
/// quoted-printable, the charset in the page part's header), and archives a transport or an
/// editor has changed: line ends, white space after a boundary, a cut-off end.
@Suite struct MHTMLArchiveTests {
  static let url = "https://bay.example/2026/05/slipway"

  /// A Chrome archive whose page part is `htmlPart`, as written in `encoding`.
  static func chrome(_ htmlPart: String, encoding: String = "quoted-printable") -> [UInt8] {
    MHTMLFile.chrome(part: Array(htmlPart.utf8), encoding: encoding, url: url)
  }

  static let quotedPage = """
    <html lang=3D"en"><head><title>Slipway kept open</title></head><body><article>=\r
    <h1>Slipway kept open</h1><p>The council voted on Tuesday to keep the caf=C3=A9 =\r
    slipway open to small boats.</p>   \r
    <p>Fees stay at =E2=82=AC4 a launch.</p></article></body></html>
    """

  @Test func chromesArchiveGivesItsPageAndAddress() throws {
    let archive = try #require(try MHTMLArchive(Self.chrome(Self.quotedPage)))
    #expect(archive.url == "https://bay.example/2026/05/slipway")
    #expect(archive.contentType == "text/html")
    #expect(
      String(decoding: archive.html, as: UTF8.self) == """
        <html lang="en"><head><title>Slipway kept open</title></head><body><article>\
        <h1>Slipway kept open</h1><p>The council voted on Tuesday to keep the café \
        slipway open to small boats.</p>
        <p>Fees stay at €4 a launch.</p></article></body></html>
        """)
    let page = try WebPage(archive.html, url: archive.url, contentType: archive.contentType)
    #expect(page.metadata.title == "Slipway kept open")
    #expect(
      page.mainText.text
        == "The council voted on Tuesday to keep the café slipway open to small boats.\n\n"
        + "Fees stay at €4 a launch.")
    #expect(MHTMLArchive.isArchive(Self.chrome(Self.quotedPage)))
  }

  @Test func eachLineOfThePageIsPlacedOnTheArchivesLine() throws {
    let archive = try #require(try MHTMLArchive(Self.chrome(Self.quotedPage)))
    // The page's first line spans archive lines 17–19 (two soft breaks), its second is 20.
    #expect(archive.fileLine(1) == 17)
    #expect(archive.fileLine(2) == 20)
    #expect(archive.placed(ParseError(line: 2, "x")) == ParseError(line: 20, "x"))
    #expect(archive.placed(ParseError(line: nil, "x")) == ParseError(line: nil, "x"))
  }

  /// Word's and Internet Explorer's archives: the page in base64 (or quoted-printable), its
  /// charset only in the part's header, folded onto a second line, a preamble before it.
  @Test func wordsArchiveIsReadInItsPartsCharset() throws {
    let html =
      "<html><body><h1>Fête du port</h1><p>La fête du port aura lieu le 14 juin, "
      + "près de l’écluse, avec un marché et un concert.</p></body></html>"
    let encoded = try #require(html.data(using: .windowsCP1252)).base64EncodedString(
      options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    let bytes = Array(
      """
      MIME-Version: 1.0\r
      Content-Type: multipart/related; boundary="----=_NextPart_01DB4A2E.7C3F9B10"\r
      \r
      This document is a Single File Web Page, also known as a Web Archive file.\r
      \r
      ------=_NextPart_01DB4A2E.7C3F9B10\r
      Content-Location: file:///C:/Users/press/fete.htm\r
      Content-Transfer-Encoding: base64\r
      Content-Type: text/html;\r
      \tcharset="windows-1252"\r
      \r
      \(encoded)\r
      \r
      ------=_NextPart_01DB4A2E.7C3F9B10--\r

      """.utf8)
    let archive = try #require(try MHTMLArchive(bytes))
    #expect(archive.url == nil, "a local file is no address")
    let page = try WebPage(archive.html, url: archive.url, contentType: archive.contentType)
    #expect(page.metadata.title == "Fête du port")
    #expect(page.mainText.text.contains("près de l’écluse"))
  }

  @Test func thePartTheStartParameterNamesIsThePage() throws {
    let bytes = Array(
      """
      Content-Type: multipart/related; type="text/html"; start="<page@x>"; boundary=b1\n\
      \n\
      --b1\n\
      Content-Type: text/html\n\
      Content-ID: <frame@x>\n\
      \n\
      <html><body><p>An advert's frame, written first.</p></body></html>\n\
      --b1 \t\n\
      Content-Type: text/html; charset=utf-8\n\
      Content-ID: <page@x>\n\
      \n\
      <html><body><p>The page itself.</p></body></html>\n\
      --b1--\n
      """.utf8)
    let archive = try #require(try MHTMLArchive(bytes))
    #expect(
      String(decoding: archive.html, as: UTF8.self)
        == "<html><body><p>The page itself.</p></body></html>")
    #expect(archive.contentType == "text/html; charset=utf-8")
  }

  @Test func withoutStartTheFirstHTMLPartIsThePage() throws {
    let bytes = Array(
      """
      Content-Type: multipart/related; boundary="a \\"quoted\\" boundary"\r
      \r
      --a "quoted" boundary\r
      Content-Type: text/css\r
      \r
      p { margin: 0 }\r
      --a "quoted" boundary\r
      Content-Type: application/xhtml+xml\r
      \r
      <html xmlns="http://www.w3.org/1999/xhtml"><body><p>First page part.</p></body></html>\r
      --a "quoted" boundary--\r

      """.utf8)
    let archive = try #require(try MHTMLArchive(bytes))
    #expect(String(decoding: archive.html, as: UTF8.self).contains("First page part."))
  }

  @Test func aCutOffArchiveStillGivesWhatItHolds() throws {
    let whole = Self.chrome(Self.quotedPage)
    let end = try #require(String(decoding: whole, as: UTF8.self).range(of: "boats.</p>"))
    let cut = Array(String(decoding: whole, as: UTF8.self)[..<end.upperBound].utf8)
    let archive = try #require(try MHTMLArchive(cut))
    let page = try WebPage(archive.html)
    #expect(page.mainText.text.hasPrefix("The council voted on Tuesday"))
  }

  @Test(arguments: [
    "<!DOCTYPE html><html><body><p>A page.</p></body></html>",
    "Fact check: Did the council close the slipway?\nChecked on 3 May 2026\n",
    "From: someone@example.org\nSubject: hello\nContent-Type: text/plain\n\nA message.\n",
    "Content-Type: multipart/related\n\n--x\nContent-Type: text/html\n\n<p>no boundary</p>\n",
    // A field's name is letters, digits and hyphens: a page opening `<html>:` is a page.
    "<html>:x\nContent-Type: multipart/related; boundary=q\n\n--q\nContent-Type: text/html\n\n"
      + "<p>a page</p>\n--q--\n",
    "",
  ])
  func otherFilesAreNotArchives(_ text: String) throws {
    #expect(try MHTMLArchive(Array(text.utf8)) == nil)
    #expect(!MHTMLArchive.isArchive(Array(text.utf8)))
  }

  @Test func anArchiveWithoutAPageSaysWhatItHoldsOnItsContentTypeLine() throws {
    let bytes = Array(
      """
      MIME-Version: 1.0
      Content-Type: multipart/related;
      \tboundary="b2"

      --b2
      Content-Type: text/css

      p { margin: 0 }
      --b2
      Content-Type: image/gif
      Content-Transfer-Encoding: base64

      R0lGODlhAQABAAAAACw=
      --b2--

      """.utf8)
    #expect(
      throws: ParseError(
        line: 2, "an MHTML archive with no web page in it (its parts: text/css, image/gif)")
    ) { try MHTMLArchive(bytes) }
  }

  @Test(arguments: [
    "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=zz\n\n<html>…</html>\n",
    "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=zz",
  ])
  func anArchiveWhoseBoundaryNeverComesIsRefused(_ text: String) throws {
    #expect(
      throws: ParseError(
        line: 2, "an MHTML archive whose parts never start: its boundary is not in it")
    ) { try MHTMLArchive(Array(text.utf8)) }
  }

  @Test func aPageInAnUnknownTransferEncodingIsRefusedOnThatLine() throws {
    var bytes = Self.chrome(Self.quotedPage, encoding: "x-uuencode")
    #expect(
      throws: ParseError(
        line: 14,
        "the archive's page is in the transfer encoding 'x-uuencode', which MHTML does not use "
          + "(quoted-printable, base64, 7bit, 8bit, binary)")
    ) { try MHTMLArchive(bytes) }
    bytes = Self.chrome("<html><body><p>Plain 8-bit page, é.</p></body></html>", encoding: "8bit")
    let archive = try #require(try MHTMLArchive(bytes))
    #expect(String(decoding: archive.html, as: UTF8.self).contains("page, é."))
    #expect(archive.fileLine(1) == 17)
  }
}
