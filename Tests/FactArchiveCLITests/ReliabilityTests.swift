import FactArchiveIngest
import FactArchiveStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The archive under faults and load, with real `factarchive` processes: killed mid-ingest,
/// run side by side, backed up while written.
@Suite(.serialized) struct ReliabilityTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
  }

  /// SIGKILL at chosen documents, inside the open transaction (the process kills itself
  /// through the `FACTARCHIVE_TEST_KILL_AFTER` hook): what landed is exactly the batches
  /// that had committed, whole, and a rerun completes the archive.
  @Test func sigkillMidIngestNeverLeavesHalfADocument() throws {
    // Batches smaller than the default keep the test short; the mechanism is the same.
    let batch = 250
    let corpus = folder.file("corpus")
    let written = try SyntheticCorpus.write(into: corpus, count: 1100, seed: 7)
    // An uninterrupted run gives the expected counts.
    let reference = folder.file("reference.sqlite").path
    let clean = try CommandRunner.run([
      "ingest", "--quiet", "--batch-size", String(batch), "--db", reference, corpus.path,
    ])
    #expect(clean.status == 0, "\(clean.stderr)")
    let expected = try Archive.counts(reference)
    #expect(expected.documents == written.files)
    #expect(expected.questions == written.questions)

    // The first document, inside a batch, its last document (before its commit), the first
    // of the next batch, and later ones.
    let killPoints = [1, batch / 2, batch - 1, batch, batch + 1, 2 * batch + 7, written.files - 1]
    for (round, killAfter) in killPoints.enumerated() {
      let path = folder.file("killed-\(round).sqlite").path
      let killed = try CommandRunner.run(
        ["ingest", "--quiet", "--batch-size", String(batch), "--db", path, corpus.path],
        environment: ["FACTARCHIVE_TEST_KILL_AFTER": String(killAfter)])
      #expect(killed.status == SIGKILL, "round \(round): \(killed.status) \(killed.stderr)")
      let counts = try Archive.assertSound(path, context: "killed after document \(killAfter)")
      // Only whole batches committed before the kill are there.
      #expect(counts.documents == (killAfter - 1) / batch * batch, "killed after \(killAfter)")
    }

    // The archive killed last is completed by a rerun, which writes nothing twice.
    let db = folder.file("killed-\(killPoints.count - 1).sqlite").path
    let rerun = try CommandRunner.run(["ingest", "--db", db, corpus.path])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let final = try Archive.assertSound(db, context: "after the rerun")
    #expect(final == expected)
    let again = try CommandRunner.run(["ingest", "--db", db, corpus.path])
    #expect(again.stdout.contains("\(written.files) unchanged"), "\(again.stdout)")
    #expect(try Archive.counts(db) == expected)
  }

  @Test func reportStaleAndTwoIngestsRunTogether() throws {
    let first = try SyntheticCorpus.write(
      into: folder.file("first"), count: 1500, seed: 1, prefix: "a")
    let second = try SyntheticCorpus.write(
      into: folder.file("second"), count: 1500, seed: 2, prefix: "b")
    // The nightly job's archive already exists, with some checks in it.
    let seeded = try CommandRunner.run(["ingest", "--quiet", "--db", db] + TestPaths.coreArticles)
    #expect(seeded.status == 0, "\(seeded.stderr)")
    let before = try Archive.counts(db)

    let commands: [[String]] =
      [
        ["ingest", "--quiet", "--db", db, folder.file("first").path],
        ["ingest", "--quiet", "--db", db, folder.file("second").path],
      ]
      // Four reports of the same night at once (runs are recorded in day order): one
      // records it, the others print what it recorded.
      + (0..<4).map { _ in
        ["report", "--db", db, "--as-of", "2026-12-01", "--format", "json"]
      }
      + (0..<6).map { _ in ["stale", "--db", db, "--limit", "100", "--format", "csv"] }
    let results = try Background.runAll(commands)
    for (command, result) in zip(commands, results) {
      #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.stderr)")
      #expect(!result.stderr.contains("locked"), "\(result.stderr)")
    }
    let after = try Archive.assertSound(db, context: "after the concurrent run")
    #expect(after.documents == before.documents + first.files + second.files)
    #expect(after.questions == before.questions + first.questions + second.questions)
    #expect(after.checks == before.checks + first.files + second.files)
    #expect(try Archive.scalar(db, "SELECT count(*) FROM staleness_runs") == 1)
    let reports = zip(commands, results).filter { $0.0.first == "report" }.map(\.1.stdout)
    #expect(Set(reports).count == 1, "every report prints the one recorded")
  }

  @Test func backupTakenDuringIngestIsConsistent() throws {
    let corpus = folder.file("corpus")
    try SyntheticCorpus.write(into: corpus, count: 3000, seed: 3)
    let seeded = try CommandRunner.run(["ingest", "--quiet", "--db", db] + TestPaths.coreArticles)
    #expect(seeded.status == 0)
    let ingest = try Background.start(["ingest", "--quiet", "--db", db, corpus.path])
    usleep(400_000)
    let copy = folder.file("backup.sqlite").path
    let backup = try CommandRunner.run(["backup", "--db", db, copy])
    let backupFinishedFirst = ingest.isRunning
    ingest.waitUntilExit()
    #expect(backup.status == 0, "\(backup.stderr)")
    #expect(backup.stdout.contains("backed up"))
    #expect(ingest.terminationStatus == 0)
    let check = try CommandRunner.run(["check", "--db", copy])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("result: ok"))
    let copied = try Archive.assertSound(copy, context: "the backup")
    let final = try Archive.counts(db)
    #expect(copied.documents >= TestPaths.coreArticles.count)
    #expect(copied.documents <= final.documents)
    if backupFinishedFirst {
      #expect(copied.documents < final.documents, "the backup should predate the ingest's end")
    }
    // A second backup to the same path is refused unless --force.
    let refused = try CommandRunner.run(["backup", "--db", db, copy])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("already exists"))
    #expect(try CommandRunner.run(["backup", "--db", db, "--force", copy]).status == 0)
    #expect(try Archive.counts(copy) == final)
  }

  @Test func checkFindsDamageAndExitsOne() throws {
    let seeded = try CommandRunner.run(["ingest", "--quiet", "--db", db] + TestPaths.coreArticles)
    #expect(seeded.status == 0)
    let healthy = try CommandRunner.run(["check", "--db", db, "--format", "json"])
    #expect(healthy.status == 0)
    #expect(healthy.stdout.contains("\"healthy\": true"))
    // A check whose question is gone: only possible with foreign keys off, as a careless
    // script might leave it.
    let raw = try Connection(path: db, mode: .readWrite)
    try raw.execute("PRAGMA foreign_keys = OFF")
    try raw.execute("UPDATE checks SET question_id = 999999 WHERE id = 1")
    let damaged = try CommandRunner.run(["check", "--db", db])
    #expect(damaged.status == 1)
    #expect(damaged.stdout.contains("foreign key: checks row 1 points at a missing questions row"))
  }

  /// A script that moves a check's due date behind FactArchive's back leaves the desk's tab
  /// counts wrong: `check` says so, `check --recount` counts them again.
  @Test func checkFindsQueueCountsChangedOutsideAndRecounts() throws {
    #expect(
      try CommandRunner.run(["ingest", "--quiet", "--db", db] + TestPaths.coreArticles).status
        == 0)
    let raw = try Connection(path: db, mode: .readWrite)
    try raw.execute(
      """
      UPDATE checks SET due_on = '2001-01-01'
      WHERE id = (SELECT min(id) FROM checks WHERE superseded = 0 AND due_on IS NOT NULL)
      """)
    let damaged = try CommandRunner.run(["check", "--db", db])
    #expect(damaged.status == 1)
    #expect(damaged.stdout.contains("queue counts: tier "), "\(damaged.stdout)")
    #expect(damaged.stdout.contains("due 2001-01-01: kept 0, counted 1"), "\(damaged.stdout)")
    let recounted = try CommandRunner.run(["check", "--recount", "--db", db])
    #expect(recounted.status == 0, "\(recounted.stdout)")
    #expect(recounted.stderr.contains("recounted the queue: 2 tier and due day counts were wrong"))
    #expect(try CommandRunner.run(["check", "--db", db]).status == 0)
  }

  @Test func notADatabaseExitsFour() throws {
    let path = try folder.write(
      "notes.sqlite", "not a database, just text\n" + String(repeating: "x", count: 600))
    let result = try CommandRunner.run(["check", "--db", path])
    #expect(result.status == 4)
    #expect(result.stderr.contains("not a database"), "\(result.stderr)")
  }
}

