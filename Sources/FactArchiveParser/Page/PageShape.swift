/// The sizes the parser's decisions rest on, each named for what it measures, in one
/// place. Changing one changes how pages are read: bump `ArticleParser.version` with it.
enum PageShape {
  // MARK: Fact-check pages

  /// The longest `Checked on <date>` line, in bytes: a longer line that starts with
  /// "Checked on" is a sentence, not the date line.
  static let longestCheckedOnLine = 60
  /// The longest text after "Executive summary" on its line that is still a subtitle
  /// ("Quick Answer Up Front") rather than the summary itself, in bytes and in words.
  static let longestSubtitle = 60
  static let mostSubtitleWords = 6
  /// The longest section heading, in bytes.
  static let longestHeading = 200
  /// A numbered line longer than this, in bytes, that ends with a period is a list item of
  /// the text, not a section heading.
  static let longestHeadingSentence = 120
  /// Section and reference numbers have at most this many digits.
  static let mostNumberDigits = 3
  /// A `Checked on` date before this year is a typo, not a check (fact-checks are web pages).
  static let earliestCheckYear = 1900

  // MARK: Site listing pages

  /// A listing page (a topic or people index) has no line longer than this, in bytes...
  static let longestListingLine = 250
  /// ...at least this many lines of text...
  static let fewestListingLines = 8
  /// ...at least this many of them dated...
  static let fewestDatedListingLines = 3
  /// ...and at least one dated line in this many.
  static let listingLinesPerDatedLine = 5

  // MARK: Source articles

  /// A label above a source's title (`Trends-UK`) is at most this long, in bytes and words.
  static let longestLabel = 32
  static let mostLabelWords = 3
  /// The longest byline (`Reported by …`), in bytes.
  static let longestByline = 120
  /// The longest line of news-site furniture ("Share this", "Leave a reply"), in bytes.
  static let longestSourceChrome = 120
  /// The longest line that states a source's date (`Published on …`), in bytes.
  static let longestDateLine = 80
}
