import FactArchiveCore
import FactArchivePolicy
import FactArchiveQuery

/// `/checks/{id}`: one check whole, why it may be outdated, the newer evidence beside it,
/// its question's history, and the forms to review or snooze it.
struct CheckPage {
  var detail: CheckDetail
  var standing: StaleCheck?
  var history: QuestionHistory?
  /// The executive summary of each check of the question, for the diffs.
  var summaries: [Int64: String]
  var asOf: Day
  var isLatest: Bool

  func body(context: DeskContext) -> HTML {
    var html: HTML = "<h1 dir=\"auto\">\(detail.question)</h1>\n"
    if let title = detail.title {
      html += "<p class=\"sub\">Headline: <bdi>\(title)</bdi></p>\n"
    }
    html += meta()
    if detail.publisherFlaggedOutdated {
      html +=
        "<p class=\"banner\">The publisher's page says: “This fact-check may be outdated.”</p>\n"
    }
    if let latest = detail.reviews.last, latest.verdict == .withdrawn {
      html += "<p class=\"banner\">Withdrawn: \(latest.sentence)</p>\n"
    }
    if !isLatest {
      html +=
        "<p class=\"notice\">A newer check of this question exists: only the latest check is judged (see the history below).</p>\n"
    }
    html += why()
    html += otherVerdicts()
    html += evidence()
    html += sameQuestions(context: context)
    if isLatest, context.canEdit { html += forms(context: context) }
    html += summariesSection()
    html += followUpsSection()
    html += historySection()
    return html
  }

  func meta() -> HTML {
    var parts = ["check \(detail.checkID)"]
    if let checkedOn = detail.checkedOn {
      parts.append("checked on \(checkedOn.iso)")
    } else if let inferred = detail.checkedOnInferred {
      parts.append("no check date (newest date mentioned: \(inferred.iso))")
    } else {
      parts.append("no check date")
    }
    switch detail.dateSource {
    case .dateModified?: parts.append("date from the review's dateModified (no datePublished)")
    case .page?: parts.append("date from the page (the review gives none)")
    default: break
    }
    if let publisher = detail.publisher {
      parts.append(
        "published by \(publisher)"
          + (detail.reporters.isEmpty
            ? "" : "; reported by \(detail.reporters.joined(separator: ", "))"))
    }
    if let rating = detail.rating {
      parts.append("rated \(rating)" + (detail.ratingClass.map { " (\($0.argument))" } ?? ""))
    }
    var html: HTML = "<p class=\"meta\">\(parts.joined(separator: " · "))"
    if let url = detail.titleURL {
      html += " · " + HTML.link(to: url, "original page")
    }
    html += "</p>\n"
    return html + claimOrigin()
  }

  /// Who made the claim, when, and links to where it appeared.
  func claimOrigin() -> HTML {
    let origin = detail.claimOrigin
    guard origin.madeBy != nil || !origin.appearances.isEmpty else { return "" }
    var html: HTML = "<p class=\"meta claim-origin\">\(origin.madeBy ?? "claim")"
    for (offset, appearance) in origin.labelledAppearances.enumerated() {
      html += offset > 0 ? ", " : origin.madeBy == nil ? " seen at " : "; seen at "
      html += HTML.link(
        to: appearance.url, HTML(text: WebAddress.domain(of: appearance.url) ?? appearance.url))
      if let label = appearance.label { html += " (\(label))" }
    }
    return html + "</p>\n"
  }

  func why() -> HTML {
    guard let standing else { return "" }
    var html: HTML = "<h2>Why it may be outdated</h2>\n"
    let due = standing.dueOn
    if standing.lastReview?.verdict == .withdrawn {
      return html + "<p>Withdrawn: it is never listed again.</p>\n"
    }
    var status: HTML =
      due <= asOf
      ? "<p>\(QueuePage.tierBadge(standing.tier)) Stale since \(Layout.day(due.iso)) (\(standing.overdueDays) days); tier \((standing.tier ?? .onlyOld).label).</p>\n"
      : "<p>Not stale yet: due on \(Layout.day(due.iso)).</p>\n"
    if let until = standing.snoozedUntil {
      status += "<p class=\"notice\">Snoozed until \(Layout.day(until.iso)).</p>\n"
    }
    html += status
    if due <= asOf, !standing.reasons.isEmpty {
      html += "<ul class=\"reasons\">"
      for reason in standing.reasons {
        html += "<li><code>\(reason.code.rawValue)</code> \(reason.detail)</li>"
      }
      html += "</ul>\n"
    }
    if let review = standing.lastReview {
      html += "<p class=\"sub\">Last review: \(review.sentence)</p>\n"
    }
    return html
  }

  func evidence() -> HTML {
    guard let standing, !standing.evidence.isEmpty else { return "" }
    var html: HTML = "<h2>Newer evidence</h2>\n<ul class=\"evidence\">"
    for source in standing.evidence {
      let telling = Set(source.tellingTerms ?? source.sharedTerms)
      var names = HTML()
      for (offset, name) in source.sharedTerms.enumerated() {
        if offset > 0 { names += ", " }
        names += telling.contains(name) ? "<mark>\(name)</mark>" : HTML(text: name)
      }
      html +=
        "<li><a href=\"/sources/\(source.sourceID)\"><bdi>\(source.title)</bdi></a> <span class=\"sub\">(\(Layout.day(source.date.iso)))</span> shares \(names)</li>"
    }
    return html + "</ul>\n"
  }

