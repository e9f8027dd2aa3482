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
  func isBroad(prefixes: [String: [String]?], on db: Connection) throws -> Bool {
    var probes = SearchTerms.words(query)
    if probes.isEmpty { probes = [query] }
    // A bare prefix (subsid*) is measured as the terms it covers, OR-ed: FTS5 would first
    // gather every row of every term a prefix covers, whatever the LIMIT.
    probes = probes.map { probe in
      guard probe.hasSuffix("*"),
        case let terms?? = prefixes[String(probe.dropFirst().dropLast(2)).lowercased()]
      else { return probe }
      return Self.anyOf(terms)
    }
    // Then the whole query, for words that are each below the line but not together
    // (`cobalt OR lithium`): each of its words is known to be in at most `broadRows` rows,
    // so this probe walks at most that many rows per word.
    let whole = rewritten(prefixes)
    if probes != [whole] { probes.append(whole) }
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

  /// The terms of the indexes that start with `prefix`, read from `fts5vocab` 'instance'
  /// tables one term at a time (each a seek: a 'row' table counts every row of each term it
  /// lists, 97 ms for `audit*` at a million articles against 10 ms); `nil` when there are
  /// none or too many to rewrite.
  func expansion(of prefix: String, on db: Connection) throws -> [String]? {
    guard !prefix.isEmpty else { return nil }
    var terms: Set<String> = []
    let end = prefix + "\u{10FFFF}"
    for (_, source) in searched {
      let vocabulary = "search_terms_" + source.table
      do {
        try db.execute(
          "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(vocabulary) USING fts5vocab(main, \(source.table), 'instance')"
        )
      } catch {
        // A connection that may not create even temporary tables: FTS5 reads the prefix.
        return nil
      }
      var from = prefix
      while let term = try db.queryFirst(
        "SELECT term FROM temp.\(vocabulary) WHERE term >= ? AND term < ? LIMIT 1", [from, end],
        { $0.text("term") }) ?? nil
      {
        terms.insert(term)
        if terms.count > Self.mostPrefixTerms { return nil }
        // The next term: tokens hold no control characters, so none sorts between a term
        // and the term followed by U+0001.
        from = term + "\u{1}"
      }
    }
    return terms.isEmpty ? nil : terms.sorted()
  }

  /// The terms as one FTS5 expression that matches any of them.
  static func anyOf(_ terms: [String]) -> String {
    "(" + terms.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
  }

  /// The query with each bare prefix replaced by the terms it covers, so FTS5 reads rows
  /// newest first and stops (a prefix it could not expand is kept as written).
  func rewritten(_ prefixes: [String: [String]?]) -> String {
    SearchTerms.rewritingBarePrefixes(query) { prefix in
      guard case let terms?? = prefixes[prefix] else { return nil }
      return Self.anyOf(terms)
    }
  }
}
