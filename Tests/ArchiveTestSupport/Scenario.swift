import FactArchiveCore
import FactArchiveIngest
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore
import TestSupport

/// Opens a fresh archive holding `paths`.
public func archive(with paths: [String], in folder: TemporaryFolder) throws -> Connection {
  let db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
  try IngestSession(database: db).run(InputFiles(paths: paths))
  return db
}

/// Ingests `paths` into `db`: the closing tally and each input's outcome, in order.
@discardableResult
public func ingestReporting(_ paths: [String], into db: Connection) throws -> (
  IngestTally, [DocumentOutcome]
) {
  var outcomes: [DocumentOutcome] = []
  let tally = try IngestSession(database: db).run(InputFiles(paths: paths)) { _, outcome in
    outcomes.append(outcome)
  }
  return (tally, outcomes)
}

public func day(_ iso: String) -> Day {
  Day(iso: iso) ?? Day(daysSinceEpoch: 0)
}

/// A small archive built to show every reason, snoozes and superseded checks.
public struct Scenario {
  public let folder: TemporaryFolder
  public let db: Connection
  public static let today = "2026-11-23"

  public init() throws {
    folder = try TemporaryFolder()
    db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    try ingest([
      (
        "age.txt",
        ArticleText.factCheck(
          question: "Did Orlen Bay close its fish market?", checkedOn: "January 1, 2026")
      ),
      (
        "flag.txt",
        ArticleText.factCheck(
          question: "Did Pellmar raise bus fares?", checkedOn: "November 1, 2026", banner: true)
      ),
      (
        "sensitive.txt",
        ArticleText.factCheck(
          question: "Is the Tarrow dam currently closed?", checkedOn: "September 1, 2026",
          summary: "The dam is closed for repairs [1].")
      ),
      (
        "evidence.txt",
        ArticleText.factCheck(
          question: "Did the Valmora Grain Council cut exports to Estmark?",
          checkedOn: "October 1, 2026",
          summary: "The Valmora Grain Council trimmed quotas for Estmark by a tenth [1].")
      ),
      (
        "undated.txt",
        ArticleText.factCheck(
          question: "Who owns the Brisk ferry line?",
          summary: "Brisk was sold on April 20, 2025 to a trust [1].")
      ),
      ("nodate.txt", ArticleText.factCheck(question: "Is the Lune tunnel toll-free?")),
      (
        "election.txt",
        ArticleText.factCheck(
          question: "Was the Kessing election result certified?", checkedOn: "October 1, 2026")
      ),
      (
        "old-copy.txt",
        ArticleText.factCheck(question: "Did Hallen ban scooters?", checkedOn: "January 5, 2025")
      ),
      (
        "new-copy.txt",
        ArticleText.factCheck(question: "Did Hallen ban scooters?", checkedOn: "November 20, 2026")
      ),
    ])
    try ingest([
      (
        "source.txt",
        ArticleText.source(
          title: "Valmora Grain Council and Estmark settle export row",
          published: "November 10, 2026",
          body: "The Valmora Grain Council and buyers in Estmark agreed new terms on Monday.")
      )
    ])
  }

  public func ingest(_ files: [(String, String)]) throws {
    let paths = try files.map { try folder.write("in/\($0.0)", $0.1) }
    let session = try IngestSession(
      database: db, options: .init(parse: .init(latestPlausibleDay: day(Self.today))),
      now: { Scenario.today + "T08:00:00Z" })
    let tally = try session.run(InputFiles(paths: paths))
    precondition(tally.rejected == 0, "scenario input rejected")
  }

  public func queue(
    _ asOf: String = today, topic: String? = nil, reason: StaleReason.Code? = nil,
    limit: Int? = nil,
    order: QueueOrder = .tier
  )
    throws -> [StaleCheck]
  {
    try StaleQueue(asOf: day(asOf), topic: topic, reason: reason, limit: limit, order: order).run(
      on: db)
  }

  public func reasons(_ question: String, asOf: String = today) throws -> [StaleReason.Code]? {
    try queue(asOf).first { $0.question == question }?.reasons.map(\.code)
  }
}
