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
