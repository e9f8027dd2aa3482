/// Runs a fuzz target's property over files, as the fuzz executables do when they are built
/// without libFuzzer: `FuzzArticleParser crash-1234` replays what a fuzzer found.
public enum Replay {
  public static func run(_ paths: some Sequence<String>, _ property: ([UInt8]) -> Void) -> Int32 {
    var count = 0
    for path in paths {
      guard let bytes = read(path) else {
        let message = Array("\(path): cannot read\n".utf8)
        _ = write(2, message, message.count)
        return 2
      }
      property(bytes)
      count += 1
    }
    print("\(count) inputs replayed, all properties held")
    return 0
  }

  public static func read(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count == 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
  }
}
