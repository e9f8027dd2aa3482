import Foundation
import Hummingbird

/// A `multipart/form-data` body (RFC 7578), as the "Add to the archive" page's file upload
/// sends it: each part's field name, file name and bytes. Parts are read as given; nothing is
/// decoded beyond the part headers.
struct MultipartForm {
  struct Part {
    var name: String
    var filename: String?
    var bytes: [UInt8]
  }

  var parts: [Part]

  /// The boundary of a `multipart/form-data` content type; `nil` for any other.
  static func boundary(of contentType: String?) -> String? {
    guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
      return nil
    }
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if pair.count == 2, pair[0].lowercased() == "boundary" {
        let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return value.isEmpty || value.utf8.count > 200 ? nil : value
      }
    }
    return nil
  }

  init(_ body: [UInt8], boundary: String) throws(DeskError) {
    let delimiter = Array("--\(boundary)".utf8)
    var parts: [Part] = []
    var positions = Self.occurrences(of: delimiter, in: body)
    guard positions.count >= 2 else {
      throw DeskError.badRequest("The upload could not be read: no parts.")
    }
    // The last delimiter is followed by "--": everything between two delimiters is a part.
    positions.append(body.count)
    for (start, end) in zip(positions, positions.dropFirst()) {
      var from = start + delimiter.count
      guard from + 1 < body.count, !(body[from] == 0x2D && body[from + 1] == 0x2D) else { break }
      if body[from] == 0x0D, body[from + 1] == 0x0A { from += 2 }
      guard let split = Self.occurrences(of: [0x0D, 0x0A, 0x0D, 0x0A], in: body[from..<end]).first
      else { throw DeskError.badRequest("The upload could not be read: a part has no headers.") }
      let headers = String(decoding: body[from..<split], as: UTF8.self)
      var contentEnd = end
      if contentEnd - 2 >= split + 4, body[contentEnd - 2] == 0x0D, body[contentEnd - 1] == 0x0A {
        contentEnd -= 2
      }
      guard let disposition = Self.disposition(headers), let name = disposition["name"] else {
        throw DeskError.badRequest("The upload could not be read: a part has no name.")
      }
      parts.append(
        Part(
          name: name, filename: disposition["filename"],
          bytes: Array(body[(split + 4)..<contentEnd])))
    }
    self.parts = parts
  }

  /// The parameters of the part's `Content-Disposition: form-data; name="…"; filename="…"`.
  static func disposition(_ headers: String) -> [String: String]? {
    for line in headers.split(separator: "\r\n") {
      let pieces = line.split(separator: ":", maxSplits: 1)
      guard pieces.count == 2, pieces[0].lowercased() == "content-disposition" else { continue }
      var values: [String: String] = [:]
      for parameter in pieces[1].split(separator: ";").dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1)
        guard pair.count == 2 else { continue }
        let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
        values[key] = pair[1].trimmingCharacters(in: .whitespaces)
          .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
      return values
    }
    return nil
  }

  /// Where `pattern` starts in `bytes`, in order, not overlapping.
  static func occurrences(of pattern: [UInt8], in bytes: some Collection<UInt8>) -> [Int] {
    let array = Array(bytes)
    let offset = (bytes as? ArraySlice<UInt8>)?.startIndex ?? 0
    guard let first = pattern.first, array.count >= pattern.count else { return [] }
    var found: [Int] = []
    var index = 0
    while index <= array.count - pattern.count {
      if array[index] == first, array[index..<(index + pattern.count)].elementsEqual(pattern) {
        found.append(offset + index)
        index += pattern.count
      } else {
        index += 1
      }
    }
    return found
  }
}
