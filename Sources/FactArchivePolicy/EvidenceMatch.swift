/// When a newer source is evidence against a check: the names they share.
public enum EvidenceMatch {
  /// The check's names the source also mentions, when they are enough to make it evidence:
  /// two shared names (one, when the check names only one); `nil` otherwise.
  public static func shared(_ checkTerms: [String], _ sourceTerms: Set<String>) -> [String]? {
    let common = checkTerms.filter { sourceTerms.contains($0) }
    return common.count >= min(2, checkTerms.count) && !common.isEmpty ? common : nil
  }
}
