/// One rule of the staleness policy, as stored in `staleness_rules`.
///
/// - `default`: the maximum age of any check no topic rule claims.
/// - `time-sensitive`: wording that makes a check fall due sooner, and by how much
///   (`maxAgePercent` of the age it would otherwise be allowed).
/// - topics: checks whose question or executive summary match `words` or `pattern` may
///   reach `maxAgeDays`; when several topics match, the shortest age wins.
public struct StalenessRule: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case `default`
    case timeSensitive = "time_sensitive"
    case topic
  }

  public static let defaultName = "default"
  public static let timeSensitiveName = "time-sensitive"

  public var name: String
  public var kind: Kind
  /// Words or phrases, matched as whole words in any case.
  public var words: [String]
  /// A regular expression, matched ignoring case.
  public var pattern: String?
  public var maxAgeDays: Int?
  public var maxAgePercent: Int?
  public var updatedAt: String
  public var updatedBy: String

  public init(
    name: String, kind: Kind, words: [String] = [], pattern: String? = nil, maxAgeDays: Int? = nil,
    maxAgePercent: Int? = nil, updatedAt: String = "", updatedBy: String = ""
  ) {
    self.name = name
    self.kind = kind
    self.words = words
    self.pattern = pattern
    self.maxAgeDays = maxAgeDays
    self.maxAgePercent = maxAgePercent
    self.updatedAt = updatedAt
    self.updatedBy = updatedBy
  }

  /// The kind a rule of this name has: the two fixed names, else a topic.
  public static func kind(ofName name: String) -> Kind {
    switch name {
    case defaultName: return .default
    case timeSensitiveName: return .timeSensitive
    default: return .topic
    }
  }

  /// `words` as written in the table and on the command line: `currently, this week`.
  public var wordList: String? {
    words.isEmpty ? nil : words.joined(separator: ", ")
  }

  /// Splits a comma-separated word list (`"currently,  this week"`) into its words.
  public static func words(fromList text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(separator: ",").map { part in
      String(part.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }.filter { !$0.isEmpty }
  }
}
