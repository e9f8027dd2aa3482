import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery

/// The queue's filters as a page or `/api/stale` reads them from the query string, with the
/// same meaning as `factarchive stale`'s options. A value that cannot be read is a 400 that
/// says which and why.
struct QueueFilters: Sendable {
  var asOf: Day
  var topic: String?
  var reason: StaleReason.Code?
  var tier: QueueTier?
  /// Only other publishers' checks whose rating has this class (`?rating=false`).
  var ratingClass: RatingClass?
  var text: String?
  var order: QueueOrder = .tier
  var limit: Int?
  var page = 1

  init(_ query: QueueQuery, today: Day) throws(DeskError) {
    asOf = try Self.day(query.asOf?.nonEmpty, name: "as_of") ?? today
    topic = query.topic?.nonEmpty
    text = query.q?.nonEmpty
    if let code = query.reason?.nonEmpty {
      guard let reason = StaleReason.Code(rawValue: code) else {
        throw .badRequest(
          "reason: '\(code)' is not a reason; use one of "
            + StaleReason.Code.allCases.map(\.rawValue).joined(separator: ", ") + ".")
      }
      self.reason = reason
    }
    tier = try Self.number(query.tier?.nonEmpty, name: "tier", in: 1...4)
      .flatMap(QueueTier.init(rawValue:))
    if let name = query.order?.nonEmpty {
      guard let order = QueueOrder(rawValue: name) else {
        throw .badRequest("order: '\(name)' is not an order; use tier, overdue or citations.")
      }
      self.order = order
    }
    if let name = query.rating?.nonEmpty {
      guard let rating = RatingClass(argument: name) else {
        throw .badRequest(
          "rating: '\(name)' is not a rating class; use one of "
            + RatingClass.allCases.map(\.argument).joined(separator: ", ") + ".")
      }
      ratingClass = rating
    }
    limit = try Self.number(query.limit?.nonEmpty, name: "limit", in: 1...100_000)
    page = try Self.number(query.page?.nonEmpty, name: "page", in: 1...100_000) ?? 1
  }

  /// The queue for one page of `size` rows (one more is asked for, to know if another page
  /// follows).
  func queue(pageSize size: Int) -> StaleQueue {
    var queue = StaleQueue(asOf: asOf, topic: topic, reason: reason, limit: size + 1, order: order)
    queue.tier = tier
    queue.text = text
    queue.ratingClass = ratingClass
    queue.offset = (page - 1) * size
    return queue
  }

  /// The queue as `stale` would run it (for `/api/stale`).
  var fullQueue: StaleQueue {
    var queue = StaleQueue(asOf: asOf, topic: topic, reason: reason, limit: limit, order: order)
    queue.tier = tier
    queue.text = text
    queue.ratingClass = ratingClass
    return queue
  }

  /// The query string's fields for a link to this list, with `set` changed and `clear`
  /// left out.
  func fields(set changes: [String: String] = [:], clear: Set<String> = []) -> [(String, String?)] {
    var fields: [(String, String?)] = [
      ("as_of", asOf.iso), ("topic", topic), ("reason", reason?.rawValue),
      ("tier", tier.map { String($0.rawValue) }), ("q", text),
      ("rating", ratingClass?.argument),
      ("order", order == .tier ? nil : order.rawValue), ("page", page > 1 ? String(page) : nil),
    ]
    for (index, field) in fields.enumerated() {
      if let change = changes[field.0] { fields[index].1 = change }
      if clear.contains(field.0) { fields[index].1 = nil }
    }
    return fields
  }

  static func day(_ text: String?, name: String) throws(DeskError) -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else {
      throw .badRequest("\(name): '\(text)' is not a date; write it as YYYY-MM-DD (2026-11-23).")
    }
    return day
  }

  static func number(_ text: String?, name: String, in range: ClosedRange<Int>) throws(DeskError)
    -> Int?
  {
    guard let text else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw .badRequest(
        "\(name): '\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound).")
    }
    return value
  }
}
