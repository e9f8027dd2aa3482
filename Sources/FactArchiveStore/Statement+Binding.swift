internal import CSQLite

/// Binding values to a statement's parameters: by position (`?`), by name (`:due_on`), or
/// as a dictionary of names. Values are always bound, never spliced into SQL.
extension Statement {
  // MARK: - Binding

  /// Binds values to the `?` parameters in order, after clearing earlier bindings.
  public func bind(_ values: [any DatabaseValueConvertible]) throws(DatabaseError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      try bind(value.databaseValue, at: Int32(offset + 1))
    }
  }

  /// Binds values to named parameters (`:name`, `@name` or `$name`, written with the prefix).
  public func bind(named values: [String: any DatabaseValueConvertible]) throws(DatabaseError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (name, value) in values {
      try bind(value.databaseValue, at: try parameterIndex(name))
    }
  }

  /// Binds one value to the parameter at a 1-based index.
  public func bind(_ value: DatabaseValue, at index: Int32) throws(DatabaseError) {
    let code: Int32
    switch value {
    case .null:
      code = sqlite3_bind_null(handle, index)
    case .integer(let number):
      code = sqlite3_bind_int64(handle, index, number)
    case .real(let number):
      code = sqlite3_bind_double(handle, index, number)
    case .text(let text):
      code = Statement.bindText(text, handle: handle, index: index)
    case .blob(let bytes):
      code = bytes.withUnsafeBytes { buffer in
        // A zero-length blob still needs a non-NULL pointer, or SQLite binds NULL.
        guard let base = buffer.baseAddress, buffer.count > 0 else {
          return sqlite3_bind_zeroblob(handle, index, 0)
        }
        return csqlite_bind_blob_transient(handle, index, base, Int32(buffer.count))
      }
    }
    try check(code)
  }

  // MARK: - Typed binding (the ingest hot path: no boxing, no arrays)

  public func bind(_ value: Int64, at index: Int32) throws(DatabaseError) {
    try check(sqlite3_bind_int64(handle, index, value))
  }

  /// Binds an integer, or NULL for `nil`.
  public func bind(_ value: Int64?, at index: Int32) throws(DatabaseError) {
    guard let value else {
      try check(sqlite3_bind_null(handle, index))
      return
    }
    try check(sqlite3_bind_int64(handle, index, value))
  }

  public func bind(_ value: Int, at index: Int32) throws(DatabaseError) {
    try check(sqlite3_bind_int64(handle, index, Int64(value)))
  }

  public func bind(_ value: Bool, at index: Int32) throws(DatabaseError) {
    try check(sqlite3_bind_int64(handle, index, value ? 1 : 0))
  }

  /// Binds text, or NULL for `nil`.
  public func bind(_ value: String?, at index: Int32) throws(DatabaseError) {
    guard let value else {
      try check(sqlite3_bind_null(handle, index))
      return
    }
    try check(Statement.bindText(value, handle: handle, index: index))
  }

  public func bindNull(at index: Int32) throws(DatabaseError) {
    try check(sqlite3_bind_null(handle, index))
  }

  // MARK: - Typed binding by name (`:due_on`)

  public func bind(_ value: Int64, to name: String) throws(DatabaseError) {
    try bind(value, at: try parameterIndex(name))
  }

  public func bind(_ value: Int, to name: String) throws(DatabaseError) {
    try bind(value, at: try parameterIndex(name))
  }

  /// Binds an optional integer, NULL for `nil`.
  public func bind(_ value: Int?, to name: String) throws(DatabaseError) {
    let index = try parameterIndex(name)
    if let value { try bind(value, at: index) } else { try bindNull(at: index) }
  }

  public func bind(_ value: Bool, to name: String) throws(DatabaseError) {
    try bind(value, at: try parameterIndex(name))
  }

  /// Binds text, or NULL for `nil`.
  public func bind(_ value: String?, to name: String) throws(DatabaseError) {
    try bind(value, at: try parameterIndex(name))
  }

  /// Binds UTF-8 bytes as text.
  public func bindText(_ bytes: UnsafeRawBufferPointer, to name: String) throws(DatabaseError) {
    try bindText(bytes, at: try parameterIndex(name))
  }

  public func bind(_ value: DatabaseValue, to name: String) throws(DatabaseError) {
    try bind(value, at: try parameterIndex(name))
  }

  public func bindNull(to name: String) throws(DatabaseError) {
    try bindNull(at: try parameterIndex(name))
  }

  /// Runs a statement bound with the typed `bind` methods to completion, then resets it
  /// (bindings stay until rebound).
  public func run() throws(DatabaseError) {
    defer { sqlite3_reset(handle) }
    while try step() {}
  }

  /// Binds UTF-8 bytes as text without building a Swift `String` first.
  public func bindText(_ bytes: UnsafeRawBufferPointer, at index: Int32) throws(DatabaseError) {
    let code: Int32
    if let base = bytes.baseAddress, bytes.count > 0 {
      code = csqlite_bind_text_transient(
        handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
    } else {
      code = csqlite_bind_text_transient(handle, index, "", 0)
    }
    try check(code)
  }

  static func bindText(_ text: String, handle: OpaquePointer, index: Int32) -> Int32 {
    var text = text
    return text.withUTF8 { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else {
        return csqlite_bind_text_transient(handle, index, "", 0)
      }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        csqlite_bind_text_transient(handle, index, $0, Int32(buffer.count))
      }
    }
  }
}
