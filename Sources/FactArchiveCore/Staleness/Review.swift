/// What an editor concluded on re-checking a check.
public enum ReviewVerdict: String, Sendable, CaseIterable, Codable {
  /// Still right: its clock restarts on the review day.
  case stillAccurate = "still_accurate"
  /// Wrong now: it stays at the top of the queue until a newer check of the question lands.
  case needsUpdate = "needs_update"
  /// Taken down: it leaves the queue for good.
  case withdrawn

  /// As typed on the command line: `still-accurate`, `needs-update`, `withdrawn`.
  public var argument: String { rawValue.replacingUnderscores() }

  public init?(argument: String) {
    self.init(rawValue: String(argument.map { $0 == "-" ? "_" : $0 }))
  }

  /// In sentences: "found still accurate", "marked needs update", "withdrawn".
  public var phrase: String {
    switch self {
    case .stillAccurate: return "found still accurate"
    case .needsUpdate: return "marked needs update"
    case .withdrawn: return "withdrawn"
    }
  }

  /// The check is aged from the review day rather than its own date, and the publisher's
  /// banner no longer counts (the editor has seen it).
  public var restartsClock: Bool { self == .stillAccurate }

  /// Verdicts whose checks the queue lists no more.
  public var leavesQueue: Bool { self == .withdrawn }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" ? "-" : $0 })
  }
}

/// One editor's review of a check. Every review is kept; the latest counts.
public struct Review: Sendable, Equatable {
  public var id: Int64
  public var checkID: Int64
  public var verdict: ReviewVerdict
  public var note: String
  /// The day the check was reviewed (`--on`, else the day it was recorded).
  public var reviewedOn: Day
  public var reviewedBy: String
  /// UTC time it was recorded.
  public var createdAt: String

  public init(
    id: Int64, checkID: Int64, verdict: ReviewVerdict, note: String, reviewedOn: Day,
    reviewedBy: String, createdAt: String
  ) {
    self.id = id
    self.checkID = checkID
    self.verdict = verdict
    self.note = note
    self.reviewedOn = reviewedOn
    self.reviewedBy = reviewedBy
    self.createdAt = createdAt
  }
}
