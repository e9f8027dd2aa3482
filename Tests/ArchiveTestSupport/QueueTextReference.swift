import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveStore

/// The queue filtered by question text, found the slow way: the whole queue, each check's
/// question compared as LIKE compares (any case for ASCII letters only).
public func queueComparingEachQuestion(_ text: String, asOf: Day, in db: Connection) throws
  -> [StaleCheck]
{
  try StaleQueue(asOf: asOf).run(on: db).filter { likeContains($0.question, text) }
}

/// `haystack LIKE '%needle%'`, without wildcards: bytes equal, or ASCII letters equal in any
/// case.
func likeContains(_ haystack: String, _ needle: String) -> Bool {
  func folded(_ text: String) -> [UInt8] {
    text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
  }
  let (hay, pin) = (folded(haystack), folded(needle))
  guard !pin.isEmpty else { return true }
  guard hay.count >= pin.count else { return false }
  return (0...(hay.count - pin.count)).contains { hay[$0..<$0 + pin.count].elementsEqual(pin) }
}

/// Where the queue's text filter, listed and counted by tier, gives other checks than
/// comparing every question, for each of `texts`, with `queue` set by `adjust`: one line per
/// difference, none when they agree. Also how many texts were counted (`tierCounts` not
/// `nil`).
public func textFilterDifferences(
  _ texts: [String], asOf: Day, in db: Connection,
  adjusting adjust: (inout StaleQueue) -> Void = { _ in }
) throws -> (differences: [String], counted: Int) {
  var differences: [String] = []
  var counted = 0
  for text in texts {
    let expected = try queueComparingEachQuestion(text, asOf: asOf, in: db)
    var queue = StaleQueue(asOf: asOf)
    queue.text = text
    adjust(&queue)
    let listed = try queue.run(on: db).map(\.checkID)
    if listed != expected.map(\.checkID) {
      differences.append("'\(text)': listed \(listed), expected \(expected.map(\.checkID))")
    }
    guard let counts = try queue.tierCounts(on: db) else { continue }
    counted += 1
    var tiers: [QueueTier: Int] = [:]
    for check in expected {
      if let tier = check.tier { tiers[tier, default: 0] += 1 }
    }
    if counts.filter({ $0.value > 0 }) != tiers {
      differences.append("'\(text)': counted \(counts), expected \(tiers)")
    }
  }
  return (differences, counted)
}
