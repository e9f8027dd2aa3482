import ArgumentParser
import FactArchiveQuery

extension ListFormat: ExpressibleByArgument {}

extension DetailFormat: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(name: argument)
  }

  public static var allValueStrings: [String] { ["text", "json"] }
}
