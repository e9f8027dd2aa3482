/// The kinds of character that word splitting asks about (the parser's question keys, the
/// policy's names), by Unicode's own properties, with ASCII answered without the property
/// table: those lookups were a quarter of the reading thread's time at 10,000 articles
/// (perf, `_swift_stdlib_getBinaryProperties`), and almost every character is ASCII.
extension Unicode.Scalar {
  /// A letter (Unicode `Alphabetic`).
  @inlinable public var isWordLetter: Bool {
    guard isASCII else { return properties.isAlphabetic }
    let folded = value | 0x20
    return folded >= 0x61 && folded <= 0x7A
  }

  /// A letter or a digit (`Alphabetic`, or any numeric type).
  @inlinable public var isWordCharacter: Bool {
    guard isASCII else {
      let properties = self.properties
      return properties.isAlphabetic || properties.numericType != nil
    }
    return isWordLetter || (value >= 0x30 && value <= 0x39)
  }

  /// An uppercase letter (`Uppercase`).
  @inlinable public var isCapital: Bool {
    guard isASCII else { return properties.isUppercase }
    return value >= 0x41 && value <= 0x5A
  }

  /// A mark that modifies another letter (`Diacritic`: in ASCII, `^` and `` ` ``).
  @inlinable public var isDiacriticMark: Bool {
    guard isASCII else { return properties.isDiacritic }
    return value == 0x5E || value == 0x60
  }
}

extension Unicode.Scalar {
  /// White space (Unicode `White_Space`): the web page readers ask it of every character.
  @inlinable public var isSpace: Bool {
    guard isASCII else { return properties.isWhitespace }
    return value == 0x20 || (value >= 0x09 && value <= 0x0D)
  }
}

extension Unicode.Scalar {
  /// A character that shows nothing and only says where a line may break or must not: the
  /// soft hyphen (`&shy;`, which hyphenation plugins put inside long words: `Wäh­rend`), the
  /// zero-width space, the word joiner, and a byte-order mark inside text.
  @inlinable public var isInvisibleBreakHint: Bool {
    value == 0xAD || value == 0x200B || value == 0x2060 || value == 0xFEFF
  }
}

extension String {
  /// The text without its invisible break hints, so that the words they sat in read, and
  /// are searched, as typed.
  public var withoutInvisibleBreakHints: String {
    guard unicodeScalars.contains(where: \.isInvisibleBreakHint) else { return self }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: unicodeScalars.lazy.filter { !$0.isInvisibleBreakHint })
    return String(scalars)
  }
}
