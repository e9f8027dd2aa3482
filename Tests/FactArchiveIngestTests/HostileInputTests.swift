import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Inputs written to hurt: each is either rejected with a clear `path:line: message`, leaving
/// the archive's rows as they were (the rejected bytes are kept in `documents`), or stored
/// verbatim and inert, leaving the schema as it was. Every case runs against an archive that
/// already holds the core fixtures.
@Suite struct HostileInputTests {
  @Test(arguments: HostileCase.all)
  func hostileInput(_ hostile: HostileCase) throws {
    let folder = try TemporaryFolder()
    let db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    try IngestSession(database: db).run(InputFiles(paths: TestPaths.coreArticles))
    let before = try ArchiveSnapshot(db)
    let documentsBefore = try db.scalarInt("SELECT count(*) FROM documents")

    let paths = try hostile.write(folder.file("input"))
    var errors: [String] = []
    let tally = try IngestSession(database: db, options: .init(maxBytes: hostile.maxBytes)).run(
      InputFiles(paths: paths)
    ) { document, outcome in
      if case .rejected(let error) = outcome {
        errors.append(error.formatted(path: document.input.path))
      }
    }
    let after = try ArchiveSnapshot(db)
    #expect(after.schema == before.schema, "the schema changed")
    #expect(try db.scalarText("PRAGMA integrity_check") == "ok")
    #expect(try db.query("PRAGMA foreign_key_check") { $0.text(at: 0) }.isEmpty)

    switch hostile.expected {
    case .rejected(let message, let kept):
      #expect(tally.rejected == 1, "\(tally)")
      #expect(errors.count == 1 && errors[0].contains(message), "\(errors)")
      // `path:line: message`, or `path: message` where no line applies.
      #expect(errors.first?.hasPrefix(paths[0] + ":") == true, "\(errors)")
      #expect(after.rows == before.rows, "archive rows changed")
      let documents = try db.scalarInt("SELECT count(*) FROM documents")
      #expect(documents == documentsBefore + (kept ? 1 : 0))
      if kept {
        // The bytes are kept as they came, to parse again after a parser fix.
        let original = try TestPaths.bytes(URL(fileURLWithPath: paths[0]))
        let stored = try db.queryFirst(
          "SELECT raw_text, status FROM documents ORDER BY id DESC LIMIT 1"
        ) { ($0.bytes(at: 0) ?? [], $0.text(at: 1)) }
        #expect(stored?.1 == "rejected")
        #expect(stored?.0 == original)
      }
    case .stored(let verify):
      #expect(errors.isEmpty, "\(errors)")
      #expect(tally.rejected == 0)
      try verify(db)
    case .walked(let files):
      #expect(tally.files == files, "\(tally)")
    }
  }
}

/// One hostile input: how to write it, and what must happen.
struct HostileCase: Sendable, CustomTestStringConvertible {
  enum Expected: Sendable {
    /// Rejected with a message containing this; `kept`: its bytes stored as rejected.
    case rejected(String, kept: Bool = true)
    /// Stored; the closure checks how.
    case stored(@Sendable (Connection) throws -> Void)
    /// A folder walk that ends, having read this many files.
    case walked(files: Int)
  }

  var name: String
  /// Writes the input into a folder; returns the paths to ingest.
  var write: @Sendable (URL) throws -> [String]
  var expected: Expected
  /// The ingest's size limit (`--max-bytes`).
  var maxBytes = 32 << 20

  var testDescription: String { name }

  init(_ name: String, bytes: [UInt8], _ expected: Expected) {
    self.name = name
    self.write = { folder in [try Self.file(folder, "input.txt", bytes)] }
    self.expected = expected
  }

  init(_ name: String, text: String, _ expected: Expected) {
    self.init(name, bytes: Array(text.utf8), expected)
  }

  init(
    _ name: String, write: @escaping @Sendable (URL) throws -> [String], _ expected: Expected
  ) {
    self.name = name
    self.write = write
    self.expected = expected
  }

