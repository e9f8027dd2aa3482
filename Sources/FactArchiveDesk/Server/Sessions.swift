#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Browser sessions: a random id in a cookie, and what the desk knows of it (the signed-in
/// editor, the CSRF token every form carries). Held in memory: a restart signs everyone out.
public actor SessionStore {
  public struct Session: Sendable, Equatable {
    public var id: String
    /// The token each form carries in its `csrf` field; a POST without it is refused.
    public var csrf: String
    /// The signed-in editor, when the desk has accounts.
    public var user: String?
    var lastSeen: Double
  }

  /// Sessions idle for longer than this end (seconds).
  public static let idleLifetime: Double = 12 * 3600
  /// At most this many sessions are kept; the longest idle go first.
  public static let mostSessions = 10_000

  private var sessions: [String: Session] = [:]

  public init() {}

  /// The session with this id, when it exists and has not expired.
  public func session(id: String?) -> Session? {
    guard let id, var session = sessions[id] else { return nil }
    let now = Self.now()
    guard now - session.lastSeen <= Self.idleLifetime else {
      sessions[id] = nil
      return nil
    }
    session.lastSeen = now
    sessions[id] = session
    return session
  }

  /// A new session (for a signed-in `user`, or anonymous).
  public func create(user: String? = nil) -> Session {
    if sessions.count >= Self.mostSessions { evictOldest() }
    let session = Session(
      id: Self.token(), csrf: Self.token(), user: user, lastSeen: Self.now())
    sessions[session.id] = session
    return session
  }

  public func end(id: String) {
    sessions[id] = nil
  }

  private func evictOldest() {
    let cutoff = Self.now() - Self.idleLifetime
    sessions = sessions.filter { $0.value.lastSeen >= cutoff }
    if sessions.count >= Self.mostSessions,
      let oldest = sessions.min(by: { $0.value.lastSeen < $1.value.lastSeen })
    {
      sessions[oldest.key] = nil
    }
  }

  /// 32 random bytes as hex.
  static func token() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for _ in 0..<32 {
      let byte = UInt8.random(in: 0...255, using: &generator)
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// Compares two tokens in time that does not depend on where they differ.
  public static func sameToken(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8)
    let right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for (x, y) in zip(left, right) { difference |= x ^ y }
    return difference == 0
  }
}
