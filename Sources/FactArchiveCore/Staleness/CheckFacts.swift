/// What the staleness policy reads from a check: its text (for topics, time-bound wording
/// and key names) and its timeline (for the due date).
///
/// Built once per check: from a parsed article by `init(article:in:ingestedOn:)`, or from
/// a stored check by the database module.
public struct CheckFacts: Sendable, Equatable {
  public var question: String
  /// The executive summary (or the first summary when there is none).
  public var summary: String
  public var timeline: CheckTimeline

  public init(question: String, summary: String, timeline: CheckTimeline) {
    self.question = question
    self.summary = summary
    self.timeline = timeline
  }

  public init(
    question: String, summary: String, checkedOn: Day?, checkedOnInferred: Day?, ingestedOn: Day,
    publisherFlagged: Bool, evidenceOn: Day? = nil
  ) {
    self.init(
      question: question, summary: summary,
      timeline: CheckTimeline(
        checkedOn: checkedOn, checkedOnInferred: checkedOnInferred, ingestedOn: ingestedOn,
        publisherFlagged: publisherFlagged, evidenceOn: evidenceOn))
  }

  /// The facts of a parsed article, ingested on `ingestedOn`.
  public init(article: ParsedArticle, in document: ParsedDocument, ingestedOn: Day) {
    self.init(
      question: article.question,
      summary: article.summaries.first.map { document.body(of: $0) } ?? "",
      checkedOn: article.checkedOn, checkedOnInferred: article.checkedOnInferred,
      ingestedOn: ingestedOn, publisherFlagged: article.publisherFlaggedOutdated)
  }

  /// The text the policy matches topics, time-bound wording and names in.
  public var text: String { question + "\n" + summary }

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
  /// The date of the earliest newer source that is evidence against it.
  public var evidenceOn: Day?

  public init(
    checkedOn: Day?, checkedOnInferred: Day?, ingestedOn: Day, publisherFlagged: Bool,
    evidenceOn: Day? = nil
  ) {
    self.checkedOn = checkedOn
    self.checkedOnInferred = checkedOnInferred
    self.ingestedOn = ingestedOn
    self.publisherFlagged = publisherFlagged
    self.evidenceOn = evidenceOn
  }

  /// The date the check is aged from: stated, else inferred.
  public var baseDate: Day? { checkedOn ?? checkedOnInferred }
}
