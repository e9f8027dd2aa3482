/// The tiers of the refresh queue, taken one after another so the few checks most likely to
/// be wrong now are not buried under the many that are merely old. Stored as
/// `checks.queue_tier` (its number); which tier a check is in is decided by the policy
/// (`QueueTier.of` in `FactArchivePolicy`).
public enum QueueTier: Int, Sendable, CaseIterable, Codable, Comparable {
  /// An editor marked it as needing an update.
  case needsUpdate = 1
  /// The publisher's banner (not dismissed by a review), or newer evidence.
  case bannerOrEvidence = 2
  /// Time-bound wording.
  case timeSensitive = 3
  /// Only old (or undated).
  case onlyOld = 4

  /// What a tier holds, for editors: "needs update", "banner or newer evidence", ...
  public var name: String {
    switch self {
    case .needsUpdate: return "needs update"
    case .bannerOrEvidence: return "banner or newer evidence"
    case .timeSensitive: return "time-sensitive"
    case .onlyOld: return "only old"
    }
  }

  /// `1 needs update`: the tier's number and name, as the report counts it.
  public var label: String { "\(rawValue) \(name)" }

  public static func < (left: QueueTier, right: QueueTier) -> Bool {
    left.rawValue < right.rawValue
  }
}
