import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// Editing the policy: every change is saved with who made it, then every check's due date
/// is recomputed so the queue follows the new rules at once.
public enum PolicyChange {
  public enum Failure: Error, CustomStringConvertible {
    case unknownRule(String)
    case cannotRemove(String)
    case invalid(String)

    public var description: String {
      switch self {
      case .unknownRule(let name): return "no rule named '\(name)'"
      case .cannotRemove(let name):
        return "'\(name)' cannot be removed, only changed (factarchive policy set \(name) ...)"
      case .invalid(let message): return message
      }
    }
  }

  /// Saves `rule` (checking its pattern compiles) and recomputes due dates.
  /// - Returns: how many checks were judged again.
  @discardableResult
  public static func set(
    _ rule: StalenessRule, in db: Connection, progress: (Int) -> Void = { _ in }
  ) throws -> Int {
    var rules = try StalenessRule.all(in: db).filter { $0.name != rule.name }
    rules.append(rule)
    _ = try StalenessPolicy(rules: rules)  // refuses a pattern that does not compile
    try db.transaction { try rule.save(in: db) }
    return try CheckAssessor(database: db).recompute(.all, progress: progress)
  }

  /// Removes a topic rule and recomputes due dates.
  @discardableResult
  public static func remove(
    named name: String, in db: Connection, progress: (Int) -> Void = { _ in }
  ) throws -> Int {
    let rules = try StalenessRule.all(in: db)
    guard let rule = rules.first(where: { $0.name == name }) else {
      throw Failure.unknownRule(name)
    }
    guard rule.kind == .topic else { throw Failure.cannotRemove(name) }
    _ = try db.transaction { try StalenessRule.remove(named: name, in: db) }
    return try CheckAssessor(database: db).recompute(.all, progress: progress)
  }
}
