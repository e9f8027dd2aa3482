import FactArchiveCore

/// The orders of the refresh queue: the one definition both the SQL `ORDER BY` and the
/// Swift sort are generated from.
///
/// - `tier` (the default): tier by tier (`QueueTier`), inside a tier the most overdue
///   first, then the most citations.
/// - `overdue`: the most overdue first, then the most reasons, then the most citations, a
///   check with a date before one with none.
/// - `citations`: the most cited first, then the most overdue.
///
/// Each ends with the check id, so the order is total and the output deterministic.
public enum QueueOrder: String, Sendable, CaseIterable {
  case tier
  case overdue
  case citations

  /// What an order reads of a check.
  public enum Key: Sendable, CaseIterable {
    case tier
    case dueOn
    case reasonCount
    case citationCount
    /// 1 for a check with no date at all (stated or inferred), else 0.
    case undated
    case checkID
  }

  /// The keys in order, and whether each sorts larger values first.
  public var keys: [(key: Key, descending: Bool)] {
    switch self {
    case .tier:
      return [(.tier, false), (.dueOn, false), (.citationCount, true), (.checkID, false)]
    case .overdue:
      return [
        (.dueOn, false), (.reasonCount, true), (.citationCount, true), (.undated, false),
        (.checkID, false),
      ]
    case .citations:
      return [(.citationCount, true), (.dueOn, false), (.checkID, false)]
    }
  }

  /// The `ORDER BY` terms, given each key as an SQL expression.
  public func sql(_ expression: (Key) -> String) -> String {
    keys.map { expression($0.key) + ($0.descending ? " DESC" : "") }.joined(separator: ", ")
  }

  /// Whether `left` comes before `right`, given each key's value for an item.
  public func isMoreUrgent<Item>(_ left: Item, _ right: Item, value: (Item, Key) -> Int64) -> Bool {
    for (key, descending) in keys {
      let a = value(left, key)
      let b = value(right, key)
      if a != b { return descending ? a > b : a < b }
    }
    return false
  }
}

extension StaleCheck {
  /// This check's value for a key of the queue orders.
  public func priorityValue(_ key: QueueOrder.Key) -> Int64 {
    switch key {
    case .tier: return Int64((tier ?? .onlyOld).rawValue)
    case .dueOn: return Int64(dueOn.daysSinceEpoch)
    case .reasonCount: return Int64(reasons.count)
    case .citationCount: return Int64(citationCount)
    case .undated: return baseDate == nil ? 1 : 0
    case .checkID: return checkID
    }
  }
}
