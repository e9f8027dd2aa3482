import FactArchiveCore
import FactArchiveStore

extension ClaimOrigin {
  /// A check's claim origin as stored: `checks.claimant` and `checks.claim_date` (from the
  /// caller's row) and the check's `claim_appearances`.
  static func stored(checkID: Int64, claimant: String?, date: Day?, in db: Connection) throws
    -> ClaimOrigin
  {
    let rows = try db.query(
      "SELECT url, first_appearance FROM claim_appearances WHERE check_id = ? ORDER BY position",
      [checkID]
    ) { (url: $0.text("url") ?? "", first: $0.bool("first_appearance")) }
    return ClaimOrigin(
      claimant: claimant, date: date, appearances: rows.map(\.url),
      firstIsNamed: rows.first?.first ?? false)
  }

  /// Who made the claim and when, in words (`claim made by Social media posts on
  /// 2026-04-02`); `nil` when the review says neither.
  public var madeBy: String? {
    let by = claimant.map { " by \($0)" } ?? ""
    let on = date.map { " on \($0.iso)" } ?? ""
    return by.isEmpty && on.isEmpty ? nil : "claim made" + by + on
  }

  /// Each appearance with what it is (`first appearance` for the one the review names so).
  public var labelledAppearances: [(url: String, label: String?)] {
    appearances.enumerated().map {
      ($0.element, $0.offset == 0 && firstIsNamed ? "first appearance" : nil)
    }
  }
}
