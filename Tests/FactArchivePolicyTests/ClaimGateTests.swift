import FactArchivePolicy
import Testing

/// `ClaimGate` may let through a pair `ClaimMatch.mayMatch` refuses, never the reverse: every
/// claim of the labelled pairs against every other, under both bars.
@Suite struct ClaimGateTests {
  static func claims() throws -> [ClaimProfile] {
    let pairs = try ClaimMatchTests.pairs() + ClaimMatchTests.pairs("claims/heldout-pairs.tsv")
    let written = [
      "Valmora did not close its 3 ferry routes in 2026",
      "Valmora closed its 3 ferry routes in 2026",
      "Valmora closed 4 ferry routes",
      "Did Valmora close 3 ferry routes in 2026 and 2027?",
      "Why did Valmora close its ferry routes?",
      "¿Cerró Valmora sus 3 rutas de ferry en 2026?",
      "Valmora hat 3 Fährlinien nicht geschlossen",
    ].map { ClaimProfile($0, language: nil) }
    return pairs.flatMap { [$0.first, $0.second] } + written
  }

  @Test func theGateNeverRefusesWhatTheMatcherMayMatch() throws {
    let claims = try Self.claims()
    #expect(claims.count >= 120)
    var refused = 0
    for a in claims {
      for b in claims {
        for bar in [ClaimMatch.similarClaim, ClaimMatch.sameQuestion] {
          let exact = ClaimMatch.mayMatch(a, b, bar: bar)
          let gate = ClaimGate.mayMatch(ClaimGate(a), ClaimGate(b), bar: bar)
          if exact {
            #expect(gate, "\(a.folded) | \(b.folded)")
          } else if gate {
            // Only a pair sharing no word may pass the gate and fail the matcher: the gate
            // does not read words (candidates share one by construction), and these
            // claims' languages, question words and numbers hash apart.
            #expect(!a.terms.contains(where: b.terms.contains), "\(a.folded) | \(b.folded)")
          } else {
            refused += 1
          }
        }
      }
    }
    #expect(refused > 1000, "not vacuous")
  }

  @Test func aGateReadsNumbersNegationLanguageAndAsking() {
    func gate(_ text: String, _ language: String? = nil) -> ClaimGate {
      ClaimGate(ClaimProfile(text, language: language))
    }
    let plain = gate("Valmora closed its 3 ferry routes in 2026")
    #expect(
      ClaimGate.mayMatch(plain, gate("Valmora closed 3 ferry routes"), bar: ClaimMatch.similarClaim)
    )
    #expect(
      !ClaimGate.mayMatch(
        plain, gate("Valmora closed 4 ferry routes"), bar: ClaimMatch.similarClaim))
    #expect(
      !ClaimGate.mayMatch(
        plain, gate("Valmora did not close its 3 ferry routes"), bar: ClaimMatch.similarClaim))
    #expect(
      !ClaimGate.mayMatch(
        gate("Did Valmora close its ferry routes?"),
        gate("Why did Valmora close its ferry routes?"),
        bar: ClaimMatch.sameQuestion))
    #expect(
      ClaimGate.mayMatch(
        gate("Did Valmora close its ferry routes?"),
        gate("Why did Valmora close its ferry routes?"),
        bar: ClaimMatch.similarClaim))
    #expect(
      !ClaimGate.mayMatch(
        gate("Valmora closed its ferry routes", "en"), gate("Valmora cerró sus rutas", "es"),
        bar: ClaimMatch.similarClaim))
  }
}
