import ArgumentParser
import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

struct EvidenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evidence",
    abstract: "Newer evidence: how many links there are, and judge them all again.",
    discussion: """
      Example: factarchive evidence --rebuild

      A source is newer evidence against a check when it was published after the check and \
      they share telling names: each shared name is weighted by how rare it is in the \
      archive: a link needs one shared name found in at most 0.1% of it, and names in \
      over 5% of it, such as countries and leaders, never count. Links are judged as documents land; as the \
      archive grows the weights move, so 'report' judges every link again once the archive \
      has grown by a tenth since the last full judging, and --rebuild does it now.

      Other publishers' later verdicts on a similar claim (other_verdicts) and questions of \
      one publisher worded alike (similar_questions) are found as checks land too; --rebuild \
      reads every question's claim again and finds them all again.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Flag(
    help:
      "Judge every link again with today's weights (and claims' addresses as this version compares them)."
  )
  var rebuild = false

  func run() throws {
    try runReportingFailures {
      let db = try archive.open()
      let assessor = try CheckAssessor(database: db)
      let tally: CheckAssessor.EvidenceTally
      if rebuild {
        tally = try Timing.measure("evidence") { try assessor.rebuildEvidence() }
        _ = try Timing.measure("claims") { try assessor.rebuildClaimLinks() }
      } else {
        tally = try assessor.evidenceTally()
      }
      let documents = try assessor.names.documents()
      var lines = [
        "\(tally.links) evidence \(tally.links == 1 ? "link" : "links") from \(tally.sources) "
          + "sources to \(tally.checksWithEvidence) checks",
        "names counted over \(documents) documents (checks and sources)",
        try claimLinks(db),
      ]
      if !rebuild, try assessor.evidenceNeedsJudging() {
        lines.append("the archive has grown since links were last judged in full: run --rebuild")
      }
      Terminal.writeOut(lines.joined(separator: "\n") + "\n")
    }
  }

  /// "3 other publishers' verdicts on 3 checks (1 disagrees); 1 pair of questions possibly
  /// the same".
  func claimLinks(_ db: Connection) throws -> String {
    let (verdicts, checks, disagree) =
      try db.queryFirst(
        """
        SELECT count(*) AS verdicts, count(DISTINCT check_id) AS checks,
               coalesce(sum(disagrees), 0) AS disagree
        FROM other_verdicts
        """
      ) { ($0.int("verdicts"), $0.int("checks"), $0.int("disagree")) } ?? (0, 0, 0)
    let pairs = try db.scalarInt("SELECT count(*) FROM similar_questions")
    return "\(verdicts) other publishers' \(verdicts == 1 ? "verdict" : "verdicts") on \(checks) "
      + "\(checks == 1 ? "check" : "checks") (\(disagree) \(disagree == 1 ? "disagrees" : "disagree")); "
      + "\(pairs) \(pairs == 1 ? "pair" : "pairs") of questions possibly the same"
  }
}
