import FactArchiveCore

/// A piece of HTML that is safe by construction: the one way FactArchive writes HTML.
///
/// Markup can only come from string literals written in the source; every `String`
/// interpolated into an `HTML` literal is escaped, so article text cannot become markup by
/// accident:
///
/// ```swift
/// let question = #"Did <script>alert(1)</script> "X" happen?"#
/// let row: HTML = "<tr><td class=\"q\">\(question)</td><td>\(42)</td></tr>"
/// row.markup  // <tr><td class="q">Did &lt;script&gt;…&quot;X&quot; happen?</td><td>42</td></tr>
/// ```
///
/// Escaping walks Unicode scalars, not `Character`s: `"` followed by a combining mark
/// (U+0301) is one `Character`, and must still be escaped. Escaped text is safe in element
/// content and in double- or single-quoted attribute values; it is not safe in unquoted
/// attributes, `<script>` or `<style>` (write none of those around interpolations), or as a
/// URL (use `HTML.link(to:_:)`, which refuses everything but http and https).
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
  /// The markup.
  public private(set) var markup: String

  public init() {
    markup = ""
  }

  /// Markup written in the source: only a literal can be one.
  public init(stringLiteral literal: StaticString) {
    markup = literal.description
  }

  public init(stringInterpolation: StringInterpolation) {
    markup = stringInterpolation.markup
  }

  /// Text shown as text.
  public init(text: String) {
    markup = HTML.escape(text)
  }

  public var description: String { markup }

  public struct StringInterpolation: StringInterpolationProtocol {
    var markup = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      markup.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    /// The literal parts of the template: markup.
    public mutating func appendLiteral(_ literal: StaticString) {
      markup += literal.description
    }

    /// Text, escaped.
    public mutating func appendInterpolation(_ text: String) {
      HTML.escape(text, into: &markup)
    }

    /// Text, escaped; nothing for `nil`.
    public mutating func appendInterpolation(_ text: String?) {
      if let text { HTML.escape(text, into: &markup) }
    }

    /// HTML built safely elsewhere, as it is.
    public mutating func appendInterpolation(_ html: HTML) {
      markup += html.markup
    }

    /// A number, as digits.
    public mutating func appendInterpolation(_ number: some BinaryInteger) {
      markup += String(number)
    }
  }

  public mutating func append(_ other: HTML) {
    markup += other.markup
  }

  public static func + (left: HTML, right: HTML) -> HTML {
    var result = left
    result.append(right)
    return result
  }

  public static func += (left: inout HTML, right: HTML) {
    left.append(right)
  }

  /// `&`, `<`, `>`, `"` and `'` as entities, scalar by scalar.
  public static func escape(_ text: String) -> String {
    var output = ""
    escape(text, into: &output)
    return output
  }

  static func escape(_ text: String, into output: inout String) {
    output.reserveCapacity(output.utf8.count + text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.unicodeScalars.append(scalar)
      }
    }
  }

  /// A link to `url` when it is an http or https URL; otherwise the text alone, so a
  /// `javascript:` or `data:` URL from an article never becomes a live link.
  public static func link(
    to url: String, _ content: HTML, rel: StaticString = "noopener noreferrer"
  )
    -> HTML
  {
    guard WebAddress.isWeb(url) else { return content }
    return "<a href=\"\(url)\" rel=\"\(HTML(stringLiteral: rel))\">\(content)</a>"
  }

}

extension Sequence where Element == HTML {
  /// The pieces one after another.
  public func joined() -> HTML {
    reduce(into: HTML()) { $0.append($1) }
  }
}
