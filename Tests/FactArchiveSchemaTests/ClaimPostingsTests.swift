import FactArchivePolicy
import Testing

@testable import FactArchiveSchema

/// The writer's claim candidates: ids in two of the rarest words' lists, those in most
/// lists first; and a claim stored and read back whole.
@Suite struct ClaimPostingsTests {
  @Test func idsInTwoListsMostSharedFirstThenNewest() {
    let lists: [[Int64]] = [[1, 5, 9, 30], [5, 9, 12, 30], [9, 12, 20]]
    #expect(ClaimPostings.inTwo(of: lists, limit: 10, below: .max) == [9, 30, 12, 5])
    #expect(ClaimPostings.inTwo(of: lists, limit: 2, below: .max) == [9, 30])
    #expect(ClaimPostings.inTwo(of: lists, limit: 10, below: 12) == [9, 5])
    #expect(ClaimPostings.inTwo(of: [[1, 2], [3, 4]], limit: 10, below: .max).isEmpty)
    #expect(ClaimPostings.contains([1, 3, 5, 7], 5) && !ClaimPostings.contains([1, 3, 5, 7], 4))
  }

  @Test func aStoredClaimReadsBackWhole() {
    for (claim, language) in [
      ("Valmora did not close its 3 U.S. ferry routes in 2026", "en"),
      ("Did the Calloway Harbour Authority double ferry fares?", "en"),
      ("El Gobierno congelará las cuentas bancarias con más de 3.000 euros", "es"),
      ("青川市十月起全面禁止機車進入市區", "zh"),
      ("", "en"),
    ] {
      let profile = ClaimProfile(claim, language: language)
      #expect(ClaimProfile(stored: profile.stored) == profile, "\(claim)")
    }
    #expect(ClaimProfile(stored: "") == nil)
    #expect(ClaimProfile(stored: "0\u{1F}en\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}") == nil)
  }
}

extension ClaimPostingsTests {
  @Test func gallopingFindsTheLastIdAtMostTheOneAsked() {
    let list: [Int64] = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]
    for id in Int64(0)...22 {
      let expected = list.lastIndex { $0 <= id } ?? -1
      #expect(ClaimPostings.gallop(list, to: id, from: list.count - 1) == expected, "\(id)")
    }
    #expect(ClaimPostings.gallop(list, to: 11, from: 3) == 3)
    #expect(ClaimPostings.gallop([], to: 5, from: -1) == -1)
  }
}
