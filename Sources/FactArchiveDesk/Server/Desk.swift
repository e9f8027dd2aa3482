import FactArchiveCore
import Hummingbird
import Logging

/// The editors' desk: a small web application over the archive, the same library calls as
/// the CLI behind thin routes (`Routes/`), rendered through the one HTML builder (`Pages/`).
///
/// ```swift
/// let desk = try Desk(configuration: .init(archivePath: "factarchive.sqlite", defaultEditor: "ana"))
/// try await desk.application(host: "127.0.0.1", port: 8080).runService()
/// ```
public struct Desk: Sendable {
  public let configuration: DeskConfiguration
  public let pool: ArchivePool
  let sessions = SessionStore()
  let log: @Sendable (String) -> Void
  /// Failed sign-ins, counted while the desk runs.
  let throttle: SignInThrottle

  /// Opens the archive (read-only when configured), failing now if it cannot be opened.
  public init(configuration: DeskConfiguration, log: @escaping @Sendable (String) -> Void) throws {
    self.configuration = configuration
    self.pool = try ArchivePool(path: configuration.archivePath, readOnly: configuration.readOnly)
    self.log = log
    self.throttle = SignInThrottle(
      rules: configuration.throttleRules, unlockFile: configuration.unlockFile)
  }

  var signIn: SignIn? {
    configuration.accounts.map {
      SignIn(accounts: $0, throttle: throttle, log: log, now: configuration.now)
    }
  }

  /// Every route, behind the desk's middleware (outermost first): the request log,
  /// security headers, error pages, the trusted proxy's forwarding, the session and
  /// sign-in, who may change the archive (read-only desks, viewers), CSRF. Routes
  /// come in controllers (`Controllers/`), each adding its own to a group; every GET also
  /// answers HEAD, without its body.
  public func router() -> Router<DeskContext> {
    let router = Router(context: DeskContext.self, options: .autoGenerateHeadEndpoints)
    let forwarding = Forwarding(trustedProxy: configuration.trustedProxy)
    router.add(middleware: RequestLogMiddleware(log: log, forwarding: forwarding))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(log: log))
    router.add(middleware: ForwardingMiddleware(forwarding: forwarding))
    router.add(
      middleware: SessionMiddleware(
        sessions: sessions, configuration: configuration, signIn: signIn))
    router.add(middleware: ChangesMiddleware())
    router.add(middleware: CSRFMiddleware())
    QueueController(pool: pool, configuration: configuration).addRoutes(to: router.group())
    ChecksController(pool: pool, configuration: configuration)
      .addRoutes(to: router.group("checks"))
    SearchController(pool: pool, configuration: configuration)
      .addRoutes(to: router.group("search"))
    QuestionsController(pool: pool, configuration: configuration)
      .addRoutes(to: router.group("questions"))
    SourcesController(pool: pool).addRoutes(to: router.group("sources"))
    router.group("documents").get(":id", use: SourcesController(pool: pool).rejected)
    AddController(pool: pool, configuration: configuration).addRoutes(to: router.group("add"))
    ReportsController(pool: pool).addRoutes(to: router.group("reports"))
    AccountController(configuration: configuration, sessions: sessions, signIn: signIn)
      .addRoutes(to: router.group())
    APIController(pool: pool, configuration: configuration).addRoutes(to: router.group("api"))
    AssetsController().addRoutes(to: router.group())
    return router
  }

  /// The desk as a server on `host:port` (port 0: any free port); `onRunning` gets the port
  /// it listens on. `runService()` stops it cleanly on SIGINT and SIGTERM.
  public func application(
    host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "factarchive.desk")
    logger.logLevel = .warning
    return Application(
      router: router(),
      configuration: .init(address: .hostname(host, port: port), serverName: "FactArchive"),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }

  /// Whether `host` is a loopback address: the desk serves it without accounts.
  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }
}
