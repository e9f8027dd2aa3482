import FactArchiveCore
import FactArchiveStore

/// How many live checks each tier holds per topic, rating class and due day
/// (`queue_counts`): what the desk's tabs count without reading every stale check, of one
/// topic or verdict too. This is the one place that keeps the table: every change that
/// moves a check goes through `move(from:to:on:)`, in the transaction of the change — a
/// check written or deleted, made the latest of its question or superseded
/// (`QuestionSQL.markLatest`), its due date, tier or topic judged again (`CheckAssessor`).
/// A check's rating class is its page's; it changes only when the page is read again (a
/// reparse writes the check anew).
///
/// Written with a plain UPDATE, then an INSERT when there was no row: a trigger on `checks`,
/// or an upsert, would open a statement journal, which makes every full-text index written
/// earlier in the transaction flush its pending terms (migration 009,
/// `Connection.writeRow`).
public enum TierCounts {
  /// Where a check counts: its tier, topic, rating class and due day.
  public struct Place: Hashable, Sendable {
    public var tier: Int
    /// The topic rule's name; `""` for checks no topic rule claims (`checks.topic` NULL).
    public var topic: String
    /// The rating class (`RatingClass`); `""` for checks without one.
    public var ratingClass: String
    public var dueOn: String

    public init(tier: Int, topic: String, ratingClass: String, dueOn: String) {
      self.tier = tier
      self.topic = topic
      self.ratingClass = ratingClass
      self.dueOn = dueOn
    }

    /// Where a check with these columns counts: nowhere when it is superseded (not the
    /// latest of its question), withdrawn or not judged yet (no due date or tier).
    public init?(
      superseded: Bool, tier: Int?, topic: String?, ratingClass: String?, dueOn: String?
    ) {
      guard !superseded, let tier, let dueOn else { return nil }
      self.init(tier: tier, topic: topic ?? "", ratingClass: ratingClass ?? "", dueOn: dueOn)
    }

    /// Read from a row holding `superseded`, `queue_tier`, `topic`, `rating_class` and
    /// `due_on` (`columns`).
    public init?(row: Row) {
      self.init(
        superseded: row.bool("superseded"), tier: row.optionalInt("queue_tier"),
        topic: row.text("topic"), ratingClass: row.text("rating_class"),
        dueOn: row.text("due_on"))
    }
  }

  /// The topic a check counts under, as SQL on `checks` aliased `alias`: `''` for none.
  public static func topicKey(_ alias: String) -> String { "coalesce(\(alias).topic, '')" }

  /// The topic key of a queue filtered by `topic` (a rule's name, `default` for none).
  public static func topicKey(filter topic: String) -> String {
    topic == StalenessRule.defaultName ? "" : topic
  }

  /// The columns `Place(row:)` reads, for a statement on `checks` aliased `alias`.
  public static func columns(_ alias: String = "c") -> String {
    "\(alias).superseded, \(alias).queue_tier, \(alias).topic, \(alias).rating_class, "
      + "\(alias).due_on"
  }

  /// Moves one check's count from where it counted to where it counts now (either `nil`).
  public static func move(from old: Place?, to new: Place?, on db: Connection) throws {
    guard old != new else { return }
    if let old { try add(-1, at: old, on: db) }
    if let new { try add(1, at: new, on: db) }
  }

  /// Where a stored check counts now.
  public static func place(ofCheck id: Int64, on db: Connection) throws -> Place? {
    try db.queryFirst("SELECT \(columns()) FROM checks AS c WHERE c.id = ?", [id]) {
      Place(row: $0)
    } ?? nil
  }

  /// Runs `body`, which may change or delete check `id`, and moves its count to match.
  public static func tracking<T>(check id: Int64, on db: Connection, _ body: () throws -> T)
    throws -> T
  {
    let old = try place(ofCheck: id, on: db)
    let result = try body()
    try move(from: old, to: try place(ofCheck: id, on: db), on: db)
    return result
  }

