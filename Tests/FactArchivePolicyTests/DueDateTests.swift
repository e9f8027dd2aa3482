import FactArchiveCore
import FactArchivePolicy
import Testing

/// The one due-date rule and the one tier rule, branch by branch: reviews, the banner,
/// newer evidence, undated checks.
@Suite struct DueDateTests {
  static let checked = day("2026-01-10")
  static let ingested = day("2026-11-01")

  func timeline(
    checkedOn: Day? = checked, inferred: Day? = nil, flagged: Bool = false, evidence: Day? = nil,
    verdict: ReviewVerdict? = nil, reviewedOn: Day? = nil
  ) -> CheckTimeline {
    CheckTimeline(
      checkedOn: checkedOn, checkedOnInferred: inferred, ingestedOn: Self.ingested,
      publisherFlagged: flagged, evidenceOn: evidence, reviewVerdict: verdict,
      reviewedOn: reviewedOn)
  }

  @Test func aDatedCheckFallsDueTheDayAfterItsMaximumAge() {
    #expect(DueDate.of(timeline(), maxAgeDays: 90) == day("2026-04-11"))
    #expect(DueDate.byAge(from: Self.checked, maxAgeDays: 0) == day("2026-01-11"))
  }

  @Test func stillAccurateRestartsTheClockFromTheReviewDay() {
    let reviewed = timeline(verdict: .stillAccurate, reviewedOn: day("2026-06-01"))
    #expect(DueDate.of(reviewed, maxAgeDays: 90) == day("2026-08-31"))
    #expect(QueueTier.of(reviewed, timeSensitive: false) == .onlyOld)
  }

  @Test func stillAccurateDismissesTheBannerButNotLaterEvidence() {
    let flagged = timeline(flagged: true)
    #expect(DueDate.of(flagged, maxAgeDays: 90) == Self.checked)
    #expect(QueueTier.of(flagged, timeSensitive: false) == .bannerOrEvidence)
    let reviewed = timeline(flagged: true, verdict: .stillAccurate, reviewedOn: day("2026-06-01"))
    #expect(DueDate.of(reviewed, maxAgeDays: 90) == day("2026-08-31"))
    #expect(QueueTier.of(reviewed, timeSensitive: true) == .timeSensitive)
    // Evidence dated after the review (the timeline holds only such evidence) counts.
    let evidence = timeline(
      flagged: true, evidence: day("2026-07-01"), verdict: .stillAccurate,
      reviewedOn: day("2026-06-01"))
    #expect(DueDate.of(evidence, maxAgeDays: 90) == day("2026-07-01"))
    #expect(QueueTier.of(evidence, timeSensitive: false) == .bannerOrEvidence)
  }

  @Test func needsUpdateIsDueFromTheReviewDayInTheFirstTier() {
    let marked = timeline(
      evidence: day("2026-02-01"), verdict: .needsUpdate, reviewedOn: day("2026-03-02"))
    #expect(DueDate.of(marked, maxAgeDays: 90) == day("2026-03-02"))
    #expect(QueueTier.of(marked, timeSensitive: true) == .needsUpdate)
    // Without a review day (an archive edited by hand), it falls back to the dated rule.
    let noDay = timeline(verdict: .needsUpdate, reviewedOn: nil)
    #expect(DueDate.of(noDay, maxAgeDays: 90) == day("2026-04-11"))
    #expect(QueueTier.of(noDay, timeSensitive: false) == .needsUpdate)
  }

  @Test func withdrawnIsNeverDueAndInNoTier() {
    let withdrawn = timeline(
      flagged: true, evidence: day("2026-02-01"), verdict: .withdrawn, reviewedOn: day("2026-03-02")
    )
    #expect(DueDate.of(withdrawn, maxAgeDays: 90) == nil)
    #expect(QueueTier.of(withdrawn, timeSensitive: true) == nil)
  }

  @Test func undatedChecksAgeFromTheirNewestDateOrFromIngest() {
    let inferred = timeline(checkedOn: nil, inferred: day("2025-04-20"))
    #expect(DueDate.of(inferred, maxAgeDays: 90) == day("2025-07-20"))
    let nothing = timeline(checkedOn: nil, inferred: nil)
    #expect(DueDate.of(nothing, maxAgeDays: 90) == Self.ingested)
    #expect(QueueTier.of(nothing, timeSensitive: false) == .onlyOld)
    // A still-accurate review gives an undated check a date to age from.
    let reviewed = timeline(checkedOn: nil, verdict: .stillAccurate, reviewedOn: day("2026-11-02"))
    #expect(DueDate.of(reviewed, maxAgeDays: 30) == day("2026-12-03"))
  }

  @Test func newerEvidenceBringsTheDueDateForward() {
    let evidence = timeline(evidence: day("2026-02-01"))
    #expect(DueDate.of(evidence, maxAgeDays: 90) == day("2026-02-01"))
    #expect(QueueTier.of(evidence, timeSensitive: true) == .bannerOrEvidence)
    // Evidence after the age rule's day does not push it back.
    let late = timeline(evidence: day("2026-09-01"))
    #expect(DueDate.of(late, maxAgeDays: 90) == day("2026-04-11"))
  }

  @Test func tiersAreOrderedAndNamed() {
    #expect(QueueTier.allCases.map(\.rawValue) == [1, 2, 3, 4])
    #expect(QueueTier.allCases.sorted() == QueueTier.allCases)
    #expect(QueueTier.needsUpdate.label == "1 needs update")
    #expect(QueueTier(rawValue: 5) == nil)
  }
}
