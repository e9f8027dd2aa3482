import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// A whole check read back: question, date, summaries with headings, citations, follow-ups.
public struct CheckDetail: Sendable, Equatable {
  /// Another document holding this check.
  public struct Copy: Sendable, Equatable {
    public var documentID: Int64
    public var path: String
    public var mediaType: String
  }

  public struct Summary: Sendable, Equatable {
    public var position: Int
    public var heading: String?
    public var body: String
    public var citations: [Citation]
  }

  public struct Citation: Sendable, Equatable {
    public var refNumber: Int
    public var sentence: String
    /// For a link in an article's text: its words.
    public var anchorText: String?
  }

  /// An entry of the page's reference list.
  public struct Reference: Sendable, Equatable {
    public var refNumber: Int
    public var url: String
  }

  public var checkID: Int64
  public var questionID: Int64
  public var question: String
  public var checkedOn: Day?
  /// For an undated page: the latest date its text mentions.
  public var checkedOnInferred: Day?
  public var titleURL: String?
  public var truncated: Bool
  public var unparsed: String?
  public var publisherFlaggedOutdated: Bool
  /// For another publisher's fact-check: the organisation, its rating as written and
  /// normalised, the article's headline, its reporters, its language, and where its date
  /// came from.
  public var publisher: String? = nil
  public var rating: String? = nil
  public var ratingClass: RatingClass? = nil
  public var title: String? = nil
  public var reporters: [String] = []
  public var language: String? = nil
  public var dateSource: DateSource? = nil
  /// Who made the claim it reviews, when, and where it appeared, as the review says.
  public var claimOrigin = ClaimOrigin()
  public var disclaimer: String?
  public var documentID: Int64
  public var documentPath: String
  /// Other documents holding the same check (the page saved again, as text or HTML).
  public var copies: [Copy] = []
  public var summaries: [Summary]
  public var followUps: [String]
  public var references: [Reference]
  /// Every editor's review, oldest first.
  public var reviews: [Review] = []
  /// Other publishers' later verdicts on a similar claim, disagreements first (also those
  /// from before the latest review, which no longer count in the queue).
  public var otherVerdicts: [OtherVerdict] = []
  /// Questions of the same publisher worded so alike they may be this one.
  public var possiblySameQuestions: [SimilarQuestion] = []
  /// Questions merged into this one (and split again).
  public var merges: [QuestionMerges.Merge] = []

  /// The check with `id`, or `nil` when there is none.
  public static func load(_ id: Int64, from db: Connection) throws -> CheckDetail? {
    let head = try db.queryFirst(
      """
      SELECT c.id, c.question_id, q.text AS question, c.checked_on, c.publisher_flagged_outdated,
             c.disclaimer, c.document_id, d.path, c.checked_on_inferred, c.title_url,
             c.truncated, c.unparsed, c.publisher, c.rating, c.rating_class, c.title, c.language,
             c.date_source, c.claimant, c.claim_date
      FROM checks AS c
      JOIN questions AS q ON q.id = c.question_id
      JOIN documents AS d ON d.id = c.document_id
      WHERE c.id = ?
      """, [id]
    ) { row in
      var detail = CheckDetail(
        checkID: row.int64("id"), questionID: row.int64("question_id"),
        question: row.text("question") ?? "", checkedOn: row.day("checked_on"),
        checkedOnInferred: row.day("checked_on_inferred"), titleURL: row.text("title_url"),
        truncated: row.bool("truncated"), unparsed: row.text("unparsed"),
        publisherFlaggedOutdated: row.bool("publisher_flagged_outdated"),
        disclaimer: row.text("disclaimer"), documentID: row.int64("document_id"),
        documentPath: row.text("path") ?? "",
        summaries: [], followUps: [], references: [])
      detail.publisher = row.text("publisher")
      detail.rating = row.text("rating")
      detail.ratingClass = row.text("rating_class").flatMap(RatingClass.init(rawValue:))
      detail.title = row.text("title")
      detail.language = row.text("language")
      detail.dateSource = row.text("date_source").flatMap(DateSource.init(rawValue:))
      detail.claimOrigin.claimant = row.text("claimant")
      detail.claimOrigin.date = row.day("claim_date")
      return detail
    }
    guard var detail = head else { return nil }
    var citations: [Int: [Citation]] = [:]
    for (position, citation) in try db.query(
      "SELECT position, ref_number, sentence, anchor_text FROM citations WHERE check_id = ? ORDER BY id",
      [id],
      { row in
        (
          row.int("position"),
          Citation(
            refNumber: row.int("ref_number"), sentence: row.text("sentence") ?? "",
            anchorText: row.text("anchor_text"))
        )
      })
    {
      citations[position, default: []].append(citation)
    }
    detail.summaries = try db.query(
      "SELECT position, heading, body FROM summaries WHERE check_id = ? ORDER BY position", [id]
    ) { row in
      Summary(
        position: row.int("position"), heading: row.text("heading"), body: row.text("body") ?? "",
        citations: citations[row.int("position")] ?? [])
    }
    detail.references = try db.query(
      "SELECT ref_number, url FROM citation_sources WHERE check_id = ? ORDER BY ref_number", [id]
    ) { Reference(refNumber: $0.int("ref_number"), url: $0.text("url") ?? "") }
    detail.followUps = try db.query(
      "SELECT text FROM follow_ups WHERE check_id = ? ORDER BY position", [id]
    ) { $0.text("text") ?? "" }
    detail.reviews = try Reviews.all(checkID: id, in: db)
    detail.otherVerdicts = try ClaimLinks.otherVerdicts(
      on: id, through: nil, counted: false, in: db)
    detail.possiblySameQuestions = try ClaimLinks.similarQuestions(
      to: detail.questionID, in: db)
    detail.merges = try QuestionMerges.into(detail.questionID, in: db)
    detail.reporters = try db.query(
      "SELECT name FROM check_reporters WHERE check_id = ? ORDER BY position", [id]
    ) { $0.text("name") ?? "" }
    detail.claimOrigin = try ClaimOrigin.stored(
      checkID: id, claimant: detail.claimOrigin.claimant, date: detail.claimOrigin.date, in: db)
    detail.copies = try db.query(
      """
      SELECT d.id, d.path, d.media_type FROM check_copies AS cc
      JOIN documents AS d ON d.id = cc.document_id WHERE cc.check_id = ? ORDER BY d.id
      """, [id]
    ) {
      Copy(
        documentID: $0.int64("id"), path: $0.text("path") ?? "",
        mediaType: $0.text("media_type") ?? "")
    }
    return detail
  }
}
