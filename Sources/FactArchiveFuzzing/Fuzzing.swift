#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Darwin)
  @_exported import Darwin
#endif

public enum Fuzzing {

  /// Stops the process when a property was found broken: what libFuzzer records as a
  /// crash, with the input saved beside it.
  public static func stopIfBroken(_ violations: [String]) {
    precondition(violations.isEmpty, violations.joined(separator: "; "))
  }

  /// libFuzzer's input as an array.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }
}
