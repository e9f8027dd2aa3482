import FactArchiveCore

/// What `show` prints after a check: other publishers' verdicts on a similar claim (with
/// both rating classes, disagreements first), questions that may be the same, and merges.
extension CheckDetail {
  func claimLinksText(style: TextStyle) -> String {
    var output = ""
    if !otherVerdicts.isEmpty {
      let ours = ratingClass.map { " (ours: \($0.argument))" } ?? ""
      output += "\n" + style.bold("Other publishers' later verdicts\(ours)") + "\n"
      for verdict in otherVerdicts {
        let theirs = verdict.ratingClass.map { " [\($0.argument)]" } ?? ""
        let line = "- check \(verdict.checkID)\(theirs): " + ReasonExplainer.sentence(verdict)
        output += (verdict.disagrees ? style.red(line) : line) + "\n"
      }
    }
    if !possiblySameQuestions.isEmpty {
      output += "\n" + style.bold("Possibly the same question") + "\n"
      for similar in possiblySameQuestions {
        output +=
          "- question \(similar.questionID): \(similar.question) (\(similar.likeness)): "
          + "factarchive merge-questions \(questionID) \(similar.questionID)\n"
      }
    }
    if !merges.isEmpty {
      output += "\n" + style.bold("Merged questions") + "\n"
      for merge in merges {
        output += "- \(merge.sentence)"
        output += merge.canSplit ? " (undo: factarchive split-question \(merge.mergedID))\n" : "\n"
      }
    }
    return output
  }
}
