import Foundation

/// A deterministic corpus of small Factually pages for crash, load and concurrency tests,
/// written without `../shared` so those tests always run.
public enum SyntheticCorpus {
  public struct Written: Sendable {
    public var files: Int
    /// Distinct questions: every tenth page re-checks an earlier question on a later date.
    public var questions: Int
  }

  static let places = [
    "Orlen Bay", "Marrow Flats", "Quillon", "Tessaly Harbour", "Vantor", "Brisk Hollow",
    "Ostrava Reach", "Calder Isle",
  ]
  static let subjects = [
    "ferry fares", "grain quotas", "wind leases", "parking fees", "school meals",
    "water tariffs", "bridge tolls", "library hours",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// Writes `count` pages into `folder` as `<prefix>00000.txt`, ...; `prefix` keeps two
  /// corpora's questions apart.
  @discardableResult
  public static func write(into folder: URL, count: Int, seed: UInt64, prefix: String = "q")
    throws -> Written
  {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var questions = 0
    for index in 0..<count {
      let recheck = index % 10 == 9
      let number = recheck ? index - 5 : index
      if !recheck { questions += 1 }
      let place = places[number % places.count]
      let subject = subjects[(number / places.count) % subjects.count]
      let question = "Did \(place) district \(prefix)\(number) change its \(subject)?"
      let year = recheck ? 2026 : 2024 + next(2)
      let checked = "\(months[next(recheck ? 10 : 12)]) \(1 + next(28)), \(year)"
      let sections = (0..<(2 + next(3))).map { section in
        "The \(subject) of \(place) were reviewed in \(2020 + section) [\(section + 1)]. "
          + "Officials said the figures for district \(number) were published [\(section + 2)]."
      }
      let page = ArticleText.factCheck(
        question: question, checkedOn: checked,
        summary: "Partly. The \(subject) changed once [1], and a review is due [2].",
        banner: next(7) == 0, sections: sections)
      let name =
        prefix + String(repeating: "0", count: max(0, 5 - String(index).count))
        + String(index) + ".txt"
      try Data(page.utf8).write(to: folder.appendingPathComponent(name))
    }
    return Written(files: count, questions: questions)
  }
}
