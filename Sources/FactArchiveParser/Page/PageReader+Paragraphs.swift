/// Putting lines back together as text.
extension PageReader {
  /// The byte ranges `pieces` (each within the line at its index, in page order) joined
  /// with one new line between lines, and a blank line where the page had one.
  func joinLines(_ pieces: [(index: Int, range: Range<Int>)]) -> [UInt8] {
    var output: [UInt8] = []
    var previous: Int?
    for piece in pieces {
      if let previous {
        output.append(Bytes.newline)
        if ((previous + 1)..<piece.index).contains(where: isBlank) {
          output.append(Bytes.newline)
        }
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[piece.range]))
      previous = piece.index
    }
    return output
  }
}
