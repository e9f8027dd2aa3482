import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// A Datasette `metadata.json` describing every table, view and column, read from the same
/// text as `Schema/README.md` (which the binary carries), with the full-text tables named
/// so that `datasette factarchive.sqlite -m metadata.json` offers search on each.
/// See <https://docs.datasette.io/en/stable/metadata.html>.
public enum DatasetteMetadata {
  /// A table or view and its columns, as the schema reference describes them.
  public struct Entry: Sendable, Equatable {
    public var name: String
    public var description: String
    public var columns: [(name: String, description: String)]

    public static func == (lhs: Entry, rhs: Entry) -> Bool {
      lhs.name == rhs.name && lhs.description == rhs.description
        && lhs.columns.map(\.name) == rhs.columns.map(\.name)
        && lhs.columns.map(\.description) == rhs.columns.map(\.description)
    }
  }

  /// The full-text index of each searchable table or view, and the key its rows share.
  static let search: [String: (table: String, key: String)] = [
    "questions": ("questions_fts", "id"), "summaries": ("summaries_fts", "id"),
    "follow_ups": ("follow_ups_fts", "id"), "sources": ("sources_fts", "id"),
    "checks": ("checks_fts", "id"),
  ]

  /// Tables (`### \`name\` — description` and a column table) and views (the rows of the
  /// views table) in the schema reference.
  public static func entries(from markdown: String = SchemaReference.markdown) -> [Entry] {
    var entries: [Entry] = []
    var current: Entry?
    var inViews = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#") {
        if let entry = current { entries.append(entry) }
        current = nil
        inViews = line.hasPrefix("## Views")
        if line.hasPrefix("### `"), let table = tableHeading(line) {
          current = Entry(name: table.name, description: table.description, columns: [])
        }
        continue
      }
      guard line.hasPrefix("| `") else { continue }
      let cells = tableCells(line)
      guard cells.count >= 3 else { continue }
      let names = names(in: cells[0])
      if inViews, let name = names.first {
        let columns = self.names(in: cells[1]).map { ($0, "") }
        entries.append(Entry(name: name, description: plain(cells[2]), columns: columns))
      } else if current != nil {
        for name in names { current?.columns.append((name, plain(cells[2]))) }
      }
    }
    if let entry = current { entries.append(entry) }
    return entries
  }

  public static func json(databaseName: String) -> JSON {
    var tables: [JSON.Member] = []
    for entry in entries() {
      var members: [JSON.Member] = [.init("description", .string(entry.description))]
      let described = entry.columns.filter { !$0.description.isEmpty }
      if !described.isEmpty {
        members.append(
          .init("columns", .object(described.map { .init($0.name, .string($0.description)) })))
      }
      if let index = search[entry.name] {
        members.append(.init("fts_table", .string(index.table)))
        members.append(.init("fts_pk", .string(index.key)))
      }
      tables.append(.init(entry.name, .object(members)))
    }
    return .object([
      .init("title", .string("FactArchive")),
      .init(
        "description",
        .string(
          "Fact-check articles, their checks, summaries, citations and follow-ups, the sources "
            + "they draw on, and which checks have gone stale. Schema reference: Schema/README.md.")
      ),
      .init(
        "databases", .object([.init(databaseName, .object([.init("tables", .object(tables))]))])),
    ])
  }

  private static func tableHeading(_ line: Substring) -> (name: String, description: String)? {
    let afterTick = line.dropFirst(5)
    guard let close = afterTick.firstIndex(of: "`") else { return nil }
    let name = String(afterTick[..<close])
    let rest = afterTick[afterTick.index(after: close)...].drop {
      $0 == " " || $0 == "—" || $0 == "-"
    }
    return (name, plain(rest))
  }

  /// The cells of a markdown table row, `\|` kept inside cells.
  private static func tableCells(_ line: Substring) -> [Substring] {
    var cells: [Substring] = []
    var start = line.index(after: line.startIndex)
    var index = start
    while index < line.endIndex {
      if line[index] == "\\" {
        index = line.index(index, offsetBy: 2, limitedBy: line.endIndex) ?? line.endIndex
        continue
      }
      if line[index] == "|" {
        cells.append(line[start..<index])
        start = line.index(after: index)
      }
      index = line.index(after: index)
    }
    return cells.map { $0.drop { $0 == " " } }.map {
      Substring($0.reversed().drop { $0 == " " }.reversed())
    }
  }

  /// The backticked names in a cell: `` `check_id`, `position` `` gives both.
  private static func names(in cell: Substring) -> [String] {
    cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
      .filter { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
  }

  /// Markdown cell text as plain text.
  private static func plain(_ text: Substring) -> String {
    text.replacingOccurrences(of: "\\|", with: "|").replacingOccurrences(of: "`", with: "")
      .replacingOccurrences(of: "**", with: "")
  }
}
