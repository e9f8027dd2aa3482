import FactArchiveCore

/// Output formats of the nightly report.
public enum ReportFormat: String, Sendable, CaseIterable {
  case markdown, json, csv, html
}

/// Renders report content; the same content always gives the same bytes.
public enum ReportRenderer {
  public static func render(_ content: ReportContent, format: ReportFormat) -> String {
    switch format {
    case .markdown: return markdown(content)
    case .json: return json(content).rendered() + "\n"
    case .csv: return csv(content)
    case .html: return HTMLReport.render(content)
    }
  }

  /// The lists in the order every format shows them, with their titles.
  static func sections(_ content: ReportContent) -> [(
    key: String, title: String, total: Int, items: [StaleCheck]
  )] {
    let since = content.previousAsOf.map { " since \($0.iso)" } ?? ""
    var sections: [(key: String, title: String, total: Int, items: [StaleCheck])] = [
      ("newly_stale", "Newly stale\(since)", content.totals.newStale, content.newlyStale),
      ("still_stale", "Still stale", content.totals.stillStale, content.stillStale),
      ("refreshed", "Refreshed\(since)", content.totals.refreshed, content.refreshed),
      ("snoozed", "Snoozed", content.totals.snoozed, content.snoozed),
    ]
    if let reviewed = content.reviewed {
      let title = content.previousAsOf.map { "Reviewed since \($0.iso)" } ?? "Reviewed"
      sections.append(("reviewed", title, content.totals.reviewed ?? reviewed.count, reviewed))
    }
    sections.append(("oldest", "Oldest checks", content.oldest.count, content.oldest))
    return sections
  }

  /// The totals in the order every format shows them, with their labels.
  static func totalRows(_ content: ReportContent) -> [(key: String, label: String, value: Int)] {
    let totals = content.totals
    var rows: [(key: String, label: String, value: Int)] = [
      ("checks", "Latest checks in the archive", totals.checks),
      ("stale", "Stale (in the queue)", totals.stale),
      ("newly_stale", "Newly stale", totals.newStale),
      ("still_stale", "Still stale", totals.stillStale),
      ("refreshed", "Refreshed", totals.refreshed), ("snoozed", "Snoozed", totals.snoozed),
      ("undated", "Undated", totals.undated),
    ]
    if let reviewed = totals.reviewed {
      rows.append(("reviewed", "Reviewed since the last report", reviewed))
    }
    if let verdicts = totals.otherVerdicts, let disagreements = totals.disagreements {
      rows.append(("other_verdicts", "Other publishers' verdicts since the last report", verdicts))
      rows.append(("disagreements", "Of which disagree with ours", disagreements))
    }
    return rows
  }

  // MARK: - Markdown

  public static func markdown(_ content: ReportContent) -> String {
    var output = "# Staleness report for \(content.asOf.iso)\n\n"
    if let previous = content.previousAsOf {
      output += "Compared with the report for \(previous.iso).\n\n"
    } else {
      output += "The first report: every stale check is new.\n\n"
    }
    output += "| | checks |\n|---|---:|\n"
    for row in totalRows(content) {
      output += "| \(row.label) | \(row.value) |\n"
    }
    for section in sections(content) {
      output += "\n## \(section.title) (\(section.total))\n\n"
      guard !section.items.isEmpty else {
        output += "None.\n"
        continue
      }
      for (offset, item) in section.items.enumerated() {
        output += "\(offset + 1). **\(escapeMarkdown(item.question))** — check \(item.checkID), "
        output += item.dateLabel
        if let age = item.ageDays { output += ", \(age) days old" }
        if let until = item.snoozedUntil { output += ", snoozed until \(until.iso)" }
        output += "\n"
        for reason in item.reasons {
          output += "   - `\(reason.code.rawValue)`: \(escapeMarkdown(reason.detail))\n"
        }
        if let review = item.lastReview {
          output += "   - reviewed: \(escapeMarkdown(review.sentence))\n"
        }
      }
      if section.total > section.items.count {
        output += "\n…and \(section.total - section.items.count) more (see `staleness_flags`).\n"
      }
    }
    if let byTier = content.byTier {
      output += "\n## By tier\n\n" + countTable(byTier, header: "tier")
    }
    if let byRating = content.byRatingClass, !byRating.isEmpty {
      output +=
        "\n## Other publishers' checks by rating\n\n" + countTable(byRating, header: "rating")
    }
    output += "\n## By topic\n\n" + countTable(content.byTopic, header: "topic")
    output += "\n## By reason\n\n" + countTable(content.byReason, header: "reason")
    output += "\n## Age of the latest checks\n\n" + countTable(content.ageBands, header: "age")
    output +=
      "\n## Stale checks in past reports\n\n" + countTable(content.history, header: "report")
    if let feeds = content.feeds {
      output += "\n## Feeds\n\n"
      output +=
        "\(feeds.fetched) fetched and \(feeds.newItems) new feed items since the last report.\n"
      if feeds.failing.isEmpty {
        output += "\nNo feed or page is failing.\n"
      } else {
        output += "\n| failing | since | last error |\n|---|---|---|\n"
        for feed in feeds.failing {
          output +=
            "| \(escapeMarkdown(feed.url)) | \(feed.since) | \(escapeMarkdown(feed.error)) |\n"
        }
      }
    }
    return output
  }

  private static func countTable(_ counts: [ReportContent.Count], header: String) -> String {
    guard !counts.isEmpty else { return "None.\n" }
    return "| \(header) | checks |\n|---|---:|\n"
      + counts.map { "| \(escapeMarkdown($0.name)) | \($0.count) |\n" }.joined()
  }

  /// Text made inert in Markdown: HTML is escaped and markup characters are backslashed,
  /// scalar by scalar (a `<` followed by a combining mark is still a `<`).
  static func escapeMarkdown(_ text: String) -> String {
    var output = ""
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\\", "*", "_", "`", "[", "]", "#", "|", "~":
        output += "\\"
        output.unicodeScalars.append(scalar)
      case "\r": output += " "
      // A CRLF pair was one line break, and becomes one space.
      case "\n": if !previousWasCarriageReturn { output += " " }
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  // MARK: - JSON and CSV

  /// The report in its one JSON shape (`ReportContent: Codable`), as stored with its run.
  public static func json(_ content: ReportContent) -> JSON {
    JSON(encoding: content)
  }

  /// One row per listed check, with the list it is in.
  public static func csv(_ content: ReportContent) -> String {
    var output = TextTable.csvRow(
      ["as_of", "list", "rank"] + StaleReport.csvHeader + ["snoozed_until"])
    for section in sections(content) {
      for (offset, check) in section.items.enumerated() {
        output += TextTable.csvRow(
          [content.asOf.iso, section.key, String(offset + 1)] + StaleReport.csvFields(check)
            + [check.snoozedUntil?.iso ?? ""])
      }
    }
    return output
  }
}
