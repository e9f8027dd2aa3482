/// What the staleness policy reads from a check: its text (for topics, time-bound wording
/// and the names it is about) and its timeline (for the due date).
///
/// Built once per check: from a parsed article by `init(article:in:ingestedOn:)`, or from
/// a stored check by the database module.
public struct CheckFacts: Sendable, Equatable {
  public var question: String
  /// The executive summary (or the first summary when there is none).
  public var summary: String
  /// The headings of the numbered sections: with the question and the summary, what the
  /// check is about.
  public var headings: [String]
  public var timeline: CheckTimeline

  public init(question: String, summary: String, headings: [String] = [], timeline: CheckTimeline) {
    self.question = question
    self.summary = summary
    self.headings = headings
    self.timeline = timeline
  }

  public init(
    question: String, summary: String, headings: [String] = [], checkedOn: Day?,
    checkedOnInferred: Day?, ingestedOn: Day, publisherFlagged: Bool, evidenceOn: Day? = nil
  ) {
    self.init(
      question: question, summary: summary, headings: headings,
      timeline: CheckTimeline(
        checkedOn: checkedOn, checkedOnInferred: checkedOnInferred, ingestedOn: ingestedOn,
        publisherFlagged: publisherFlagged, evidenceOn: evidenceOn))
  }

  /// The facts of a parsed article, ingested on `ingestedOn`.
  public init(article: ParsedArticle, in document: ParsedDocument, ingestedOn: Day) {
    self.init(
      question: article.question,
      summary: article.summaries.first.map { document.body(of: $0) } ?? "",
      headings: article.summaries.filter { $0.position > 0 }.compactMap(\.heading),
      checkedOn: article.checkedOn, checkedOnInferred: article.checkedOnInferred,
      ingestedOn: ingestedOn, publisherFlagged: article.publisherFlaggedOutdated)
  }

  /// The text the policy matches topics and time-bound wording in.
  public var text: String { question + "\n" + summary }

  /// What the check is about, for its names: the question, the executive summary and the
  /// section headings, one per line.
  public var aboutText: String {
    ([question, summary] + headings).joined(separator: "\n")
  }

  public var checkedOn: Day? {
    get { timeline.checkedOn }
    set { timeline.checkedOn = newValue }
  }
  public var checkedOnInferred: Day? {
    get { timeline.checkedOnInferred }
    set { timeline.checkedOnInferred = newValue }
  }
  public var ingestedOn: Day {
    get { timeline.ingestedOn }
    set { timeline.ingestedOn = newValue }
  }
  public var publisherFlagged: Bool {
    get { timeline.publisherFlagged }
    set { timeline.publisherFlagged = newValue }
  }
  public var evidenceOn: Day? {
    get { timeline.evidenceOn }
    set { timeline.evidenceOn = newValue }
  }
  /// The date the check is aged from: stated, else inferred.
  public var baseDate: Day? { timeline.baseDate }
}

/// The dated facts a check's due date is computed from (see `DueDate` in the policy).
public struct CheckTimeline: Sendable, Equatable {
  /// The `Checked on` date.
  public var checkedOn: Day?
  /// For an undated page: the newest date its text mentions.
  public var checkedOnInferred: Day?
  /// The day it was ingested: an undated check with no date in its text is due from then.
  public var ingestedOn: Day
  /// The page carried the publisher's "This fact-check may be outdated" banner.
  public var publisherFlagged: Bool
  /// The date of the earliest newer source that is evidence against it (published after
  /// its latest review, when it has one).
  public var evidenceOn: Day?
  /// The latest editor's review: its verdict and day.
  public var reviewVerdict: ReviewVerdict?
  public var reviewedOn: Day?

  public init(
    checkedOn: Day?, checkedOnInferred: Day?, ingestedOn: Day, publisherFlagged: Bool,
    evidenceOn: Day? = nil, reviewVerdict: ReviewVerdict? = nil, reviewedOn: Day? = nil
  ) {
    self.checkedOn = checkedOn
    self.checkedOnInferred = checkedOnInferred
    self.ingestedOn = ingestedOn
    self.publisherFlagged = publisherFlagged
    self.evidenceOn = evidenceOn
    self.reviewVerdict = reviewVerdict
    self.reviewedOn = reviewedOn
  }

  /// The date the check is aged from: stated, else inferred.
  public var baseDate: Day? { checkedOn ?? checkedOnInferred }

  /// The date its age counts from: the day of a review that restarted its clock, else its
  /// own date.
  public var agedFrom: Day? {
    if let reviewVerdict, reviewVerdict.restartsClock, let reviewedOn { return reviewedOn }
    return baseDate
  }

  /// Whether the publisher's banner still counts: not once a review has restarted the clock.
  public var bannerCounts: Bool {
    publisherFlagged && !(reviewVerdict?.restartsClock ?? false)
  }
}
