import FactArchiveCore
import FactArchiveDigest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore

/// Replacing what an earlier parser stored for a document, keeping ids stable.
extension ArchiveWriter {
  /// Writes a fresh parse of a stored document in place of its earlier rows: the check
  /// at each article index keeps its id (its question may change), summaries, citations,
  /// follow-ups and references are replaced, and checks the new parse no longer finds are
  /// removed; an article that is a copy of another document's check stays a copy. Runs
  /// inside the caller's transaction.
  func replaceRows(documentID: Int64, with parsed: ParsedDocument) throws {
    // Which of its articles are copies of other documents' checks is decided again.
    try db.execute("DELETE FROM check_copies WHERE document_id = ?", [documentID])
    let oldSourceID = try db.queryFirst(
      "SELECT id FROM sources WHERE document_id = ?", [documentID]
    ) { $0.int64("id") }
    if parsed.feed != nil {
      // A feed read again: its items' sources are read again in place.
      try removeChecks(documentID: documentID, fromIndex: 0)
      let path = try db.scalarText("SELECT path FROM documents WHERE id = ?", [documentID]) ?? ""
      _ = try writeFeedItems(
        parsed, hashes: parsed.feedItems.map { SHA256.hex($0.document) },
        feedDocumentID: documentID, path: path, rereading: true)
    } else if let source = parsed.source {
      try removeChecks(documentID: documentID, fromIndex: 0)
      if let oldSourceID {
        try removeSource(oldSourceID)
      }
      _ = try insertSource(source, documentID: documentID)
    } else {
      if let oldSourceID {
        try removeSource(oldSourceID)
      }
      for (index, article) in parsed.articles.enumerated() {
        let (questionID, isNewQuestion) = try question(for: article)
        let facts = CheckFacts(article: article, in: parsed, ingestedOn: today)
        if let (checkID, oldQuestionID, oldTerms) = try db.queryFirst(
          "SELECT id, question_id, key_terms FROM checks WHERE document_id = ? AND article_index = ?",
          [documentID, index],
          {
            ($0.int64("id"), $0.int64("question_id"), StoredList.names(from: $0.text("key_terms")))
          })
        {
          // The check's names are counted again as it is judged again.
          try assessor.names.remove(oldTerms)
          try db.execute("DELETE FROM check_evidence WHERE check_id = ?", [checkID])
          let update = statements.updateCheck
          try update.bind(questionID, to: ":question_id")
          let links = try bindCheckColumns(article, facts: facts, verdict: nil, to: update).links
          try update.bind(checkID, to: ":id")
          try TierCounts.tracking(check: checkID, on: db) { try update.run() }
          try assessor.record(links, checkID: checkID)
          // Its reviews stand: its due date and tier take them in.
          try assessor.refreshDueDate(checkID: checkID)
          try removeParts(checkID: checkID)
          try insertParts(of: article, checkID: checkID, document: parsed)
          try markLatest(questionID: oldQuestionID)
          try markLatest(questionID: questionID)
          try relinkClaims(checkID: checkID)
          continue
        } else if !isNewQuestion,
          let original = try sameCheck(of: article, questionID: questionID)
        {
          try recordCopy(of: original, documentID: documentID, index: index)
          continue
        } else {
          let checkID = try insertCheck(
            article, facts: facts, verdict: nil, questionID: questionID, documentID: documentID,
            index: index
          ).id
          try insertParts(of: article, checkID: checkID, document: parsed)
          try markLatest(questionID: questionID)
          try assessor.linkClaims(checkID: checkID)
        }
      }
      try removeChecks(documentID: documentID, fromIndex: parsed.articles.count)
    }
    try db.execute(
      """
      UPDATE documents SET status = 'parsed', error = NULL, error_line = NULL,
        parser_version = ?, kind = ?, media_type = ?
      WHERE id = ?
      """,
      [
        ArticleParser.version, parsed.kind,
        parsed.mediaType.rawValue, documentID,
      ])
    // A question whose only check now answers another question has no checks left.
    let emptied = try db.query(
      "SELECT claim_terms FROM questions WHERE NOT EXISTS (SELECT 1 FROM checks WHERE question_id = questions.id)"
    ) { StoredList.names(from: $0.text("claim_terms")) }
    for terms in emptied { try assessor.claimWords.remove(terms) }
    try db.execute(
      "DELETE FROM questions WHERE NOT EXISTS (SELECT 1 FROM checks WHERE question_id = questions.id)"
    )
  }

