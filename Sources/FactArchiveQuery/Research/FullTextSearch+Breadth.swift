import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// How broad a query is: the rows its words and prefixes reach, read before it runs, so
/// that a broad query is answered newest first instead of ranked over every row.
extension FullTextSearch {
  /// Whether a word of the query, or the query itself, matches more than `broadRows` rows of
  /// the indexes searched, together: ranking scores every row a query matches in each index,
  /// so what it costs is the sum. One probe per word and index, then one per index for the
  /// query, each stopping once the rows counted so far pass `broadRows`.
  func isBroad(prefixes: [String: (terms: [String], documents: Int)?], on db: Connection) throws
    -> Bool
  {
    var probes = SearchTerms.words(query)
    if probes.isEmpty { probes = [query] }
    // A bare prefix (subsid*) is measured by its terms' counts: FTS5 would first gather every
    // row of every term it covers, whatever the LIMIT.
    for case (_, let terms?) in prefixes where terms.documents > broadRows {
      return true
    }
    probes.removeAll { probe in
      probe.hasSuffix("*")
        && prefixes[String(probe.dropFirst().dropLast(2)).lowercased()] != nil
    }
    // Then the whole query, for words that are each below the line but not together
    // (`cobalt OR lithium`): each of its words is known to be in at most `broadRows` rows,
    // so this probe walks at most that many rows per word.
    if probes != [query] { probes.append(query) }
    for phrase in probes {
      var reached = 0
      for (_, source) in searched {
        // An index without the column a `column:word` query names matches nothing.
        let rows = try? db.queryFirst(
          """
          SELECT count(*) FROM (SELECT rowid FROM \(source.table) WHERE \(source.table) MATCH ?
          LIMIT ?)
          """, [phrase, broadRows - reached + 1], { $0.int(at: 0) })
        reached += rows ?? 0
        if reached > broadRows { return true }
      }
    }
    return false
  }

  /// The most terms a prefix is rewritten into (a prefix covering more is left to FTS5).
  static let mostPrefixTerms = 64

  /// The terms of the indexes that start with `prefix` (read from `fts5vocab` tables), and
  /// how many rows hold them (summed over terms and indexes: at least the rows the prefix
  /// matches); `nil` when there are none or too many to rewrite.
  func expansion(of prefix: String, on db: Connection) throws -> (terms: [String], documents: Int)?
  {
    guard !prefix.isEmpty else { return nil }
    var terms: Set<String> = []
    var documents = 0
    for (_, source) in searched {
      let vocabulary = "search_vocabulary_" + source.table
      do {
        try db.execute(
          "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(vocabulary) USING fts5vocab(main, \(source.table), 'row')"
        )
      } catch {
        // A connection that may not create even temporary tables: FTS5 reads the prefix.
        return nil
      }
      let rows = try db.query(
        "SELECT term, doc FROM temp.\(vocabulary) WHERE term >= ? AND term < ? LIMIT ?",
        [prefix, prefix + "\u{10FFFF}", Self.mostPrefixTerms + 1]
      ) { ($0.text("term") ?? "", $0.int("doc")) }
      if rows.count > Self.mostPrefixTerms { return nil }
      for (term, count) in rows {
        terms.insert(term)
        documents += count
      }
    }
    return terms.isEmpty ? nil : (terms.sorted(), documents)
  }
}
