import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// Questions and checks: a new question, a re-check of one the archive has, or another copy
/// of a check it already holds.
extension ArchiveWriter {
  func insertArticle(
    _ article: ParsedArticle, index: Int, of document: ParsedDocument, facts: CheckFacts,
    verdict: StalenessVerdict?, question reading: QuestionReading?, documentID: Int64
  ) throws -> ArticleOutcome {
    let (questionID, isNewQuestion) = try question(for: article, reading: reading)
    if !isNewQuestion, let duplicate = try sameCheck(of: article, questionID: questionID) {
      try recordCopy(of: duplicate, documentID: documentID, index: index)
      return .duplicate(checkID: duplicate)
    }
    let (checkID, ratingClass) = try insertCheck(
      article, facts: facts, verdict: verdict, questionID: questionID, documentID: documentID,
      index: index)
    try insertParts(of: article, checkID: checkID, document: document)
    if !isNewQuestion {
      try markLatest(questionID: questionID)
    }
    if isNewQuestion, let reading {
      // What `linkClaims(checkID:)` would read back, at hand.
      try assessor.linkClaims(
        checkID: checkID, ofNewQuestion: questionID, publisherKey: reading.publisherKey,
        claim: reading.claim, day: article.checkedOn ?? article.checkedOnInferred,
        ratingClass: ratingClass)
    } else {
      try assessor.linkClaims(checkID: checkID)
    }
    return isNewQuestion ? .new(checkID: checkID) : .recheck(checkID: checkID)
  }

  /// The question's id, found by its publisher and normalised key (`QuestionKey`), or
  /// created with its claim read (`ClaimProfile`) and its words counted; `reading` is all
  /// of that worked out ahead, else it is worked out here.
  func question(for article: ParsedArticle, reading: QuestionReading? = nil) throws -> (
    id: Int64, isNew: Bool
  ) {
    let key = reading?.key ?? QuestionKey.normalize(article.question)
    let publisherKey = reading?.publisherKey ?? QuestionKey.publisher(article.publisher)
    // The first column of the first row `statement` gives for this key, if any.
    func first(_ statement: Statement) throws -> Int64? {
      try statement.bind(publisherKey, to: ":publisher_key")
      try statement.bind(key, to: ":normalized_key")
      defer { statement.reset() }
      return try statement.step() ? statement.currentRow.int64(at: 0) : nil
    }
    if let id = try first(statements.findQuestion) {
      return (id, false)
    }
    // Merged away by an editor: the question it went into (asked first, being cheaper).
    if try first(statements.isMergedAway) != nil,
      let id = try first(statements.findMergedQuestion)
    {
      return (id, false)
    }
    let reading = reading ?? QuestionReading(article)
    let insert = statements.insertQuestion
    try insert.bind(article.question, to: ":text")
    try insert.bind(key, to: ":normalized_key")
    try insert.bind(now(), to: ":first_seen_at")
    try insert.bind(publisherKey, to: ":publisher_key")
    try insert.bind(reading.claim.language, to: ":language")
    try insert.bind(reading.storedTerms, to: ":claim_terms")
    try insert.bind(reading.storedClaim, to: ":claim_profile")
    try insert.run()
    let id = db.lastInsertedRowID
    try assessor.addClaim(reading.claim, questionID: id, publisherKey: publisherKey)
    // In a batch, its full-text row is written at the end (`ArchiveWriter+HeldRows`).
    guard held == nil else { return (id, true) }
    for searchable in statements.insertQuestionTexts {
      try searchable.bind(id, at: 1)
      try searchable.bind(article.question, at: 2)
      try searchable.run()
    }
    return (id, true)
  }

  /// Records that the article at `index` of a document is another copy of a check.
  func recordCopy(of checkID: Int64, documentID: Int64, index: Int) throws {
    let statement = statements.insertCopy
    try statement.bind(checkID, to: ":check_id")
    try statement.bind(documentID, to: ":document_id")
    try statement.bind(index, to: ":article_index")
    try statement.run()
  }

  /// A check of the same question on the same (stated or inferred) date: another copy of
  /// a check the archive has, not a new one.
  func sameCheck(of article: ParsedArticle, questionID: Int64) throws -> Int64? {
    guard let day = article.checkedOn ?? article.checkedOnInferred else { return nil }
    let statement = statements.findSameCheck
    try statement.bind(questionID, to: ":question_id")
    try statement.bind(day.iso, to: ":day")
    try statement.bind(article.checkedOn == nil, to: ":undated")
    defer { statement.reset() }
    return try statement.step() ? statement.currentRow.int64("id") : nil
  }

