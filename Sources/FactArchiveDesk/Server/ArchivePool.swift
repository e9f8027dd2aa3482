import FactArchiveSchema
import FactArchiveStore
import NIOPosix

/// A small pool of connections to the archive, one request at a time on each.
///
/// A `Connection` is used by one thread at a time (it is opened without SQLite's own mutex);
/// the pool hands each connection to one request, and runs the work on NIO's blocking
/// thread pool, so a query (or a write waiting for the lock an ingest holds) never holds up
/// the event loops or Swift's cooperative threads. Readers never block writers: the archive
/// is in WAL mode, and each request reads the latest committed state, so an ingest running
/// in another process shows on the next page load.
public actor ArchivePool {
  /// One connection, lent to one request at a time by the pool.
  final class Lease: @unchecked Sendable {
    // Safe: the pool gives a connection to one task at a time, and takes it back after.
    let db: Connection
    init(_ db: Connection) { self.db = db }
  }

  public let path: String
  public let readOnly: Bool
  private let size: Int
  private var idle: [Lease] = []
  private var opened = 0
  private var waiters: [CheckedContinuation<Lease, Never>] = []

  /// Opens the first connection now, so a bad path fails at start and not on a request.
  public init(path: String, readOnly: Bool, size: Int = 4) throws {
    self.path = path
    self.readOnly = readOnly
    self.size = max(1, size)
    idle = [Lease(try Self.open(path: path, readOnly: readOnly))]
    opened = 1
  }

  /// How long a desk write waits for the write lock an ingest may hold, in milliseconds: a
  /// desk write is one small transaction, and an editor would rather see "busy, try again"
  /// than a page that hangs behind a long batch.
  static let busyTimeout: Int32 = 10_000

  static func open(path: String, readOnly: Bool) throws -> Connection {
    readOnly
      ? try Connection.openArchiveReadOnly(path: path, busyTimeout: busyTimeout)
      : try Connection.openArchive(path: path, busyTimeout: busyTimeout)
  }

  /// Runs `body` with a connection of its own, on the blocking thread pool.
  public func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws
    -> T
  {
    let connection = try await checkOut()
    defer { checkIn(connection) }
    return try await NIOThreadPool.singleton.runIfActive { try body(connection.db) }
  }

  private func checkOut() async throws -> Lease {
    if let connection = idle.popLast() { return connection }
    if opened < size {
      opened += 1
      do {
        return Lease(try Self.open(path: path, readOnly: readOnly))
      } catch {
        opened -= 1
        throw error
      }
    }
    return await withCheckedContinuation { waiters.append($0) }
  }

  private func checkIn(_ connection: Lease) {
    if waiters.isEmpty {
      idle.append(connection)
    } else {
      waiters.removeFirst().resume(returning: connection)
    }
  }
}

/// Work that blocks (bcrypt, on purpose slow) on NIO's blocking thread pool.
enum NIOThreadPoolRunner {
  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
  }
}