  private static func add(_ delta: Int, at place: Place, on db: Connection) throws {
    try db.execute(
      """
      UPDATE queue_counts SET checks = checks + ?
      WHERE topic = ? AND queue_tier = ? AND rating_class = ? AND due_on = ?
      """, [delta, place.topic, place.tier, place.ratingClass, place.dueOn])
    guard db.changes == 0 else { return }
    try db.execute(
      """
      INSERT INTO queue_counts (queue_tier, topic, rating_class, due_on, checks)
      VALUES (?, ?, ?, ?, ?)
      """, [place.tier, place.topic, place.ratingClass, place.dueOn, delta])
  }

  /// The rating class a check counts under, as SQL on `checks` aliased `alias`: `''` for
  /// none.
  public static func ratingKey(_ alias: String) -> String { "coalesce(\(alias).rating_class, '')" }

  /// Each tier's live checks due on or before a day (`:as_of`), snoozed or not: of every
  /// topic, or with `oneTopic` of `:topic` (`''` for checks no topic rule claims); of every
  /// rating class, or with `oneRating` of `:rating_class`. Columns `tier`, `checks`.
  public static func dueBy(oneTopic: Bool, oneRating: Bool = false) -> String {
    """
    SELECT queue_tier AS tier, sum(checks) AS checks FROM queue_counts
    WHERE due_on <= :as_of\(oneTopic ? " AND topic = :topic" : "")\(
      oneRating ? " AND rating_class = :rating_class" : "") GROUP BY queue_tier
    """
  }

  /// The counts as they should be, from the checks themselves (what migrations 015 and 021
  /// wrote, and what `check` compares the kept table with).
  public static let recounted = """
    SELECT queue_tier, \(topicKey("checks")) AS topic, \(ratingKey("checks")) AS rating_class,
      due_on, count(*) AS checks FROM checks
    WHERE superseded = 0 AND queue_tier IS NOT NULL AND due_on IS NOT NULL
    GROUP BY queue_tier, \(topicKey("checks")), \(ratingKey("checks")), due_on
    """

  /// The kept counts that count something.
  public static let kept = """
    SELECT queue_tier, topic, rating_class, due_on, checks FROM queue_counts WHERE checks <> 0
    ORDER BY queue_tier, topic, rating_class, due_on
    """

  /// Where the kept counts and a full count of the checks differ (none unless something
  /// wrote to `checks` without FactArchive, such as a researcher's `UPDATE` in the `sqlite3`
  /// shell).
  public static func differences(on db: Connection) throws -> [(
    place: Place, kept: Int, counted: Int
  )] {
    func read(_ sql: String) throws -> [Place: Int] {
      var counts: [Place: Int] = [:]
      try db.cachedStatement(sql).forEachRow { row in
        guard let dueOn = row.text("due_on") else { return }
        let place = Place(
          tier: row.int("queue_tier"), topic: row.text("topic") ?? "",
          ratingClass: row.text("rating_class") ?? "", dueOn: dueOn)
        counts[place] = row.int("checks")
      }
      return counts
    }
    let kept = try read(Self.kept)
    let counted = try read(recounted)
    return Set(kept.keys).union(counted.keys)
      .filter { kept[$0, default: 0] != counted[$0, default: 0] }
      .sorted {
        ($0.tier, $0.topic, $0.ratingClass, $0.dueOn) < (
          $1.tier, $1.topic, $1.ratingClass, $1.dueOn
        )
      }
      .map { ($0, kept[$0, default: 0], counted[$0, default: 0]) }
  }

  /// Counts every tier, topic and due day again from the checks, in one transaction.
  /// Returns how many rows were wrong.
  @discardableResult
  public static func recount(on db: Connection) throws -> Int {
    try db.transaction {
      let wrong = try differences(on: db).count
      try db.execute("DELETE FROM queue_counts")
      try db.execute(
        "INSERT INTO queue_counts (queue_tier, topic, rating_class, due_on, checks) \(recounted)")
      return wrong
    }
  }
}
