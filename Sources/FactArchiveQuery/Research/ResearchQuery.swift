import FactArchiveCore
import FactArchiveStore
import Foundation

/// One SQL statement from a researcher, run strictly read-only, its rows streamed out.
///
/// ```swift
/// let db = try Connection.openReadOnly(path: "factarchive.sqlite")
/// try ResearchQuery(sql: "SELECT text FROM questions WHERE id = :id", parameters: ["id=3"])
///   .run(on: db, format: .csv) { print($0, terminator: "") }
/// ```
public struct ResearchQuery: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    /// Aligned columns (long cells cut, new lines shown as ↵).
    case table
    case csv
    /// One array of objects.
    case json
    /// One object per line.
    case ndjson
  }

  public enum Failure: Error, CustomStringConvertible {
    case badParameter(String)

    public var description: String {
      switch self {
      case .badParameter(let text): return "--param \(text): write NAME=VALUE"
      }
    }
  }

  public var sql: String
  /// `NAME=VALUE`, bound to `:NAME` (or `@NAME`, `$NAME`). Values that read as integers or
  /// decimals bind as numbers, anything else as text.
  public var parameters: [String]

  public init(sql: String, parameters: [String] = []) {
    self.sql = sql
    self.parameters = parameters
  }

  /// Runs the statement, handing output to `write` piece by piece. Returns the row count.
  @discardableResult
  public func run(on db: Connection, format: Format, write: (String) -> Void) throws -> Int {
    let statement = try db.prepareReadOnly(sql)
    try bindParameters(statement)
    let columns = statement.columnNames
    var count = 0
    var table: [[String]] = [columns]
    switch format {
    case .csv: write(TextTable.csvRow(columns))
    case .json: write("[")
    default: break
    }
    while try statement.step() {
      let row = statement.values
      switch format {
      case .table:
        table.append(row.map(Self.cell))
      case .csv:
        write(TextTable.csvRow(row.map { $0.text ?? "" }))
      case .json:
        write((count == 0 ? "\n  " : ",\n  ") + Self.object(columns, row).rendered(pretty: false))
      case .ndjson:
        write(Self.object(columns, row).rendered(pretty: false) + "\n")
      }
      count += 1
    }
    switch format {
    case .table:
      write(TextTable.columns(table))
      write("(\(count) \(count == 1 ? "row" : "rows"))\n")
    case .json:
      write(count == 0 ? "]\n" : "\n]\n")
    default:
      break
    }
    return count
  }

  private func bindParameters(_ statement: Statement) throws {
    var named: [String: any DatabaseValueConvertible] = [:]
    let placeholders = Set(statement.parameterNames)
    for parameter in parameters {
      guard let equals = parameter.firstIndex(of: "="), equals > parameter.startIndex else {
        throw Failure.badParameter(parameter)
      }
      let name = String(parameter[..<equals])
      let value = String(parameter[parameter.index(after: equals)...])
      let candidates =
        name.first.map { ":@$".contains($0) } == true
        ? [name] : [":" + name, "@" + name, "$" + name]
      guard let placeholder = candidates.first(where: placeholders.contains) else {
        throw DatabaseError(
          extendedResultCode: ResultCode.range,
          message: "the statement has no parameter named \(name)", sql: sql)
      }
      named[placeholder] = Self.value(value)
    }
    try statement.bind(named: named)
  }

  static func value(_ text: String) -> DatabaseValue {
    if let integer = Int64(text) { return .integer(integer) }
    if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let real = Double(text),
      real.isFinite
    {
      return .real(real)
    }
    return .text(text)
  }

  static func json(_ value: DatabaseValue) -> JSON {
    switch value {
    case .null: return .null
    case .integer(let number): return .int(number)
    case .real(let number): return .double(number)
    case .text(let text): return .string(text)
    case .blob(let bytes):
      // Datasette's convention for binary values.
      return .object([
        .init("$base64", .bool(true)), .init("encoded", .string(Data(bytes).base64EncodedString())),
      ])
    }
  }

  static func object(_ columns: [String], _ row: [DatabaseValue]) -> JSON {
    .object(zip(columns, row).map { JSON.Member($0, json($1)) })
  }

  static func cell(_ value: DatabaseValue) -> String {
    switch value {
    case .null: return "NULL"
    case .blob(let bytes): return "<\(bytes.count) bytes>"
    default:
      let text = (value.text ?? "").replacingOccurrences(of: "\r\n", with: "↵")
        .replacingOccurrences(of: "\n", with: "↵")
      return TextTable.truncate(text, to: 80)
    }
  }
}