  /// Writes a check; returns its id and its rating's class as written.
  func insertCheck(
    _ article: ParsedArticle, facts: CheckFacts, verdict: StalenessVerdict?, questionID: Int64,
    documentID: Int64, index: Int
  ) throws -> (id: Int64, ratingClass: RatingClass?) {
    let statement = statements.insertCheck
    try statement.bind(questionID, to: ":question_id")
    try statement.bind(documentID, to: ":document_id")
    try statement.bind(index, to: ":article_index")
    let (links, keyTerms, place, ratingClass) = try bindCheckColumns(
      article, facts: facts, verdict: verdict, to: statement)
    try statement.run()
    let checkID = db.lastInsertedRowID
    // Written as the latest of its question; `markLatest` moves it if it is not.
    try TierCounts.move(from: nil, to: place, on: db)
    // Indexed even with no key terms, as the schema's triggers and a `rebuild` index every
    // check: the index then matches its table row for row.
    if held != nil {
      // Its full-text row is written at the batch's end (`ArchiveWriter+HeldRows`).
      held?.newestCheck = checkID
    } else {
      let searchable = statements.insertCheckTerms
      try searchable.bind(checkID, to: ":rowid")
      try searchable.bind(keyTerms, to: ":key_terms")
      try searchable.run()
    }
    try assessor.record(links, checkID: checkID)
    return (checkID, ratingClass)
  }

  /// Binds the columns of `checks` that come from the page and the policy's verdict (the
  /// parameters `WriterStatements.checkColumns` names), judging the check first. Returns the
  /// newer evidence found for the check, its key terms as stored, where it counts in the
  /// queue while it is the latest of its question, and its rating's class.
  func bindCheckColumns(
    _ article: ParsedArticle, facts: CheckFacts, verdict: StalenessVerdict?,
    to statement: Statement
  ) throws -> (
    links: [EvidenceLink], keyTerms: String, place: TierCounts.Place?, ratingClass: RatingClass?
  ) {
    let (judged, links) = try assessor.judge(facts, assessed: verdict)
    let keyTerms = StoredList.names(judged.keyTerms)
    try statement.bind(article.firstLine, to: ":first_line")
    try statement.bind(article.checkedOn?.iso, to: ":checked_on")
    try statement.bind(
      article.checkedOn == nil ? article.checkedOnInferred?.iso : nil, to: ":checked_on_inferred")
    try statement.bind(article.publisherFlaggedOutdated, to: ":publisher_flagged_outdated")
    try statement.bind(article.disclaimer, to: ":disclaimer")
    try statement.bind(article.titleURL, to: ":title_url")
    try statement.bind(article.truncated, to: ":truncated")
    try statement.bind(article.unparsed, to: ":unparsed")
    try statement.bind(article.citationCount, to: ":citation_count")
    try statement.bind(keyTerms, to: ":key_terms")
    try statement.bind(judged.timeSensitiveList, to: ":time_sensitive_terms")
    try statement.bind(judged.topic, to: ":topic")
    try statement.bind(judged.maxAgeDays, to: ":max_age_days")
    try statement.bind(judged.dueOn?.iso, to: ":due_on")
    try statement.bind(judged.tier?.rawValue, to: ":queue_tier")
    try statement.bind(article.publisher, to: ":publisher")
    try statement.bind(article.rating, to: ":rating")
    try statement.bind(article.headline, to: ":title")
    let ratingClass = RatingLexicon.classify(article.rating, scale: article.ratingScale)
    try statement.bind(ratingClass?.rawValue, to: ":rating_class")
    try statement.bind(article.ratingScale.map { .real($0.value) } ?? .null, to: ":rating_value")
    try statement.bind(article.ratingScale?.worst.map { .real($0) } ?? .null, to: ":rating_worst")
    try statement.bind(article.ratingScale?.best.map { .real($0) } ?? .null, to: ":rating_best")
    try statement.bind(article.language, to: ":language")
    try statement.bind(article.dateSource?.rawValue, to: ":date_source")
    try statement.bind(article.claimOrigin.claimant, to: ":claimant")
    try statement.bind(article.claimOrigin.date?.iso, to: ":claim_date")
    let place = TierCounts.Place(
      superseded: false, tier: judged.tier?.rawValue, topic: judged.topic,
      ratingClass: ratingClass?.rawValue, dueOn: judged.dueOn?.iso)
    return (links, keyTerms, place, ratingClass)
  }
}
