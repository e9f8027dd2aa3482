#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// UTC timestamps as the archive stores them: `2025-12-03T08:15:00Z`.
public enum Timestamp {
  public static func nowUTC() -> String {
    utc(secondsSince1970: Int(time(nil)))
  }

  /// The timestamp of a moment given in seconds since 1970, written digit by digit into 20
  /// bytes (ingest stamps every document and question).
  public static func utc(secondsSince1970: Int) -> String {
    var seconds = time_t(secondsSince1970)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    func digits(_ value: Int32, _ width: Int) {
      var divisor: Int32 = 1
      for _ in 1..<width { divisor *= 10 }
      while divisor > 0 {
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + max(0, value) / divisor % 10))
        divisor /= 10
      }
    }
    digits(parts.tm_year + 1900, 4)
    bytes.append(UInt8(ascii: "-"))
    digits(parts.tm_mon + 1, 2)
    bytes.append(UInt8(ascii: "-"))
    digits(parts.tm_mday, 2)
    bytes.append(UInt8(ascii: "T"))
    digits(parts.tm_hour, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(parts.tm_min, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(parts.tm_sec, 2)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }
}
