/// A claim as the archive keeps it (`questions.claim_profile`), so that matching reads a
/// stored question's claim instead of reading its text again: at 100,000 questions, reading
/// the candidates' texts again was half of the ingest's time.
///
/// One line of fields separated by U+001F (unit separator), list items by U+001E (record
/// separator); neither is in a folded claim. The first field is a format version: a profile
/// of another version reads as `nil`, and the caller reads the text again.
extension ClaimProfile {
  static let format = "1"
  private static let field = "\u{1F}"
  private static let item = "\u{1E}"

  /// The profile as stored.
  public var stored: String {
    func list(_ values: [String]) -> String { values.joined(separator: Self.item) }
    return [
      Self.format, language ?? "", asks ?? "", negated ? "1" : "", list(terms), list(surfaces),
      list(numbers.sorted()), list(names), folded,
    ].joined(separator: Self.field)
  }

  /// A stored profile read back; `nil` when it is not one (another format, damage). Split
  /// on the UTF-8 bytes of the separators: splitting on `Character`s costs grapheme breaking,
  /// and the writer reads thousands of these a second.
  public init?(stored: String) {
    let fields = stored.utf8.split(separator: 0x1F, omittingEmptySubsequences: false)
    guard fields.count == 9, fields[0].elementsEqual(Self.format.utf8) else { return nil }
    func list(_ field: String.UTF8View.SubSequence) -> [String] {
      field.split(separator: 0x1E).map { String(decoding: $0, as: UTF8.self) }
    }
    let terms = list(fields[4])
    let surfaces = list(fields[5])
    guard terms.count == surfaces.count else { return nil }
    self.init(
      terms: terms, surfaces: surfaces, numbers: Set(list(fields[6])),
      negated: fields[3].elementsEqual("1".utf8), names: list(fields[7]),
      folded: String(decoding: fields[8], as: UTF8.self),
      language: fields[1].isEmpty ? nil : String(decoding: fields[1], as: UTF8.self),
      asks: fields[2].isEmpty ? nil : String(decoding: fields[2], as: UTF8.self))
  }
}
