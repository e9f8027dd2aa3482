#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A list of feeds to poll: one URL per line; blank lines and `#` comments (whole lines or
/// after a URL) are ignored.
public enum FeedList {
  public struct Failure: Error {
    public var message: String
  }

  public static func read(_ path: String) throws(Failure) -> [String] {
    guard let file = fopen(path, "r") else {
      throw Failure(message: "\(path): cannot read: \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    var text: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      text += buffer[0..<count]
      if text.count > 4 << 20 {
        throw Failure(message: "\(path): larger than 4 MiB: not a feed list")
      }
    }
    return try parse(String(decoding: text, as: UTF8.self), path: path)
  }

  public static func parse(_ text: String, path: String) throws(Failure) -> [String] {
    var urls: [String] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let content = line.prefix { $0 != "#" }.trimmingCharacters()
      guard !content.isEmpty else { continue }
      guard URLParts(content) != nil, !content.contains(" ") else {
        throw Failure(message: "\(path):\(number + 1): not a URL: \(content)")
      }
      urls.append(content)
    }
    return urls
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> String {
    String(
      drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop {
        $0 == " " || $0 == "\t" || $0 == "\r"
      }.reversed())
  }
}
