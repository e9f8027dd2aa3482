import Foundation

/// Where the package, its fixtures and the shared seed corpus are, found from this file's
/// path so tests work from any working directory.
public enum TestPaths {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  public static let fixtures = packageRoot.appendingPathComponent("Fixtures")
  public static let schema = packageRoot.appendingPathComponent("Schema")

  public static func fixture(_ relativePath: String) -> URL {
    fixtures.appendingPathComponent(relativePath)
  }

  /// Four articles with known ages: three questions, one of them checked twice (2025, with
  /// the banner, and 2026). Tests of staleness and history use these.
  public static let coreArticles: [String] = [
    "articles/ferry-fares.txt", "articles/grain-quotas-2025.txt", "articles/grain-quotas-2026.txt",
    "articles/wind-leases.txt",
  ].map { fixture($0).path }

  /// `../shared` beside the package (or `$FACTARCHIVE_SHARED`), when it exists.
  public static let shared: URL? = {
    let candidates = [
      ProcessInfo.processInfo.environment["FACTARCHIVE_SHARED"].map { URL(fileURLWithPath: $0) },
      packageRoot.deletingLastPathComponent().appendingPathComponent("shared"),
    ]
    return candidates.compactMap { $0 }.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("seeds").path)
    }
  }()

  public static var sharedAvailable: Bool { shared != nil }

  /// A seed file whose name starts with `prefix` (`000_`).
  public static func seed(_ prefix: String) -> URL? {
    guard let folder = shared?.appendingPathComponent("seeds"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return nil }
    return names.sorted().first { $0.hasPrefix(prefix) }.map { folder.appendingPathComponent($0) }
  }

  public static func bytes(_ url: URL) throws -> [UInt8] {
    Array(try Data(contentsOf: url))
  }
}

/// A folder removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
  public let url: URL

  public init() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "factarchive-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    url = base
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  public var path: String { url.path }

  public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes `bytes` to `name` (creating folders) and returns its path.
  @discardableResult
  public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let target = file(name)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: target)
    return target.path
  }

  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }
}

/// Corpora from `../shared/bench/gen_corpus.py`, the deterministic generator.
public enum GeneratedCorpus {
  public static var script: URL? {
    TestPaths.shared?.appendingPathComponent("bench/gen_corpus.py")
  }

  public static var available: Bool {
    script.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
  }

  /// Writes a corpus into `folder` and returns the generator's summary line.
  @discardableResult
  public static func generate(
    into folder: URL, count: Int, seed: Int, bad: Double = 0, perFile: Int = 1
  ) throws -> String {
    guard let script else { return "" }
    let result = try CommandRunner.run(
      executable: URL(fileURLWithPath: "/usr/bin/env"),
      [
        "python3", script.path, "--count", String(count), "--seed", String(seed), "--out",
        folder.path, "--bad", String(bad), "--per-file", String(perFile), "--manifest",
      ])
    guard result.status == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr])
    }
    return result.stdout
  }

  /// Rows of a TSV file written by the generator, without its header.
  public static func rows(_ url: URL) throws -> [[String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }
}
