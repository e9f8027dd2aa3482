import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the archive: integrity, foreign keys, full-text indexes, schema and counts.",
    discussion: """
      Example: factarchive check --db backups/factarchive-2026-11-23.sqlite

      Runs PRAGMA integrity_check, PRAGMA foreign_key_check and FTS5's integrity-check on \
      every full-text index, and reports the schema version and how many rows each table \
      holds; compares the queue's kept counts (the desk's tabs) with the checks. An \
      archive with an older schema is migrated first. Exits 1 when any check fails, 4 when \
      the file cannot be opened as a database.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Flag(help: "PRAGMA quick_check only, and skip the full-text indexes (much faster).")
  var quick = false

  @Flag(
    help: ArgumentHelp(
      "Count the queue's tiers again from the checks before checking.",
      discussion: "For an archive whose checks were changed outside FactArchive."))
  var recount = false

  @Option(help: "Output format: table, json or csv.")
  var format: ListFormat = .table

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      if recount {
        let wrong = try archive.asDatabaseFailure { try TierCounts.recount(on: db) }
        Terminal.writeError("recounted the queue: \(wrong) tier and due day counts were wrong")
      }
      let health = try ArchiveHealth.inspect(db, quick: quick)
      Terminal.writeOut(health.render(format: format))
      if !health.isHealthy { throw ExitCode(ExitStatus.partialFailure) }
    }
  }
}
