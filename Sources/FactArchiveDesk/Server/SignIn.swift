import Foundation
import HTTPTypes

/// Checking a password, for the sign-in form and for HTTP Basic alike: refused at once
/// while the account or the address is locked out (`SignInThrottle`: 429 with
/// `Retry-After`, even for the right password), checked off the event loop (bcrypt is slow
/// on purpose), and every failure and lock-out logged with the account, the address and the
/// time.
struct SignIn: Sendable {
  let accounts: EditorAccounts
  let throttle: SignInThrottle
  let log: @Sendable (String) -> Void
  let now: @Sendable () -> String

  /// Whether `password` is `user`'s; throws a 429 `DeskError` during a lock-out.
  func attempt(user: String, password: String, from address: String) async throws -> Bool {
    let clock = Date().timeIntervalSince1970
    if let wait = await throttle.wait(account: user, address: address, now: clock) {
      log("sign-in refused for \(user) from \(address) at \(now()): locked out for \(wait) s more")
      throw Self.tooMany(wait)
    }
    let accounts = accounts
    let valid = try await NIOThreadPoolRunner.run {
      accounts.verify(user: user, password: password)
    }
    if valid {
      await throttle.succeeded(account: user)
      return true
    }
    log("sign-in failed for \(user) from \(address) at \(now())")
    for lockOut in await throttle.failed(account: user, address: address, now: clock) {
      log("sign-in locked for \(lockOut.key) at \(now()) for \(lockOut.seconds) s")
    }
    return false
  }

  static func tooMany(_ seconds: Int) -> DeskError {
    let minutes = max(1, (seconds + 59) / 60)
    var error = DeskError(
      .tooManyRequests,
      "Too many failed sign-ins: try again in \(minutes) \(minutes == 1 ? "minute" : "minutes").")
    error.headers[.retryAfter] = String(seconds)
    return error
  }
}
