#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// With `FACTARCHIVE_TIMING` set, commands print how long their query itself took
/// (`timing: stale 3.21 ms` on stderr), apart from starting the process and opening the
/// database: what `make bench` reports as in-process latency.
enum Timing {
  static let enabled = getenv("FACTARCHIVE_TIMING") != nil

  static func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    guard enabled else { return try body() }
    let start = ProgressBar.now()
    let result = try body()
    let milliseconds = (ProgressBar.now() - start) * 1000
    let rounded = (milliseconds * 1000).rounded() / 1000
    Terminal.writeError("timing: \(label) \(rounded) ms")
    return result
  }

  /// Prints a time measured inside the library (`timing: claim matching 812.5 ms`).
  static func report(_ label: String, _ duration: Duration) {
    guard enabled else { return }
    let (seconds, attoseconds) = duration.components
    let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    Terminal.writeError("timing: \(label) \((milliseconds * 1000).rounded() / 1000) ms")
  }
}
