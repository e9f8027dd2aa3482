import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema

/// What the writer needs of an article's question to find it or add it: its key, its
/// publisher's key, its claim and the claim's stored columns. Pure, so the reading thread
/// works it out ahead (`PreparedDocument.judged`) and the writer, an ingest's bottleneck,
/// only looks it up.
public struct QuestionReading: Sendable {
  /// `questions.normalized_key` (`QuestionKey.normalize`).
  public var key: String
  /// `questions.publisher_key` (`QuestionKey.publisher`).
  public var publisherKey: String
  /// The claim as the matcher reads it.
  public var claim: ClaimProfile
  /// `questions.claim_profile`.
  public var storedClaim: String
  /// `questions.claim_terms`.
  public var storedTerms: String

  public init(_ article: ParsedArticle) {
    key = QuestionKey.normalize(article.question)
    publisherKey = QuestionKey.publisher(article.publisher)
    claim = ClaimProfile(article.question, language: article.language)
    storedClaim = claim.stored
    storedTerms = StoredList.names(claim.terms)
  }
}
