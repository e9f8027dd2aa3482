import FactArchiveCore

/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts
/// and nothing fetched from the network. Written with `HTML`, so every piece of article
/// text is escaped: a question containing `<script>` shows as text.
public enum HTMLReport {
  public static func render(_ content: ReportContent) -> String {
    page(content).markup
  }

  public static func page(_ content: ReportContent) -> HTML {
    let totals = content.totals
    var html: HTML = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <title>Staleness report for \(content.asOf.iso)</title>
      <style>\(HTML(stringLiteral: style))</style>
      </head>
      <body>
      <h1>Staleness report for \(content.asOf.iso)</h1>

      """
    let comparison: HTML =
      content.previousAsOf.map { "Compared with the report for \($0.iso)." }
      ?? "The first report: every stale check is new."
    html += "<p class=\"sub\">\(comparison)</p>\n"
    html += "<div class=\"cards\">\n"
    var cards = [
      ("latest checks", totals.checks), ("stale", totals.stale), ("newly stale", totals.newStale),
      ("still stale", totals.stillStale), ("refreshed", totals.refreshed),
      ("snoozed", totals.snoozed), ("undated", totals.undated),
    ]
    if let reviewed = totals.reviewed { cards.append(("reviewed", reviewed)) }
    if let verdicts = totals.otherVerdicts, let disagreements = totals.disagreements {
      cards.append(("other verdicts", verdicts))
      cards.append(("disagreeing", disagreements))
    }
    for (label, value) in cards {
      html += "<div class=\"card\"><b>\(value)</b><span>\(label)</span></div>\n"
    }
    html += "</div>\n<div class=\"charts\">\n"
    html += "<figure><figcaption>Age of the latest checks</figcaption>\n"
    html += barChart(content.ageBands, id: "ages") + "</figure>\n"
    html += "<figure><figcaption>Stale checks in past reports</figcaption>\n"
    html += barChart(content.history, id: "runs") + "</figure>\n</div>\n"
    for section in ReportRenderer.sections(content) {
      html += "<h2>\(section.title) <small>(\(section.total))</small></h2>\n"
      guard !section.items.isEmpty else {
        html += "<p class=\"none\">None.</p>\n"
        continue
      }
      html += "<table><thead><tr><th>#</th><th>check</th><th>question</th><th>date</th>"
      html += "<th>age</th><th>why</th></tr></thead><tbody>\n"
      for (offset, item) in section.items.enumerated() {
        html += "<tr><td>\(offset + 1)</td><td>\(item.checkID)</td>"
        html += "<td dir=\"auto\">\(item.question)</td>"
        html +=
          "<td class=\"date\">\(item.dateLabel)</td><td>\(item.ageDays.map(String.init) ?? "–")</td><td>"
        if let until = item.snoozedUntil {
          html += "<div>snoozed until \(until.iso)</div>"
        }
        for reason in item.reasons {
          html += "<div><code>\(reason.code.rawValue)</code> \(reason.detail)</div>"
        }
        if let review = item.lastReview {
          html += "<div><code>reviewed</code> \(review.sentence)</div>"
        }
        html += "</td></tr>\n"
      }
      html += "</tbody></table>\n"
      if section.total > section.items.count {
        html +=
          "<p class=\"none\">…and \(section.total - section.items.count) more (see staleness_flags).</p>\n"
      }
    }
    if let byTier = content.byTier {
      html += "<h2>By tier</h2>\n" + countTable(byTier, header: "tier")
    }
    if let byRating = content.byRatingClass, !byRating.isEmpty {
      html +=
        "<h2>Other publishers' checks by rating</h2>\n" + countTable(byRating, header: "rating")
    }
    html += "<h2>By topic</h2>\n" + countTable(content.byTopic, header: "topic")
    html += "<h2>By reason</h2>\n" + countTable(content.byReason, header: "reason")
    if let feeds = content.feeds {
      html += "<h2>Feeds</h2>\n<p>\(feeds.fetched) fetched and \(feeds.newItems) new feed items "
      html += "since the last report.</p>\n"
      if feeds.failing.isEmpty {
        html += "<p class=\"none\">No feed or page is failing.</p>\n"
      } else {
        html +=
          "<table><thead><tr><th>failing</th><th>since</th><th>last error</th></tr></thead><tbody>\n"
        for feed in feeds.failing {
          html += "<tr><td>\(feed.url)</td><td>\(feed.since)</td><td>\(feed.error)</td></tr>\n"
        }
        html += "</tbody></table>\n"
      }
    }
    html += "<p class=\"sub\">Recorded \(content.recordedAt) by factarchive.</p>\n"
    html += "</body>\n</html>\n"
    return html
  }

  private static func countTable(_ counts: [ReportContent.Count], header: String) -> HTML {
    guard !counts.isEmpty else { return "<p class=\"none\">None.</p>\n" }
    var html: HTML =
      "<table class=\"counts\"><thead><tr><th>\(header)</th><th>checks</th></tr></thead><tbody>\n"
    for count in counts {
      html += "<tr><td>\(count.name)</td><td>\(count.count)</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// A bar chart as inline SVG: one bar per count, labelled below, value above.
  public static func barChart(_ counts: [ReportContent.Count], id: StaticString) -> HTML {
    let width = 560
    let height = 220
    let top = 20
    let bottom = 48
    let plot = height - top - bottom
    guard !counts.isEmpty else {
      return "<p class=\"none\">No data yet.</p>\n"
    }
    let maximum = max(1, counts.map(\.count).max() ?? 1)
    let slot = Double(width) / Double(counts.count)
    let barWidth = min(48.0, max(2.0, slot * 0.7))
    let labelEvery = max(1, counts.count / 12)
    var svg: HTML =
      "<svg id=\"\(HTML(stringLiteral: id))\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
      + "role=\"img\">\n"
    svg +=
      "<line class=\"axis\" x1=\"0\" y1=\"\(top + plot)\" x2=\"\(width)\" y2=\"\(top + plot)\"/>\n"
    for (index, count) in counts.enumerated() {
      let barHeight = Int((Double(count.count) / Double(maximum) * Double(plot)).rounded())
      let x = Double(index) * slot + (slot - barWidth) / 2
      let y = top + plot - barHeight
      let center = Double(index) * slot + slot / 2
      svg +=
        "<rect class=\"bar\" x=\"\(format(x))\" y=\"\(y)\" width=\"\(format(barWidth))\" height=\"\(barHeight)\">"
      svg += "<title>\(count.name): \(count.count)</title></rect>\n"
      svg += "<text class=\"value\" x=\"\(format(center))\" y=\"\(y - 4)\">\(count.count)</text>\n"
      if index % labelEvery == 0 {
        svg +=
          "<text class=\"label\" x=\"\(format(center))\" y=\"\(top + plot + 16)\">\(count.name)</text>\n"
      }
    }
    return svg + "</svg>\n"
  }

  /// One decimal, as an SVG coordinate.
  private static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }

  /// The page's inline stylesheet, for a Content-Security-Policy hash when it is served.
  public static var styleText: String { style.description }

  static let style: StaticString = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;\
    padding:0 1rem;color:#1d2430;background:#fff}
    h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde2ea}
    h2 small{color:#5b6678;font-weight:normal}.sub,.none{color:#5b6678}
    .cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
    .card{border:1px solid #dde2ea;border-radius:8px;padding:.5rem .9rem;min-width:6.5rem}
    .card b{display:block;font-size:1.5rem}.card span{color:#5b6678;font-size:.85rem}
    .charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-weight:600;margin:.4rem 0}
    svg .bar{fill:#3b6fd8}svg .axis{stroke:#9aa5b5}svg text{font-size:11px;fill:#1d2430;text-anchor:middle}
    table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;vertical-align:top;\
    padding:.35rem .5rem;border-bottom:1px solid #eef1f5}th{background:#f5f7fa}
    table.counts{width:auto}code{background:#f1f3f7;padding:0 .25rem;border-radius:3px}
    td.date{white-space:nowrap}
    """
}
