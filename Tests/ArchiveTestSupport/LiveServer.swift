import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// A Hummingbird application served on a free loopback port for the length of a test (what
/// HummingbirdTesting's `.live` mode does; that package also compiles AsyncHTTPClient and
/// BoringSSL, which a fresh clone's `make test` then waits for). Requests go through
/// `LoopbackHTTP`, so every test meets the server over a real socket.
public enum LiveServer {
  /// A quiet logger for test servers: errors only.
  public static var logger: Logger {
    var logger = Logger(label: "test-server")
    logger.logLevel = .error
    return logger
  }

  /// Runs `app` on 127.0.0.1 at a free port, calls `body` with the port, then shuts the
  /// server down gracefully (also when `body` throws).
  public static func run<App: ApplicationProtocol>(
    _ app: App, _ body: @Sendable (Int) async throws -> Void
  ) async throws {
    let served = Served(base: app)
    try await withThrowingTaskGroup(of: Void.self) { group in
      let services = ServiceGroup(
        configuration: .init(services: [served], gracefulShutdownSignals: [], logger: app.logger))
      group.addTask {
        // A server that stops (or never starts) ends the wait for its port.
        defer { served.portsContinuation.finish() }
        try await services.run()
      }
      var ports = served.ports.makeAsyncIterator()
      guard let port = await ports.next() else {
        try await group.waitForAll()  // the server's own error, when it failed to start
        throw CancellationError()
      }
      do {
        try await body(port)
      } catch {
        await services.triggerGracefulShutdown()
        throw error
      }
      await services.triggerGracefulShutdown()
      try await group.waitForAll()
    }
  }

  /// The application with its address set to a free loopback port, telling the port once
  /// it listens (after HummingbirdTesting's `TestApplication`).
  struct Served<Base: ApplicationProtocol>: ApplicationProtocol, Service {
    typealias Responder = Base.Responder

    let base: Base
    let ports: AsyncStream<Int>
    let portsContinuation: AsyncStream<Int>.Continuation

    init(base: Base) {
      self.base = base
      (ports, portsContinuation) = AsyncStream.makeStream(of: Int.self)
    }

    var responder: Responder { get async throws { try await base.responder } }
    var server: HTTPServerBuilder { base.server }
    var eventLoopGroup: any EventLoopGroup { base.eventLoopGroup }
    var configuration: ApplicationConfiguration {
      base.configuration.with(address: .hostname("127.0.0.1", port: 0))
    }
    var logger: Logger { base.logger }
    var services: [any Service] { base.services }
    var processesRunBeforeServerStart: [@Sendable () async throws -> Void] {
      base.processesRunBeforeServerStart
    }

    @Sendable func onServerRunning(_ channel: any Channel) async {
      await base.onServerRunning(channel)
      portsContinuation.yield(channel.localAddress?.port ?? 0)
      portsContinuation.finish()
    }
  }
}
