import FactArchiveCore

/// The order of the refresh queue, most urgent first: the one definition both the SQL
/// `ORDER BY` and the Swift sort are generated from.
///
/// 1. the earliest due date (the longest overdue);
/// 2. the most reasons;
/// 3. the most citations;
/// 4. a check with a date before one with no date at all;
/// 5. the lower check id (a stable tie-break).
public enum PriorityOrder {
  /// What the order reads of a check.
  public enum Key: Sendable, CaseIterable {
    case dueOn
    case reasonCount
    case citationCount
    /// 1 for a check with no date at all (stated or inferred), else 0.
    case undated
    case checkID
  }

  /// The keys in order, and whether each sorts larger values first.
  public static let keys: [(key: Key, descending: Bool)] = [
    (.dueOn, false), (.reasonCount, true), (.citationCount, true), (.undated, false),
    (.checkID, false),
  ]

  /// The `ORDER BY` terms, given each key as an SQL expression.
  public static func sql(_ expression: (Key) -> String) -> String {
    keys.map { expression($0.key) + ($0.descending ? " DESC" : "") }.joined(separator: ", ")
  }

  /// Whether `left` comes before `right`, given each key's value for an item.
  public static func isMoreUrgent<Item>(
    _ left: Item, _ right: Item, value: (Item, Key) -> Int64
  ) -> Bool {
    for (key, descending) in keys {
      let a = value(left, key)
      let b = value(right, key)
      if a != b { return descending ? a > b : a < b }
    }
    return false
  }
}

extension StaleCheck {
  /// This check's value for a key of the priority order.
  public func priorityValue(_ key: PriorityOrder.Key) -> Int64 {
    switch key {
    case .dueOn: return Int64(dueOn.daysSinceEpoch)
    case .reasonCount: return Int64(reasons.count)
    case .citationCount: return Int64(citationCount)
    case .undated: return baseDate == nil ? 1 : 0
    case .checkID: return checkID
    }
  }
}
