import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Failed sign-ins, counted per account and per client address: after `failures` of them
/// within `window`, further attempts for that account or from that address are refused
/// (429 with `Retry-After`) for `firstLock`, then twice as long at each lock-out, up to
/// `longestLock`. A success ends the account's count. Unknown accounts are counted like
/// known ones, so nothing here tells whether an account exists. The state is in memory:
/// a restart of the desk ends every lock-out.
///
/// `factarchive serve --unlock NAME` ends a lock-out early by writing the name to the
/// auth file's `.unlock` file beside it; the desk reads that file on the next attempt after
/// it changes.
public actor SignInThrottle {
  public struct Rules: Sendable {
    public var failures = 5
    public var window: Double = 15 * 60
    public var firstLock: Double = 60
    public var longestLock: Double = 60 * 60

    public init() {}
  }

  struct Count {
    var failures: [Double] = []
    var lockedUntil: Double = 0
    var lockOuts = 0
  }

  /// A lock-out to log: who or where, and until when.
  public struct LockOut: Sendable, Equatable {
    public var key: String
    public var seconds: Int
  }

  let rules: Rules
  let unlockFile: String?
  private var accounts: [String: Count] = [:]
  private var addresses: [String: Count] = [:]
  private var unlockStamp: String?

  public init(rules: Rules = Rules(), unlockFile: String? = nil) {
    self.rules = rules
    self.unlockFile = unlockFile
  }

  /// Seconds until `account` from `address` may try again; `nil` when it may now.
  public func wait(account: String, address: String, now: Double) -> Int? {
    readUnlocks()
    let until = max(accounts[account]?.lockedUntil ?? 0, addresses[address]?.lockedUntil ?? 0)
    return until > now ? Int((until - now).rounded(.up)) : nil
  }

  /// Counts a failure; returns the lock-outs it starts (the account's, the address's).
  public func failed(account: String, address: String, now: Double) -> [LockOut] {
    prune(now: now)
    var started: [LockOut] = []
    if let lock = count(&accounts[account, default: Count()], now: now) {
      started.append(LockOut(key: "account \(account)", seconds: lock))
    }
    if let lock = count(&addresses[address, default: Count()], now: now) {
      started.append(LockOut(key: "address \(address)", seconds: lock))
    }
    return started
  }

  /// A right password: the account's count starts again.
  public func succeeded(account: String) {
    accounts[account] = nil
  }

  /// Ends an account's lock-out and count.
  public func unlock(account: String) {
    accounts[account] = nil
  }

  private func count(_ entry: inout Count, now: Double) -> Int? {
    entry.failures = entry.failures.filter { now - $0 < rules.window } + [now]
    guard entry.failures.count >= rules.failures, entry.lockedUntil <= now else { return nil }
    let seconds = min(
      rules.longestLock, rules.firstLock * pow(2, Double(min(entry.lockOuts, 30))))
    entry.lockOuts += 1
    entry.lockedUntil = now + seconds
    entry.failures.removeAll()
    return Int(seconds)
  }

  /// Forgets counts nobody has added to within the window, once there are many.
  private func prune(now: Double) {
    func stale(_ entry: Count) -> Bool {
      entry.lockedUntil < now && (entry.failures.last.map { now - $0 >= rules.window } ?? true)
    }
    if accounts.count > 10_000 { accounts = accounts.filter { !stale($0.value) } }
    if addresses.count > 10_000 { addresses = addresses.filter { !stale($0.value) } }
  }

  /// The `.unlock` file, when it changed since last read: each name in it is unlocked.
  private func readUnlocks() {
    guard let unlockFile else { return }
    var info = stat()
    guard stat(unlockFile, &info) == 0 else { return }
    let stamp = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec).\(info.st_size).\(info.st_ino)"
    guard stamp != unlockStamp else { return }
    unlockStamp = stamp
    guard let text = try? String(contentsOfFile: unlockFile, encoding: .utf8) else { return }
    for name in text.split(whereSeparator: \.isNewline) {
      unlock(account: name.trimmingCharacters(in: .whitespaces))
    }
  }

  /// Asks a running desk to end `account`'s lock-out (`serve --unlock NAME`).
  public static func requestUnlock(of account: String, authFile: String) throws {
    try (account + "\n").write(toFile: unlockFile(for: authFile), atomically: true, encoding: .utf8)
  }

  /// The file `--unlock` writes beside an auth file.
  public static func unlockFile(for authFile: String) -> String { authFile + ".unlock" }
}
