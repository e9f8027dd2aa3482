/// JSON-LD as page templates write it, made into the JSON it was meant to be. A script
/// block that is not strict JSON is common on real pages, and crawlers read it anyway
/// (extruct parses with Python's `strict=False`, then strips comment lines and trailing
/// commas); so does this, before giving up on the block:
///
/// - the HTML comment or CDATA markers old templates wrap scripts in (`<!-- … -->`,
///   `/*<![CDATA[*/ … /*]]>*/`), and JavaScript comments (`// …`, `/* … */`);
/// - a comma before `}` or `]` (`{"name": "A",}`);
/// - line breaks, tabs and other control characters written raw inside a string, and the
///   escapes JSON does not have (`\'` from PHP's `addslashes`, `\d`), read as JavaScript
///   reads them;
/// - a byte-order mark, a `;` after the value, and several values one after another
///   (`{…}{…}` or `{…},{…}`), which become a list;
/// - double quotes left unescaped inside a string (`"claimReviewed": "He said "no", twice"`,
///   a template pasting a headline into the block as it is): a quote ends a string only
///   where what follows can come after one (a key's `:`; after a value, `}`, `]`, the end,
///   or a comma and then what can follow that comma), so a quote followed by words is
///   part of the text, as the writer meant it.
///
/// A script whose every quote is written as a character reference (`{&quot;@type&quot;: …}`,
/// a CMS escaping the block as if it were an attribute) is read with its references
/// decoded (`entitiesDecoded`), as extruct's users asked of it.
///
/// Everything inside strings other than those escapes is kept as it is. A text that needs
/// none of this is not copied: `repaired` answers `nil`, and so does a text this cannot
/// make into JSON, which stays refused.
enum JSONLDRepair {
  static func repaired(_ input: [UInt8]) -> [UInt8]? {
    var scanner = Scanner(input)
    scanner.run()
    return scanner.changed ? scanner.output : nil
  }

  /// The text with its character references decoded, when its quotes are written as
  /// references; `nil` otherwise.
  static func entitiesDecoded(_ input: [UInt8]) -> [UInt8]? {
    let text = String(decoding: input, as: UTF8.self)
    guard ["&quot;", "&#34;", "&#x22;", "&#X22;"].contains(where: text.contains) else {
      return nil
    }
    return Array(HTMLText.referencesDecoded(text).utf8)
  }

  private struct Scanner {
    let input: [UInt8]
    var index = 0
    var output: [UInt8] = []
    var changed = false
    /// Where the last byte outside a string that is not white space went in `output`.
    var lastSignificant: Int?
    /// The open objects (`true`) and lists (`false`), innermost last.
    var containers: [Bool] = []
    var topLevelValues = 0
    var separateValues = false

    init(_ input: [UInt8]) {
      self.input = input
      output.reserveCapacity(input.count + 16)
      if input.starts(with: [0xEF, 0xBB, 0xBF]) {
        index = 3
        changed = true
      }
    }

    mutating func run() {
      while index < input.count {
        let byte = input[index]
        if byte == UInt8(ascii: "\"") {
          string()
        } else if skipsMarkup() {
          changed = true
        } else {
          structural(byte)
        }
      }
      if separateValues {
        dropTrailingComma()
        output.insert(UInt8(ascii: "["), at: 0)
        output.append(UInt8(ascii: "]"))
        changed = true
      }
    }

    /// A string, from its opening quote to its closing one (or the end of the text).
    private mutating func string() {
      startValue()
      let isKey =
        containers.last == true
        && lastSignificant.map { [UInt8(ascii: "{"), UInt8(ascii: ",")].contains(output[$0]) }
          ?? false
      output.append(input[index])
      index += 1
      while index < input.count {
        let byte = input[index]
        switch byte {
        case UInt8(ascii: "\"") where !endsString(after: index + 1, isKey: isKey):
          output += [UInt8(ascii: "\\"), byte]
          index += 1
          changed = true
        case UInt8(ascii: "\""):
          output.append(byte)
          index += 1
          lastSignificant = output.count - 1
          return
        case UInt8(ascii: "\\"):
          escape()
        case ..<0x20:
          appendEscaped(control: byte)
          index += 1
        default:
          output.append(byte)
          index += 1
        }
      }
    }

