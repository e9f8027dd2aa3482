import FactArchiveStore

/// Which check of a question is the latest: the only one judged for staleness.
extension ArchiveWriter {
  /// Marks the latest check of a question (latest date, then latest ingest) as the one not
  /// superseded. Row by row, so no statement journal.
  func markLatest(questionID: Int64) throws {
    let checks = statements.checksOfQuestion
    try checks.bind(questionID, to: ":question_id")
    var rows: [(id: Int64, superseded: Bool)] = []
    try checks.forEachRow { row in
      rows.append((row.int64("id"), row.bool("superseded")))
    }
    let update = statements.setSuperseded
    for (offset, row) in rows.enumerated() where row.superseded != (offset > 0) {
      try update.bind(offset > 0, to: ":superseded")
      try update.bind(row.id, to: ":id")
      try update.run()
    }
  }
}