/// Counting and checking an archive from outside the binary.
enum Archive {
  struct Counts: Equatable, CustomStringConvertible {
    var documents: Int
    var questions: Int
    var checks: Int
    var summaries: Int
    var citations: Int
    var followUps: Int
    var description: String {
      "\(documents) documents, \(questions) questions, \(checks) checks, \(summaries) summaries, "
        + "\(citations) citations, \(followUps) follow-ups"
    }
  }

  static func scalar(_ path: String, _ sql: String) throws -> Int {
    Int(try Connection(path: path, mode: .readOnly).scalarInt(sql))
  }

  static func counts(_ path: String) throws -> Counts {
    let db = try Connection(path: path, mode: .readOnly)
    func count(_ table: String) throws -> Int {
      Int(try db.scalarInt("SELECT count(*) FROM \(table)"))
    }
    return Counts(
      documents: try count("documents"), questions: try count("questions"),
      checks: try count("checks"), summaries: try count("summary_spans"),
      citations: try count("citation_spans"), followUps: try count("follow_ups"))
  }

  /// Integrity, foreign keys, full-text indexes, and every document whole or absent.
  @discardableResult
  static func assertSound(_ path: String, context: String) throws -> Counts {
    let db = try Connection(path: path, mode: .readWrite)
    #expect(try db.scalarText("PRAGMA integrity_check") == "ok", "\(context)")
    #expect(try db.query("PRAGMA foreign_key_check") { $0.text(at: 0) ?? "" }.isEmpty, "\(context)")
    for index in ["questions_fts", "summaries_fts", "follow_ups_fts", "checks_fts"] {
      try db.execute("INSERT INTO \(index) (\(index)) VALUES ('integrity-check')")
    }
    let halfWritten = try db.scalarInt(
      """
      SELECT (SELECT count(*) FROM documents AS d WHERE d.status = 'parsed'
                AND NOT EXISTS (SELECT 1 FROM checks AS c WHERE c.document_id = d.id))
           + (SELECT count(*) FROM checks AS c
                WHERE NOT EXISTS (SELECT 1 FROM summary_spans AS s WHERE s.check_id = c.id)
                   OR NOT EXISTS (SELECT 1 FROM citation_spans AS s WHERE s.check_id = c.id)
                   OR NOT EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.check_id = c.id))
           + (SELECT count(*) FROM (SELECT document_id FROM checks GROUP BY document_id
                HAVING count(*) > 1))
           + (SELECT count(*) FROM (SELECT 1 FROM questions
                GROUP BY publisher_key, normalized_key HAVING count(*) > 1))
      """)
    #expect(halfWritten == 0, "\(context): \(halfWritten) half-written or duplicated rows")
    return try counts(path)
  }
}