    /// Whether a quote whose next byte is at `position` ends its string: what follows it
    /// (after white space) can follow a key (`:`) or a value (`,` and then what can come after
    /// that comma in its container, `}`, `]`, the end, or a comment).
    private func endsString(after position: Int, isKey: Bool) -> Bool {
      guard let next = significant(from: position) else { return true }
      if isKey { return input[next] == UInt8(ascii: ":") }
      switch input[next] {
      case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "/"), UInt8(ascii: "<"),
        UInt8(ascii: ";"):
        return true
      case UInt8(ascii: ","):
        guard let after = significant(from: next + 1) else { return true }
        return startsItem(at: after)
      default:
        // At the top level, another value may follow directly (`{…}{…}`).
        return containers.isEmpty && startsItem(at: next)
      }
    }

    /// Whether what is at `position` can follow a comma in the innermost container: a key
    /// (or the container's end) in an object, any value in a list.
    private func startsItem(at position: Int) -> Bool {
      let byte = input[position]
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "/"),
        UInt8(ascii: "<"):
        return true
      case _ where containers.last == true:
        return false
      case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "-"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
      default:
        return ["true", "false", "null"].contains { word in
          input[position...].starts(with: word.utf8)
        }
      }
    }

    /// The first byte at or after `position` that is not white space, looking no further
    /// than 4 KiB (a quote followed by more white space than that ends its string).
    private func significant(from position: Int) -> Int? {
      var index = position
      while index < min(input.count, position + 4096), Self.isSpace(input[index]) { index += 1 }
      return index < input.count && index < position + 4096 ? index : nil
    }

    /// A backslash and what follows it: JSON's escapes kept, JavaScript's others read as
    /// JavaScript reads them (`\'` is `'`, `\d` is `d`, a backslash before a line break
    /// continues the line).
    private mutating func escape() {
      guard index + 1 < input.count else {
        index += 1
        changed = true
        return
      }
      let next = input[index + 1]
      index += 2
      switch next {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
        UInt8(ascii: "u"):
        output += [UInt8(ascii: "\\"), next]
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        changed = true
        if next == UInt8(ascii: "\r"), index < input.count, input[index] == UInt8(ascii: "\n") {
          index += 1
        }
      case ..<0x20:
        appendEscaped(control: next)
      default:
        output.append(next)
        changed = true
      }
    }

    private mutating func appendEscaped(control byte: UInt8) {
      changed = true
      switch byte {
      case UInt8(ascii: "\n"): output += Array("\\n".utf8)
      case UInt8(ascii: "\r"): output += Array("\\r".utf8)
      case UInt8(ascii: "\t"): output += Array("\\t".utf8)
      default:
        let hex = Array("0123456789abcdef".utf8)
        output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      }
    }

    /// Comments and the HTML markers around a script, outside strings: skipped.
    private mutating func skipsMarkup() -> Bool {
      guard
        [UInt8(ascii: "<"), UInt8(ascii: "-"), UInt8(ascii: "]"), UInt8(ascii: "/")]
          .contains(input[index])
      else { return false }
      for marker in ["<!--", "-->", "<![CDATA[", "]]>"] where matches(marker) {
        index += marker.utf8.count
        return true
      }
      if matches("//") {
        while index < input.count, input[index] != UInt8(ascii: "\n") { index += 1 }
        return true
      }
      if matches("/*") {
        index += 2
        while index < input.count, !matches("*/") { index += 1 }
        index = min(input.count, index + 2)
        return true
      }
      return false
    }

    private func matches(_ marker: String) -> Bool {
      var position = index
      for byte in marker.utf8 {
        guard position < input.count, input[position] == byte else { return false }
        position += 1
      }
      return true
    }

    /// A byte outside strings.
    private mutating func structural(_ byte: UInt8) {
      index += 1
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        output.append(byte)
        return
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        dropTrailingComma()
        _ = containers.popLast()
        if containers.isEmpty { topLevelValues += 1 }
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        startValue()
        containers.append(byte == UInt8(ascii: "{"))
      case UInt8(ascii: ";") where containers.isEmpty:
        changed = true
        return
      default:
        break
      }
      output.append(byte)
      lastSignificant = output.count - 1
    }

    /// A value starting at the top level after another: the two become items of a list.
    private mutating func startValue() {
      guard containers.isEmpty, topLevelValues > 0 else { return }
      separateValues = true
      if let last = lastSignificant, output[last] == UInt8(ascii: ",") { return }
      output.append(UInt8(ascii: ","))
      lastSignificant = output.count - 1
    }

    /// A comma with nothing after it in its object or list.
    private mutating func dropTrailingComma() {
      guard let last = lastSignificant, output[last] == UInt8(ascii: ",") else { return }
      output.remove(at: last)
      lastSignificant = output[..<last].lastIndex { !Self.isSpace($0) }
      changed = true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
    }
  }
}
