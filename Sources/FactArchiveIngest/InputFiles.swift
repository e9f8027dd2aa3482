import FactArchiveCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files an ingest reads: files as named, folders walked recursively for saved pages
/// (`*.txt`, `*.html`, `*.htm`, `*.mhtml`, `*.mht`, `*.webarchive`, feeds) in sorted order, and
/// `-` for standard input. The `X_files/` folder a browser's "Save page as… complete" writes
/// beside `X.html` (its scripts, styles, images and frames) is passed over. A folder's JSON
/// files (`*.json`, `*.jsonld`) are read when they hold ClaimReview or are a JSON Feed (an
/// export of reviews, a feed saved from a site), and passed over otherwise, as a page's
/// settings, a crawler's notes or a test's expectations beside the pages are.
///
/// The walk is lazy (one folder's entries in memory at a time), so a million-file corpus
/// costs no more memory than a small one, and it never enters a folder twice, so symlink
/// loops end.
public struct InputFiles: Sequence, Sendable {
  public enum Item: Sendable, Equatable {
    case file(String)
    case standardInput
    /// A path that could not be listed or opened, with the reason.
    case unreadable(path: String, reason: String)
  }

  public let paths: [String]

  public init(paths: [String]) {
    self.paths = paths
  }

  public func makeIterator() -> Iterator {
    Iterator(paths: paths)
  }

  /// How many items the walk yields (a second walk: for progress bars only).
  public var count: Int {
    var total = 0
    for _ in self { total += 1 }
    return total
  }

  public struct Iterator: IteratorProtocol {
    private var pending: [Item]
    /// Folders whose entries are waiting, deepest last; each holds sorted paths still to visit.
    private var folders: [[String]] = []
    private var visited: Set<FileIdentity> = []

    init(paths: [String]) {
      pending = paths.reversed().map { $0 == "-" ? .standardInput : .file($0) }
    }

    public mutating func next() -> Item? {
      while true {
        if var top = folders.popLast() {
          if let path = top.popLast() {
            folders.append(top)
            if let item = visit(path, named: false) { return item }
          }
          continue
        }
        guard let item = pending.popLast() else { return nil }
        guard case .file(let path) = item else { return item }
        if let result = visit(path, named: true) { return result }
      }
    }

    /// A file to yield, or `nil` after descending into a folder or skipping an entry.
    private mutating func visit(_ path: String, named: Bool) -> Item? {
      var info = stat()
      guard stat(path, &info) == 0 else {
        // A dangling symlink inside a folder is skipped; a named path that is missing is not.
        let reason = InputFiles.errorText(errno)
        return named || lstat(path, &info) != 0 ? .unreadable(path: path, reason: reason) : nil
      }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        if !named, InputFiles.isSavedPageAssets(path) { return nil }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard visited.insert(identity).inserted else { return nil }
        switch InputFiles.listFolder(path) {
        case .success(let entries): folders.append(entries.sorted(by: >))
        case .failure(let reason): return .unreadable(path: path, reason: reason.message)
        }
        return nil
      }
      if named { return .file(path) }
      guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
      if InputFiles.isTextFileName(path) { return .file(path) }
      if InputFiles.isJSONFileName(path), InputFiles.holdsReviewsOrFeed(path) { return .file(path) }
      return nil
    }
  }

  struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  struct ListError: Error {
    var message: String
  }

  /// The extensions of the pages and feeds a folder walk reads (and JSON, by its content).
  static let pageExtensions = [
    ".txt", ".html", ".htm", ".mhtml", ".mht", ".webarchive", ".xml", ".rss", ".atom", ".rdf",
  ]

  static func isTextFileName(_ path: String) -> Bool {
    let lower = path.lowercased()
    return pageExtensions.contains { lower.hasSuffix($0) }
  }

  static func isJSONFileName(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".json") || lower.hasSuffix(".jsonld")
  }

  /// How much of a JSON file a folder walk looks at to decide whether to read it.
  static let jsonSniffBytes = 1 << 16

  /// Whether a JSON file's first 64 KiB name ClaimReview (in any case: an `@type`, a full
  /// IRI, the Fact Check Tools API's `claimReview`) or JSON Feed's version address. A file
  /// that cannot be opened is read, so that its error is reported.
  static func holdsReviewsOrFeed(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return true }
    defer { close(descriptor) }
    var failure: Int32 = 0
    let head = [UInt8](unsafeUninitializedCapacity: jsonSniffBytes) { buffer, count in
      count = InputReader.readFully(
        descriptor, into: UnsafeMutableRawBufferPointer(buffer), error: &failure)
    }
    guard failure == 0 else { return true }
    let lowered = head.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    return ["claimreview", "jsonfeed.org/version"].contains { marker in
      lowered.firstRange(of: Array(marker.utf8)) != nil
    }
  }

  /// Whether a folder is the `X_files` folder of a page `X.html` (or `X.htm`) beside it.
  static func isSavedPageAssets(_ path: String) -> Bool {
    var folder = path
    while folder.hasSuffix("/") { folder.removeLast() }
    guard folder.hasSuffix("_files") else { return false }
    let page = String(folder.dropLast("_files".count))
    var info = stat()
    return [".html", ".htm"].contains { stat(page + $0, &info) == 0 }
  }

  /// The entries of a folder (full paths), hidden ones excluded.
  static func listFolder(_ path: String) -> Result<[String], ListError> {
    guard let folder = opendir(path) else {
      return .failure(ListError(message: "cannot list folder: \(errorText(errno))"))
    }
    defer { closedir(folder) }
    var entries: [String] = []
    let prefix = path.hasSuffix("/") ? path : path + "/"
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") { continue }
      entries.append(prefix + name)
    }
    return .success(entries)
  }

  static func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}

