import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Applies the staleness policy to stored checks: judges each new check as it is written
/// (with the sources already stored that are newer evidence for it), links each new source
/// to the checks it is newer evidence for (`+Sources`), brings a check's due date and tier in
/// line with a review just recorded (`refreshDueDate`, in `+Sources`), and judges checks
/// again when the rules change (`+Recompute`). Every due
/// date it writes comes from `DueDate`, every tier from `QueueTier`, every link's weight from
/// `NameWeights` over the archive's own name counts (`NameCounts`).
public final class CheckAssessor {
  public let db: Connection
  public internal(set) var policy: StalenessPolicy
  public let names: NameCounts
  /// The archive's claim word frequencies, for matching claims (`+Claims`).
  public let claimWords: ClaimWordCounts
  /// Whether any source is stored (no evidence lookups on archives without sources).
  var hasSources: Bool
  /// Questions' claims as read (`+Claims`): a claim is judged against many checks in one
  /// ingest, and reading it costs more than the judging.
  var claimProfiles: [Int64: (publisherKey: String, profile: ClaimProfile)] = [:]
  /// What deciding whether a question's claim may match reads (`ClaimGate`), with its
  /// publisher (numbered in `publisherNumbers`), for every question met (`+Claims`): 24 bytes
  /// and a dictionary entry each (peak RSS +6 MiB at 100,000 questions), against about 600
  /// bytes for a claim remembered whole.
  var claimGates: [Int64: (publisher: Int32, gate: ClaimGate)] = [:]
  var publisherNumbers: [String: Int32] = [:]
  /// Which questions use each claim word (`+Claims`), for finding a claim's candidates.
  let claimPostings = ClaimPostings()
  /// Checks whose due dates wait for the end of the batch (`deferringDueDates`); `nil`
  /// when they are refreshed at once.
  var dueDatesLater: Set<Int64>?
  /// Time spent linking claims (`linkClaims`), for `FACTARCHIVE_TIMING` and the bench.
  public internal(set) var claimMatchingTime: Duration = .zero

  public init(database: Connection) throws {
    db = database
    policy = try StalenessPolicy.load(from: database)
    names = NameCounts(database: database)
    claimWords = ClaimWordCounts(database: database)
    hasSources = try database.scalarInt("SELECT EXISTS (SELECT 1 FROM sources)") == 1
  }

  /// The policy's verdict on a check about to be written, and the stored sources that are
  /// newer evidence for it (they bring its due date forward and put it in the evidence
  /// tier). Counts the check's names as part of the archive.
  /// `assessed` is the verdict when it was worked out already, on another thread.
  public func judge(_ facts: CheckFacts, assessed: StalenessVerdict? = nil) throws
    -> (StalenessVerdict, [EvidenceLink])
  {
    var verdict = assessed ?? policy.assess(facts)
    try names.add(verdict.keyTerms)
    guard hasSources, let base = facts.baseDate, !verdict.keyTerms.isEmpty else {
      return (verdict, [])
    }
    let links = try newerSources(for: verdict.keyTerms, after: base)
    if let earliest = links.map(\.sourceDate).min() {
      var timeline = facts.timeline
      timeline.evidenceOn = min(timeline.evidenceOn ?? earliest, earliest)
      verdict.reconsider(timeline)
    }
    return (verdict, links)
  }

  /// Stores evidence links found by `judge` once the check has its id.
  public func record(_ links: [EvidenceLink], checkID: Int64) throws {
    for link in links {
      try db.writeRow(
        into: "check_evidence", key: ["check_id": checkID, "source_id": link.sourceID],
        values: [
          "shared_terms": StoredList.names(link.sharedTerms), "source_date": link.sourceDate.iso,
          "score": DatabaseValue.real(link.score),
          "telling_terms": StoredList.names(link.tellingTerms),
        ])
    }
  }
}
