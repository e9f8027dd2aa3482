import FactArchiveCore
import FactArchiveQuery

/// The check page's claim links: other publishers' later verdicts beside ours (both rating
/// classes, disagreements first), questions that may be the same (with a button to merge),
/// and the questions merged into this one (with a button to split an editor's merge).
extension CheckPage {
  func otherVerdicts() -> HTML {
    guard !detail.otherVerdicts.isEmpty else { return "" }
    let ours: HTML = detail.ratingClass.map { "\($0.argument)" } ?? "no rating"
    var html: HTML = """
      <h2>Other publishers' later verdicts</h2>
      <table class="verdicts"><thead><tr><th>Publisher</th><th>Their claim</th>\
      <th>Their rating</th><th>Ours</th><th>Date</th><th>Shares</th></tr></thead><tbody>
      """
    for verdict in detail.otherVerdicts {
      let rating: HTML =
        "\(verdict.rating ?? "—")" + (verdict.ratingClass.map { " (\($0.argument))" } ?? "")
      let flag: HTML = verdict.disagrees ? " <strong class=\"disagrees\">disagrees</strong>" : ""
      html += """
        <tr\(verdict.disagrees ? HTML(" class=\"disagreement\"") : "")><td>\(verdict.publisher)</td>\
        <td><a href="/checks/\(verdict.checkID)">\(verdict.claim)</a></td>\
        <td>\(rating)\(flag)</td><td>\(ours)</td><td>\(Layout.day(verdict.date.iso))</td>\
        <td>\(shares(verdict))</td></tr>
        """
    }
    return html + "</tbody></table>\n"
  }

  /// What links the claims: their shared words, or a link to the address both appeared at.
  func shares(_ verdict: OtherVerdict) -> HTML {
    guard let address = verdict.sharedAppearance else {
      return "\(verdict.sharedTerms.prefix(5).joined(separator: ", "))"
    }
    return "both appeared at "
      + HTML.link(to: address, HTML(text: WebAddress.domain(of: address) ?? address))
  }

  func sameQuestions(context: DeskContext) -> HTML {
    let splittable = detail.merges.filter(\.canSplit)
    guard !detail.possiblySameQuestions.isEmpty || !splittable.isEmpty else { return "" }
    var html = HTML()
    let editable = context.canEdit
    if !detail.possiblySameQuestions.isEmpty {
      html += "<h2>Possibly the same question</h2>\n<ul class=\"same\">"
      for similar in detail.possiblySameQuestions {
        html +=
          "<li>question \(similar.questionID): \(similar.question) <span class=\"sub\">(\(similar.likeness))</span>"
        if editable {
          html += """
            <form class="inline" method="post" action="/questions/\(detail.questionID)/merge">\(Layout.csrfField(context))\
            <input type="hidden" name="other" value="\(similar.questionID)">\
            <input type="hidden" name="back" value="\(detail.checkID)">\
            <button class="quiet" type="submit">Merge into this question</button></form>
            """
        }
        html += "</li>"
      }
      html += "</ul>\n"
    }
    if !splittable.isEmpty {
      html += "<h2>Merged into this question</h2>\n<ul class=\"merges\">"
      for merge in splittable {
        html += "<li>\(merge.sentence)"
        if editable {
          html += """
            <form class="inline" method="post" action="/questions/\(merge.mergedID)/split">\(Layout.csrfField(context))\
            <input type="hidden" name="back" value="\(detail.checkID)">\
            <button class="quiet" type="submit">Split it off again</button></form>
            """
        }
        html += "</li>"
      }
      html += "</ul>\n"
    }
    return html
  }
}
