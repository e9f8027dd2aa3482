/// Why a document was rejected, and where.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line where the parser gave up; `nil` for whole-file problems.
  public var line: Int?
  public var message: String

  public init(line: Int?, _ message: String) {
    self.line = line
    self.message = message
  }

  /// `path:line: message`, or `path: message` without a line.
  public func formatted(path: String) -> String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }

  /// `path:line: warning: message`: the same, for what did not stop the input landing.
  public func formattedWarning(path: String) -> String {
    if let line { return "\(path):\(line): warning: \(message)" }
    return "\(path): warning: \(message)"
  }

  public var description: String {
    if let line { return "line \(line): \(message)" }
    return message
  }
}
