import Foundation
import Hummingbird

/// The fields of a URL-encoded form or query string (`a=1&b=two+words`): `+` is a space and
/// `%XX` a byte, as browsers send them. A field given twice keeps its first value.
public struct FormFields: Sendable, Equatable {
  public let values: [String: String]

  public init(_ encoded: Substring) {
    var values: [String: String] = [:]
    for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      if values[name] == nil { values[name] = value }
    }
    self.values = values
  }

  public subscript(_ name: String) -> String? { values[name] }

  /// The field, trimmed, or `nil` when absent or empty.
  public func text(_ name: String) -> String? {
    guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines),
      !value.isEmpty
    else { return nil }
    return value
  }

  static func decode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "+"):
        bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        let high = iterator.next()
        let low = iterator.next()
        if let high, let low,
          let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
        {
          bytes.append(value)
        } else {
          bytes.append(byte)
          if let high { bytes.append(high) }
          if let low { bytes.append(low) }
        }
      default:
        bytes.append(byte)
      }
    }
    // Invalid UTF-8 becomes U+FFFD, never a crash.
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension Request {
  /// The query string's fields.
  var query: FormFields { FormFields((uri.query ?? "")[...]) }

  /// The body's fields (a URL-encoded form), read up to the desk's body limit (413 past it).
  mutating func form(context: DeskContext) async throws -> FormFields {
    let buffer = try await collectBody(upTo: context.maxUploadSize)
    return FormFields(String(buffer: buffer)[...])
  }
}
