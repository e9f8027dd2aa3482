import FactArchiveWebPage
import Foundation
import TestSupport
import Testing

/// Pages in a legacy encoding that declare none (saved from sites that named it only in the
/// HTTP header): `Fixtures/encodings/`, one invented article per encoding, each read as it
/// was written (`LegacyEncoding`). Before the guess, all but the Western one read as
/// windows-1252 mojibake.
@Suite struct LegacyEncodingTests {
  static let titles: [(file: String, title: String)] = [
    ("french-windows-1252", "Le port de Brévanne rouvre la cale nord"),
    ("czech-windows-1250", "Přístav v Brévanne znovu otevírá severní skluz"),
    ("turkish-windows-1254", "Brévanne limanı kuzey kızağını yeniden açıyor"),
    ("russian-windows-1251", "Порт Бреванна снова открывает северный слип"),
    ("russian-koi8-r", "Паромная переправа через пролив Корран зимой"),
    ("bulgarian-windows-1251", "Пристанището в Бреван отново отваря северния слип"),
    ("greek-windows-1253", "Το λιμάνι του Μπρεβάν ανοίγει ξανά τη βόρεια ράμπα"),
    ("hebrew-windows-1255", "נמל ברוואן פותח מחדש את המספנה הצפונית"),
    ("arabic-windows-1256", "ميناء بريفان يعيد فتح المزلق الشمالي"),
    ("japanese-shift_jis", "ブレヴァン港、北側の斜路を再開へ"),
    ("japanese-euc-jp", "コラン海峡フェリーの冬ダイヤ"),
    ("korean-euc-kr", "브레방 항구, 북쪽 선가대 다시 연다"),
    ("chinese-gbk", "布雷万港重新开放北侧滑道"),
    ("chinese-big5", "布雷萬港重新開放北側滑道"),
    ("thai-windows-874", "ท่าเรือเบรวานเปิดทางลาดด้านเหนืออีกครั้ง"),
  ]

  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var title: String
    var testDescription: String { file }
  }

  static let cases = titles.map { Case(file: $0.file, title: $0.title) }

  @Test func everyFixtureIsCovered() throws {
    let folder = TestPaths.fixture("encodings")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }
    #expect(Set(names) == Set(Self.titles.map(\.file)))
  }

  @Test(arguments: cases)
  func anUndeclaredLegacyPageIsReadInItsEncoding(_ item: Case) throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture("encodings/\(item.file).html"))
    #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must not be UTF-8")
    let page = try WebPage(bytes)
    #expect(page.metadata.title == item.title)
    // The text is read in the same encoding: no C1 control codes (windows-1252 has none;
    // Latin-1 mojibake of other encodings is full of them).
    #expect(!page.mainText.text.isEmpty)
    #expect(!page.mainText.text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
  }

  @Test func aDeclaredEncodingIsStillBelieved() throws {
    // KOI8-R bytes that say they are windows-1251 read as windows-1251, as a browser reads
    // them: the guess is only for pages that say nothing.
    var bytes = try TestPaths.bytes(TestPaths.fixture("encodings/russian-koi8-r.html"))
    let head = Array("<meta charset=\"windows-1251\">".utf8)
    let at = try #require(bytes.firstIndex(of: UInt8(ascii: "<")))
    bytes.insert(contentsOf: head, at: at)
    let page = try WebPage(bytes)
    #expect(page.metadata.title != "Паромная переправа через пролив Корран зимой")
  }

  /// UTF-8 with one broken byte is read as UTF-8, the byte replaced, whether the page says
  /// UTF-8, Latin-1 or nothing: as windows-1252 (before) every Cyrillic letter was mojibake.
  @Test(arguments: ["", "<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">"])
  func utf8WithABrokenByteStaysUTF8(_ declaration: String) throws {
    var bytes = Array(
      """
      <html><head>\(declaration)<title>Порт Бреванна</title></head><body><article>
      <p>Совет порта во вторник решил оставить северный слип открытым всю зиму, как с весны \
      просили рыбаки. Ремонт обойдётся примерно в сорок тысяч евро.</p></article></body></html>
      """.utf8)
    let at = try #require(bytes.firstIndex(of: 0xB8))  // the second byte of an "и"
    bytes[at] = 0xFF
    let page = try WebPage(bytes)
    #expect(page.metadata.title == "Порт Бреванна")
    #expect(page.mainText.text.contains("северный слип открытым всю зиму"))
    #expect(page.mainText.text.contains("\u{FFFD}"))
  }

  @Test func aFewAccentsStayWestern() throws {
    let html = Array(
      """
      <html><head><title>Harbour notes</title></head><body><p>The caf\u{E9} on the quay \
      reopened on Tuesday after the winter, and the harbour master said the slipway repairs \
      would be finished before the first storms of the season reached the bay.</p></body></html>
      """.latin1Bytes)
    #expect(try WebPage(html).mainText.text.contains("café"))
  }
}

extension String {
  /// The string in ISO-8859-1 (every scalar below U+0100).
  fileprivate var latin1Bytes: [UInt8] {
    unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }
}
