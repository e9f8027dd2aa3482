/// The nightly report's "Feeds" section: how evidence arrived by itself since the last
/// report (`factarchive fetch`).
public struct FeedsSection: Sendable, Equatable, Codable {
  /// Addresses requested since the previous report (a feed polled nightly counts once).
  public var fetched: Int
  /// Feed items that became sources since the previous report.
  public var newItems: Int
  /// Addresses whose last request failed, longest failing first.
  public var failing: [FailingFeed]

  public init(fetched: Int, newItems: Int, failing: [FailingFeed]) {
    self.fetched = fetched
    self.newItems = newItems
    self.failing = failing
  }

  enum CodingKeys: String, CodingKey {
    case fetched
    case newItems = "new_items"
    case failing
  }
}

/// A feed or page whose requests have failed since `since`.
public struct FailingFeed: Sendable, Equatable, Codable {
  public var url: String
  /// The last failure (`HTTP 404`, `timed out after 30 s`).
  public var error: String
  /// UTC time of the first failure in a row.
  public var since: String

  public init(url: String, error: String, since: String) {
    self.url = url
    self.error = error
    self.since = since
  }
}
