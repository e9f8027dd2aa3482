import FactArchiveStore

/// Which questions use each claim word, held in memory for one writer: the candidates of a
/// claim are found by merging a few lists of ids instead of asking the full-text index each
/// time (an FTS5 query costs 30–250 µs at 100,000 questions whatever it matches; a merge of
/// the lists costs a few µs). A word's list is read from `questions_fts` the first time it is
/// asked for, then kept up to date as questions are added by this writer.
///
/// Lists hold ids in ascending order. A question merged away by another process while the
/// writer runs stays in a list; the caller skips ids whose row is gone.
///
/// While a writer's batch leaves the questions' index rows for its end
/// (`holdingUnindexed`), the questions it adds are kept here by word too, and a list read from
/// the index meanwhile gets them appended: the index does not have them yet.
final class ClaimPostings {
  private var lists: [String: [Int64]] = [:]
  private var held = 0
  /// The questions added and not yet in `questions_fts`, by claim word; `nil` when each
  /// question's index row is written with it.
  private var unindexed: [String: [Int64]]?
  /// The most ids held before the lists are dropped and read again as asked for.
  static let capacity = 4_000_000

  /// The questions using `term` (written `surface`, as the full-text index is asked).
  func ids(of term: String, surface: String, in db: Connection) throws -> [Int64] {
    if let known = lists[term] { return known }
    if held > Self.capacity { forget() }
    let statement = try db.cachedStatement(
      "SELECT rowid FROM questions_fts WHERE questions_fts MATCH :word ORDER BY rowid")
    try statement.bind(Quoting.doubleQuoted(surface), to: ":word")
    var ids: [Int64] = []
    try statement.forEachRow { ids.append($0.int64(at: 0)) }
    if let added = unindexed?[term] {
      let last = ids.last ?? Int64.min
      ids.append(contentsOf: added.lazy.filter { $0 > last })
    }
    lists[term] = ids
    held += ids.count
    return ids
  }

  /// A question just added (after every id in the lists).
  func add(_ questionID: Int64, terms: [String]) {
    if unindexed != nil {
      for term in terms { unindexed?[term, default: []].append(questionID) }
    }
    for term in terms where lists[term] != nil {
      if let last = lists[term]?.last, last >= questionID { continue }
      lists[term]?.append(questionID)
      held += 1
    }
  }

  /// Runs `body` with the questions added meanwhile kept by word, for lists read from an
  /// index that does not have them yet; `body` writes their index rows before it returns.
  func holdingUnindexed<T>(_ body: () throws -> T) rethrows -> T {
    unindexed = [:]
    defer { unindexed = nil }
    return try body()
  }

  func forget() {
    lists.removeAll(keepingCapacity: true)
    held = 0
  }

  /// Forgets the questions after `questionID` (rolled back: their ids will be given again).
  func forget(after questionID: Int64) {
    for (term, ids) in lists where (ids.last ?? Int64.min) > questionID {
      let kept = ids.prefix { $0 <= questionID }
      held -= ids.count - kept.count
      lists[term] = Array(kept)
    }
  }

  /// The ids in at least two of `lists` (the lists of a claim's rarest words, rarest
  /// first), below `below`: those in the most lists first, then the newest; at most `limit`.
  /// The lists are merged from their newest ends, the rarest word's at most `walk` ids and
  /// the pair of the others a tenth of that, so long lists cost little.
  static func inTwo(of lists: [[Int64]], limit: Int, below: Int64, walk: Int = 400) -> [Int64] {
    guard lists.count >= 2 else { return [] }
    var found: [(count: Int, id: Int64)] = []
    // Each id of the rarest word's list, with the others that hold it: the others are
    // searched from where the last id was found, galloping back (they may be far longer).
    var walked = 0
    var position = lists[0].count - 1
    var cursors = lists.map { $0.count - 1 }
    while position >= 0, walked < walk {
      let id = lists[0][position]
      position -= 1
      guard id < below else { continue }
      walked += 1
      var count = 1
      for other in 1..<lists.count {
        cursors[other] = gallop(lists[other], to: id, from: cursors[other])
        if cursors[other] >= 0, lists[other][cursors[other]] == id { count += 1 }
      }
      if count >= 2 { found.append((count, id)) }
    }
    // Ids in both other lists but not the rarest word's.
    if lists.count == 3 {
      let (second, third) = (lists[1], lists[2])
      var (i, j) = (second.count - 1, third.count - 1)
      var (steps, moves) = (0, 0)
      while i >= 0, j >= 0, steps < walk / 10, moves < walk * 4 {
        moves += 1
        let (a, b) = (second[i], third[j])
        if a > b {
          i -= 1
        } else if b > a {
          j -= 1
        } else {
          if a < below, !contains(lists[0], a) {
            found.append((2, a))
            steps += 1
          }
          i -= 1
          j -= 1
        }
      }
    }
    return found.sorted { ($0.count, $0.id) > ($1.count, $1.id) }.prefix(limit).map(\.id)
  }

  /// In an ascending list, the last position at or before `from` whose id is at most `id`
  /// (-1 when none): steps back 1, 2, 4, … then searches between.
  static func gallop(_ list: [Int64], to id: Int64, from: Int) -> Int {
    guard from >= 0, list[from] > id else { return from }
    var high = from
    var step = 1
    var low = from - step
    while low >= 0, list[low] > id {
      high = low
      step *= 2
      low = from - step
    }
    // list[high] > id; list[max(low, -1)] <= id, or none.
    var lower = max(low, -1)
    while high - lower > 1 {
      let middle = (lower + high) / 2
      if list[middle] > id { high = middle } else { lower = middle }
    }
    return lower
  }

  /// Binary search in an ascending list.
  static func contains(_ list: [Int64], _ id: Int64) -> Bool {
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low < list.count && list[low] == id
  }
}
