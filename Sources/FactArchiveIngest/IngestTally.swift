import FactArchiveCore

/// What happened to one input.
public enum DocumentOutcome: Sendable, Equatable {
  /// Its checks landed; one entry per article.
  case parsed([ArticleOutcome])
  /// The same bytes were already in the archive: nothing was added.
  case unchanged(documentID: Int64)
  /// Kept in `documents` as rejected (unless it could not be read at all).
  case rejected(ParseError)
}

/// What happened to one article of a parsed document.
public enum ArticleOutcome: Sendable, Equatable {
  /// A question the archive did not have.
  case new(checkID: Int64)
  /// A new check of a question already in the archive.
  case recheck(checkID: Int64)
  /// The archive already has a check of this question on this date.
  case duplicate(checkID: Int64)
  /// A source article.
  case source(sourceID: Int64)
  /// A feed item read before whose content or dates changed: its source was updated.
  case sourceUpdated(sourceID: Int64)
  /// A feed item read before, unchanged.
  case sourceUnchanged(sourceID: Int64)
}

/// Counts for the closing line of an ingest.
public struct IngestTally: Sendable, Equatable {
  public var files = 0
  public var new = 0
  /// How many of the new are source articles.
  public var sources = 0
  public var rechecks = 0
  /// Feed items read before whose sources were updated.
  public var updated = 0
  public var unchanged = 0
  public var rejected = 0

  public init() {}

  public mutating func add(_ outcome: DocumentOutcome) {
    files += 1
    switch outcome {
    case .unchanged: unchanged += 1
    case .rejected: rejected += 1
    case .parsed(let articles):
      for article in articles {
        switch article {
        case .new: new += 1
        case .recheck: rechecks += 1
        case .duplicate: unchanged += 1
        case .source:
          new += 1
          sources += 1
        case .sourceUpdated: updated += 1
        case .sourceUnchanged: unchanged += 1
        }
      }
    }
  }

  /// `4 files: 2 new, 1 re-check, 1 unchanged, 0 rejected`; new sources are counted
  /// among the new (`3 new (1 source)`).
  public var summary: String {
    let checks = rechecks == 1 ? "re-check" : "re-checks"
    let ofWhich = sources == 0 ? "" : " (\(sources) \(sources == 1 ? "source" : "sources"))"
    let changed = updated == 0 ? "" : "\(updated) updated, "
    return
      "\(files) \(files == 1 ? "file" : "files"): \(new) new\(ofWhich), \(rechecks) \(checks), "
      + "\(changed)\(unchanged) unchanged, \(rejected) rejected"
  }
}
