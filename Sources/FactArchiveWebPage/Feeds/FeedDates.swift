import FactArchiveCore

/// The dates feeds write: RFC 822 as RSS has it (`Tue, 10 Jun 2003 04:00:00 GMT`, named and
/// numeric zones, two-digit years, no day name, no seconds) and RFC 3339 as Atom and JSON
/// Feed have it (`2003-12-13T18:30:02.25+01:00`); feeds in the wild mix them, so each is
/// tried on every date. `nil` for anything else, or an impossible date.
///
/// Also the variants feedparser's test suite collects from real feeds: the month before the
/// day (`Thu Aug 30 2012 17:26:16 +0200`), C's `asctime` and Twitter's order with the year
/// last (`Sun Jul 15 01:16:00 +0000 2012`), Perforce's `2006/09/15`, an extra comma, zones
/// written `GMT-01:01`, `Etc/GMT`, `+02` or by name (`CEST`, `JST`, Disney's `ET`). A zone
/// name not known is read as UTC: the day written is kept, which is what the archive uses.
public enum FeedDates {
  public static func parse(_ text: String) -> FeedTime? {
    let trimmed = text.trimmingSpaces()
    return rfc3339(trimmed) ?? rfc822(trimmed) ?? dayOnly(trimmed)
  }

  /// A date a feed writes in words as a page would (`24 de junio de 2020`,
  /// `2004년 05월 28일`): the day as `MetadataDate` reads words, its time taken as midnight
  /// UTC. (Numeric dates that fail above stay unread: `2003-12-31T25:14:55Z` is no date.)
  static func dayOnly(_ text: String) -> FeedTime? {
    guard let day = MetadataDate.chinese(text) ?? MetadataDate.words(text.lowercased())
    else { return nil }
    return moment(day.year, day.month, day.day, 0, 0, 0, offset: 0)
  }