extension InputFiles {
  /// The paths a list names, one per line (`find … -print`'s output, or `-print0`'s:
  /// NUL-separated when the list holds a NUL). Blank lines are skipped and a trailing `\r`
  /// dropped; nothing else is trimmed, since names may begin or end with spaces.
  public static func paths(listedIn list: InputDocument) -> Result<[String], ParseError> {
    if let error = list.readError { return .failure(error) }
    guard list.bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) }) == nil
    else {
      return .failure(ParseError(line: nil, "the list of paths is not UTF-8"))
    }
    let separator: UInt8 = list.bytes.contains(0) ? 0 : UInt8(ascii: "\n")
    let paths = list.bytes.split(separator: separator).compactMap { line -> String? in
      var line = line
      if separator != 0, line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }
    return .success(paths)
  }
}

/// Reading one input into memory, refusing inputs over the size limit without reading them.
public enum InputReader {
  /// 16 MiB: far beyond any real article, small enough to keep memory flat.
  public static let defaultMaxBytes = 16 << 20

  public static func load(_ item: InputFiles.Item, maxBytes: Int = defaultMaxBytes) -> InputDocument
  {
    switch item {
    case .file(let path):
      return readFile(path, maxBytes: maxBytes)
    case .standardInput:
      return readDescriptor(STDIN_FILENO, path: "-", size: nil, maxBytes: maxBytes)
    case .unreadable(let path, let reason):
      return InputDocument(path: path, byteCount: 0, readError: ParseError(line: nil, reason))
    }
  }

  static func readFile(_ path: String, maxBytes: Int) -> InputDocument {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      return InputDocument(
        path: path, byteCount: 0,
        readError: ParseError(line: nil, "cannot read: \(InputFiles.errorText(errno))"))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return InputDocument(
        path: path, byteCount: 0,
        readError: ParseError(line: nil, "cannot read: \(InputFiles.errorText(errno))"))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      return InputDocument(
        path: path, byteCount: 0, readError: ParseError(line: nil, "is a folder"))
    }
    let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    return readDescriptor(descriptor, path: path, size: size, maxBytes: maxBytes)
  }

  /// Reads to the end; a regular file's size is checked before reading, a pipe's while reading.
  static func readDescriptor(_ descriptor: Int32, path: String, size: Int?, maxBytes: Int)
    -> InputDocument
  {
    if let size, size > maxBytes {
      return tooLarge(path: path, size: size, maxBytes: maxBytes)
    }
    var failure: Int32 = 0
    var bytes: [UInt8]
    if let size {
      // A regular file: read straight into an array of its size (no staging buffer, so the
      // heap does not fill with freed chunks between long-lived documents).
      bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), error: &failure)
      }
      // A file that grew since fstat: keep reading what is there.
      var probe: UInt8 = 0
      if failure == 0, bytes.count == size,
        withUnsafeMutableBytes(of: &probe, { readFully(descriptor, into: $0, error: &failure) })
          == 1
      {
        bytes.append(probe)
        bytes += readToEnd(descriptor, limit: maxBytes - size - 1, error: &failure)
      }
    } else {
      bytes = readToEnd(descriptor, limit: maxBytes, error: &failure)
    }
    if failure != 0 {
      return InputDocument(
        path: path, byteCount: bytes.count,
        readError: ParseError(line: nil, "cannot read: \(InputFiles.errorText(failure))"))
    }
    if bytes.count > maxBytes {
      return tooLarge(path: path, size: nil, maxBytes: maxBytes)
    }
    return InputDocument(path: path, bytes: bytes)
  }

  /// Fills `buffer` from the descriptor; returns how many bytes were read.
  static func readFully(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, error: inout Int32
  ) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var total = 0
    while total < buffer.count {
      let count = read(descriptor, base + total, buffer.count - total)
      if count < 0 {
        if errno == EINTR { continue }
        error = errno
        break
      }
      if count == 0 { break }
      total += count
    }
    return total
  }

  /// Reads until the end, or until more than `limit` bytes have come.
  private static func readToEnd(_ descriptor: Int32, limit: Int, error: inout Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { readFully(descriptor, into: $0, error: &error) }
      bytes.append(contentsOf: chunk[0..<count])
      if count < chunk.count || error != 0 { break }
    }
    return bytes
  }

  private static func tooLarge(path: String, size: Int?, maxBytes: Int) -> InputDocument {
    let what = size.map { "\($0) bytes" } ?? "more than \(maxBytes) bytes"
    return InputDocument(
      path: path, byteCount: size ?? maxBytes + 1,
      readError: ParseError(
        line: nil, "too large: \(what), over the limit of \(maxBytes) bytes (--max-bytes); not read"
      ))
  }
}
