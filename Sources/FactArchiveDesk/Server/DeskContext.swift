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
  public init(source: Source) {
    coreContext = .init(source: source)
  }

  /// The largest request body the desk reads: forms are small.
  public var maxUploadSize: Int { DeskConfiguration.largestBody }
}

/// How a desk runs.
public struct DeskConfiguration: Sendable {
  /// Forms are a few fields: a body over this (64 KiB) is refused with 413.
  public static let largestBody = 64 * 1024

  public var archivePath: String
  /// Open the archive read-only: pages work, forms are not shown, and any POST answers 405.
  public var readOnly: Bool
  /// Accounts from `--auth-file`: every page asks for a sign-in. `nil` on loopback without.
  public var accounts: EditorAccounts?
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
    defaultEditor: String, pageSize: Int = 50,
    today: @escaping @Sendable () -> Day = { Day.today() },
    now: @escaping @Sendable () -> String = { Timestamp.nowUTC() }
  ) {
    self.archivePath = archivePath
    self.readOnly = readOnly
    self.accounts = accounts
    self.defaultEditor = defaultEditor
    self.pageSize = pageSize
    self.today = today
    self.now = now
  }
}