  func forms(context: DeskContext) -> HTML {
    var options = HTML()
    for verdict in ReviewVerdict.allCases {
      options += "<option value=\"\(verdict.argument)\">\(verdict.argument)</option>"
    }
    var html: HTML = """
      <h2>Re-check</h2>
      <div class="cards">
      <div class="card"><form method="post" action="/checks/\(detail.checkID)/review">\(Layout.csrfField(context))
      <label>Verdict <select name="verdict">\(options)</select></label>
      <label>Note <textarea name="note" rows="2" maxlength="2000" placeholder="What you found"></textarea></label>
      <label>Reviewed on <input type="date" name="on" value="\(asOf.iso)"></label>
      <button type="submit">Record the review</button></form></div>
      <div class="card"><form method="post" action="/checks/\(detail.checkID)/snooze">\(Layout.csrfField(context))
      <label>Snooze until <input type="date" name="until" required></label>
      <label>Why it can wait <input name="note" maxlength="500" required></label>
      <button class="quiet" type="submit">Snooze</button></form>
      """
    if standing?.snoozedUntil != nil {
      html += """
        <form method="post" action="/checks/\(detail.checkID)/unsnooze">\(Layout.csrfField(context))\
        <button class="quiet" type="submit">Unsnooze now</button></form>
        """
    }
    html += "</div>\n</div>\n"
    return html
  }

  func summariesSection() -> HTML {
    var html = HTML()
    for summary in detail.summaries {
      let number: String = summary.position == 0 ? "" : "\(summary.position). "
      html +=
        "<h2>\(number)<bdi>\(summary.heading ?? "Summary")</bdi></h2>\n<div class=\"summary\" dir=\"auto\">"
      for paragraph in summary.body.components(separatedBy: "\n") where !paragraph.isEmpty {
        html += "<p dir=\"auto\">\(paragraph)</p>"
      }
      html += "</div>\n"
      if !summary.citations.isEmpty {
        let markers = summary.citations.map { "[\($0.refNumber)]" }.joined(separator: " ")
        html += "<p class=\"sub\">citations: \(markers)</p>\n"
      }
    }
    if !detail.references.isEmpty {
      html += "<h2>References</h2>\n<ol class=\"references\">"
      for reference in detail.references {
        html +=
          "<li value=\"\(reference.refNumber)\">\(HTML.link(to: reference.url, HTML(text: reference.url)))</li>"
      }
      html += "</ol>\n"
    }
    return html
  }

  func followUpsSection() -> HTML {
    guard !detail.followUps.isEmpty else { return "" }
    var html: HTML = "<h2>Want to dive deeper?</h2>\n<ul>"
    for question in detail.followUps { html += "<li dir=\"auto\">\(question)</li>" }
    return html + "</ul>\n"
  }

  func historySection() -> HTML {
    guard let history else { return "" }
    var html: HTML = "<h2>History of the question</h2>\n"
    var previous: String?
    for entry in history.entries {
      let date = entry.checkedOn?.iso ?? entry.checkedOnInferred.map { "~" + $0.iso } ?? "no date"
      let current: HTML = entry.checkID == detail.checkID ? " (this page)" : ""
      let latest: HTML = entry.isLatest ? " · latest" : ""
      html +=
        "<h3><a href=\"/checks/\(entry.checkID)\">check \(entry.checkID)</a> · \(date)\(latest)\(current)</h3>\n"
      if let summary = summaries[entry.checkID] {
        if let previous {
          html += "<p class=\"diff\">" + Self.diff(previous, summary) + "</p>\n"
        } else {
          html += "<p class=\"sub\">\(summary)</p>\n"
        }
        previous = summary
      }
      if !entry.reviews.isEmpty || !entry.snoozes.isEmpty {
        html += "<ul class=\"sub\">"
        for review in entry.reviews { html += "<li>reviewed: \(review.sentence)</li>" }
        for snooze in entry.snoozes {
          var line = "snoozed until \(snooze.until.iso) by \(snooze.createdBy): \(snooze.note)"
          if let endedBy = snooze.endedBy { line += " (ended by \(endedBy))" }
          html += "<li>\(line)</li>"
        }
        html += "</ul>\n"
      }
    }
    return html
  }

  /// The word-level changes from one executive summary to the next.
  static func diff(_ old: String, _ new: String) -> HTML {
    var html = HTML()
    for (offset, piece) in WordDiff.diff(old, new).enumerated() {
      if offset > 0 { html += " " }
      switch piece {
      case .same(let text): html += HTML(text: text)
      case .removed(let text): html += "<del>\(text)</del>"
      case .added(let text): html += "<ins>\(text)</ins>"
      }
    }
    return html
  }
}