  /// `2003-12-13T18:30:02Z`, `2003-12-13T18:30:02.25+01:00`, `2003-12-13 18:30:02+0100`,
  /// or a day alone (`2003-12-13`, midnight UTC).
  static func rfc3339(_ text: String) -> FeedTime? {
    let scalars = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= scalars.count else { return nil }
      var value = 0
      for byte in scalars[range] {
        guard ASCII.isDigit(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard scalars.count >= 10, scalars[4] == UInt8(ascii: "-"), scalars[7] == UInt8(ascii: "-"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
    else { return nil }
    guard scalars.count > 10 else { return moment(year, month, day, 0, 0, 0, offset: 0) }
    guard
      scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: "t")
        || scalars[10] == UInt8(ascii: " "),
      let hour = number(11..<13), scalars.count >= 16, scalars[13] == UInt8(ascii: ":"),
      let minute = number(14..<16)
    else { return nil }
    var index = 16
    var second = 0
    if index < scalars.count, scalars[index] == UInt8(ascii: ":") {
      guard let value = number((index + 1)..<(index + 3)) else { return nil }
      second = value
      index += 3
      if index < scalars.count,
        scalars[index] == UInt8(ascii: ".") || scalars[index] == UInt8(ascii: ",")
      {
        index += 1
        while index < scalars.count, ASCII.isDigit(scalars[index]) { index += 1 }
      }
    }
    let zone = String(decoding: scalars[index...], as: UTF8.self).trimmingSpaces()
    guard let offset = zone.isEmpty ? 0 : numericOffset(zone) ?? namedOffset(zone) else {
      return nil
    }
    return moment(year, month, day, hour, minute, second, offset: offset)
  }

  /// `Tue, 10 Jun 2003 04:00:00 GMT`, `10 Jun 03 04:00 +0200`, and the orders above.
  static func rfc822(_ text: String) -> FeedTime? {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map {
      String($0)
    }
    if let first = words.first, first.first?.isLetter == true, monthNumber(first) == nil {
      words.removeFirst()  // the day's name
    }
    guard words.count >= 2 else { return nil }
    var day: Int?
    var month: Int?
    var year: Int?
    var rest: ArraySlice<String>
    if let number = Int(words[0]), let name = monthNumber(words[1]) {
      (day, month, rest) = (number, name, words[2...])
    } else if let name = monthNumber(words[0]), let number = Int(words[1]) {
      (day, month, rest) = (number, name, words[2...])
    } else {
      // Perforce: `2006/09/15 08:19:53 EDT`.
      let parts = words[0].split(separator: "/").map { Int($0) }
      guard parts.count == 3, words[0].count == 10, let y = parts[0], let m = parts[1],
        let d = parts[2]
      else { return nil }
      (year, month, day, rest) = (y, m, d, words[1...])
    }
    var time: (Int, Int, Int)?
    var offset: Int?
    for word in rest {
      if time == nil, word.contains(":"), word.first?.isNumber == true {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        time = (parts[0] ?? 0, parts[1] ?? 0, parts.count > 2 ? parts[2] ?? 0 : 0)
      } else if year == nil, word.allSatisfy(\.isNumber), word.count == 4 || word.count == 2 {
        year = Int(word).map { word.count == 2 ? $0 + ($0 < 50 ? 2000 : 1900) : $0 }
      } else if offset == nil, let zone = zoneOffset(word) {
        offset = zone
      }
    }
    guard let day, let month, let year else { return nil }
    let (hour, minute, second) = time ?? (0, 0, 0)
    return moment(year, month, day, hour, minute, second, offset: offset ?? 0)
  }

  /// A zone as feeds write it: numeric (`+0200`, `-05:00`, `+02`), by name (`GMT`, `CEST`),
  /// named with an offset (`GMT-01:01`, `UTC+2`), `Etc/GMT`; another word of letters alone
  /// is a zone not known, read as UTC. `nil` for anything else.
  static func zoneOffset(_ word: String) -> Int? {
    var zone = word
    if zone.hasPrefix("(") || zone.hasSuffix(")") { return nil }  // `(UTC)`: a comment
    if zone.lowercased().hasPrefix("etc/") { zone.removeFirst(4) }
    if let offset = numericOffset(zone) ?? namedOffset(zone) { return offset }
    for base in ["GMT", "UTC", "UT"] where zone.uppercased().hasPrefix(base) {
      let rest = String(zone.dropFirst(base.count))
      if let offset = numericOffset(rest) { return offset }
    }
    guard (2...5).contains(zone.count), zone.allSatisfy({ $0.isASCII && $0.isLetter }) else {
      return nil
    }
    return 0
  }

  /// A time written `offset` minutes east of UTC, as UTC and as the day where it was written.
  static func moment(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
    offset: Int
  ) -> FeedTime? {
    guard let local = Day(year: year, month: month, day: day), (0...23).contains(hour),
      (0...59).contains(minute), (0...60).contains(second), abs(offset) < 24 * 60
    else { return nil }
    let minutes = local.daysSinceEpoch * 1440 + hour * 60 + minute - offset
    let utcDay = Day(daysSinceEpoch: Int((Double(minutes) / 1440).rounded(.down)))
    let inDay = minutes - utcDay.daysSinceEpoch * 1440
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let utc =
      "\(utcDay.iso)T\(pad(inDay / 60)):\(pad(inDay % 60)):\(pad(min(second, 59)))Z"
    return FeedTime(utc: utc, day: local)
  }

  /// `+0200`, `-05:00`, `Z`: minutes east of UTC.
  static func numericOffset(_ zone: String) -> Int? {
    if zone == "Z" || zone == "z" { return 0 }
    let bytes = Array(zone.utf8)
    guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
      return nil
    }
    let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
    guard [1, 2, 4].contains(digits.count), digits.allSatisfy(ASCII.isDigit) else { return nil }
    // `+2` and `+02` are hours.
    let value = (digits.count == 1 ? [0] : []) + digits.map { Int($0 - UInt8(ascii: "0")) }
    let minutes =
      (value[0] * 10 + value[1]) * 60 + (value.count == 4 ? value[2] * 10 + value[3] : 0)
    return sign == UInt8(ascii: "-") ? -minutes : minutes
  }

  /// RFC 822's named zones (military letters other than Z are read as UTC, as RFC 1123
  /// advises: their sign was defined backwards).
  static func namedOffset(_ zone: String) -> Int? {
    switch zone.uppercased() {
    case "GMT", "UT", "UTC", "Z": return 0
    case "EST": return -300
    case "EDT": return -240
    case "CST": return -360
    case "CDT": return -300
    case "MST": return -420
    case "MDT": return -360
    case "PST": return -480
    case "PDT": return -420
    // Disney's feeds and other short American names.
    case "AT": return -240
    case "ET": return -300
    case "CT": return -360
    case "MT": return -420
    case "PT": return -480
    case "AST": return -240
    case "ADT": return -180
    case "AKST": return -540
    case "AKDT": return -480
    case "HST": return -600
    case "NST": return -210
    case "WET": return 0
    case "BST", "WEST", "CET", "MET": return 60
    case "CEST", "MEST", "EET", "SAST": return 120
    case "EEST", "MSK", "EAT": return 180
    case "IST": return 330
    case "ICT", "WIB": return 420
    case "HKT", "SGT", "AWST", "PHT": return 480
    case "JST", "KST": return 540
    case "ACST": return 570
    case "AEST": return 600
    case "AEDT": return 660
    case "NZST": return 720
    case "NZDT": return 780
    case let letter where letter.count == 1 && letter.first?.isLetter == true: return 0
    default: return nil
    }
  }

  static func monthNumber(_ name: String) -> Int? {
    let months = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    let key = name.prefix(3).lowercased()
    return months.firstIndex(of: key).map { $0 + 1 }
  }
}
