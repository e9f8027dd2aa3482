import FactArchiveIngest
import FactArchiveQuery

/// `/add`: "Add to the archive", by pasting addresses (the server fetches them) or uploading
/// saved files; and, after either, what each became.
enum AddPage {
  /// What one address or file became.
  struct Row: Sendable {
    var input: String
    var outcome: Outcome
    /// The document it became, when one was kept.
    var documentID: Int64? = nil
  }

  enum Outcome: Sendable {
    case landed(DocumentOutcome)
    case notModified
    case failed(String)
  }

  static func body(context: DeskContext, results: [Row] = [], urls: String = "") -> HTML {
    var html: HTML = "<h1>Add to the archive</h1>\n"
    if !results.isEmpty { html += resultList(results) }
    html += """
      <div class="cards">
      <div class="card"><form method="post" action="/add/urls">\(Layout.csrfField(context))
      <label>Addresses of pages or feeds, one per line
      <textarea name="urls" rows="6" required placeholder="https://news.example/2026/03/story">\(urls)</textarea></label>
      <button type="submit">Fetch and add</button>
      </form></div>
      <div class="card"><form method="post" action="/add/files" enctype="multipart/form-data">\(Layout.csrfField(context))
      <label>Saved pages (text, HTML, MHTML or Safari web archives), feeds or ClaimReview JSON \
      (several at once)
      <input type="file" name="files" multiple required></label>
      <button type="submit">Upload and add</button>
      </form></div>
      </div>
      <p class="muted">Pages are read as <code>factarchive ingest</code> reads them; the same \
      bytes twice add nothing.</p>

      """
    return html
  }

  static func resultList(_ rows: [Row]) -> HTML {
    var html: HTML =
      "<table class=\"results\"><thead><tr><th>Added</th><th>Became</th></tr></thead><tbody>\n"
    for row in rows {
      html +=
        "<tr><td>\(row.input)</td><td>\(describe(row.outcome, document: row.documentID))</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  static func describe(_ outcome: Outcome, document: Int64? = nil) -> HTML {
    switch outcome {
    case .failed(let reason): return "rejected: \(reason)"
    case .notModified: return "not changed since it was last fetched"
    case .landed(.unchanged): return "already in the archive (the same bytes)"
    case .landed(.rejected(let error)):
      let line = error.line.map { " (line \($0))" } ?? ""
      guard let document else { return "rejected: \(error.message)\(line)" }
      return
        "rejected: \(error.message)\(line); <a href=\"/documents/\(String(document))\">kept</a> "
        + "to be read again by <code>factarchive reparse</code>"
    case .landed(.parsed(let articles)) where articles.isEmpty:
      return "read, with nothing in it to add"
    case .landed(.parsed(let articles)):
      var parts: [HTML] = []
      for article in articles {
        switch article {
        case .new(let id): parts.append("<a href=\"/checks/\(String(id))\">a new check</a>")
        case .recheck(let id): parts.append("<a href=\"/checks/\(String(id))\">a re-check</a>")
        case .duplicate(let id):
          parts.append("<a href=\"/checks/\(String(id))\">another copy of a check</a>")
        case .source(let id): parts.append("<a href=\"/sources/\(String(id))\">a source</a>")
        case .sourceUpdated(let id):
          parts.append("<a href=\"/sources/\(String(id))\">a source, updated</a>")
        case .sourceUnchanged(let id):
          parts.append("<a href=\"/sources/\(String(id))\">a source already here</a>")
        }
      }
      return parts.dropFirst().reduce(parts[0]) { $0 + ", " + $1 }
    }
  }
}
