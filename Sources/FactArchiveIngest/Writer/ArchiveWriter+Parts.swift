import FactArchiveCore
import FactArchiveStore

/// The parts of a check: summaries (with their full-text rows), citations, follow-up
/// questions (with theirs) and references.
extension ArchiveWriter {
  func insertParts(of article: ParsedArticle, checkID: Int64, document: ParsedDocument) throws {
    let summary = statements.insertSummary
    let searchable = statements.insertSummaryText
    for part in article.summaries {
      try summary.bind(checkID, to: ":check_id")
      try summary.bind(part.position, to: ":position")
      try summary.bind(part.heading, to: ":heading")
      switch part.body {
      case .slice(_, let start, let count):
        try summary.bind(start, to: ":body_start")
        try summary.bind(count, to: ":body_length")
        try summary.bindNull(to: ":body_text")
      case .rebuilt(let text):
        try summary.bindNull(to: ":body_start")
        try summary.bindNull(to: ":body_length")
        try text.withUnsafeBytes { try summary.bindText($0, to: ":body_text") }
      }
      try summary.run()
      // The text is at hand here; a trigger would read it back out of raw_text.
      try searchable.bind(db.lastInsertedRowID, to: ":rowid")
      try searchable.bind(part.heading, to: ":heading")
      try document.withBodyBytes(of: part) { try searchable.bindText($0, to: ":body") }
      try searchable.run()
      try insertCitations(part.citations, checkID: checkID, position: part.position)
    }
    let followUp = statements.insertFollowUp
    let followUpText = statements.insertFollowUpText
    for (offset, text) in article.followUps.enumerated() {
      try followUp.bind(checkID, to: ":check_id")
      try followUp.bind(offset + 1, to: ":position")
      try followUp.bind(text, to: ":text")
      try followUp.run()
      try followUpText.bind(db.lastInsertedRowID, to: ":rowid")
      try followUpText.bind(text, to: ":text")
      try followUpText.run()
    }
    let reporter = statements.insertReporter
    for (offset, name) in article.reporters.enumerated() {
      try reporter.bind(checkID, to: ":check_id")
      try reporter.bind(offset + 1, to: ":position")
      try reporter.bind(name, to: ":name")
      try reporter.run()
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
