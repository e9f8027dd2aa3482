/// ANSI styling that is empty when colour is off (not a terminal, or `NO_COLOR` set).
public struct TextStyle: Sendable {
  public var enabled: Bool

  public init(enabled: Bool) {
    self.enabled = enabled
  }

  public static let plain = TextStyle(enabled: false)

  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
