import FactArchiveCore
import FactArchiveStore

/// The parts of a check: summaries (with their full-text rows), citations, follow-up
/// questions (with theirs), reporters, references and where its claim appeared.
extension ArchiveWriter {
  func insertParts(of article: ParsedArticle, checkID: Int64, document: ParsedDocument) throws {
    let searchable = statements.insertSummaryText
    for part in article.summaries {
      let id = try insertSummary(
        SummaryRow(
          id: nil, checkID: checkID, position: part.position, heading: part.heading,
          body: part.body))
      // The text is at hand here; a trigger would read it back out of raw_text.
      try searchable.bind(id, to: ":rowid")
      try searchable.bind(part.heading, to: ":heading")
      try document.withBodyBytes(of: part) { try searchable.bindText($0, to: ":body") }
      try searchable.run()
      try insertCitations(part.citations, checkID: checkID, position: part.position)
    }
    for (offset, text) in article.followUps.enumerated() {
      try insertFollowUp(FollowUpRow(checkID: checkID, position: offset + 1, text: text))
    }
    let reporter = statements.insertReporter
    for (offset, name) in article.reporters.enumerated() {
      try reporter.bind(checkID, to: ":check_id")
      try reporter.bind(offset + 1, to: ":position")
      try reporter.bind(name, to: ":name")
      try reporter.run()
    }
    let appearance = statements.insertAppearance
    for (offset, url) in article.claimOrigin.appearances.enumerated() {
      try appearance.bind(checkID, to: ":check_id")
      try appearance.bind(offset + 1, to: ":position")
      try appearance.bind(url, to: ":url")
      try appearance.bind(ClaimOrigin.key(of: url), to: ":url_key")
      try appearance.bind(offset == 0 && article.claimOrigin.firstIsNamed, to: ":first_appearance")
      try appearance.run()
    }
    let reference = statements.insertReference
    for item in article.references {
      try reference.bind(checkID, to: ":check_id")
      try reference.bind(item.refNumber, to: ":ref_number")
      try reference.bind(item.url, to: ":url")
      try reference.bind(item.domain, to: ":domain")
      try reference.run()
    }
  }
}
