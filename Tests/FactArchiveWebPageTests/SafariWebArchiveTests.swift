import FactArchiveCore
import FactArchiveWebPage
import Foundation
import TestSupport
import Testing

/// Pages Safari saved as web archives: a binary property list whose main resource holds the
/// page as the server sent it, with its encoding's name and its address. A damaged list is
/// never read past its end.
@Suite struct SafariWebArchiveTests {
  static func archive(_ main: [String: Any], extra: [String: Any] = [:]) throws -> [UInt8] {
    var top = extra
    top["WebMainResource"] = main
    return Array(
      try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0))
  }

  static let page = """
    <html><head><title>Dique de Ostrava reabre</title></head><body><article>
    <h1>Dique de Ostrava reabre</h1><p>O dique foi reaberto na sexta-feira depois de três
    meses de obras, e a passagem de pedestres já está liberada.</p></article></body></html>
    """

  @Test func theMainResourceIsThePageInItsEncoding() throws {
    let bytes = try Self.archive(
      [
        "WebResourceData": try #require(Self.page.data(using: .isoLatin1)),
        "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": "ISO-8859-1",
        "WebResourceURL": "https://ostrava.example/2026/dique", "WebResourceFrameName": "",
      ],
      extra: [
        "WebSubresources": [
          ["WebResourceData": Data([1, 2, 3]), "WebResourceMIMEType": "image/png"]
        ]
      ])
    #expect(SafariWebArchive.isArchive(bytes))
    let archive = try #require(try SafariWebArchive(bytes))
    #expect(archive.url == "https://ostrava.example/2026/dique")
    #expect(archive.contentType == "text/html; charset=ISO-8859-1")
    let page = try WebPage(archive.html, url: archive.url, contentType: archive.contentType)
    #expect(page.metadata.title == "Dique de Ostrava reabre")
    #expect(page.mainText.text.contains("três meses de obras"))
  }

  @Test func anArchiveOfSomethingElseIsRefused() throws {
    let bytes = try Self.archive([
      "WebResourceData": Data([0x89, 0x50, 0x4E, 0x47]), "WebResourceMIMEType": "image/png",
      "WebResourceURL": "https://ostrava.example/photo.png",
    ])
    #expect(
      throws: ParseError(line: nil, "a Safari web archive of image/png, not of a web page")
    ) { try SafariWebArchive(bytes) }
    #expect(
      throws: ParseError(line: nil, "a Safari web archive whose main resource holds no data")
    ) { try SafariWebArchive(try Self.archive(["WebResourceMIMEType": "text/html"])) }
  }

  @Test func otherPropertyListsAndFilesAreNotArchives() throws {
    let list = Array(
      try PropertyListSerialization.data(
        fromPropertyList: ["CFBundleName": "Ferry"], format: .binary, options: 0))
    for bytes in [list, Array("bplist00".utf8), Array("<html></html>".utf8), []] {
      #expect(try SafariWebArchive(bytes) == nil)
      #expect(!SafariWebArchive.isArchive(bytes))
    }
  }

  @Test func anErrorInThePageNamesThePagesLine() throws {
    let bytes = try Self.archive([
      "WebResourceData": Data(Self.page.utf8), "WebResourceMIMEType": "text/html",
    ])
    let archive = try #require(try SafariWebArchive(bytes))
    #expect(
      archive.placed(ParseError(line: 3, "impossible date"))
        == ParseError(line: nil, "impossible date (line 3 of the page in the archive)"))
  }

  /// Every byte of an archive changed in turn, and the archive cut at every length: each
  /// gives a page, `nil` or an error, and nothing is read outside the file.
  @Test func aDamagedArchiveIsNeverReadPastItsEnd() throws {
    let whole = try TestPaths.bytes(TestPaths.fixture("pages/saved-safari-webarchive.webarchive"))
    var read = 0
    for index in whole.indices {
      for flip: UInt8 in [0xFF, 0x01, 0x80] {
        var bytes = whole
        bytes[index] ^= flip
        if (try? SafariWebArchive(bytes)) != nil { read += 1 }
      }
      _ = try? SafariWebArchive(Array(whole.prefix(index)))
    }
    // Most changes fall in the page's own bytes, which still read.
    #expect(read > whole.count)
  }
}
