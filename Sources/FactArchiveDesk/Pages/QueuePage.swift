import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery

/// `/`: the queue, tier by tier, with why each check is there.
enum QueuePage {
  static func body(
    checks: [StaleCheck], hasNextPage: Bool, tierCounts: [QueueTier: Int]?, filters: QueueFilters,
    topics: [String]
  ) -> HTML {
    var html: HTML = """
      <h1>Stale queue <span class="sub">as of \(Layout.day(filters.asOf.iso))</span></h1>
      <p class="sub">\(howMany(tierCounts)) may be outdated, taken tier by tier: \
      those an editor marked as needing an update, then those with the publisher's banner or \
      newer evidence, then time-sensitive ones, then those that are only old.</p>

      """
    html += tabs(tierCounts, filters: filters)
    html += filterForm(filters, topics: topics)
    guard !checks.isEmpty else {
      return html + "<p class=\"notice\">No stale checks match.</p>\n"
    }
    html += """
      <table class="queue"><thead><tr><th>tier</th><th class="num">check</th><th>question and why</th>\
      <th class="hide">date</th><th class="num hide">overdue</th><th class="num hide">citations</th>\
      </tr></thead><tbody>

      """
    for check in checks {
      html += row(check)
    }
    html += "</tbody></table>\n"
    html += pager(filters: filters, hasNextPage: hasNextPage)
    return html
  }

  static func tierBadge(_ tier: QueueTier?) -> HTML {
    guard let tier else { return "" }
    return
      "<span class=\"tier tier-\(tier.rawValue)\" title=\"\(tier.name)\">\(tier.rawValue)</span>"
  }

  static func row(_ check: StaleCheck) -> HTML {
    var reasons = HTML()
    for reason in check.reasons {
      reasons += "<li><code>\(reason.code.rawValue)</code> \(reason.detail)</li>"
    }
    return """
      <tr><td>\(tierBadge(check.tier))</td><td class="num"><a href="/checks/\(check.checkID)">\(check.checkID)</a></td>\
      <td><a href="/checks/\(check.checkID)"><bdi>\(check.question)</bdi></a>\(publisherLine(check))<ul class="reasons">\(reasons)</ul></td>\
      <td class="date hide">\(check.dateLabel)</td><td class="num hide">\(check.overdueDays) d</td>\
      <td class="num hide">\(check.citationCount)</td></tr>

      """
  }

  /// `AFP Fact Check · rated false`, for other publishers' checks.
  static func publisherLine(_ check: StaleCheck) -> HTML {
    guard let publisher = check.publisher else { return "" }
    let rating: HTML = check.ratingClass.map { " · rated \($0.argument)" } ?? ""
    return " <span class=\"sub\">\(publisher)\(rating)</span>"
  }

  /// "12 checks", or, when the question text is too broad to count quickly
  /// (`StaleQueue.tierCounts`), what would be counted.
  static func howMany(_ counts: [QueueTier: Int]?) -> HTML {
    guard let counts else {
      return """
        Checks whose question contains the text (not counted: the text is in more than \
        \(StaleQueue.defaultCountedQuestions) questions)
        """
    }
    let total = counts.values.reduce(0, +)
    return "\(total) \(total == 1 ? "check" : "checks")"
  }

  static func tabs(_ counts: [QueueTier: Int]?, filters: QueueFilters) -> HTML {
    // No number at all rather than a wrong one when the text was too broad to count.
    func count(_ value: Int) -> HTML {
      counts == nil ? "" : "<span class=\"count\">\(value)</span>"
    }
    var html: HTML = "<ul class=\"tabs\">"
    let all = counts?.values.reduce(0, +) ?? 0
    let allLink = Layout.link("/", filters.fields(clear: ["tier", "page"]))
    html +=
      "<li><a class=\"\(filters.tier == nil ? "on" : "")\" href=\"\(allLink)\">all\(count(all))</a></li>"
    for tier in QueueTier.allCases {
      let link = Layout.link(
        "/", filters.fields(set: ["tier": String(tier.rawValue)], clear: ["page"]))
      html +=
        "<li><a class=\"\(filters.tier == tier ? "on" : "")\" href=\"\(link)\">\(tier.label)\(count(counts?[tier] ?? 0))</a></li>"
    }
    return html + "</ul>\n"
  }

  static func filterForm(_ filters: QueueFilters, topics: [String]) -> HTML {
    var topicOptions: HTML = "<option value=\"\">any</option>"
    for topic in topics {
      topicOptions +=
        "<option value=\"\(topic)\"\(filters.topic == topic ? HTML(stringLiteral: " selected") : "")>\(topic)</option>"
    }
    var reasonOptions: HTML = "<option value=\"\">any</option>"
    for code in StaleReason.Code.allCases {
      reasonOptions +=
        "<option value=\"\(code.rawValue)\"\(filters.reason == code ? HTML(stringLiteral: " selected") : "")>\(code.rawValue)</option>"
    }
    var ratingOptions: HTML = "<option value=\"\">any</option>"
    for rating in RatingClass.allCases {
      ratingOptions +=
        "<option value=\"\(rating.argument)\"\(filters.ratingClass == rating ? HTML(stringLiteral: " selected") : "")>\(rating.argument)</option>"
    }
    var tierOptions: HTML = "<option value=\"\">any</option>"
    for tier in QueueTier.allCases {
      tierOptions +=
        "<option value=\"\(tier.rawValue)\"\(filters.tier == tier ? HTML(stringLiteral: " selected") : "")>\(tier.label)</option>"
    }
    return """
      <form class="filters" method="get" action="/">
      <label>Text in the question <input name="q" value="\(filters.text)" maxlength="200"></label>
      <label>Topic <select name="topic">\(topicOptions)</select></label>
      <label>Reason <select name="reason">\(reasonOptions)</select></label>
      <label>Tier <select name="tier">\(tierOptions)</select></label>
      <label>Other publishers' rating <select name="rating">\(ratingOptions)</select></label>
      <label>As of <input type="date" name="as_of" value="\(filters.asOf.iso)"></label>
      <button type="submit">Filter</button>
      </form>

      """
  }

  static func pager(filters: QueueFilters, hasNextPage: Bool) -> HTML {
    var html: HTML = "<p class=\"pager\">"
    if filters.page > 1 {
      let link = Layout.link("/", filters.fields(set: ["page": String(filters.page - 1)]))
      html += "<a href=\"\(link)\">← previous page</a>"
    } else {
      html += "<span></span>"
    }
    html += "<span class=\"sub\">page \(filters.page)</span>"
    if hasNextPage {
      let link = Layout.link("/", filters.fields(set: ["page": String(filters.page + 1)]))
      html += "<a href=\"\(link)\">next page →</a>"
    } else {
      html += "<span></span>"
    }
    return html + "</p>\n"
  }
}
