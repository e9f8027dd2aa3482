/// The one JSON shape of a stale check: what `factarchive stale --format json`, the desk's
/// `/api/stale`, `report --format json` and the reports stored in `staleness_runs.report`
/// all hold. Keys are snake_case; a missing value is `null` (only `snoozed_until` is left
/// out when there is none).
extension StaleCheck: Codable {
  enum CodingKeys: String, CodingKey {
    case checkID = "check_id"
    case questionID = "question_id"
    case question
    case checkedOn = "checked_on"
    case checkedOnInferred = "checked_on_inferred"
    case ageDays = "age_days"
    case dueOn = "due_on"
    case overdueDays = "overdue_days"
    case topic
    case maxAgeDays = "max_age_days"
    case citationCount = "citation_count"
    case tier
    case reasons
    case evidence = "newer_sources"
    case lastReview = "last_review"
    case snoozedUntil = "snoozed_until"
    case publisher
    case ratingClass = "rating_class"
    case otherVerdicts = "other_verdicts"
    case possiblySameQuestions = "possibly_same_questions"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(checkID, forKey: .checkID)
    try container.encode(questionID, forKey: .questionID)
    try container.encode(question, forKey: .question)
    try container.encodeOrNull(checkedOn?.iso, forKey: .checkedOn)
    try container.encodeOrNull(checkedOnInferred?.iso, forKey: .checkedOnInferred)
    try container.encodeOrNull(ageDays, forKey: .ageDays)
    try container.encode(dueOn.iso, forKey: .dueOn)
    try container.encode(overdueDays, forKey: .overdueDays)
    try container.encodeOrNull(topic, forKey: .topic)
    try container.encode(maxAgeDays, forKey: .maxAgeDays)
    try container.encode(citationCount, forKey: .citationCount)
    try container.encodeOrNull(tier?.rawValue, forKey: .tier)
    try container.encode(reasons, forKey: .reasons)
    try container.encode(evidence, forKey: .evidence)
    try container.encode(lastReview, forKey: .lastReview)
    try container.encodeIfPresent(snoozedUntil?.iso, forKey: .snoozedUntil)
    // Other publishers' checks only (reports recorded before them print as they did).
    try container.encodeIfPresent(publisher, forKey: .publisher)
    try container.encodeIfPresent(ratingClass?.rawValue, forKey: .ratingClass)
    // Only when there are some (reports recorded before claims were matched print as they did).
    if !otherVerdicts.isEmpty { try container.encode(otherVerdicts, forKey: .otherVerdicts) }
    if !possiblySameQuestions.isEmpty {
      try container.encode(possiblySameQuestions, forKey: .possiblySameQuestions)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      checkID: try container.decode(Int64.self, forKey: .checkID),
      questionID: try container.decode(Int64.self, forKey: .questionID),
      question: try container.decode(String.self, forKey: .question),
      checkedOn: try container.decodeIfPresent(Day.self, forKey: .checkedOn),
      checkedOnInferred: try container.decodeIfPresent(Day.self, forKey: .checkedOnInferred),
      ageDays: try container.decodeIfPresent(Int.self, forKey: .ageDays),
      dueOn: try container.decode(Day.self, forKey: .dueOn),
      overdueDays: try container.decode(Int.self, forKey: .overdueDays),
      topic: try container.decodeIfPresent(String.self, forKey: .topic),
      maxAgeDays: try container.decode(Int.self, forKey: .maxAgeDays),
      citationCount: try container.decode(Int.self, forKey: .citationCount),
      reasons: try container.decode([StaleReason].self, forKey: .reasons),
      evidence: try container.decodeIfPresent([EvidenceSource].self, forKey: .evidence) ?? [],
      snoozedUntil: try container.decodeIfPresent(Day.self, forKey: .snoozedUntil),
      tier: try container.decodeIfPresent(QueueTier.self, forKey: .tier),
      lastReview: try container.decodeIfPresent(Review.self, forKey: .lastReview))
    publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
    ratingClass = try container.decodeIfPresent(RatingClass.self, forKey: .ratingClass)
    otherVerdicts =
      try container.decodeIfPresent([OtherVerdict].self, forKey: .otherVerdicts) ?? []
    possiblySameQuestions =
      try container.decodeIfPresent([SimilarQuestion].self, forKey: .possiblySameQuestions) ?? []
  }
}

/// A newer source as a stale check lists it: `telling_terms` falls back to the shared names
/// for links made before scores were kept.
extension EvidenceSource: Codable {
  enum CodingKeys: String, CodingKey {
    case sourceID = "source_id"
    case title, date
    case sharedTerms = "shared_terms"
    case tellingTerms = "telling_terms"
    case score
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sourceID, forKey: .sourceID)
    try container.encode(title, forKey: .title)
    try container.encode(date, forKey: .date)
    try container.encode(sharedTerms, forKey: .sharedTerms)
    try container.encode(tellingTerms ?? sharedTerms, forKey: .tellingTerms)
    try container.encode(score, forKey: .score)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      sourceID: try container.decode(Int64.self, forKey: .sourceID),
      title: try container.decode(String.self, forKey: .title),
      date: try container.decode(Day.self, forKey: .date),
      sharedTerms: try container.decode([String].self, forKey: .sharedTerms),
      score: try container.decodeIfPresent(Double.self, forKey: .score),
      tellingTerms: try container.decodeIfPresent([String].self, forKey: .tellingTerms))
  }
}

/// A review as every JSON document shows it (`show`, `history`, stale checks, reports).
extension Review: Codable {
  enum CodingKeys: String, CodingKey {
    case verdict, note
    case reviewedOn = "reviewed_on"
    case reviewedBy = "reviewed_by"
    case createdAt = "recorded_at"
    case id
    case checkID = "check_id"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(verdict, forKey: .verdict)
    try container.encode(note, forKey: .note)
    try container.encode(reviewedOn, forKey: .reviewedOn)
    try container.encode(reviewedBy, forKey: .reviewedBy)
    try container.encode(createdAt, forKey: .createdAt)
  }

  /// The review's own id and check are not in the shape (the check is the object it sits
  /// in); decoded as 0 unless given.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decodeIfPresent(Int64.self, forKey: .id) ?? 0,
      checkID: try container.decodeIfPresent(Int64.self, forKey: .checkID) ?? 0,
      verdict: try container.decode(ReviewVerdict.self, forKey: .verdict),
      note: try container.decode(String.self, forKey: .note),
      reviewedOn: try container.decode(Day.self, forKey: .reviewedOn),
      reviewedBy: try container.decode(String.self, forKey: .reviewedBy),
      createdAt: try container.decode(String.self, forKey: .createdAt))
  }
}

extension KeyedEncodingContainer {
  /// The value, or `null` when there is none (the one shape writes every field).
  mutating func encodeOrNull(_ value: String?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func encodeOrNull(_ value: Int?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
}
