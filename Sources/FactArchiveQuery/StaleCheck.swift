import FactArchiveStore

/// Why a check may be outdated: a code for scripts and a sentence for editors.
public struct StaleReason: Sendable, Equatable {
  public enum Code: String, Sendable, CaseIterable {
    /// Older than its maximum age.
    case age
    /// The publisher's own "This fact-check may be outdated" banner.
    case publisherFlag = "publisher_flag"
  }

  public var code: Code
  public var detail: String

  public init(code: Code, detail: String) {
    self.code = code
    self.detail = detail
  }
}

/// The latest check of a question, judged stale on a date.
public struct StaleCheck: Sendable, Equatable {
  public var checkID: Int64
  public var questionID: Int64
  public var question: String
  public var checkedOn: Day
  /// Days from the check date to the judging date.
  public var ageDays: Int
  /// The day the check falls due for age.
  public var dueOn: Day
  /// Days past `dueOn` (negative when not yet due).
  public var overdueDays: Int
  public var reasons: [StaleReason]
}
