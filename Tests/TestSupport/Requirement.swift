import Foundation

/// Whether a test that needs something this machine may lack (Chromium, `../shared`, root
/// for a tmpfs) runs. Where it is missing the test is skipped, and Swift Testing prints the
/// reason given with `.enabled(if:_:)`. Under `FACTARCHIVE_REQUIRE_ALL_TESTS=1` (`.ci/run`
/// sets it, after installing what the tests need) nothing is skipped: a missing
/// requirement fails its test instead, loudly.
///
/// ```swift
/// @Suite(.enabled(if: Requirement.met(Browser.chromium != nil), "chromium not installed: skipped"))
/// ```
public enum Requirement {
  public static let everyTestMustRun =
    ProcessInfo.processInfo.environment["FACTARCHIVE_REQUIRE_ALL_TESTS"] == "1"

  /// Whether to run a test that needs `available`.
  public static func met(_ available: Bool) -> Bool {
    available || everyTestMustRun
  }
}
