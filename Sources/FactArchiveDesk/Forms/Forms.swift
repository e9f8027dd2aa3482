import FactArchiveQuery

/// The forms the desk's pages post and the query strings they read, each a `Decodable`
/// struct decoded by Hummingbird's `URLEncodedFormDecoder`. Values are checked by the
/// handler that uses them, with a message that names the field.

/// `POST /checks/:id/review`.
struct ReviewForm: Decodable {
  var verdict: String?
  var on: String?
  var note: String?
}

/// `POST /checks/:id/snooze`.
struct SnoozeForm: Decodable {
  var until: String?
  var note: String?
}

/// `POST /questions/:id/merge` (`other` merged into `:id`) and `POST /questions/:id/split`;
/// `back` is the check page to return to.
struct QuestionForm: Decodable {
  var other: String?
  var back: String?
}

/// `POST /name`: the editor's display name on a desk without accounts.
struct NameForm: Decodable {
  var name: String?
}

/// `POST /login`.
struct LoginForm: Decodable {
  var user: String?
  var password: String?
  var next: String?
}

/// The CSRF token every form carries (`CSRFMiddleware` reads only this field).
struct CSRFField: Decodable {
  var csrf: String?
}

/// `?as_of=` on a check's page.
struct DayQuery: Decodable {
  var asOf: String?
  enum CodingKeys: String, CodingKey { case asOf = "as_of" }
}

/// `/search?q=&in=&page=` and `/api/search?q=&in=&limit=&offset=`.
struct SearchQuery: Decodable {
  var q: String?
  var scope: String?
  var page: String?
  var limit: String?
  var offset: String?

  enum CodingKeys: String, CodingKey {
    case q
    case scope = "in"
    case page, limit, offset
  }

  /// `in=`: checks, sources or all (the default).
  func searchScope() throws -> FullTextSearch.Scope {
    guard let given = scope?.nonEmpty else { return .all }
    guard let scope = FullTextSearch.Scope(rawValue: given) else {
      throw DeskError.badRequest("in: checks, sources or all, not \(given).")
    }
    return scope
  }
}

/// `/login?next=&failed=`.
struct LoginQuery: Decodable {
  var next: String?
  var failed: String?
}

/// The queue's filters as the query string gives them (`QueueFilters` checks them).
struct QueueQuery: Decodable {
  var asOf: String?
  var topic: String?
  var reason: String?
  var tier: String?
  var q: String?
  var order: String?
  var limit: String?
  var page: String?
  var rating: String?

  enum CodingKeys: String, CodingKey {
    case asOf = "as_of"
    case topic, reason, tier, q, order, limit, page, rating
  }
}
