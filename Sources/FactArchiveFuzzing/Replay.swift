import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser

/// Runs a fuzz target's property over files, as the fuzz executables do when they are built
/// without libFuzzer: `FuzzArticleParser crash-1234` replays what a fuzzer found.
public enum Replay {
  public static func run(_ paths: some Sequence<String>, _ property: ([UInt8]) -> Void) -> Int32 {
    var count = 0
    for path in paths {
      // Read as ingest reads (`-` is standard input).
      let input = InputReader.load(path == "-" ? .standardInput : .file(path))
      if let error = input.readError {
        let message = Array((error.formatted(path: path) + "\n").utf8)
        _ = write(2, message, message.count)
        return 2
      }
      property(input.bytes)
      count += 1
    }
    print("\(count) inputs replayed, all properties held")
    return 0
  }
}
