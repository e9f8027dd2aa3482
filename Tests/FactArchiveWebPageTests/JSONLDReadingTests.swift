import FactArchiveWebPage
import Foundation
import Testing

/// JSON-LD as page templates break it, and in the forms other than the compact one, read
/// as crawlers read it (`JSONLD.parse`); what is not JSON stays refused.
@Suite struct JSONLDReadingTests {
  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONLD.parse(Array(text.utf8)) as? [String: Any])
  }

  /// Each text, parsed, holds its value under its key.
  func expectRead(_ cases: [(text: String, key: String, value: String)]) throws {
    for (text, key, value) in cases {
      #expect(try object(text)[key] as? String == value, "\(text)")
    }
  }

  @Test func templateDamageIsRepaired() throws {
    try expectRead([
      // An HTML comment around the script, as pages written for old browsers have.
      ("<!--\n{\"name\": \"A\"}\n//-->", "name", "A"),
      // CDATA markers inside JavaScript comments.
      ("/*<![CDATA[*/{\"name\": \"B\"}/*]]>*/", "name", "B"),
      // Bare CDATA markers.
      ("<![CDATA[{\"name\": \"C\"}]]>", "name", "C"),
      // Trailing commas in objects and lists, comments between members.
      ("{\"name\": \"D\", // the name\n \"list\": [1, 2,], /* end */}", "name", "D"),
      // A line break and a tab written raw inside a string.
      ("{\"name\": \"E one\nE\ttwo\"}", "name", "E one\nE\ttwo"),
      // PHP's addslashes: \' is not a JSON escape; nor is \d; \" and \u stay escapes.
      ("{\"name\": \"F\\'s \\d \\\"q\\\" \\u00e9\"}", "name", "F's d \"q\" é"),
      // A backslash before a line break continues the line, as in JavaScript.
      ("{\"name\": \"G one \\\nG two\"}", "name", "G one G two"),
      // A byte-order mark, and a statement's semicolon after the value.
      ("\u{FEFF}{\"name\": \"H\"};", "name", "H"),
      // A control character other than a line break.
      ("{\"name\": \"I\u{01}\"}", "name", "I\u{01}"),
    ])
  }

  @Test func quotesLeftUnescapedInsideStringsAreText() throws {
    try expectRead([
      (
        "{\"claimReviewed\": \"He said \"no\", twice\", \"n\": 1}", "claimReviewed",
        "He said \"no\", twice"
      ),
      ("{\"headline\": \"A \"quoted\" word\",\n \"n\": 1}", "headline", "A \"quoted\" word"),
      ("{\"name\": \"ends with \"a quote\"\"}", "name", "ends with \"a quote\""),
      ("{\"name\": \"\"Quoted\" first\", \"n\": [1, 2,]}", "name", "\"Quoted\" first"),
      // A key after the comma, and white space or a comment before it.
      ("{\"name\": \"a \"b\"\" ,\n // next\n \"n\": 1}", "name", "a \"b\""),
    ])
    let list = try #require(
      try JSONLD.parse(Array("[\"a \"b\" c\", \"d\", 1, true, null, {\"e\": \"f\"}]".utf8))
        as? [Any])
    #expect(list.first as? String == "a \"b\" c")
    #expect(list.count == 6)
  }

  @Test func aScriptEscapedAsAnAttributeIsDecoded() throws {
    for text in [
      "{&quot;@type&quot;: &quot;ClaimReview&quot;, &quot;name&quot;: &quot;Tom &amp; Jo&quot;}",
      "{&#34;@type&#34;:&#34;ClaimReview&#34;,&#34;name&#34;:&#34;Tom &amp; Jo&#34;,}",
    ] {
      let object = try object(text)
      #expect(JSONLD.types(of: object) == ["claimreview"], "\(text)")
      #expect(object["name"] as? String == "Tom & Jo", "\(text)")
    }
    // A reference inside a string of valid JSON stays for the text reader to decode.
    #expect(try object("{\"name\": \"Tom &amp; Jo\"}")["name"] as? String == "Tom &amp; Jo")
  }

  @Test func whatLooksLikeMarkupInsideStringsIsKept() throws {
    let object = try object(
      "{\"url\": \"https://a.example//b\", \"body\": \"x <!-- y --> /* z */ ]]>\",}")
    #expect(object["url"] as? String == "https://a.example//b")
    #expect(object["body"] as? String == "x <!-- y --> /* z */ ]]>")
  }

  @Test func valuesOneAfterAnotherBecomeAList() throws {
    for text in ["{\"a\": 1}{\"b\": 2}", "{\"a\": 1},\n{\"b\": 2}", "{\"a\": 1}\n{\"b\": 2},"] {
      let list = try #require(try JSONLD.parse(Array(text.utf8)) as? [Any], "\(text)")
      #expect(list.count == 2, "\(text)")
    }
    // Nested lists that end like a CDATA marker keep their brackets.
    let nested = try #require(try JSONLD.parse(Array("[[1]]]]>".utf8)) as? [[Int]])
    #expect(nested == [[1]])
  }

  @Test func whatIsNotJSONEitherWayIsRefusedWithStrictJSONsReason() {
    for text in [
      "{ \"this block\": is not JSON, a broken template left it here }",
      "{\"name\": \"cut off",
      // Quotes that could end a string where they stand are taken to end it.
      "{\"a\": \"x\" \"b\": 1}",
      "{\"name\": \"Said \"yes\", \"no\" and left\"}",
      "",
      "<!-- -->",
    ] {
      #expect(throws: JSONLD.SyntaxError.self, "\(text)") {
        try JSONLD.parse(Array(text.utf8))
      }
    }
    do {
      _ = try JSONLD.parse(Array("{\n\"a\": 1,\n\"b\": nope\n}".utf8))
      Issue.record("parsed")
    } catch {
      #expect(!error.message.isEmpty)
    }
  }

  @Test func expandedAndPrefixedTermsReadAsCompactOnes() throws {
    let expanded = try object(
      """
      {"@type": ["http://schema.org/ClaimReview"],
       "http://schema.org/claimReviewed": [{"@value": "A claim", "@language": "en"}],
       "http://schema.org/author": [{"@type": ["http://schema.org/Person"],
         "http://schema.org/name": [{"@value": "Ann"}]},
         {"@type": ["http://schema.org/Organization"],
         "http://schema.org/name": [{"@value": "Desk"}]}],
       "http://schema.org/keywords": {"@list": [{"@value": "a"}, {"@value": "b"}]},
       "http://purl.org/dc/terms/source": [{"@value": "kept as it is"}]}
      """)
    #expect(JSONLD.types(of: expanded) == ["claimreview"])
    #expect(expanded["claimReviewed"] as? String == "A claim")
    // A one-value list is its value; a list of two stays a list.
    let authors = try #require(expanded["author"] as? [[String: Any]])
    #expect(authors.map { $0["name"] as? String } == ["Ann", "Desk"])
    #expect(expanded["keywords"] as? [String] == ["a", "b"])
    #expect(expanded["http://purl.org/dc/terms/source"] != nil)

    let prefixed = try object(
      """
      {"@context": {"s": "https://schema.org/"}, "@type": "s:ClaimReview",
       "s:claimReviewed": "B claim", "schema:url": "https://b.example/", "og:title": "other",
       "claimReviewed": "the compact term wins"}
      """)
    #expect(JSONLD.types(of: prefixed) == ["claimreview"])
    #expect(prefixed["claimReviewed"] as? String == "the compact term wins")
    #expect(prefixed["s:claimReviewed"] == nil)
    #expect(prefixed["url"] as? String == "https://b.example/")
    #expect(prefixed["og:title"] as? String == "other")
    #expect(JSONLD.address(["@id": "https://c.example/"]) == "https://c.example/")
  }

  @Test func compactJSONLDIsReadAsItIs() throws {
    let object = try object(
      "{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\", \"author\": [{\"name\": \"A\"}]}"
    )
    // A one-item list under a compact term stays a list (the Fact Check Tools API's
    // `claimReview` is always one).
    #expect((object["author"] as? [Any])?.count == 1)
    #expect(JSONLD.line("  one\n two\tthree ") == "one two three")
  }
}
