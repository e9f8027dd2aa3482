import FactArchiveCore
import Testing

/// One post, video or article linked in the ways shares link it has one match key; other
/// addresses keep theirs apart.
@Suite struct WebAddressMatchingTests {
  @Test func oneAddressLinkedManyWaysHasOneKey() {
    let same: [[String]] = [
      [
        "https://example.org/news/story", "http://www.example.org/news/story/",
        "https://m.example.org/news/story?utm_source=twitter&utm_medium=social#comments",
        "https://EXAMPLE.org:443/news/story?fbclid=IwAR0x",
      ],
      [
        "https://twitter.com/SomeAccount/status/1712345678901234567",
        "https://x.com/someaccount/status/1712345678901234567?s=20&t=abc",
        "https://mobile.twitter.com/renamed/status/1712345678901234567/photo/1",
      ],
      [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?si=share",
        "https://youtube.com/shorts/dQw4w9WgXcQ", "https://m.youtube.com/watch?t=42&v=dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
      ],
      ["https://example.org/page?b=2&a=1", "https://example.org/page?a=1&b=2&igshid=x"],
    ]
    for group in same {
      let keys = Set(group.map { WebAddress.matchKey($0) })
      #expect(keys.count == 1, "\(group)")
      #expect(!keys.contains(nil))
    }
    #expect(
      WebAddress.matchKey("https://x.com/a/status/17?s=20") == "twitter.com/i/status/17")
    #expect(WebAddress.matchKey("https://youtu.be/abc") == "youtube.com/watch?v=abc")
  }

  @Test func differentAddressesKeepDifferentKeys() {
    let apart = [
      "https://example.org/news/story", "https://example.org/news/other",
      "https://example.org/?p=12", "https://example.org/?p=13", "https://example.net/news/story",
      "https://www.youtube.com/watch?v=one", "https://www.youtube.com/watch?v=two",
      "https://twitter.com/a/status/1", "https://twitter.com/a/status/2",
      "https://twitter.com/a", "https://example.org/News/Story",
    ]
    #expect(Set(apart.compactMap(WebAddress.matchKey)).count == apart.count)
    for text in ["", "#comments", "javascript:void(0)", "ftp://example.org/file", "example.org"] {
      #expect(WebAddress.matchKey(text) == nil, "\(text)")
    }
  }
}
