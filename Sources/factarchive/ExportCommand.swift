import ArgumentParser
import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import Foundation

extension ArchiveExport.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write every check as NDJSON, CSV or schema.org ClaimReview JSON-LD.",
    discussion: """
      Example: factarchive export --format claimreview --out claimreview.json

      ndjson: one object per check (what 'show --format json' prints). csv: one row per \
      check with its executive summary. claimreview: a JSON array of ClaimReview objects \
      (claimReviewed, datePublished, dateModified, url, author, itemReviewed, reviewBody, \
      reviewRating when the check has one), which 'factarchive import-claimreview' reads back.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: "Output format: ndjson, csv or claimreview.")
  var format: ArchiveExport.Format

  @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var out: String?

  func run() throws {
    try runReportingFailures {
      let db = try archive.openForReading()
      guard let out else {
        try ArchiveExport.run(format: format, on: db) { Terminal.writeOut($0) }
        return
      }
      guard let stream = OutputStream(toFileAtPath: out, append: false) else {
        throw CommandFailure(message: "cannot write \(out)", status: ExitStatus.partialFailure)
      }
      stream.open()
      defer { stream.close() }
      var failed = false
      try ArchiveExport.run(format: format, on: db) { text in
        var text = text
        text.withUTF8 { buffer in
          guard let base = buffer.baseAddress, !failed else { return }
          var offset = 0
          while offset < buffer.count {
            let written = stream.write(base + offset, maxLength: buffer.count - offset)
            if written <= 0 {
              failed = true
              return
            }
            offset += written
          }
        }
      }
      if failed {
        throw CommandFailure(
          message:
            "cannot write \(out): \(stream.streamError?.localizedDescription ?? "write failed")",
          status: ExitStatus.partialFailure)
      }
    }
  }
}
