/// A word-level diff of two texts (longest common subsequence of words): how an executive
/// summary changed between two checks of a question.
///
/// ```swift
/// WordDiff.diff("the port is closed", "the port is open")
/// // [.same("the port is"), .removed("closed"), .added("open")]
/// ```
public enum WordDiff {
  public enum Piece: Sendable, Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// Past this many words in either text, the quadratic comparison would cost too much: the
  /// diff then says the whole text changed.
  public static let mostWords = 4_000

  public static func diff(_ old: String, _ new: String) -> [Piece] {
    let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
    let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
    guard a.count <= mostWords, b.count <= mostWords else {
      return merge([.removed(a.joined(separator: " ")), .added(b.joined(separator: " "))])
    }
    // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
    var lengths = [[Int]](
      repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lengths[i][j] =
          a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var pieces: [Piece] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        pieces.append(.same(a[i]))
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
        pieces.append(.added(b[j]))
        j += 1
      } else {
        pieces.append(.removed(a[i]))
        i += 1
      }
    }
    return merge(pieces)
  }

  /// Runs of the same kind joined into one piece.
  private static func merge(_ pieces: [Piece]) -> [Piece] {
    var merged: [Piece] = []
    for piece in pieces {
      switch (merged.last, piece) {
      case (.same(let left)?, .same(let right)):
        merged[merged.count - 1] = .same(left + " " + right)
      case (.removed(let left)?, .removed(let right)):
        merged[merged.count - 1] = .removed(left + " " + right)
      case (.added(let left)?, .added(let right)):
        merged[merged.count - 1] = .added(left + " " + right)
      default:
        if case .same(let text) = piece, text.isEmpty { continue }
        if case .removed(let text) = piece, text.isEmpty { continue }
        if case .added(let text) = piece, text.isEmpty { continue }
        merged.append(piece)
      }
    }
    return merged
  }
}