  /// A check read again: its claim links are found again, and the checks it was a later
  /// verdict on have their due dates worked out again without it.
  private func relinkClaims(checkID: Int64) throws {
    let earlier = try db.query(
      "SELECT check_id FROM other_verdicts WHERE other_check_id = ?", [checkID]
    ) { $0.int64(at: 0) }
    try db.execute(
      "DELETE FROM other_verdicts WHERE check_id = ? OR other_check_id = ?", [checkID, checkID])
    try assessor.linkClaims(checkID: checkID)
    for id in earlier { try assessor.refreshDueDate(checkID: id) }
    try assessor.refreshDueDate(checkID: checkID)
  }

  /// A source and its links and evidence (a re-read source is linked again).
  private func removeSource(_ sourceID: Int64) throws {
    try assessor.names.remove(
      StoredList.names(
        from: try db.scalarText("SELECT key_terms FROM sources WHERE id = ?", [sourceID])))
    try db.execute("DELETE FROM check_evidence WHERE source_id = ?", [sourceID])
    try db.execute("DELETE FROM source_links WHERE source_id = ?", [sourceID])
    try db.execute("DELETE FROM sources WHERE id = ?", [sourceID])
  }

  /// The parts of a check, before they are written again.
  private func removeParts(checkID: Int64) throws {
    // summary_spans_ad takes each deleted summary out of summaries_fts.
    try db.execute("DELETE FROM citation_spans WHERE check_id = ?", [checkID])
    try db.execute("DELETE FROM summary_spans WHERE check_id = ?", [checkID])
    try db.execute("DELETE FROM follow_ups WHERE check_id = ?", [checkID])
    try db.execute("DELETE FROM citation_sources WHERE check_id = ?", [checkID])
    try db.execute("DELETE FROM check_reporters WHERE check_id = ?", [checkID])
    try db.execute("DELETE FROM claim_appearances WHERE check_id = ?", [checkID])
  }

  private func removeChecks(documentID: Int64, fromIndex index: Int) throws {
    let stale = try db.query(
      "SELECT id, question_id, key_terms FROM checks WHERE document_id = ? AND article_index >= ?",
      [documentID, index]
    ) { ($0.int64("id"), $0.int64("question_id"), StoredList.names(from: $0.text("key_terms"))) }
    for (checkID, questionID, terms) in stale {
      try assessor.names.remove(terms)
      try removeParts(checkID: checkID)
      try db.execute("DELETE FROM check_evidence WHERE check_id = ?", [checkID])
      let earlier = try db.query(
        "SELECT check_id FROM other_verdicts WHERE other_check_id = ?", [checkID]
      ) { $0.int64(at: 0) }
      try TierCounts.tracking(check: checkID, on: db) {
        try db.execute("DELETE FROM checks WHERE id = ?", [checkID])  // its claim links go with it
      }
      for id in earlier { try assessor.refreshDueDate(checkID: id) }
      try markLatest(questionID: questionID)
    }
  }

  /// Records a new reading of a document that is still rejected.
  func updateRejection(documentID: Int64, error: ParseError, mediaType: MediaType) throws {
    try db.execute(
      """
      UPDATE documents SET error = ?, error_line = ?, parser_version = ?, media_type = ?
      WHERE id = ?
      """,
      [error.message, error.line, ArticleParser.version, mediaType.rawValue, documentID])
  }
}
