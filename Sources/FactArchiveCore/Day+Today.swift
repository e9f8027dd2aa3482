#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Day {
  /// Today in the local time zone (`TZ`), the day a person running the command means.
  public static func today() -> Day {
    var seconds = time(nil)
    var parts = tm()
    localtime_r(&seconds, &parts)
    return Day(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(daysSinceEpoch: Int(seconds) / 86_400)
  }
}
