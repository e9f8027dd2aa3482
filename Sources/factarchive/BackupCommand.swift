import ArgumentParser
import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore
import Foundation

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the archive, consistent as of one moment, while others go on using it.",
    discussion: """
      Example: factarchive backup /srv/backups/factarchive-$(date +%F).sqlite

      Uses SQLite's online backup API: ingests and reports may run meanwhile, and the copy \
      holds exactly what was committed when it started. The copy is one self-contained \
      file (rollback journal), checked with PRAGMA quick_check before it is put in place; \
      'factarchive check --db PATH' checks it in full.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "path"))
  var destination: String

  @Flag(help: "Replace a file already at the destination.")
  var force = false

  func run() throws {
    try runReportingFailures {
      if !force, FileManager.default.fileExists(atPath: destination) {
        throw CommandFailure(
          message: "\(destination) already exists; pass --force to replace it",
          status: ExitStatus.usage)
      }
      let db = try archive.asDatabaseFailure {
        try Connection(path: archive.path, mode: .readOnly)
      }
      let copy = try db.backup(to: destination, replacing: force)
      Terminal.writeOut(
        "backed up \(archive.path) to \(copy.path): \(copy.pages) pages, \(copy.bytes) bytes\n")
    }
  }
}
