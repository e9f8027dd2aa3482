import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import FactArchiveWebPage
import Foundation
import TestSupport
import Testing

/// News feeds as `ingest` meets them: each kind told by content, each item a source, the
/// same feed read again adding nothing, a changed item updating its source, hostile feeds
/// refused with their reason.
@Suite struct FeedIngestTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
  }

  @discardableResult
  func ingest(_ paths: [String]) throws -> (IngestTally, [DocumentOutcome]) {
    try ingestReporting(paths, into: db)
  }

  func feed(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: TestPaths.fixture("feeds/\(name)")))
  }

  @Test func eachKindOfFeedIsToldByContentAndRead() throws {
    let cases: [(String, FeedKind, Int, String)] = [
      ("harbour-gazette.rss", .rss, 2, "Harbour Gazette"),
      ("coastal-bulletin.rdf", .rdf, 1, "Coastal Bulletin"),
      ("tidewater-notes.atom", .atom, 2, "Tidewater Notes"),
      ("island-radio.json", .jsonFeed, 2, "Island Radio News"),
    ]
    for (name, kind, count, title) in cases {
      let bytes = try feed(name)
      #expect(FeedReader.kind(of: bytes) == kind, "\(name)")
      let read = try #require(try FeedReader.read(bytes))
      #expect(read.items.count == count && read.title == title, "\(name)")
      // Each item's own document is a feed of that item alone, read the same way.
      for item in read.items {
        let single = try #require(try FeedReader.read(item.document))
        #expect(single.items.count == 1 && single.items[0].key == item.key, "\(name)")
      }
    }
    let rss = try #require(try FeedReader.read(try feed("harbour-gazette.rss")))
    let first = rss.items[0]
    #expect(first.guid == "hg-2026-0311")
    #expect(
      first.published?.utc == "2026-03-02T04:30:00Z" && first.published?.day.iso == "2026-03-01")
    #expect(first.authors == ["Ines Calloway"] && first.categories == ["Transport", "Marrow Isle"])
    #expect(rss.items[1].title == "Harbour authority publishes dredging report")
    let atom = try #require(try FeedReader.read(try feed("tidewater-notes.atom")))
    #expect(atom.items[0].link == "https://tidewater-notes.example/2026/03/causeway-june")
    #expect(atom.items[0].authors == ["Pavel Osk", "Mara Quill"])
    #expect(atom.items[0].content?.contains("two months earlier") == true)
    // Not feeds: a web page, a text page, ClaimReview JSON.
    #expect(FeedReader.kind(of: Array("<!DOCTYPE html><html><body>x</body></html>".utf8)) == nil)
    #expect(FeedReader.kind(of: Array("Did Valmora ban trams?\n".utf8)) == nil)
    #expect(FeedReader.kind(of: Array("{\"@type\": \"ClaimReview\"}".utf8)) == nil)
  }

  /// Both RFCs and their zones, and the variants feedparser's test suite collected from
  /// real feeds (its `date_tests`, with the times it expects in UTC).
  @Test(arguments: [
    ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z", "2003-06-10"),
    ("Tue, 10 Jun 2003 23:30:00 -0500", "2003-06-11T04:30:00Z", "2003-06-10"),
    ("10 Jun 03 04:00 EDT", "2003-06-10T08:00:00Z", "2003-06-10"),
    ("2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02Z", "2003-12-13"),
    ("2003-12-13T00:10:00+02:00", "2003-12-12T22:10:00Z", "2003-12-13"),
    ("2026-03-01", "2026-03-01T00:00:00Z", "2026-03-01"),
    ("Mon, 31 Feb 2026 10:00:00 GMT", nil, nil),
    ("2026-13-01T00:00:00Z", nil, nil),
    ("yesterday", nil, nil),
    ("Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T07:57:00Z", "2015-04-30"),
    ("Thu, 30 Apr 2015 08:57:00 MEST", "2015-04-30T06:57:00Z", "2015-04-30"),
    ("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z", "2012-04-05"),
    ("Wed, 19 Aug 2009 18:28:00 Etc/GMT", "2009-08-19T18:28:00Z", "2009-08-19"),
    ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z", "2012-02-19"),
    ("Wed, 19 Feb 2012 22:40:00 -01:01", "2012-02-19T23:41:00Z", "2012-02-19"),
    ("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z", "2012-02-13"),
    ("Thu, 01 Jan 2004 00:00 GMT", "2004-01-01T00:00:00Z", "2004-01-01"),
    ("Thu, 01 Jan 2004", "2004-01-01T00:00:00Z", "2004-01-01"),
    ("Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z", "2004-01-26"),
    ("Mon, 26 January 2004 16:31:00 PT", "2004-01-27T00:31:00Z", "2004-01-26"),
    ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z", "2012-08-30"),
    ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z", "2004-01-04"),
    ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z", "2012-07-15"),
    ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z", "2006-09-15"),
    ("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z", "2004-07-08"),
    ("2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z", "2004-07-08"),
    ("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47Z", "2007-04-23"),
    ("2026-05-03T10:00:00+02", "2026-05-03T08:00:00Z", "2026-05-03"),
    ("Sun, 03 May 2026 10:00:00 CEST", "2026-05-03T08:00:00Z", "2026-05-03"),
    ("Sun, 03 May 2026 10:00:00 XYZT", "2026-05-03T10:00:00Z", "2026-05-03"),
    ("2004년 05월 28일  01:31:15", "2004-05-28T00:00:00Z", "2004-05-28"),
    ("24 de junio de 2020", "2020-06-24T00:00:00Z", "2020-06-24"),
    ("Sun, 16 zzz 2012 11:47:32 GMT", nil, nil),
    ("Sun, Dec x 2012 11:47:32 GMT", nil, nil),
    ("Sun, 16 Dec zz 11:47:32 GMT", nil, nil),
    ("Sun, 99 Jun 2009 12:00:00 GMT", nil, nil),
    ("2003-12-31T25:14:55Z", nil, nil),
    ("2013-01-28T09:xx:00Z", nil, nil),
  ])
  func feedDatesReadBothRFCsAndTheirWildVariants(_ text: String, _ utc: String?, _ day: String?) {
    let time = FeedDates.parse(text)
    #expect(time?.utc == utc)
    #expect(time?.day.iso == day)
  }

  @Test func itemsBecomeSourcesOnceAndChangedItemsUpdateThem() throws {
    let path = try folder.write("gazette.rss", try feed("harbour-gazette.rss"))
    let (first, _) = try ingest([path])
    #expect(first.new == 2 && first.sources == 2)
    let sourceID = try db.scalarInt(
      "SELECT source_id FROM feed_items WHERE item_key = 'hg-2026-0311'")
    #expect(
      try db.scalarText("SELECT label FROM sources WHERE id = ?", [sourceID]) == "Harbour Gazette")
    #expect(try db.scalarText("SELECT kind FROM documents WHERE path = ?", [path]) == "feed")
    // An item's link keeps what it shows and loses its tracking parameters, so the source is
    // found by the address a reader would paste (`search URL` looks it up as it is stored).
    #expect(
      try db.scalarText(
        "SELECT title FROM sources WHERE url = ?",
        [
          "https://harbour-gazette.example/2026/02/dredging-report"
        ]) == "Harbour authority publishes dredging report")

    // The same feed again, and again with only its build date changed: nothing new.
    let (again, _) = try ingest([path])
    #expect(again.new == 0 && again.unchanged == 1)
    var text = String(decoding: try feed("harbour-gazette.rss"), as: UTF8.self)
    text = text.replacingOccurrences(of: "09:00:00 +0000", with: "10:00:00 +0000")
    let rebuilt = try folder.write("gazette.rss", Array(text.utf8))
    let (rebuiltTally, _) = try ingest([rebuilt])
    #expect(rebuiltTally.new == 0 && rebuiltTally.updated == 0 && rebuiltTally.unchanged == 2)

    // One item's text changes and the other leaves the feed: the first is updated in place,
    // the second stays in the archive.
    text = text.replacingOccurrences(of: "twice as many", with: "three times as many")
    let start = try #require(text.range(of: "<item>\n      <title>Harbour authority"))
    let end = try #require(text.range(of: "</item>", range: start.upperBound..<text.endIndex))
    text.removeSubrange(start.lowerBound..<end.upperBound)
    let changed = try folder.write("gazette.rss", Array(text.utf8))
    let (changedTally, _) = try ingest([changed])
    #expect(changedTally.updated == 1 && changedTally.new == 0)
    #expect(try db.scalarInt("SELECT count(*) FROM sources") == 2)
    #expect(
      try db.scalarText("SELECT body FROM sources WHERE id = ?", [sourceID])?
        .contains("three times as many") == true)
    #expect(
      try db.scalarInt("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'three'") == 1)
    #expect(
      try db.scalarText(
        "SELECT changed_at IS NOT NULL FROM feed_items WHERE source_id = ?", [sourceID])
        == "1")
  }

  @Test func hostileFeedsAreRefusedWithTheirReason() throws {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [
      <!ENTITY lol "lol">
      <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      ]>
      <rss version="2.0"><channel><title>&lol2;</title></channel></rss>
      """
    let external = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>&secret;</title></channel></rss>
      """
    // A parameter entity is refused when it is used, or when its value is in the feed itself.
    let parameter = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY % secret SYSTEM "file:///etc/passwd"> %secret;]>
      <rss version="2.0"><channel><title>Parameter</title></channel></rss>
      """
    let internalParameter = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY % inner "<!ENTITY secret SYSTEM 'file:///etc/passwd'>">]>
      <rss version="2.0"><channel><title>Inner</title></channel></rss>
      """
    let truncated = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Cut"
    let empty = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>"
    let paths = try [
      folder.write("laughs.rss", Array(laughs.utf8)),
      folder.write("external.rss", Array(external.utf8)),
      folder.write("truncated.rss", Array(truncated.utf8)),
      folder.write("empty.rss", Array(empty.utf8)),
      folder.write("nul.rss", Array("<rss version=\"2.0\">\u{0}</rss>".utf8)),
      folder.write("parameter.rss", Array(parameter.utf8)),
      folder.write("inner.rss", Array(internalParameter.utf8)),
    ]
    let (tally, outcomes) = try ingest(paths)
    #expect(tally.rejected == 6 && tally.new == 0, "\(outcomes)")
    for outcome in outcomes[5...] {
      guard case .rejected(let error) = outcome else {
        Issue.record("a feed declaring a parameter entity landed: \(outcome)")
        continue
      }
      #expect(error.line == 2 && error.message.contains("declares XML entities"))
    }
    #expect(outcomes[2] == .parsed([]))
    guard case .rejected(let entity) = outcomes[0], case .rejected(let file) = outcomes[1],
      case .rejected(let nothing) = outcomes[3], case .rejected(let binary) = outcomes[4]
    else {
      Issue.record("a hostile feed landed: \(outcomes)")
      return
    }
    #expect(entity.line == 3 && entity.message.contains("declares XML entities"))
    #expect(file.line == 2 && file.message.contains("declares XML entities"))
    #expect(nothing.message == "a feed with neither a title nor items")
    #expect(binary.message.hasPrefix("binary file: NUL byte"))
    // The truncated feed is read as far as it goes (libxml2 recovers): its title, no items.
    #expect(try db.scalarInt("SELECT count(*) FROM sources") == 0)
    // Every refused feed is kept to be read again.
    #expect(try db.scalarInt("SELECT count(*) FROM documents WHERE status = 'rejected'") == 6)
  }

  /// HTML's named entities written straight into a feed, which XML does not define, are
  /// read as HTML would read them: before, libxml2 dropped each, joining words.
  @Test func htmlEntitiesInAFeedAreReadAsHTMLWouldReadThem() throws {
    let feed = """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>Island Radio</title>
      <item><title>Ferry &laquo;Corran&raquo; back &#X2014; at last, for&shy;ever</title>
      <link>https://radio.example/1</link>
      <description>The ferry, once&nbsp;the &laquo;Corran&raquo;, returns; fares &amp; times \
      unchanged this &eacute;t&eacute;, for&shy;ever.</description></item>
      </channel></rss>
      """
    let (tally, outcomes) = try ingest([folder.write("entities.rss", Array(feed.utf8))])
    #expect(tally.new == 1, "\(outcomes)")
    // A soft hyphen shows nothing, and is not kept to split the word in the index.
    #expect(
      try db.scalarText("SELECT title FROM sources") == "Ferry «Corran» back — at last, forever")
    #expect(
      try db.scalarText("SELECT body FROM sources")
        == "The ferry, once the «Corran», returns; fares & times unchanged this été, forever.")
  }

  /// A feed in a legacy encoding that declares none (its server named it in a header) is
  /// read in the encoding its bytes fit, not with each byte replaced.
  @Test func aFeedThatDeclaresNoEncodingIsReadInTheOneItsBytesFit() throws {
    let cyrillic = """
      <rss version="2.0"><channel><title>Портовые новости</title>
      <item><title>Порт снова открывает северный слип</title><link>https://port.example/1</link>
      <description>Совет порта решил оставить северный слип открытым всю зиму, как с весны \
      просили рыбаки; ремонт закончится до первых штормов.</description></item>
      </channel></rss>
      """
    let latin = """
      <rss version="2.0"><channel><title>Nouvelles du port</title>
      <item><title>Le café du quai rouvre</title><link>https://port.example/2</link>
      <description>Le café a rouvert mardi après l'hiver.</description></item>
      </channel></rss>
      """
    func bytes(_ text: String, _ encoding: String) -> [UInt8] {
      Array(text.data(using: encoding == "cp1251" ? .windowsCP1251 : .isoLatin1) ?? Data())
    }
    // UTF-8 with one broken byte stays UTF-8, the byte replaced.
    let broken = Array(cyrillic.replacingOccurrences(of: "Порт снова", with: "Пирс снова").utf8)
      .map { $0 == 0xB8 ? 0xFF : $0 }
    let paths = try [
      folder.write("cyrillic.rss", bytes(cyrillic, "cp1251")),
      folder.write("latin.rss", bytes(latin, "latin1")),
      folder.write("broken.rss", broken),
    ]
    let (tally, outcomes) = try ingest(paths)
    #expect(tally.new == 3, "\(outcomes)")
    let titles = try db.query("SELECT title FROM sources ORDER BY title") { $0.text("title") ?? "" }
    let repaired = String(
      decoding: Array("Пирс снова открывает северный слип".utf8)
        .map { $0 == 0xB8 ? 0xFF : $0 }, as: UTF8.self)
    #expect(repaired.contains("\u{FFFD}"))
    #expect(
      Set(titles) == ["Le café du quai rouvre", repaired, "Порт снова открывает северный слип"])
  }

  /// Elements of other vocabularies ahead of the feed's own (WordPress's
  /// `<atom:link rel="self">` before the channel's `<link>`, a `<media:title>` before the
  /// item's `<title>`) do not stand in for them; Atom's plain-text titles keep their angle
  /// brackets. An item first remembered under the feed's title (its link unseen) is found
  /// again under the link, not copied.
  @Test func aFeedsOwnElementsComeBeforeOtherVocabularies() throws {
    func rss(link: String, items: [(String, String)]) -> String {
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" \
      xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Quay News</title>
      <atom:link href="https://quay.example/feed/" rel="self" type="application/rss+xml"/>
      \(link)
      """
        + items.map { guid, title in
          """
          <item><media:title>Photo for \(guid)</media:title><title>\(title)</title>
          <guid>\(guid)</guid><description>What the harbour board decided about \(title), \
          at length.</description></item>
          """
        }.joined() + "</channel></rss>"
    }
    let linked = rss(
      link: "<link>https://quay.example</link>",
      items: [("q1", "Slipway kept open"), ("q2", "Lifeboat open day")])
    let read = try #require(try FeedReader.read(Array(linked.utf8)))
    #expect(read.link == "https://quay.example")
    #expect(read.items.map(\.title) == ["Slipway kept open", "Lifeboat open day"])
    let atom = """
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Quay &amp; Harbour</title>
      <entry><id>a1</id><title type="text">History of the &lt;blink&gt; tag</title>
      <content>Text.</content></entry>
      <entry><id>a2</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; news</title>
      <content>Text.</content></entry></feed>
      """
    let atomRead = try #require(try FeedReader.read(Array(atom.utf8)))
    #expect(atomRead.items.map(\.title) == ["History of the <blink> tag", "Bold news"])

    let unlinked = rss(link: "", items: [("q1", "Slipway kept open")])
    let (first, _) = try ingest([try folder.write("quay.rss", Array(unlinked.utf8))])
    #expect(first.new == 1)
    let (second, outcomes) = try ingest([try folder.write("quay2.rss", Array(linked.utf8))])
    #expect(second.new == 1, "\(outcomes)")
    #expect(try db.scalarInt("SELECT count(*) FROM sources") == 2)
    let keys = try db.query("SELECT DISTINCT feed_key FROM feed_items") {
      $0.text("feed_key") ?? ""
    }
    #expect(keys == ["https://quay.example"])
  }

  /// A feed in UTF-16 or UTF-32, with a byte-order mark or without one (XML tells them by
  /// how `<?xml` comes out), reads as its UTF-8 copy does, its declared encoding aside; the
  /// archive keeps the feed's own bytes.
  @Test func aFeedInUTF16OrUTF32ReadsAsItsUTF8CopyDoes() throws {
    let text = try String(decoding: feed("harbour-gazette.rss"), as: UTF8.self)
      .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    #expect(text.hasPrefix("<?xml") && text.contains("UTF-16"))
    func units16(bigEndian: Bool) -> [UInt8] {
      text.utf16.flatMap { unit in
        bigEndian
          ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
    }
    let utf32 = text.unicodeScalars.flatMap { scalar in
      (0..<4).map { UInt8((scalar.value >> (8 * UInt32($0))) & 0xFF) }
    }
    let forms: [(String, [UInt8])] = [
      ("little-endian UTF-16 with its mark", [0xFF, 0xFE] + units16(bigEndian: false)),
      ("big-endian UTF-16 without one", units16(bigEndian: true)),
      ("little-endian UTF-32 without one", utf32),
    ]
    let plain = try #require(try FeedReader.read(try feed("harbour-gazette.rss")))
    for (name, bytes) in forms {
      #expect(FeedReader.kind(of: bytes) == .rss, "\(name)")
      let read = try #require(try FeedReader.read(bytes), "\(name)")
      #expect(read.title == plain.title, "\(name)")
      #expect(read.items.map(\.title) == plain.items.map(\.title), "\(name)")
      #expect(read.items.map(\.content) == plain.items.map(\.content), "\(name)")
    }
    let path = try folder.write("wide.rss", forms[0].1)
    let (tally, outcomes) = try ingest([path])
    #expect(tally.new == plain.items.count, "\(outcomes)")
    let stored = try db.scalarInt(
      "SELECT count(*) FROM documents WHERE hex(substr(raw_text, 1, 2)) = 'FFFE'")
    #expect(stored == 1)
  }

  /// A fetched feed is read in the charset its server named, which outranks the feed's own
  /// declaration (RFC 7303), and `reparse` reads it the same way.
  @Test func aFetchedFeedIsReadInItsServersCharset() throws {
    let text = """
      <?xml version="1.0" encoding="iso-8859-1"?>
      <rss version="2.0"><channel><title>Портовые новости</title><link>https://port.example</link>
      <item><title>Порт снова открывает северный слип</title><link>https://port.example/1</link>
      <description>Совет порта решил оставить северный слип открытым всю зиму.</description>
      </item></channel></rss>
      """
    let bytes = try #require(text.data(using: .windowsCP1251).map { Array($0) })
    var input = InputDocument(path: "https://port.example/feed", bytes: bytes)
    input.origin = FetchOrigin(
      url: "https://port.example/feed", finalURL: "https://port.example/feed", status: 200,
      contentType: "application/rss+xml; charset=\"windows-1251\"",
      fetchedAt: "2026-12-07T15:00:00Z")
    _ = try IngestSession(database: db).write([input])
    let expected = ["Порт снова открывает северный слип"]
    #expect(try db.query("SELECT title FROM sources") { $0.text("title") ?? "" } == expected)
    try Reparser(database: db).run(.all)
    #expect(try db.query("SELECT title FROM sources") { $0.text("title") ?? "" } == expected)
  }

  /// Drupal's feeds declare the XHTML Latin-1 entities as an external parameter entity and
  /// never use it: nothing is loaded, and the feed is read.
  @Test func anUnusedExternalParameterEntityIsLetThrough() throws {
    let drupal = """
      <?xml version="1.0" encoding="utf-8"?>
      <!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" \
      "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent">]>
      <rss version="2.0" xml:base="https://quayside.example">
      <channel>
       <title>Quayside Diary</title>
       <link>https://quayside.example</link>
       <item>
        <title>Winter timetable for the Corran Sound ferry</title>
        <link>https://quayside.example/node/412</link>
        <description>The council has published the winter timetable for the ferry, and the \
      first crossing moves from 6.50 to 7.20 on weekdays.</description>
        <pubDate>Tue, 03 Nov 2026 09:12:00 +0000</pubDate>
       </item>
      </channel>
      </rss>
      """
    let (tally, outcomes) = try ingest([folder.write("drupal.rss", Array(drupal.utf8))])
    #expect(tally.rejected == 0, "\(outcomes)")
    #expect(
      try db.scalarText("SELECT title FROM sources")
        == "Winter timetable for the Corran Sound ferry")
  }
}
