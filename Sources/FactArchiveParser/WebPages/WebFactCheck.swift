import FactArchiveCore
import FactArchiveWebPage

/// Another publisher's fact-check page: each ClaimReview it embeds becomes a check with the
/// page's article. The claim stays the question; the headline is kept beside it; the
/// article's main text becomes the executive summary (the publisher's verdict box, else the
/// review's `reviewBody`, else the first paragraph) and sections by its headings, the links
/// of its text the check's citations.
///
/// Who published it: the review's `publisher`, else its `author` when that is an
/// Organization (`ClaimReviewImporter` has read both), else the page's publisher
/// (`PageMetadata.publisher`: JSON-LD, `og:site_name`), else its host. The reporters are
/// the review's Person authors, else the page's.
enum WebFactCheck {
  static func attach(
    _ page: WebPage, to document: ParsedDocument, options: ArticleParser.Options
  ) -> ParsedDocument {
    var document = document
    let meta = page.metadata
    let host = (meta.canonicalURL ?? options.url).flatMap(WebAddress.domain(of:))
    document.articles = document.articles.map { review in
      var check = review
      if check.headline == nil, let title = meta.title,
        TitleKey.of(title) != TitleKey.of(check.question)
      {
        check.headline = title
      }
      check.publisher = check.publisher ?? meta.publisher ?? host
      if check.reporters.isEmpty { check.reporters = meta.authors }
      check.language = check.language ?? meta.language
      check.titleURL = check.titleURL ?? meta.canonicalURL
      if check.checkedOn == nil, let day = meta.published ?? meta.modified {
        check.checkedOn = day
        check.checkedOnInferred = nil
        check.dateSource = .page
      }
      guard !page.mainText.isEmpty else { return check }
      let stated =
        page.mainText.statedSummary
        ?? review.summaries.first.map { document.body(of: $0) }.flatMap {
          isSummary($0, of: page.mainText) ? $0 : nil
        }
      let article = ArticleSections(page.mainText, statedSummary: stated)
      check.summaries = (article.summary.map { [$0] } ?? []) + article.sections
      check.references = article.references
      return check
    }
    return document
  }

  /// Whether a review's `reviewBody` summarises the article rather than being it: some
  /// pages mark the whole article body as the `reviewBody` (`itemprop="reviewBody"` on the
  /// article's element), and taken as the summary it would swallow every paragraph and
  /// its links. Over half the article's text is the article.
  static func isSummary(_ text: String, of article: MainText) -> Bool {
    let articleLength = article.blocks.reduce(0) { $0 + $1.text.unicodeScalars.count }
    return text.unicodeScalars.count * 2 <= articleLength
  }
}
