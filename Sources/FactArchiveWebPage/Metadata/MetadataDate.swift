import FactArchiveCore

/// Dates as pages' metadata and bylines write them: ISO 8601 with or without time, zone and
/// fractions (`2020-03-27T10:46:13+0200`, `2020-06-24 00:03`), `2020/06/24`, `20200624`,
/// `24.06.2020`, `15.2.2018`, `27/06/2018` (when only one order reads as a date), RFC 822
/// (`Tue, 24 Jun 2020 10:00:00 GMT`), and a day, month and year in words in English, Spanish,
/// Portuguese, French, German or Italian (`June 24, 2020`, `24 de junio de 2020`,
/// `24 juin 2020`). The day is the one written (the publisher's own
/// calendar), never moved across time zones.
public enum MetadataDate {
  public static func day(_ text: String) -> Day? {
    let trimmed = text.trimmingSpaces()
    guard !trimmed.isEmpty, trimmed.count < 80 else { return nil }
    let scalars = Array(trimmed.unicodeScalars)
    if let day = numeric(scalars) { return day }
    // `Mon, 2019-01-21 13:49`: a day's name before a numeric date.
    if let comma = trimmed.firstIndex(where: { $0 == "," || $0 == " " }),
      weekdays.contains(trimmed[..<comma].lowercased()),
      let day = numeric(Array(trimmed[comma...].drop { $0 == "," || $0 == " " }.unicodeScalars))
    {
      return day
    }
    if let day = chinese(trimmed) { return day }
    return words(trimmed.lowercased())
  }

  /// The first date written anywhere in a short text, such as a date element's or a date
  /// line's (`Letzte Aktualisierung: 18.01.2018`, `Schengen, 3. Juli 2018`, `Gespeichert von
  /// rasos am 24. Juli 2017 - 18:55`): `day(_:)` reads a numeric date only at the start.
  public static func firstDay(in text: String) -> Day? {
    if let day = day(text) { return day }
    let scalars = Array(text.trimmingSpaces().unicodeScalars)
    guard scalars.count < 80 else { return nil }
    func isDigit(_ index: Int) -> Bool { ("0"..."9").contains(scalars[index]) }
    for start in scalars.indices.dropFirst() where isDigit(start) {
      // A number's start, not a letter's or another number's continuation (`ab29`, `129.3`).
      let before = scalars[start - 1]
      guard !isDigit(start - 1), !before.properties.isAlphabetic, before != "." else { continue }
      if let day = numeric(Array(scalars[start...])) { return day }
    }
    return nil
  }

