import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser

/// Runs a fuzz target's property over files, as the fuzz executables do when they are built
/// without libFuzzer: `FuzzArticleParser crash-1234` replays what a fuzzer found.
public enum Replay {
  public static func run(_ paths: some Sequence<String>, _ property: ([UInt8]) -> [String])
    -> Int32
  {
    var count = 0
    var broken = 0
    for path in paths {
      // Read as ingest reads (`-` is standard input).
      let input = InputReader.load(path == "-" ? .standardInput : .file(path))
      if let error = input.readError {
        let message = Array((error.formatted(path: path) + "\n").utf8)
        _ = write(2, message, message.count)
        return 2
      }
      let violations = property(input.bytes)
      if !violations.isEmpty {
        broken += 1
        print("\(path): \(violations.joined(separator: "; "))")
      }
      count += 1
    }
    guard broken == 0 else {
      print("\(count) inputs replayed, \(broken) broke a property")
      return 1
    }
    print("\(count) inputs replayed, all properties held")
    return 0
  }
}
