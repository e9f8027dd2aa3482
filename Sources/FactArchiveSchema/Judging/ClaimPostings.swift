import FactArchiveStore

/// Which questions use each claim word, held in memory for one writer: the candidates of a
/// claim are found by merging a few lists of ids instead of asking the full-text index each
/// time (an FTS5 query costs 30–250 µs at 100,000 questions whatever it matches; a merge of
/// the lists costs a few µs). A word's list is read from `questions_fts` the first time it is
/// asked for, then kept up to date as questions are added by this writer.
///
/// Lists hold ids in ascending order. A question merged away by another process while the
/// writer runs stays in a list; the caller skips ids whose row is gone.
final class ClaimPostings {
  private var lists: [String: [Int64]] = [:]
  private var held = 0
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
    lists[term] = ids
    held += ids.count
    return ids
  }

  /// A question just added (after every id in the lists).
  func add(_ questionID: Int64, terms: [String]) {
    for term in terms where lists[term] != nil {
      if let last = lists[term]?.last, last >= questionID { continue }
      lists[term]?.append(questionID)
      held += 1
    }
  }

  func forget() {
    lists.removeAll(keepingCapacity: true)
    held = 0
  }

  /// The ids in at least two of `lists` (the lists of a claim's rarest words, rarest
  /// first), below `below`: those in the most lists first, then the newest; at most `limit`.
  /// Each list is walked from its newest end, the rarest word's at most `walk` ids and the
  /// others' a tenth of that, so a long list costs little; each id is looked up in the other
  /// lists by binary search.
  static func inTwo(of lists: [[Int64]], limit: Int, below: Int64, walk: Int = 1_000)
    -> [Int64]
  {
    var hits: [Int64: Int] = [:]
    for (index, list) in lists.enumerated() {
      var position = list.count - 1
      var walked = 0
      let most = index == 0 ? walk : walk / 10
      while position >= 0, walked < most {
        let id = list[position]
        position -= 1
        guard id < below, hits[id] == nil else { continue }
        walked += 1
        var count = 1
        for (other, otherList) in lists.enumerated() where other != index {
          if contains(otherList, id) { count += 1 }
        }
        if count >= 2 { hits[id] = count }
      }
    }
    return hits.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(limit).map(\.key)
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
