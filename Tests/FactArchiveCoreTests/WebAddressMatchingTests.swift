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
      [
        "https://twitter.com/i/web/status/1712345678901234567",
        "https://twitter.com/i/status/1712345678901234567",
        // A post cited by its archived copy.
        "https://web.archive.org/web/20231005120000/https://twitter.com/a/status/1712345678901234567",
        "https://archive.ph/2023.10.05-120000/https://x.com/b/status/1712345678901234567",
      ],
      [
        "https://www.facebook.com/story.php?story_fbid=1234567890&id=100044",
        "https://m.facebook.com/permalink.php?id=100044&story_fbid=1234567890",
        "https://www.facebook.com/SomePage/posts/1234567890/?mibextid=abc",
        "https://web.facebook.com/100044/posts/1234567890",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2FSomePage%2Fposts%2F1234567890&h=AT0",
      ],
      [
        "https://www.facebook.com/watch/?v=998877", "https://www.facebook.com/reel/998877",
        "https://www.facebook.com/SomePage/videos/a-title/998877/",
      ],
      [
        "https://www.facebook.com/photo.php?fbid=556677&set=a.1",
        "https://www.facebook.com/SomePage/photos/a.112233/556677/?type=3",
        "https://www.facebook.com/photo/?fbid=556677&set=a.1",
      ],
      [
        "https://www.instagram.com/p/CxYz12AbC/", "https://instagram.com/reel/CxYz12AbC/?igsh=x",
        "https://www.instagram.com/someone/p/CxYz12AbC", "https://www.instagram.com/tv/CxYz12AbC",
      ],
      [
        "https://www.tiktok.com/@someone/video/7300000000000000001?is_from_webapp=1&sender_device=pc",
        "https://m.tiktok.com/v/7300000000000000001.html",
        "https://tiktok.com/@renamed/video/7300000000000000001",
      ],
      [
        "https://www.threads.net/@someone/post/C1aBcD",
        "https://www.threads.com/@other/post/C1aBcD",
      ],
      ["https://t.me/somechannel/4521", "https://t.me/s/somechannel/4521?single"],
      [
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fnews%2Fstory%3Futm_source%3Dfb",
        "https://example.org/news/story",
      ],
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

  @Test func anAddressIsLookedUpAsArchivesMayHaveStoredIt() {
    let spellings = WebAddress.spellings(of: "http://WWW.Example.org/a/b/?utm_source=x&p=2#c")
    #expect(spellings.first == "http://WWW.Example.org/a/b/?utm_source=x&p=2#c")
    #expect(spellings.count == 9)
    for stored in [
      "https://example.org/a/b?p=2", "http://www.example.org/a/b/?p=2",
      "https://www.example.org/a/b?p=2",
    ] {
      #expect(spellings.contains(stored), "\(stored)")
    }
    #expect(WebAddress.spellings(of: "example.org/a").isEmpty)
  }

  @Test func aRedirectingWrapperLeadsToItsTarget() {
    let target = "https://example.org/story?p=2"
    let encoded = "https%3A%2F%2Fexample.org%2Fstory%3Fp%3D2"
    for wrapped in [
      "https://www.google.com/url?q=\(encoded)&sa=D&source=docs&ust=1&usg=AOvVaw",
      "https://www.google.co.uk/url?sa=t&rct=j&url=\(encoded)&ved=2ah",
      "https://l.facebook.com/l.php?u=\(encoded)&h=AT0x",
      "https://l.instagram.com/?u=\(encoded)&e=AT1",
      "https://www.youtube.com/redirect?event=video_description&q=\(encoded)&v=abc",
      "https://eur01.safelinks.protection.outlook.com/?url=\(encoded)&data=05%7C01",
      "https://www.google.com/amp/s/example.org/story?p=2",
      "https://example-org.cdn.ampproject.org/c/s/example.org/story?p=2",
      // A wrapper in a wrapper.
      "https://www.google.com/url?q=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3D"
        + "https%253A%252F%252Fexample.org%252Fstory%253Fp%253D2",
    ] {
      #expect(WebAddress.unwrapped(wrapped) == target, "\(wrapped)")
      #expect(WebAddress.matchKey(wrapped) == WebAddress.matchKey(target), "\(wrapped)")
    }
    #expect(
      WebAddress.unwrapped("https://example-org.cdn.ampproject.org/v/example.org/a")
        == "http://example.org/a")
    for kept in [
      "https://www.google.com/search?q=https://example.org/story",
      "https://www.google.com/url?q=javascript:alert(1)", "https://www.google.com/url?sa=D",
      "https://google.example.org/url?q=https://example.org/story",
      "https://example.org/url?q=https://example.net/", "https://t.co/AbCdE",
      "https://www.google.com/amp/", "https://l.facebook.com/l.php?u=", "not an address",
    ] {
      #expect(WebAddress.unwrapped(kept) == kept, "\(kept)")
    }
    #expect(
      WebAddress.spellings(of: "https://www.google.com/url?q=\(encoded)").contains(target))
  }

  @Test func anAddressKeptForAPageLosesOnlyItsSharingParameters() {
    let cases = [
      (
        "https://example.org/a?utm_source=rss&utm_medium=feed",
        "https://example.org/a"
      ),
      (
        "https://example.org/a/?p=2&fbclid=IwAR0x&lang=de#top",
        "https://example.org/a/?p=2&lang=de#top"
      ),
      ("https://example.org/a?p=2&q=3", "https://example.org/a?p=2&q=3"),
      ("https://example.org/#/a?utm_source=x", "https://example.org/#/a?utm_source=x"),
      ("https://example.org/a?", "https://example.org/a?"),
      ("mailto:a@example.org?utm_source=x", "mailto:a@example.org?utm_source=x"),
    ]
    for (written, kept) in cases {
      #expect(WebAddress.withoutSharingParameters(written) == kept, "\(written)")
    }
  }

  @Test func differentAddressesKeepDifferentKeys() {
    let apart = [
      "https://example.org/news/story", "https://example.org/news/other",
      "https://example.org/?p=12", "https://example.org/?p=13", "https://example.net/news/story",
      "https://www.youtube.com/watch?v=one", "https://www.youtube.com/watch?v=two",
      "https://twitter.com/a/status/1", "https://twitter.com/a/status/2",
      "https://twitter.com/a", "https://example.org/News/Story",
      "https://www.facebook.com/SomePage/posts/1", "https://www.facebook.com/SomePage/posts/2",
      "https://www.facebook.com/SomePage", "https://www.facebook.com/OtherPage",
      "https://www.facebook.com/watch/?v=1", "https://www.facebook.com/photo.php?fbid=1",
      "https://www.instagram.com/p/Abc", "https://www.instagram.com/p/abc",
      "https://www.instagram.com/someone", "https://www.tiktok.com/@someone/video/1",
      "https://www.tiktok.com/@someone/video/2", "https://www.tiktok.com/@someone",
      "https://t.me/somechannel/1", "https://t.me/otherchannel/1", "https://t.me/somechannel",
      "https://web.archive.org/web/2020/https://example.org/", "https://archive.org/web/2020",
    ]
    #expect(Set(apart.compactMap(WebAddress.matchKey)).count == apart.count)
    for text in ["", "#comments", "javascript:void(0)", "ftp://example.org/file", "example.org"] {
      #expect(WebAddress.matchKey(text) == nil, "\(text)")
    }
  }
}

