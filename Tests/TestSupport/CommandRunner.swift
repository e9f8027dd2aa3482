import Foundation

/// Runs a program to completion and captures what it printed.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

public enum CommandRunner {
  /// The `factarchive` built next to the test bundle.
  public static var binary: URL {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent(),
      Bundle.main.bundleURL,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      TestPaths.packageRoot.appendingPathComponent(".build/debug"),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("factarchive")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return TestPaths.packageRoot.appendingPathComponent(".build/debug/factarchive")
  }

  /// Runs `executable` with `arguments`; `environment` entries are added to (or, with a nil
  /// value, removed from) this process's environment.
  public static func run(
    _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String?] = [:],
    workingDirectory: URL? = nil
  ) throws -> CommandResult {
    try run(
      executable: binary, arguments, stdin: stdin, environment: environment,
      workingDirectory: workingDirectory)
  }

  public static func run(
    executable: URL, _ arguments: [String], stdin: [UInt8]? = nil,
    environment: [String: String?] = [:], workingDirectory: URL? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment {
      env[key] = value
    }
    process.environment = env
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin))
    }
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting so a chatty child cannot block on a full pipe.
    let outData = ReadAll(out.fileHandleForReading)
    let errData = ReadAll(err.fileHandleForReading)
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus,
      stdout: String(decoding: outData.wait(), as: UTF8.self),
      stderr: String(decoding: errData.wait(), as: UTF8.self))
  }
}

/// Reads a pipe to its end on a background thread.
final class ReadAll: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
