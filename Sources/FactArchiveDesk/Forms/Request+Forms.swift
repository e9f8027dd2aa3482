import FactArchiveCore
import Hummingbird

extension Request {
  /// The query string decoded into `T` (`URLEncodedFormDecoder`); a query that cannot be
  /// read is a 400 that says why.
  func query<T: Decodable>(as type: T.Type = T.self) throws(DeskError) -> T {
    do {
      return try URLEncodedFormDecoder().decode(T.self, from: uri.query ?? "")
    } catch {
      throw DeskError.badRequest("The query string could not be read: \(FormProblem(error)).")
    }
  }

  /// The body, a URL-encoded form, decoded into `T`, read up to the desk's body limit (413
  /// past it). The body is kept, so a middleware and the handler can both read it.
  mutating func form<T: Decodable>(as type: T.Type = T.self, context: DeskContext) async throws
    -> T
  {
    let buffer = try await collectBody(upTo: context.maxUploadSize)
    do {
      return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
    } catch {
      throw DeskError.badRequest("The form could not be read: \(FormProblem(error)).")
    }
  }
}

/// What was wrong with a form, in a few words (never the values sent).
struct FormProblem: CustomStringConvertible {
  let error: any Error
  init(_ error: any Error) { self.error = error }

  var description: String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' is not as expected"
    default: return "a field is given twice or is not URL-encoded"
    }
  }
}

extension String {
  /// The text trimmed, or `nil` when nothing is left: an empty form field is no value.
  var nonEmpty: String? {
    let trimmed = trimmingSpaces()
    return trimmed.isEmpty ? nil : trimmed
  }
}
