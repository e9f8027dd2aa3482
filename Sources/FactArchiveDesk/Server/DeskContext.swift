import FactArchiveCore
import Hummingbird

/// What every handler of the desk gets with a request: its session (and CSRF token) and
/// the editor whose name goes on reviews and snoozes.
public struct DeskContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Set by `SessionMiddleware` for every page.
  public var session: SessionStore.Session?
  /// The signed-in user; on a desk without accounts, the display name or `$USER`.
  public var editor = ""
  /// Whether the desk is read-only (no forms) and has accounts (a sign-out button rather
  /// than a display-name form): set with the session, read by the page layout.
  public var readOnly = false
  public var hasAccounts = false
  /// The signed-in account's role (editors on a desk without accounts).
  public var role = EditorAccounts.Role.editor
  /// The address the connection came from, and the client's (the same, unless a trusted
  /// proxy said otherwise: `ForwardingMiddleware`).
  public var peerAddress: String?
  public var clientAddress = "-"
  /// The client reached the desk over HTTPS (through a trusted proxy): cookies are `Secure`.
  public var secure = false

  public init(source: Source) {
    coreContext = .init(source: source)
    peerAddress = source.channel.remoteAddress?.ipAddress
  }

  /// Whether this request may change the archive: a read-write desk, and not a viewer.
  public var canEdit: Bool { !readOnly && role == .editor }

  /// The largest request body the desk reads: forms are small.
  public var maxUploadSize: Int { DeskConfiguration.largestBody }
}

/// How a desk runs.
public struct DeskConfiguration: Sendable {
  /// Forms are a few fields: a body over this (64 KiB) is refused with 413.
  public static let largestBody = 64 * 1024
  /// Files uploaded to "Add to the archive" at once: at most this (64 MiB) in all, each at
  /// most `maxBytes`.
  public static let largestUpload = 64 << 20
  /// The largest page or file the desk reads (as `ingest --max-bytes`).
  public var maxBytes = 16 << 20
  /// Seconds a fetch may go without a byte (the Add page; as `fetch`).
  public var fetchIdleSeconds = 10.0
  /// Fetch private and loopback addresses too (`--allow-private-fetch`).
  public var allowsPrivateFetch = false

  public var archivePath: String
  /// Open the archive read-only: pages work, forms are not shown, and any POST answers 405.
  public var readOnly: Bool
  /// Accounts from `--auth-file`: every page asks for a sign-in. `nil` on loopback without.
  public var accounts: EditorAccounts?
  /// The TLS-terminating proxy in front of the desk (`--behind-proxy`): its forwarding
  /// headers are believed, and nobody else's.
  public var trustedProxy: String?
  /// How failed sign-ins are limited, and the file `--unlock` writes.
  public var throttleRules = SignInThrottle.Rules()
  public var unlockFile: String?
  /// The editor's name when there are no accounts and the page has not set one (`$USER`).
  public var defaultEditor: String
  /// Rows per page of the queue and of search results.
  public var pageSize: Int
  /// The day pages are judged for when they do not say (`?as_of=`): today, local time.
  public var today: @Sendable () -> Day
  /// The UTC time recorded with reviews and snoozes.
  public var now: @Sendable () -> String

  public init(
    archivePath: String, readOnly: Bool = false, accounts: EditorAccounts? = nil,
    trustedProxy: String? = nil, unlockFile: String? = nil,
    defaultEditor: String, pageSize: Int = 50,
    today: @escaping @Sendable () -> Day = { Day.today() },
    now: @escaping @Sendable () -> String = { Timestamp.nowUTC() }
  ) {
    self.archivePath = archivePath
    self.readOnly = readOnly
    self.accounts = accounts
    self.trustedProxy = trustedProxy
    self.unlockFile = unlockFile
    self.defaultEditor = defaultEditor
    self.pageSize = pageSize
    self.today = today
    self.now = now
  }
}
