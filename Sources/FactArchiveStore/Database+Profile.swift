internal import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Database {
  /// Prints each statement's run time on stderr as it finishes (`sql: 12.345 ms  SELECT …`),
  /// by SQLite's own clock (`SQLITE_TRACE_PROFILE`): for profiling a command
  /// (`FACTARCHIVE_PROFILE_SQL=1`), never on by default.
  public func printStatementTimes() {
    sqlite3_trace_v2(
      handle, UInt32(SQLITE_TRACE_PROFILE),
      { _, _, statement, nanoseconds in
        guard let statement, let nanoseconds else { return 0 }
        let microseconds = nanoseconds.load(as: Int64.self) / 1000
        let fraction = String(microseconds % 1000)
        let sql = sqlite3_sql(OpaquePointer(statement)).map { String(cString: $0) } ?? ""
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        let line =
          "sql: \(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))"
          + "\(fraction) ms  \(words.joined(separator: " ").prefix(200))\n"
        var text = line
        text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
        return 0
      }, nil)
  }
}
