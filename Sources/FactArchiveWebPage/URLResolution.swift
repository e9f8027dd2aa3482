import Foundation

/// Relative addresses made absolute, as a browser resolves an `href` against the page's
/// base (RFC 3986, through Foundation's `URL`). Addresses with spaces or non-ASCII letters
/// are percent-encoded first, as browsers send them.
enum URLResolution {
  static func absolute(_ reference: String, against base: String) -> String? {
    guard let baseURL = url(base) else { return nil }
    guard let resolved = url(reference, relativeTo: baseURL) else { return nil }
    return resolved.absoluteString
  }

  static func url(_ text: String, relativeTo base: URL? = nil) -> URL? {
    if let url = URL(string: text, relativeTo: base) { return url }
    var allowed = CharacterSet.urlQueryAllowed
    allowed.insert(charactersIn: "#%")
    guard let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) else {
      return nil
    }
    return URL(string: encoded, relativeTo: base)
  }
}
