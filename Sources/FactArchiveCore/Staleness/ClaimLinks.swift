/// Another publisher's check of a similar claim, dated after the check it is listed on: the
/// strongest sign that check may be outdated.
public struct OtherVerdict: Sendable, Equatable {
  public var checkID: Int64
  public var publisher: String
  /// Their claim.
  public var claim: String
  /// Their rating, verbatim, and normalised.
  public var rating: String?
  public var ratingClass: RatingClass?
  public var date: Day
  /// What the two claims share, most telling first.
  public var sharedTerms: [String]
  public var score: Double
  /// The two rating classes stand on opposite sides of mixed.
  public var disagrees: Bool

  public init(
    checkID: Int64, publisher: String, claim: String, rating: String?, ratingClass: RatingClass?,
    date: Day, sharedTerms: [String], score: Double, disagrees: Bool
  ) {
    self.checkID = checkID
    self.publisher = publisher
    self.claim = claim
    self.rating = rating
    self.ratingClass = ratingClass
    self.date = date
    self.sharedTerms = sharedTerms
    self.score = score
    self.disagrees = disagrees
  }

  /// The address both claims appeared at, when that is what links them (the link's one
  /// shared term is a web address); `nil` for claims linked by their words.
  public var sharedAppearance: String? {
    guard sharedTerms.count == 1, let only = sharedTerms.first, WebAddress.isWeb(only) else {
      return nil
    }
    return only
  }

  /// What links the two claims, in words: `shares cartel de los soles, venezuela`, or
  /// `both appeared at https://…`.
  public var sharing: String {
    sharedAppearance.map { "both appeared at \($0)" }
      ?? "shares " + sharedTerms.prefix(5).joined(separator: ", ")
  }

  /// Disagreements first, then the latest.
  public static func listed(_ verdicts: [OtherVerdict]) -> [OtherVerdict] {
    verdicts.sorted {
      ($0.disagrees ? 0 : 1, -$0.date.daysSinceEpoch, $0.checkID)
        < ($1.disagrees ? 0 : 1, -$1.date.daysSinceEpoch, $1.checkID)
    }
  }
}

/// A question of the same publisher worded so alike it may be the same question.
public struct SimilarQuestion: Sendable, Equatable {
  public var questionID: Int64
  public var question: String
  public var score: Double
  public var sharedTerms: [String]

  public init(questionID: Int64, question: String, score: Double, sharedTerms: [String]) {
    self.questionID = questionID
    self.question = question
    self.score = score
    self.sharedTerms = sharedTerms
  }

  /// "93% alike; shares calloway, harbour, ferry": how alike, as `show` and the desk say it.
  public var likeness: String {
    "\(Int((score * 100).rounded()))% alike; shares "
      + sharedTerms.prefix(5).joined(separator: ", ")
  }
}

extension OtherVerdict: Codable {
  enum CodingKeys: String, CodingKey {
    case checkID = "check_id"
    case publisher, claim, rating
    case ratingClass = "rating_class"
    case date
    case sharedTerms = "shared_terms"
    case score, disagrees
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(checkID, forKey: .checkID)
    try container.encode(publisher, forKey: .publisher)
    try container.encode(claim, forKey: .claim)
    try container.encodeOrNull(rating, forKey: .rating)
    try container.encodeOrNull(ratingClass?.rawValue, forKey: .ratingClass)
    try container.encode(date.iso, forKey: .date)
    try container.encode(sharedTerms, forKey: .sharedTerms)
    try container.encode(score, forKey: .score)
    try container.encode(disagrees, forKey: .disagrees)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      checkID: try container.decode(Int64.self, forKey: .checkID),
      publisher: try container.decode(String.self, forKey: .publisher),
      claim: try container.decode(String.self, forKey: .claim),
      rating: try container.decodeIfPresent(String.self, forKey: .rating),
      ratingClass: try container.decodeIfPresent(RatingClass.self, forKey: .ratingClass),
      date: try container.decode(Day.self, forKey: .date),
      sharedTerms: try container.decode([String].self, forKey: .sharedTerms),
      score: try container.decode(Double.self, forKey: .score),
      disagrees: try container.decode(Bool.self, forKey: .disagrees))
  }
}

extension SimilarQuestion: Codable {
  enum CodingKeys: String, CodingKey {
    case questionID = "question_id"
    case question, score
    case sharedTerms = "shared_terms"
  }
}