/// A web archive's copy of a page is read as the page it copied.
@Suite struct WebArchiveAddressTests {
  @Test func aWaybackCaptureGivesTheAddressItCopied() {
    let original = "https://www.example.org/news/story?id=4#top"
    for archived in [
      "https://web.archive.org/web/20260312084510/https://www.example.org/news/story?id=4#top",
      "http://web.archive.org/web/20260312084510id_/https://www.example.org/news/story?id=4#top",
      "https://wayback.archive.org/web/2026/https:/www.example.org/news/story?id=4#top",
      "https://archive.ph/2026.03.12-084510/https://www.example.org/news/story?id=4#top",
      "https://archive.today/newest/https://www.example.org/news/story?id=4#top",
    ] {
      #expect(WebAddress.unarchived(archived) == original, "\(archived)")
    }
    #expect(
      WebAddress.unarchived("https://web.archive.org/web/20260312084510/www.example.org/a")
        == "http://www.example.org/a")
    for unchanged in [
      original, "https://web.archive.org/", "https://web.archive.org/web/2026*/example.org",
      "https://web.archive.org/web/20260312084510/", "https://archive.org/details/item",
      "https://example.org/web/20260312084510/https://other.example/",
      "https://archive.ph/AbCdE", "https://archive.ph/",
      "https://archive.ph/AbCdE/https://x.example/",
    ] {
      #expect(WebAddress.unarchived(unchanged) == unchanged, "\(unchanged)")
    }
  }
}
