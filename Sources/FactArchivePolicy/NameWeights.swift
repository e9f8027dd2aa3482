#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How telling each name is, judged from the archive itself: the share of its documents
/// (checks and sources) that mention the name, blended with a prior for names that are
/// common in news everywhere (`CommonNames`).
///
/// ```swift
/// let weights = NameWeights(documents: 42, frequencies: ["mexico": 9, "norvik shipping": 3])
/// weights.isTelling("mexico")           // false: a country, common everywhere
/// weights.weight(of: "norvik shipping") // 8.1: in 3 of 42 documents, and nowhere else
/// ```
///
/// The share of a name is `(df + k · prior) / (N + k)`: `df` documents of `N` mention it, and
/// the prior counts as `k` = 10,000 documents of a typical news archive in which a country
/// is named in a fifth of the stories and a capital, a U.S. state or a head of state in 6%.
/// While the archive is small the prior decides (a country is common, a gang named in 3 of
/// 42 documents is rare); once it holds hundreds of thousands of documents its own counts
/// do. A name's weight is its inverse document frequency, `ln(1 / share)`.
public struct NameWeights: Sendable {
  /// The documents the prior counts as.
  public static let priorDocuments = 10_000.0
  /// A name in more than this share of the archive is common: it never counts towards a link.
  public static let commonShare = 0.05

  /// Documents (checks and sources) in the archive.
  public let documents: Int
  /// How many documents mention each name asked about.
  public let frequencies: [String: Int]

  public init(documents: Int, frequencies: [String: Int]) {
    self.documents = documents
    self.frequencies = frequencies
  }

  /// The share of documents that mention `name`, prior blended in.
  public func share(of name: String) -> Double {
    let prior = CommonNames.share(of: name)
    // A name that is asked about is in at least the document it came from.
    let frequency = Double(max(1, frequencies[name] ?? 0))
    return min(
      1,
      (frequency + Self.priorDocuments * prior)
        / (Double(max(documents, 0)) + Self.priorDocuments))
  }

  /// Inverse document frequency: `ln(1 / share)`.
  public func weight(of name: String) -> Double {
    -log(share(of: name))
  }

  /// Whether the name is rare enough to count towards a link.
  public func isTelling(_ name: String) -> Bool {
    share(of: name) <= Self.commonShare
  }
}

/// When a newer source is evidence against a check: the names they share, weighted by how
/// telling each is. A link needs one shared name found in at most 0.1% of the archive (a
/// gang, a company, a named agreement, a bill); the other shared names that are not common
/// add to its score, which ranks links. Common names (countries, capitals, leaders: over 5%
/// of the archive) never count. Several fairly common names together do not make a link:
/// measured on the 100,000-article bench with 10,000 unrelated stories that each name two
/// of the corpus's places (each in about 1% of the archive), letting pairs of such names
/// add up linked 10% of all checks to stories about something else.
public struct EvidenceMatch: Sendable, Equatable {
  /// Every shared name, most telling first.
  public var sharedTerms: [String]
  /// The shared names that count (not common), most telling first.
  public var tellingTerms: [String]
  /// The sum of the telling names' weights.
  public var score: Double

  /// The weight of one name found in 0.1% of the archive: a link needs a shared name at
  /// least this telling.
  public static let minimumScore = -log(0.001)

  /// The match between a check's names and a source's, or `nil` when it is not evidence.
  public static func judge(
    checkTerms: [String], sourceTerms: Set<String>, weights: NameWeights
  ) -> EvidenceMatch? {
    let shared = checkTerms.filter(sourceTerms.contains)
    guard !shared.isEmpty else { return nil }
    var weighted: [(String, Double)] = shared.map { ($0, weights.weight(of: $0)) }
    weighted.sort { (a, b) -> Bool in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
    let telling = weighted.filter { weights.isTelling($0.0) }
    guard let best = telling.first, best.1 >= minimumScore else { return nil }
    let score: Double = telling.reduce(0) { $0 + $1.1 }
    return EvidenceMatch(
      sharedTerms: weighted.map(\.0), tellingTerms: telling.map(\.0),
      score: (score * 1000).rounded() / 1000)
  }
}
