import ArgumentParser
import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--db`, shared by every command that opens the archive.
struct ArchiveOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The archive database.", discussion: "Default: $FACTARCHIVE_DB, else factarchive.sqlite.",
      valueName: "path"))
  var db: String?

  /// `--db`, else `$FACTARCHIVE_DB`, else `factarchive.sqlite`.
  var path: String {
    if let db { return db }
    if let value = getenv("FACTARCHIVE_DB"), let text = String(validatingCString: value),
      !text.isEmpty
    {
      return text
    }
    return "factarchive.sqlite"
  }

  /// Opens (creating and migrating when needed) the archive for writing, or fails with one
  /// clear line. The library keeps the archive's invariants (every live check judged).
  func open() throws -> Connection {
    try profiled(asDatabaseFailure { try Connection.openArchive(path: path) })
  }

  /// For commands that only read: the archive as `open()` gives it, or, where the file or its
  /// folder cannot be written (a read-only mount, a backup on a CD), opened read-only.
  func openForReading() throws -> Connection {
    try profiled(asDatabaseFailure { try Connection.openArchiveForReading(path: path) })
  }

  /// With `FACTARCHIVE_PROFILE_SQL` set, every statement's time goes to stderr (the whole
  /// statement with `FACTARCHIVE_PROFILE_SQL=whole`).
  private func profiled(_ db: Connection) -> Connection {
    if let value = getenv("FACTARCHIVE_PROFILE_SQL") {
      db.printStatementTimes(whole: String(cString: value) == "whole")
    }
    return db
  }

  /// Runs `body`; any error it throws becomes this archive's one-line failure (exit 4).
  func asDatabaseFailure<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw CommandFailure.database(error, path: path)
    }
  }
}

/// A failure a command reports as one line on stderr before exiting with its status.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var status: Int32

  static func database(_ error: any Error, path: String) -> CommandFailure {
    CommandFailure(message: "\(path): \(describe(error))", status: ExitStatus.databaseFailure)
  }

  /// The error as one line, with what to do about a full disk.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DatabaseError, error.isDiskFull else { return "\(error)" }
    return "\(error) (free some space and run the command again: batches already committed "
      + "are kept whole and nothing is written twice)"
  }

  var description: String { message }
}

extension Day: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(iso: argument)
  }
}

/// Runs a command body, turning failures into one line on stderr and an exit status.
func runReportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let failure as CommandFailure {
    Terminal.writeError("factarchive: \(failure.message)")
    throw ExitCode(failure.status)
  } catch let error as DatabaseError {
    Terminal.writeError("factarchive: \(CommandFailure.describe(error))")
    throw ExitCode(ExitStatus.databaseFailure)
  }
}
