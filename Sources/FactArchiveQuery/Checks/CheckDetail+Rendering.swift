import FactArchiveCore

/// A check as JSON (`show --format json`, the desk's API) and as text (`show`).
extension CheckDetail {
  public var json: JSON {
    .object([
      .init("check_id", .int(checkID)),
      .init("question_id", .int(questionID)),
      .init("question", .string(question)),
      .init("checked_on", .string(checkedOn?.iso)),
      .init("checked_on_inferred", .string(checkedOnInferred?.iso)),
      .init("title", .string(title)),
      .init("title_url", .string(titleURL)),
      .init("publisher", .string(publisher)),
      .init("reporters", .array(reporters.map { .string($0) })),
      .init("rating", .string(rating)),
      .init("rating_class", .string(ratingClass?.rawValue)),
      .init("language", .string(language)),
      .init("date_source", .string(dateSource?.rawValue)),
      .init("claimant", .string(claimOrigin.claimant)),
      .init("claim_date", .string(claimOrigin.date?.iso)),
      .init(
        "claim_appearances",
        .array(
          claimOrigin.labelledAppearances.map {
            .object([
              .init("url", .string($0.url)), .init("first_appearance", .bool($0.label != nil)),
            ])
          })),
      .init("truncated", .bool(truncated)),
      .init("publisher_flagged_outdated", .bool(publisherFlaggedOutdated)),
      .init("disclaimer", .string(disclaimer)),
      .init("document_id", .int(documentID)),
      .init("document_path", .string(documentPath)),
      .init(
        "copies",
        .array(
          copies.map {
            .object([
              .init("document_id", .int($0.documentID)), .init("path", .string($0.path)),
              .init("media_type", .string($0.mediaType)),
            ])
          })),
      .init(
        "summaries",
        .array(
          summaries.map { summary in
            .object([
              .init("position", .int(summary.position)),
              .init("heading", .string(summary.heading)),
              .init("body", .string(summary.body)),
              .init(
                "citations",
                .array(
                  summary.citations.map {
                    .object([
                      .init("ref_number", .int($0.refNumber)),
                      .init("sentence", .string($0.sentence)),
                      .init("anchor_text", .string($0.anchorText)),
                    ])
                  })),
            ])
          })),
      .init("follow_ups", .array(followUps.map { .string($0) })),
      .init(
        "references",
        .array(
          references.map {
            .object([.init("ref_number", .int($0.refNumber)), .init("url", .string($0.url))])
          })),
      .init("unparsed", .string(unparsed)),
      .init("reviews", .array(reviews.map(\.json))),
      .init("other_verdicts", JSON(encoding: otherVerdicts)),
      .init("possibly_same_questions", JSON(encoding: possiblySameQuestions)),
      .init("merges", .array(merges.map(\.json))),
    ])
  }

  /// The check as readable text.
  public func text(style: TextStyle = .plain) -> String {
    var output = style.bold(question) + "\n"
    output += "check \(checkID) of question \(questionID)"
    if let checkedOn {
      output += ", checked on \(checkedOn.iso)"
    } else if let checkedOnInferred {
      output += ", no check date (newest date mentioned: \(checkedOnInferred.iso))"
    } else {
      output += ", no check date"
    }
    if let dateSource, dateSource != .datePublished {
      output +=
        dateSource == .dateModified
        ? " (the review's dateModified: it gives no datePublished)"
        : " (the page's own date: the review gives none)"
    }
    output += "\nfrom \(documentPath) (document \(documentID))\n"
    if let title { output += "headline: \(title)\n" }
    if let publisher {
      output += "published by \(publisher)"
      output += reporters.isEmpty ? "\n" : "; reported by \(reporters.joined(separator: ", "))\n"
    }
    if let rating {
      output += "rated \(rating)" + (ratingClass.map { " (\($0.argument))" } ?? "") + "\n"
    }
    let seenAt = claimOrigin.labelledAppearances.map {
      $0.url + ($0.label.map { " (\($0))" } ?? "")
    }
    if let madeBy = claimOrigin.madeBy {
      output +=
        madeBy + (seenAt.isEmpty ? "" : "; seen at " + seenAt.joined(separator: ", ")) + "\n"
    } else if !seenAt.isEmpty {
      output += "claim seen at " + seenAt.joined(separator: ", ") + "\n"
    }
    for copy in copies {
      output += "also saved as \(copy.path) (document \(copy.documentID), \(copy.mediaType))\n"
    }
    if let titleURL { output += "link: \(titleURL)\n" }
    if truncated {
      output += style.yellow("This copy of the page is truncated: it ends part-way.") + "\n"
    }
    if publisherFlaggedOutdated {
      output += style.red("The publisher marked this fact-check as possibly outdated.") + "\n"
    }
    if let latest = reviews.last, latest.verdict == .withdrawn {
      output += style.red("Withdrawn: \(latest.sentence)") + "\n"
    }
    if let disclaimer { output += style.dim(disclaimer) + "\n" }
    for summary in summaries {
      output += "\n"
      let number = summary.position == 0 ? "" : "\(summary.position). "
      output += style.bold(number + (summary.heading ?? "Summary")) + "\n\n"
      output += summary.body + "\n"
      if !summary.citations.isEmpty {
        let numbers = summary.citations.map { "[\($0.refNumber)]" }.joined(separator: " ")
        output += style.dim("citations: \(numbers)") + "\n"
      }
    }
    if !followUps.isEmpty {
      output += "\n" + style.bold("Want to dive deeper?") + "\n"
      for question in followUps { output += "- \(question)\n" }
    }
    if !references.isEmpty {
      output += "\n" + style.bold("References") + "\n"
      for reference in references { output += "[\(reference.refNumber)] \(reference.url)\n" }
    }
    if let unparsed {
      output += "\n" + style.bold("Text the parser could not place") + "\n" + unparsed + "\n"
    }
    if !reviews.isEmpty {
      output += "\n" + style.bold("Reviews") + "\n"
      for review in reviews { output += "- \(review.sentence)\n" }
    }
    output += claimLinksText(style: style)
    return output
  }
}
