import FactArchiveCore
import FactArchiveQuery

/// `/search?q=&in=`: ranked full-text search of checks and sources, the same FTS5 queries as
/// `factarchive search`.
enum SearchPage {
  static func body(
    query: String?, scope: FullTextSearch.Scope, hits: [FullTextSearch.Hit], page: Int,
    pageSize: Int, hasNextPage: Bool, error: String?
  )
    -> HTML
  {
    var choices: HTML = ""
    for choice in FullTextSearch.Scope.allCases {
      let selected: HTML = choice == scope ? " selected" : ""
      choices += "<option value=\"\(choice.rawValue)\"\(selected)>\(choice.rawValue)</option>"
    }
    var html: HTML = """
      <h1>Search</h1>
      <form class="filters" method="get" action="/search">
      <label>Words, "exact phrases", OR, NOT, prefix* <input name="q" value="\(query)" maxlength="500" size="40"></label>
      <label>in <select name="in">\(choices)</select></label>
      <button type="submit">Search</button>
      </form>

      """
    if let error {
      return html + "<p class=\"notice\">\(error)</p>\n"
    }
    guard let query else { return html }
    guard !hits.isEmpty else { return html + "<p class=\"notice\">Nothing matches \(query).</p>\n" }
    if hits.contains(where: { $0.ranking == .newest }) {
      html += "<p class=\"notice\">\(FullTextSearch.broadNote)</p>\n"
    } else if hits.contains(where: { $0.ranking == .address }) {
      html += "<p class=\"notice\">\(FullTextSearch.addressNote)</p>\n"
    }
    html += "<ol class=\"hits\" start=\"\((page - 1) * pageSize + 1)\">"
    for hit in hits {
      let latest: HTML = hit.isLatest ? "" : " · superseded"
      let path = hit.kind == .check ? "/checks/\(hit.id)" : "/sources/\(hit.id)"
      html += """
        <li><span class="sub">\(hit.kind.rawValue)</span> <a href="\(path)"><bdi>\(hit.title)</bdi></a> <span class="sub">(\(hit.dateLabel)\(latest))</span>\
        <br><span class="sub">\(hit.field):</span> \(Layout.highlighted(hit.snippet))</li>
        """
    }
    html += "</ol>\n<p class=\"pager\">"
    if page > 1 {
      html +=
        "<a href=\"\(Layout.link("/search", [("q", query), ("in", scope.rawValue), ("page", String(page - 1))]))\">← previous page</a>"
    } else {
      html += "<span></span>"
    }
    if hasNextPage {
      html +=
        "<a href=\"\(Layout.link("/search", [("q", query), ("in", scope.rawValue), ("page", String(page + 1))]))\">next page →</a>"
    }
    return html + "</p>\n"
  }
}

/// `/sources/{id}`: a source article, its links, and the checks it is newer evidence for.
enum SourcePage {
  static func body(_ source: SourceDetail) -> HTML {
    var html: HTML = "<h1 dir=\"auto\">\(source.title)</h1>\n"
    var meta = "source \(source.sourceID) · \(source.dateLabel)"
    if let byline = source.byline { meta += " · \(byline)" }
    if let label = source.label { meta += " · \(label)" }
    html += "<p class=\"meta\">\(meta)</p>\n"
    if !source.evidenceFor.isEmpty {
      html += "<h2>Newer evidence for</h2>\n<ul>"
      for check in source.evidenceFor {
        let telling = check.tellingTerms.joined(separator: ", ")
        html +=
          "<li><a href=\"/checks/\(check.checkID)\"><bdi>\(check.question)</bdi></a> <span class=\"sub\">(shares <mark>\(telling)</mark>)</span></li>"
      }
      html += "</ul>\n"
    }
    html += "<h2>Text</h2>\n<div class=\"summary\">"
    for paragraph in source.body.components(separatedBy: "\n") where !paragraph.isEmpty {
      html += "<p dir=\"auto\">\(paragraph)</p>"
    }
    html += "</div>\n"
    if !source.links.isEmpty {
      html += "<h2>Links</h2>\n<ul>"
      for link in source.links {
        // Only http and https become links: a javascript: URL stays text.
        html += "<li>\(HTML.link(to: link.url, HTML(text: link.url)))"
        if link.inReferences { html += " <span class=\"sub\">(reference)</span>" }
        html += "</li>"
      }
      html += "</ul>\n"
    }
    return html
  }
}

/// `/reports`: the recorded nightly reports and the stale counts over time.
enum ReportsPage {
  static func body(_ runs: [NightlyReport.RecordedRun]) -> HTML {
    var html: HTML = "<h1>Nightly reports</h1>\n"
    guard !runs.isEmpty else {
      return html
        + "<p class=\"notice\">No report has been recorded yet: <code>factarchive report</code> records one a day.</p>\n"
    }
    html += "<figure><figcaption>Stale checks in each report</figcaption>\n"
    html += HTMLReport.barChart(
      runs.prefix(60).reversed().map { ReportContent.Count(name: $0.asOf.iso, count: $0.stale) },
      id: "runs")
    html += "</figure>\n"
    html += """
      <table><thead><tr><th>day</th><th class="num">latest checks</th><th class="num">stale</th>\
      <th class="num">newly stale</th><th class="num">refreshed</th><th class="num">snoozed</th>\
      <th class="num">reviewed</th><th class="hide">recorded</th></tr></thead><tbody>

      """
    for run in runs {
      html += """
        <tr><td class="date"><a href="/reports/\(run.asOf.iso)">\(run.asOf.iso)</a></td>\
        <td class="num">\(run.checks)</td><td class="num">\(run.stale)</td><td class="num">\(run.newStale)</td>\
        <td class="num">\(run.refreshed)</td><td class="num">\(run.snoozed)</td><td class="num">\(run.reviewed)</td>\
        <td class="hide sub">\(run.recordedAt) by \(run.recordedBy)</td></tr>

        """
    }
    return html + "</tbody></table>\n"
  }
}

/// `/login`: signing in on a desk with accounts.
enum LoginPage {
  static func body(next: String, failed: Bool, context: DeskContext) -> HTML {
    var html: HTML = "<h1>Sign in</h1>\n"
    if failed { html += "<p class=\"banner\">That name and password do not match.</p>\n" }
    html += """
      <form class="card" method="post" action="/login">\(Layout.csrfField(context))
      <input type="hidden" name="next" value="\(next)">
      <label>Name <input name="user" autocomplete="username" required></label>
      <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
      </form>

      """
    return html
  }
}