  /// `2026年5月3日` (Chinese and Japanese), `2026년 5월 3일` (Korean).
  static func chinese(_ text: String) -> Day? {
    guard let yearMark = text.firstIndex(where: { $0 == "年" || $0 == "년" }),
      let monthMark = text.firstIndex(where: { $0 == "月" || $0 == "월" }),
      let dayMark = text.firstIndex(where: { $0 == "日" || $0 == "일" }), yearMark < monthMark,
      monthMark < dayMark
    else { return nil }
    let year = Int(
      String(text[..<yearMark].reversed().prefix { $0.isASCII && $0.isNumber }.reversed()))
    let month = Int(text[text.index(after: yearMark)..<monthMark].trimmingSpaces())
    let day = Int(text[text.index(after: monthMark)..<dayMark].trimmingSpaces())
    guard let year, let month, let day else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// The day a news address gives in its path, as most news sites write one:
  /// `/2023/11/06/`, `/2023-11-06-title`, `/2023-11/17/` — the last thing to go by when a
  /// page states no date (htmldate and newspaper read addresses the same way). Years before
  /// 1995 are not taken: numbers in older-looking paths are rarely dates.
  public static func day(inAddress address: String?) -> Day? {
    guard let address, let schemeEnd = address.range(of: "://") else { return nil }
    let path = address[schemeEnd.upperBound...].split(separator: "?", maxSplits: 1).first ?? ""
    let segments = path.split(separator: "/").dropFirst().map { Array($0.unicodeScalars) }
    func digits(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
      guard range.upperBound <= s.count, range.allSatisfy({ ("0"..."9").contains(s[$0]) })
      else { return nil }
      return range.reduce(0) { $0 * 10 + Int(s[$1].value - 48) }
    }
    func isEnd(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
      index == s.count || !("0"..."9").contains(s[index])
    }
    func accepted(_ year: Int?, _ month: Int?, _ day: Int?) -> Day? {
      guard let year, let month, let day, year >= 1995 else { return nil }
      return Day(year: year, month: month, day: day)
    }
    for (index, segment) in segments.enumerated() {
      let next = index + 1 < segments.count ? segments[index + 1] : []
      let after = index + 2 < segments.count ? segments[index + 2] : []
      // `2023-11-06…` within one segment.
      if segment.count >= 10, segment[4] == "-", segment[7] == "-", isEnd(segment, 10),
        let day = accepted(digits(segment, 0..<4), digits(segment, 5..<7), digits(segment, 8..<10))
      {
        return day
      }
      // `2023/11/06`.
      if segment.count == 4, next.count == 2, after.count >= 2, isEnd(after, 2),
        let day = accepted(digits(segment, 0..<4), digits(next, 0..<2), digits(after, 0..<2))
      {
        return day
      }
      // `2023-11/17`.
      if segment.count == 7, segment[4] == "-", next.count >= 2, isEnd(next, 2),
        let day = accepted(digits(segment, 0..<4), digits(segment, 5..<7), digits(next, 0..<2))
      {
        return day
      }
    }
    return nil
  }

  /// `YYYY-MM-DD…` (or with `/`), `YYYYMMDD`, `DD.MM.YYYY` and `D.M.YYYY` (day first, as
  /// German and most of Europe write it). `DD/MM/YYYY` cannot be told from the American
  /// order, so it is read only when one order alone gives a date (`27/06/2018`,
  /// `06/27/2018`) or both give the same one (`08/08/2017`).
  static func numeric(_ s: [Unicode.Scalar]) -> Day? {
    func isDigit(_ index: Int) -> Bool { index < s.count && ("0"..."9").contains(s[index]) }
    func number(_ range: Range<Int>) -> Int? {
      guard range.allSatisfy(isDigit) else { return nil }
      return range.reduce(0) { $0 * 10 + Int(s[$1].value - 48) }
    }
    if s.count >= 10, s[4] == "-" || s[4] == "/", s[7] == s[4], !isDigit(10),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
    {
      return Day(year: year, month: month, day: day)
    }
    // `20180619`, and ISO 8601's basic format with a time: `20180619T055000+0900`.
    if s.count == 8 || (s.count > 8 && (s[8] == "T" || s[8] == "t")),
      let year = number(0..<4), let month = number(4..<6), let day = number(6..<8)
    {
      return Day(year: year, month: month, day: day)
    }
    if let (day, month, year) = threeFields(s, separator: ".") {
      return Day(year: year, month: month, day: day)
    }
    if let (first, second, year) = threeFields(s, separator: "/") {
      if first > 12 { return Day(year: year, month: second, day: first) }
      if second > 12 || first == second { return Day(year: year, month: first, day: second) }
    }
    return nil
  }

  /// `15.2.2018`, `27/06/2018`: one or two digits, the separator, one or two digits, the
  /// separator, a four-digit year, and no digit after it.
  static func threeFields(_ s: [Unicode.Scalar], separator: Unicode.Scalar) -> (Int, Int, Int)? {
    var index = 0
    func field(most: Int) -> Int? {
      var value = 0
      let start = index
      while index < s.count, index - start < most, ("0"..."9").contains(s[index]) {
        value = value * 10 + Int(s[index].value - 48)
        index += 1
      }
      return index > start ? value : nil
    }
    func separated() -> Bool {
      guard index < s.count, s[index] == separator else { return false }
      index += 1
      return true
    }
    guard let first = field(most: 2), separated(), let second = field(most: 2), separated()
    else { return nil }
    let yearStart = index
    guard let year = field(most: 4), index - yearStart == 4,
      index == s.count || !("0"..."9").contains(s[index])
    else { return nil }
    return (first, second, year)
  }

  /// Days of the week, in the languages of `months`: a byline's date may start with one.
  static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
    "sexta-feira", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mo", "di",
    "mi", "do", "fr", "sa", "so", "lunedì",
    "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
  ]

  static let months: [(name: String, month: Int)] = [
    // English
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
    ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // Spanish
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12),
    // Portuguese
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("marco", 3), ("maio", 5), ("junho", 6),
    ("julho", 7), ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
    // French
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5),
    ("juin", 6), ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("décembre", 12), ("decembre", 12),
    // German
    ("januar", 1), ("februar", 2), ("märz", 3), ("juni", 6), ("juli", 7), ("oktober", 10),
    ("dezember", 12),
    // Italian
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
  ]

  /// A month name with the day next to it and a four-digit year after them (`June 24,
  /// 2020`, `24 June 2020`, `24 de junio de 2020`, `Tue, 24 Jun 2020 10:00:00 GMT`, `12:30,
  /// 4 March 2026`: the day is the number beside the month, not the hour).
  static func words(_ text: String) -> Day? {
    let tokens = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    for (index, token) in tokens.enumerated() {
      guard let month = months.first(where: { $0.name == token })?.month else { continue }
      let day =
        dayNumber(index > 0 ? tokens[index - 1] : nil)
        ?? dayNumber(index + 1 < tokens.count ? tokens[index + 1] : nil)
        ?? (index > 1 && tokens[index - 1] == "de" ? dayNumber(tokens[index - 2]) : nil)
      let year = tokens[(index + 1)...].prefix(4).compactMap { token -> Int? in
        guard token.count == 4, let value = Int(token), (1900...2200).contains(value) else {
          return nil
        }
        return value
      }.first
      if let day, let year, let date = Day(year: year, month: month, day: day) { return date }
    }
    return nil
  }

  /// `24`, `3rd`, `1er`: a day of the month.
  static func dayNumber(_ token: String?) -> Int? {
    guard let token, token.count <= 4 else { return nil }
    let digits = token.prefix { $0.isNumber }
    let suffix = token.dropFirst(digits.count)
    guard !digits.isEmpty, digits.count <= 2,
      suffix.isEmpty || ["st", "nd", "rd", "th", "er", "º"].contains(String(suffix)),
      let value = Int(digits), (1...31).contains(value)
    else { return nil }
    return value
  }
}
