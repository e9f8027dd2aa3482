import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import Foundation

struct DatasetteMetadataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datasette-metadata",
    abstract: "Write a Datasette metadata.json describing every table and column.",
    discussion: """
      Example: factarchive datasette-metadata --out metadata.json && \
      datasette factarchive.sqlite -m metadata.json

      The descriptions are those of Schema/README.md; the full-text indexes are named so \
      Datasette offers search on questions, summaries, follow-ups, sources and checks.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var out: String?

  func run() throws {
    let name = URL(fileURLWithPath: archive.path).deletingPathExtension().lastPathComponent
    let text = DatasetteMetadata.json(databaseName: name).rendered() + "\n"
    guard let out else {
      Terminal.writeOut(text)
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      Terminal.writeError("factarchive: cannot write \(out): \(error.localizedDescription)")
      throw ExitCode(ExitStatus.partialFailure)
    }
  }
}