/// `factarchive` processes run in the background.
enum Background {
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Starts every command at once and waits for all of them.
  static func runAll(_ commands: [[String]]) throws -> [CommandResult] {
    let results = Results(count: commands.count)
    let group = DispatchGroup()
    for (index, command) in commands.enumerated() {
      group.enter()
      // A thread each: a dispatch pool would run only as many as there are cores.
      Thread.detachNewThread {
        results.set(index, Result { try CommandRunner.run(command) })
        group.leave()
      }
    }
    group.wait()
    return try results.values.map { try $0.get() }
  }

  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<CommandResult, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<CommandResult, any Error>) {
      lock.withLock { slots[index] = value }
    }
    var values: [Result<CommandResult, any Error>] {
      lock.withLock { slots.map { $0 ?? .failure(CocoaError(.featureUnsupported)) } }
    }
  }
}

/// A full disk and a read-only one: ingest fails with a clear message and the archive
/// already there is untouched. Needs a small tmpfs (root) or, for read-only, a user whom
/// file permissions bind (not root).
@Suite(.serialized) struct FaultyDiskTests {
  let folder: TemporaryFolder
  let disk: String

  init() throws {
    folder = try TemporaryFolder()
    disk = folder.file("disk").path
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
  }

  @Test(
    .enabled(
      if: Requirement.met(ScratchDisk.canMount), "cannot mount a tmpfs here (needs root): skipped"))
  func ingestOntoAFullDiskFailsAndKeepsTheArchive() throws {
    try #require(ScratchDisk.mount(disk, size: "6m"))
    defer { ScratchDisk.unmount(disk) }
    let db = disk + "/archive.sqlite"
    let seeded = try CommandRunner.run(["ingest", "--quiet", "--db", db] + TestPaths.coreArticles)
    #expect(seeded.status == 0, "\(seeded.stderr)")
    let before = try Archive.counts(db)
    // About 2 MB of text: more than the disk has left once indexed.
    let corpus = folder.file("corpus")
    try SyntheticCorpus.write(into: corpus, count: 1500, seed: 9)
    let result = try CommandRunner.run(["ingest", "--quiet", "--db", db, corpus.path])
    #expect(result.status == 4, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains("database or disk is full"), "\(result.stderr)")
    // Batches committed before the disk filled stay, each document whole; nothing else.
    let partial = try Archive.assertSound(db, context: "after the disk filled")
    #expect(partial.documents >= before.documents && partial.documents < before.documents + 1500)
    #expect(try CommandRunner.run(["stale", "--db", db, "--as-of", "2026-12-01"]).status == 0)
    // With room again, a rerun lands the rest and nothing twice.
    try #require(ScratchDisk.resize(disk, size: "64m"))
    let rerun = try CommandRunner.run(["ingest", "--quiet", "--db", db, corpus.path])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let final = try Archive.assertSound(db, context: "after the rerun")
    #expect(final.documents == before.documents + 1500)
  }

