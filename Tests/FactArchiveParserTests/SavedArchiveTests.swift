import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// A page saved as an MHTML archive is read as the page inside it, in every way a page is
/// read: a Factually page, another publisher's fact-check (by `ingest` and by
/// `import-claimreview`), a source; its errors and warnings at the archive's lines; the
/// archive kept whole as the document.
@Suite struct SavedArchiveTests {
  static let options = ArticleParser.Options(latestPlausibleDay: Day(iso: "2026-12-01"))

  static func html(_ path: String) throws -> String {
    String(decoding: try TestPaths.bytes(TestPaths.fixture(path)), as: UTF8.self)
  }

  @Test func aFactuallyPageInAnArchiveGivesWhatThePageGives() throws {
    let page = try Self.html("html/ferry-fares.html")
    let archive = MHTMLFile.chrome(page)
    let fromPage = try DocumentParser.parse(Array(page.utf8), format: .text, options: Self.options)
    let fromArchive = try DocumentParser.parse(archive, format: .text, options: Self.options)
    #expect(fromArchive.mediaType == .mhtml)
    #expect(fromArchive.bytes == archive)
    #expect(HTMLReadingTests.parts(fromArchive) == HTMLReadingTests.parts(fromPage))
    #expect(HTMLReadingTests.parts(fromArchive).count > 20)
    #expect(DocumentParser.mediaType(of: archive, format: .text) == .mhtml)
  }

  @Test func anErrorInTheArchivesPageIsOnTheArchivesLine() throws {
    let page = HTMLReadingTests.impossibleDatePage
    let error = try #require(throws: ParseError.self) {
      try DocumentParser.parse(MHTMLFile.chrome(page), format: .text, options: Self.options)
    }
    #expect(
      error
        == ParseError(
          line: MHTMLFile.archiveLine(ofPageLine: 4), "impossible date: February 30, 2025"))
    // Split by bytes: a String takes CRLF for one character.
    let lines = MHTMLFile.chrome(page).split(separator: 0x0A, omittingEmptySubsequences: false)
    let line = try #require(lines.dropFirst(MHTMLFile.archiveLine(ofPageLine: 4) - 1).first)
    #expect(String(decoding: line, as: UTF8.self).contains("February 30"))
  }

  @Test func aWarningAndAnArticlesStartAreOnTheArchivesLines() throws {
    let page = HTMLReadingTests.unreadableDatePage
    let document = try DocumentParser.parse(
      MHTMLFile.chrome(page), format: .text, options: Self.options)
    #expect(document.warnings.map(\.line) == [MHTMLFile.archiveLine(ofPageLine: 4)])
    #expect(document.articles.first?.firstLine == MHTMLFile.archiveLine(ofPageLine: 2))
  }

  @Test(arguments: [DocumentFormat.text, .claimReview])
  func anotherPublishersFactCheckInAnArchiveGivesItsReview(_ format: DocumentFormat) throws {
    let archive = try TestPaths.bytes(TestPaths.fixture("pages/factcheck-saved-chrome.mhtml"))
    let document = try DocumentParser.parse(archive, format: format, options: Self.options)
    #expect(document.mediaType == .mhtml)
    let check = try #require(document.articles.first)
    #expect(check.question == "Lake Ostra’s ferry fares will double from January 2027.")
    #expect(check.rating == "Misleading")
    #expect(
      check.titleURL
        == "https://northbayverify.example/fact-checks/2026/10/lake-ostra-ferry-fares-double")
    #expect(check.references.count == 2)
  }

  @Test func aNewsPageInAnArchiveIsASourceAtTheAddressItWasSavedFrom() throws {
    let page = """
      <html><head><title>Slipway kept open</title></head><body><article>
      <h1>Slipway kept open</h1>
      <p>The council voted on Tuesday to keep the slipway open to small boats, after a petition
      signed by four hundred residents. <a href="/2026/04/petition">The petition</a> asked for
      the slipway to stay open until the new harbour is built.</p>
      </article></body></html>
      """
    let document = try DocumentParser.parse(
      MHTMLFile.chrome(page, url: "https://bay.example/2026/05/slipway"), format: .text,
      options: Self.options)
    let source = try #require(document.source)
    #expect(source.title == "Slipway kept open")
    // Relative links resolve against the address the archive was saved from.
    #expect(source.links.map(\.url) == ["https://bay.example/2026/04/petition"])
  }

  @Test func aPageSafariSavedIsASourceInTheArchivesEncoding() throws {
    let archive = try TestPaths.bytes(
      TestPaths.fixture("pages/saved-safari-webarchive.webarchive"))
    let document = try DocumentParser.parse(archive, format: .text, options: Self.options)
    #expect(document.mediaType == .webArchive)
    #expect(document.bytes == archive)
    #expect(DocumentParser.mediaType(of: archive, format: .text) == .webArchive)
    let source = try #require(document.source)
    #expect(source.title == "Porto de Valmar amplia horário da balsa no verão")
    #expect(source.publishedOn?.iso == "2026-11-28")
    #expect(
      source.links.map(\.url) == [
        "https://jornaldolitoral.example/docs/porto-valmar-horario-verao.pdf"
      ])
  }

  @Test func anArchiveWithoutAPageIsRefusedOnItsLine() throws {
    let bytes =
      Array(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=q\r\n\r\n--q\r\n"
          .utf8) + Array("Content-Type: image/png\r\n\r\nxx\r\n--q--\r\n".utf8)
    let error = try #require(throws: ParseError.self) {
      try DocumentParser.parse(bytes, format: .text, options: Self.options)
    }
    #expect(
      error == ParseError(line: 2, "an MHTML archive with no web page in it (its parts: image/png)")
    )
    #expect(DocumentParser.mediaType(of: bytes, format: .text) == .mhtml)
  }
}
