internal import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Connection {
  /// Prints each statement's run time on stderr as it finishes (`sql: 12.345 ms  SELECT …`),
  /// by SQLite's own clock (`SQLITE_TRACE_PROFILE`): for profiling a command
  /// (`FACTARCHIVE_PROFILE_SQL=1`), never on by default.
  /// - Parameter whole: print each statement whole rather than its first 200 characters.
  public func printStatementTimes(whole: Bool = false) {
    sqlite3_trace_v2(
      handle, UInt32(SQLITE_TRACE_PROFILE),
      whole ? Self.printWhole : Self.printStart, nil)
  }

  private static let printStart:
    @convention(c) (
      UInt32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?
    ) -> Int32 = { _, _, statement, nanoseconds in
      printTime(statement, nanoseconds, characters: 200)
    }

  private static let printWhole:
    @convention(c) (
      UInt32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?
    ) -> Int32 = { _, _, statement, nanoseconds in
      printTime(statement, nanoseconds, characters: Int.max)
    }

  private static func printTime(
    _ statement: UnsafeMutableRawPointer?, _ nanoseconds: UnsafeMutableRawPointer?,
    characters: Int
  ) -> Int32 {
    guard let statement, let nanoseconds else { return 0 }
    let microseconds = nanoseconds.load(as: Int64.self) / 1000
    let fraction = String(microseconds % 1000)
    let sql = sqlite3_sql(OpaquePointer(statement)).map { String(cString: $0) } ?? ""
    let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    var line =
      "sql: \(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))"
      + "\(fraction) ms  \(words.joined(separator: " ").prefix(characters))\n"
    line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    return 0
  }
}
