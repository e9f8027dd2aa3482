import ArgumentParser
import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore
import Foundation

@main
struct FactArchive: AsyncParsableCommand {
  static let version = "0.1.0"
  /// What `fetch` and the desk call themselves to the servers they ask.
  static let userAgent =
    "factarchive/\(version) (fact-check archive; +https://github.com/factarchive)"

  static let configuration = CommandConfiguration(
    commandName: "factarchive",
    abstract: "Keep an archive of fact-check articles in SQLite and list the stale ones.",
    discussion: """
      The database is --db PATH, else $FACTARCHIVE_DB, else factarchive.sqlite in the current \
      folder; it is created on first use.

      Exit status: 0 success; 1 some inputs were rejected (ingest, import-claimreview, \
      reparse) or what was asked for does not exist or cannot be done (show, history, snooze, \
      review) or a check \
      failed (check); 2 usage error, \
      including SQL refused by 'sql' and search queries FTS5 cannot read; 3 stale checks \
      found (report --fail-on); 4 the database could not be opened or written.
      """,
    version: version,
    subcommands: [
      IngestCommand.self, StaleCommand.self, ShowCommand.self, SourceCommand.self,
      HistoryCommand.self,
      ReviewCommand.self, ReportCommand.self, SnoozeCommand.self, UnsnoozeCommand.self,
      MergeQuestionsCommand.self, SplitQuestionCommand.self, EvidenceCommand.self,
      PolicyCommand.self,
      SearchCommand.self, SQLCommand.self, ExportCommand.self, ImportClaimReviewCommand.self,
      DatasetteMetadataCommand.self, RejectedCommand.self, ReparseCommand.self, ExtractCommand.self,
      CheckCommand.self, BackupCommand.self, ServeCommand.self, FetchCommand.self,
    ]
  )

  /// Runs the command; usage errors exit 2 (not ArgumentParser's 64) with the usage line.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        Terminal.writeError(fullMessage(for: error))
        Foundation.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }
}

/// The exit statuses every command uses; documented in `--help` and the README.
enum ExitStatus {
  static let success: Int32 = 0
  /// Some inputs were rejected, or the thing asked for does not exist.
  static let partialFailure: Int32 = 1
  static let usage: Int32 = 2
  /// `report --fail-on`: stale checks were found.
  static let staleFound: Int32 = 3
  /// The database could not be opened, read or written.
  static let databaseFailure: Int32 = 4

  static func exit(_ status: Int32) -> ExitCode { ExitCode(status) }
}