  static func file(_ folder: URL, _ name: String, _ bytes: [UInt8]) throws -> String {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static func page(
    question: String = "Did Pellam County close its last ferry pier?",
    checked: String = "March 3, 2025", summary: String = "It did, in May [1].",
    sections: [String] = ["The council voted in May [1] [2]."], followUps: [String] = ["Why?"]
  ) -> String {
    var text =
      "\(question)\n\nChecked on \(checked)\n"
      + "Disclaimer: Factually can make mistakes. Please verify important information.\n\n"
      + "Executive summary\n\n\(summary)\n\n"
    for (offset, section) in sections.enumerated() {
      text += "\(offset + 1). Part \(offset + 1)\n\n\(section)\n\n"
    }
    return text + "Want to dive deeper?\n" + followUps.joined(separator: "\n") + "\n"
  }

  /// Rows of `table` that belong to the newest check.
  static func latestCheckRows(_ table: String, _ db: Connection) throws -> Int64 {
    try db.scalarInt("SELECT count(*) FROM \(table) WHERE check_id = (SELECT max(id) FROM checks)")
  }

  static let tenMegabytes = 10 << 20
  static let injection = "'); DROP TABLE checks;--"

  static var all: [HostileCase] {
    var cases: [HostileCase] = [
      // Not text.
      HostileCase("empty file", text: "", .rejected("empty file")),
      HostileCase(
        "only blank lines", text: "\n\n   \n\t\n", .rejected("empty file: only blank lines")),
      HostileCase(
        "NUL bytes", text: page(summary: "It\u{0}did [1]."), .rejected("binary file: NUL byte")),
      HostileCase(
        "PNG image", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        .rejected("binary file")),
      HostileCase(
        "UTF-16 with a byte-order mark",
        bytes: [0xFF, 0xFE] + page().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        .rejected("UTF-16")),
      HostileCase(
        "invalid UTF-8", bytes: Array(page().utf8) + [0xC3, 0x28, 0x0A],
        .rejected("invalid UTF-8")),
      HostileCase(
        "overlong UTF-8 encoding of '/'", bytes: Array(page(summary: "A").utf8) + [0xC0, 0xAF],
        .rejected("invalid UTF-8")),
      HostileCase(
        "truncated in the middle of a character",
        bytes: Array(page().utf8) + Array("Zürich".utf8.prefix(2)),
        .rejected("invalid UTF-8")),
      HostileCase(
        "truncated after the question", text: "Did Pellam County close its last ferry pier?",
        .rejected("no article text after the title")),
      // Sizes.
      HostileCase(
        "10 MB single line, no newline",
        text: String(repeating: "Q", count: tenMegabytes), .rejected("bytes long; the longest")),
      HostileCase(
        "10 MB line inside a summary",
        text: page(summary: String(repeating: "word ", count: tenMegabytes / 5) + "[1]."),
        .rejected("bytes long; the longest")),
      HostileCase(
        "over the size limit",
        write: { folder in
          [try file(folder, "input.txt", Array(repeating: 0x41, count: (32 << 20) + 1))]
        }, .rejected("too large", kept: false)),
      // Dates.
      // A date line that cannot be read: a warning, and the check keeps the date its text
      // implies (none here).
      HostileCase(
        "checked in year 0", text: page(checked: "January 1, 0"),
        .stored { (db: Connection) throws in
          #expect(
            try db.scalarInt(
              "SELECT count(*) FROM checks WHERE id = (SELECT max(id) FROM checks) AND checked_on IS NULL"
            ) == 1)
        }),
      HostileCase(
        "checked in year 1", text: page(checked: "January 1, 0001"),
        .rejected("implausible check date")),
      HostileCase(
        "checked in year 9999", text: page(checked: "December 31, 9999"),
        .rejected("is in the future")),
      HostileCase(
        "February 30", text: page(checked: "February 30, 2025"), .rejected("impossible date")),
      HostileCase(
        "day 99", text: page(checked: "March 99, 2025"), .rejected("date")),
      // Stored verbatim and inert.
      HostileCase(
        "SQL in the question", text: page(question: "Did \(injection) Pellam close its pier?"),
        .stored { (db: Connection) throws in
          #expect(
            try db.scalarText("SELECT text FROM questions ORDER BY id DESC LIMIT 1")
              == "Did \(injection) Pellam close its pier?")
          #expect(try db.scalarInt("SELECT count(*) FROM checks") == 5)
        }),
      HostileCase(
        "SQL in summaries and follow-ups",
        text: page(
          summary: "Robert\(injection) said so [1].",
          followUps: ["\(injection)?", "1; DELETE FROM documents"]),
        .stored { (db: Connection) throws in
          #expect(
            try db.scalarInt(
              "SELECT count(*) FROM follow_ups WHERE text = '1; DELETE FROM documents'") == 1)
          #expect(
            try db.scalarInt("SELECT count(*) FROM summaries WHERE body LIKE '%DROP TABLE checks%'")
              == 1)
        }),
      HostileCase(
        "HTML and script in the text",
        text: page(
          question: "Did <script>alert('x')</script> Pellam close its pier?",
          summary: "<img src=x onerror=alert(1)> It did [1].", followUps: ["<b>Why</b>?"]),
        .stored { (db: Connection) throws in
          #expect(
            try db.scalarText("SELECT text FROM questions ORDER BY id DESC LIMIT 1")
              == "Did <script>alert('x')</script> Pellam close its pier?")
        }),
      HostileCase(
        "bidirectional overrides and zero-width characters",
        text: page(question: "Did Pel\u{202E}lam\u{200B} close its pier?"),
        .stored { (db: Connection) throws in
          // Kept, but for the zero-width space, which counts as the space it sits beside.
          #expect(
            try db.scalarText("SELECT text FROM questions ORDER BY id DESC LIMIT 1")
              == "Did Pel\u{202E}lam close its pier?")
        }),
      HostileCase(
        "200,000 repeated citation markers",
        text: page(summary: "It did " + String(repeating: "[1]", count: 200_000) + "."),
        .stored { (db: Connection) throws in
          #expect(try latestCheckRows("citation_spans", db) == 200_002)
        }),
      HostileCase(
        "a reference number of 20 digits",
        text: page(summary: "It did [99999999999999999999] [1]."),
        .stored { (db: Connection) throws in
          #expect(try db.scalarInt("SELECT max(ref_number) FROM citations") < 1000)
        }),
      HostileCase(
        "100,000 nested brackets",
        text: page(
          summary: String(repeating: "[", count: 100_000) + "1"
            + String(repeating: "]", count: 100_000)),
        .stored { (_: Connection) throws in }),
      HostileCase(
        "100,000-line follow-up list",
        text: page(followUps: (0..<100_000).map { "Follow-up question \($0)?" }),
        .stored { (db: Connection) throws in
          #expect(try latestCheckRows("follow_ups", db) == 100_000)
        }),
      HostileCase(
        "10,000 numbered sections",
        text: page(sections: (0..<10_000).map { "Part \($0) says so [\($0 % 9 + 1)]." }),
        .stored { (db: Connection) throws in
          #expect(try latestCheckRows("summary_spans", db) == 1000)
          // Section numbers have at most three digits: "1000. Part" is text of section 999.
          #expect(
            try db.scalarInt(
              "SELECT max(position) FROM summary_spans WHERE check_id = (SELECT max(id) FROM checks)"
            )
              == 999)
        }),
      // Folders.
      HostileCase(
        "symlink loops in an ingest folder",
        write: { folder in
          let inner = folder.appendingPathComponent("a/b")
          try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
          _ = try file(inner, "page.txt", Array(page().utf8))
          try FileManager.default.createSymbolicLink(
            atPath: inner.appendingPathComponent("up").path, withDestinationPath: "../..")
          try FileManager.default.createSymbolicLink(
            atPath: inner.appendingPathComponent("self").path, withDestinationPath: ".")
          try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("a/loop").path, withDestinationPath: "b/up")
          return [folder.path]
        }, .walked(files: 1)),
      HostileCase(
        "a named file that is a dangling symlink",
        write: { folder in
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          let link = folder.appendingPathComponent("gone.txt").path
          try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: "nowhere.txt")
          return [link]
        }, .rejected("No such file", kept: false)),
    ]
    cases += html
    if getuid() != 0 {
      // Root reads any file, so this case only means something for other users.
      cases.append(
        HostileCase(
          "an unreadable file",
          write: { folder in
            let path = try file(folder, "locked.txt", Array(page().utf8))
            chmod(path, 0)
            return [path]
          }, .rejected("Permission denied", kept: false)))
    }
    return cases
  }
}

/// The schema and the archive's row counts (all but `documents`, which keeps rejections).
struct ArchiveSnapshot: Equatable {
  var schema: [String]
  var rows: [String: Int64]

  init(_ db: Connection) throws {
    schema = try db.query(
      "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name"
    ) {
      $0.text(at: 0) ?? ""
    }
    var rows: [String: Int64] = [:]
    for table in [
      "questions", "checks", "summary_spans", "citation_spans", "follow_ups", "sources",
      "source_links", "check_evidence", "citation_sources",
    ] {
      rows[table] = try db.scalarInt("SELECT count(*) FROM \(table)")
    }
    self.rows = rows
  }
}
