/// JSON-LD in the other forms the standard allows, read as the compact form publishers
/// write and the rest of the archive reads (`"@type": "ClaimReview"`, `"claimReviewed":
/// "…"`):
///
/// - terms written with a prefix (`"schema:claimReviewed"`, with `"@context": {"schema":
///   "http://schema.org/"}`, or `sdo:`), or as full IRIs (`"http://schema.org/name"`), which
///   is how tools that expand JSON-LD (pyld, rdflib, a triple store's export) write it;
/// - types named the same ways (`"@type": ["http://schema.org/ClaimReview"]`);
/// - value objects (`{"@value": "…", "@language": "fr"}`) and list objects (`{"@list": […]}`);
/// - the one-item lists expanded JSON-LD puts every value in, under the terms it expanded.
///
/// Only what is written in those forms is rewritten; a document in the compact form is
/// returned as it is, unread beyond one walk.
enum JSONLDForms {
  static func compacted(_ json: Any) -> Any {
    var compactor = Compactor(prefixes: schemaPrefixes(in: json))
    return compactor.compact(json) ?? json
  }

  /// schema.org's vocabulary, as contexts and IRIs name it.
  static let vocabularies = [
    "http://schema.org/", "https://schema.org/", "http://www.schema.org/",
    "https://www.schema.org/",
  ]

  /// The prefixes the document's top-level contexts bind to schema.org, with the two
  /// conventional ones (`schema`, `sdo`).
  static func schemaPrefixes(in json: Any) -> Set<String> {
    var prefixes: Set<String> = ["schema", "sdo"]
    for case let root as [String: Any] in JSONLD.list(json).prefix(100) {
      for case let context as [String: Any] in JSONLD.list(root["@context"]) {
        for (prefix, value) in context {
          if let iri = value as? String, vocabularies.contains(iri) { prefixes.insert(prefix) }
        }
      }
    }
    return prefixes
  }

  private struct Compactor {
    let prefixes: Set<String>
    /// A bound on the values one document's walk visits, as `JSONLD.objects` has.
    var budget = JSONLD.mostValues

    /// The value in compact form, or `nil` when it is in compact form already.
    mutating func compact(_ value: Any) -> Any? {
      guard budget > 0 else { return nil }
      budget -= 1
      if let array = value as? [Any] {
        var result: [Any]?
        for (position, element) in array.enumerated() {
          guard let compacted = compact(element) else { continue }
          if result == nil { result = array }
          result?[position] = compacted
        }
        return result
      }
      guard let object = value as? [String: Any] else { return nil }
      if let literal = object["@value"] { return literal }
      if let list = object["@list"] { return compact(list) ?? list }
      var result: [String: Any]?
      for key in object.keys.sorted() {
        guard let member = object[key] else { continue }
        let term = self.term(key)
        var compacted = key == "@type" ? types(member) : compact(member)
        if term != key, let items = (compacted ?? member) as? [Any], items.count == 1 {
          compacted = items[0]
        }
        guard term != key || compacted != nil else { continue }
        if result == nil { result = object }
        if term != key {
          result?[key] = nil
          // A document that writes a term both ways keeps the compact one.
          guard object[term] == nil else { continue }
        }
        result?[term] = compacted ?? member
      }
      return result
    }

    /// `@type`'s names, without their vocabulary.
    private func types(_ value: Any) -> Any? {
      if let name = value as? String {
        let term = self.term(name)
        return term == name ? nil : term
      }
      guard let names = value as? [Any] else { return nil }
      let terms = names.map { name in (name as? String).map(term) ?? name }
      return zip(names, terms).contains { ($0 as? String) != ($1 as? String) } ? terms : nil
    }

    /// A key or type name as a schema.org term: `schema:name` and `http://schema.org/name`
    /// are `name`; keywords and other vocabularies' terms stay as they are.
    private func term(_ key: String) -> String {
      guard !key.hasPrefix("@"), let colon = key.firstIndex(of: ":") else { return key }
      for vocabulary in JSONLDForms.vocabularies where key.hasPrefix(vocabulary) {
        return String(key.dropFirst(vocabulary.count))
      }
      let prefix = String(key[..<colon])
      return prefixes.contains(prefix) ? String(key[key.index(after: colon)...]) : key
    }
  }
}
