import FactArchiveStore

/// Plain-text output helpers: CSV rows and aligned columns.
public enum TextTable {
  /// One RFC 4180 CSV line (with its CRLF-free `\n` ending).
  public static func csvRow(_ fields: [String]) -> String {
    fields.map(csvField).joined(separator: ",") + "\n"
  }

  /// A field as is, or quoted when it holds a comma, a quote or a line break (scalars are
  /// checked, so a `\r\n` pair counts as the line break it is).
  static func csvField(_ field: String) -> String {
    guard
      field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else { return field }
    return Quoting.doubleQuoted(field)
  }

  /// Display width of `text`, counting each Unicode scalar that is not a combining mark as one.
  public static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) {
      $0 + ($1.properties.generalCategory == .nonspacingMark ? 0 : 1)
    }
  }

  /// `text` cut to `limit` columns with an ellipsis.
  public static func truncate(_ text: String, to limit: Int) -> String {
    guard width(text) > limit, limit > 1 else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }

  /// `text` padded with spaces to `count` columns; numbers go right (`alignRight`).
  public static func pad(_ text: String, _ count: Int, alignRight: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, count - width(text)))
    return alignRight ? padding + text : text + padding
  }

  /// Rows as aligned columns separated by two spaces; the last column is not padded.
  public static func columns(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    guard let columnCount = rows.map(\.count).max() else { return "" }
    var widths = [Int](repeating: 0, count: columnCount)
    for row in rows {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], width(cell))
      }
    }
    var output = ""
    for row in rows {
      var line = ""
      for (index, cell) in row.enumerated() {
        if index > 0 { line += "  " }
        let isLast = index == row.count - 1
        line +=
          isLast && !rightAligned.contains(index)
          ? cell : pad(cell, widths[index], alignRight: rightAligned.contains(index))
      }
      output += line + "\n"
    }
    return output
  }
}
