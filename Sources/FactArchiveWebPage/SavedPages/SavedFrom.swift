import FactArchiveCore

/// The address a browser saved a page from, as it writes it at the top of the file (the
/// "mark of the Web": `<!-- saved from url=(0043)https://example.org/2026/05/story -->`,
/// written by Chrome's and Internet Explorer's "save as"). The page's own canonical address
/// still comes first; this stands in for the address a fetch would have known.
enum SavedFrom {
  /// The comment is within the file's first bytes (after the doctype).
  static let searched = 1_024

  /// The http(s) address of the mark, if the page has one (`about:internet` and local files
  /// are not addresses).
  static func url(in bytes: [UInt8]) -> String? {
    let head = Array(bytes.prefix(searched))
    let marker = Array("saved from url=(".utf8)
    guard head.count > marker.count,
      let start = (0...(head.count - marker.count)).first(where: { index in
        ASCII.lowercased(head[index]) == UInt8(ascii: "s")
          && zip(head[index..<(index + marker.count)], marker).allSatisfy {
            ASCII.lowercased($0) == $1
          }
      })
    else { return nil }
    var index = start + marker.count
    var length = 0
    while index < head.count, ASCII.isDigit(head[index]), length < 100_000 {
      length = length * 10 + Int(head[index] - UInt8(ascii: "0"))
      index += 1
    }
    guard index < head.count, head[index] == UInt8(ascii: ")"), length > 0 else { return nil }
    // The address runs for the length given, or to the first space when a hand-edited mark
    // counts wrong.
    let rest = head[(index + 1)...].prefix(length)
    let address = rest.prefix { $0 > 0x20 && $0 != UInt8(ascii: "<") }
    let url = String(decoding: address, as: UTF8.self)
    return WebAddress.isWeb(url) ? url : nil
  }
}
