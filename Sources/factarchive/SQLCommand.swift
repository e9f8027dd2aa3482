import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

extension ResearchQuery.Format: ExpressibleByArgument {}

struct SQLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql",
    abstract: "Run one read-only SQL statement against the archive.",
    discussion: """
      Example: factarchive sql "SELECT text FROM questions WHERE id = :id" --param id=3 --format json

      The database is opened read-only (SQLITE_OPEN_READONLY and query_only); a statement \
      that could write is refused before it runs; ATTACH, pragmas that set anything, and \
      load_extension are refused by an authorizer. A refused or broken statement is reported \
      on stderr with exit status 2; the file is never changed. Schema: Schema/README.md.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("One SQL statement.", valueName: "sql"))
  var sql: String

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "NAME=VALUE for :NAME in the statement (repeatable); numbers bind as numbers.",
      valueName: "name=value"))
  var parameters: [String] = []

  @Option(help: "Output format: table, csv, json or ndjson.")
  var format: ResearchQuery.Format = .table

  func run() throws {
    let db: Connection
    do {
      db = try Connection.openReadOnly(path: archive.path)
    } catch {
      Terminal.writeError("factarchive: \(archive.path): \(error)")
      throw ExitCode(ExitStatus.databaseFailure)
    }
    do {
      try ResearchQuery(sql: sql, parameters: parameters).run(on: db, format: format) {
        Terminal.writeOut($0)
      }
    } catch let error as DatabaseError {
      Terminal.writeError("factarchive sql: \(error.message)")
      throw ExitCode(ExitStatus.usage)
    } catch let error as ResearchQuery.Failure {
      Terminal.writeError("factarchive sql: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
  }
}