  @Test(
    .enabled(
      if: Requirement.met(ScratchDisk.canMount || getuid() != 0),
      "root without mount: no way to make a location read-only here; skipped"))
  func ingestIntoAReadOnlyLocationFailsAndKeepsTheArchive() throws {
    let mounted = ScratchDisk.canMount && ScratchDisk.mount(disk, size: "8m")
    defer { if mounted { ScratchDisk.unmount(disk) } }
    let db = disk + "/archive.sqlite"
    let seeded = try CommandRunner.run(["ingest", "--quiet", "--db", db] + TestPaths.coreArticles)
    #expect(seeded.status == 0, "\(seeded.stderr)")
    let before = try Archive.counts(db)
    if mounted {
      try #require(ScratchDisk.remountReadOnly(disk))
    } else {
      chmod(db, 0o444)
      chmod(disk, 0o555)
    }
    defer { chmod(disk, 0o755) }
    let result = try CommandRunner.run(["ingest", "--db", db, TestPaths.fixture("articles").path])
    #expect(result.status == 4, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains("read-only"), "\(result.stderr)")
    #expect(try Archive.counts(db) == before)
    // Editors can still read it.
    let stale = try CommandRunner.run(["stale", "--db", db, "--as-of", "2026-12-01"])
    #expect(stale.status == 0, "\(stale.stderr)")
  }
}

/// Small tmpfs mounts for the disk-fault tests.
enum ScratchDisk {
  static let canMount: Bool = {
    guard getuid() == 0, let probe = try? TemporaryFolder() else { return false }
    guard mount(probe.path, size: "64k") else { return false }
    unmount(probe.path)
    return true
  }()

  static func mount(_ path: String, size: String) -> Bool {
    run(["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
  }

  static func resize(_ path: String, size: String) -> Bool {
    run(["mount", "-o", "remount,size=\(size)", path])
  }

  static func remountReadOnly(_ path: String) -> Bool {
    run(["mount", "-o", "remount,ro", path])
  }

  static func unmount(_ path: String) {
    _ = run(["umount", path])
  }

  private static func run(_ arguments: [String]) -> Bool {
    let result = try? CommandRunner.run(
      executable: URL(fileURLWithPath: "/usr/bin/env"), arguments)
    return result?.status == 0
  }
}
