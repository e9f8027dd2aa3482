/// One SQLite value: the five storage classes.
///
/// See <https://www.sqlite.org/datatype3.html>.
public enum DatabaseValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  public var int64: Int64? {
    switch self {
    case .integer(let value): return value
    case .real(let value): return Int64(exactly: value.rounded(.towardZero))
    case .text(let text): return Int64(text)
    default: return nil
    }
  }

  public var double: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .real(let value): return value
    case .text(let text): return Double(text)
    default: return nil
    }
  }

  public var text: String? {
    switch self {
    case .text(let text): return text
    case .integer(let value): return String(value)
    case .real(let value): return String(value)
    case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .null: return nil
    }
  }
}

/// Values that bind to statement parameters.
public protocol DatabaseValueConvertible {
  var databaseValue: DatabaseValue { get }
}

extension DatabaseValue: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { self }
}

extension String: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { .text(self) }
}

extension Int: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Int64: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { .integer(self) }
}

extension Int32: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Double: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { .real(self) }
}

extension Bool: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
}

extension Array: DatabaseValueConvertible where Element == UInt8 {
  public var databaseValue: DatabaseValue { .blob(self) }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue {
    switch self {
    case .none: return .null
    case .some(let value): return value.databaseValue
    }
  }
}
