import Foundation
import TestSupport
import Testing

/// Each data table (`Data/*.tsv`) equals the Swift file `make schema` generates from it: a
/// table edited without `make schema` fails here. The expected text is built by the same
/// rules as the Makefile's awk lines (comments skipped, rows of exactly the table's fields).
@Suite struct GeneratedDataTests {
  struct Table: CustomTestStringConvertible, Sendable {
    var tsv: String
    var swift: String
    var fields: Int
    var row: @Sendable ([String]) -> String
    var testDescription: String { tsv }
  }

  static func quoted(_ text: String, backslashes: Bool = false) -> String {
    var text = text
    if backslashes { text = text.replacingOccurrences(of: "\\", with: "\\\\") }
    return text.replacingOccurrences(of: "\"", with: "\\\"")
  }

  static let tables = [
    Table(
      tsv: "Sources/FactArchivePolicy/Data/common-names.tsv",
      swift: "Sources/FactArchivePolicy/CommonNames+Data.swift", fields: 2,
      row: { "    \"\($0[0])\": .\($0[1]),\n" }),
    Table(
      tsv: "Sources/FactArchiveWebPage/Data/page-hints.tsv",
      swift: "Sources/FactArchiveWebPage/MainText/PageHints+Data.swift", fields: 2,
      row: { "    (\"\($0[0])\", \"\(quoted($0[1], backslashes: true))\"),\n" }),
    Table(
      tsv: "Sources/FactArchivePolicy/Data/rating-labels.tsv",
      swift: "Sources/FactArchivePolicy/RatingLexicon+Data.swift", fields: 2,
      row: { "    (\"\(quoted($0[0]))\", \"\($0[1])\"),\n" }),
    Table(
      tsv: "Sources/FactArchivePolicy/Data/claim-words.tsv",
      swift: "Sources/FactArchivePolicy/ClaimWords+Data.swift", fields: 3,
      row: { "    (\"\($0[0])\", \"\($0[1])\", \"\($0[2])\"),\n" }),
  ]

  @Test(arguments: tables) func theGeneratedSwiftHoldsEveryRow(_ table: Table) throws {
    let root = TestPaths.packageRoot
    let tsv = try String(contentsOf: root.appendingPathComponent(table.tsv), encoding: .utf8)
    let swift = try String(contentsOf: root.appendingPathComponent(table.swift), encoding: .utf8)
    var expected = ""
    var rows = 0
    for line in tsv.split(separator: "\n", omittingEmptySubsequences: false)
    where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == table.fields else { continue }
      expected += table.row(fields)
      rows += 1
    }
    #expect(rows > 10, "\(table.tsv) has rows")
    // The generated rows, between the table's opening and closing brackets.
    let body = swift.components(separatedBy: "= [\n").dropFirst().first?
      .components(separatedBy: "  ]\n").first
    #expect(body == expected, "\(table.swift) differs from \(table.tsv): run `make schema`")
  }
}
