/// The one quoting rule SQL identifiers, FTS5 phrases and CSV fields share.
public enum Quoting {
  /// `text` in double quotes with each `"` inside doubled: `a"b` becomes `"a""b"`.
  ///
  /// An SQL identifier (<https://www.sqlite.org/lang_keywords.html>), an FTS5 string
  /// (<https://www.sqlite.org/fts5.html#fts5_strings>) and an RFC 4180 CSV field are all
  /// written this way.
  public static func doubleQuoted(_ text: String) -> String {
    var output = "\""
    output.reserveCapacity(text.utf8.count + 2)
    for character in text.unicodeScalars {
      if character == "\"" { output.unicodeScalars.append("\"") }
      output.unicodeScalars.append(character)
    }
    output += "\""
    return output
  }
}
