import FactArchiveSchema
import FactArchiveStore

/// Which check of a question is the latest: the only one judged for staleness.
extension ArchiveWriter {
  /// Marks the latest check of a question as the one not superseded (`QuestionSQL`, the
  /// rule), with the writer's prepared statements.
  func markLatest(questionID: Int64) throws {
    try QuestionSQL.markLatest(
      questionID: questionID, checks: statements.checksOfQuestion,
      setSuperseded: statements.setSuperseded, in: db)
  }
}
