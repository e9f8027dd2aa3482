import CSQLite
import FactArchiveStore
import Foundation
import TestSupport
import Testing

@Suite struct DatabaseTests {
  let folder: TemporaryFolder
  let db: Connection

  init() throws {
    folder = try TemporaryFolder()
    db = try Connection(path: folder.file("test.sqlite").path)
    try db.execute(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB)")
  }

  @Test func sqliteKeepsNoMemoryStatistics() throws {
    // Set before SQLite's first open, so no allocation takes the statistics' global mutex;
    // with them on, this table's rows would show as memory in use.
    for index in 0..<200 {
      try db.execute(
        "INSERT INTO t (name, data) VALUES (?, ?)",
        ["row \(index)", Array(repeating: 7, count: 2000) as [UInt8]])
    }
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 200)
    #expect(sqlite3_memory_used() == 0)
    #expect(sqlite3_memory_highwater(0) == 0)
  }

  @Test func namedParametersBindInAnyOrderAndRepeated() throws {
    try db.execute("CREATE TABLE p (a INTEGER, b TEXT, c INTEGER, d INTEGER)")
    let insert = try db.prepare("INSERT INTO p VALUES (:a, :b, :c + :a, ?)")
    #expect(try insert.parameterIndex(":a") == 1)
    #expect(try insert.parameterIndex(":c") == 3)
    // In the SQL's order, out of it, and a name used twice: one parameter.
    for (a, c) in [(1, 10), (2, 20)] {
      try insert.bind(a, to: ":a")
      try insert.bind("b\(a)", to: ":b")
      try insert.bind(c, to: ":c")
      try insert.bind(Int64(a * 100), at: 4)
      try insert.run()
    }
    try insert.bind(3, to: ":c")
    try insert.bind("third", to: ":b")
    try insert.bind(7, to: ":a")
    try insert.bind(Int64(0), at: 4)
    try insert.run()
    let rows = try db.query("SELECT a, b, c, d FROM p ORDER BY rowid") { $0.values }
    #expect(
      rows == [
        [.integer(1), .text("b1"), .integer(11), .integer(100)],
        [.integer(2), .text("b2"), .integer(22), .integer(200)],
        [.integer(7), .text("third"), .integer(10), .integer(0)],
      ])
    // A name the statement does not have is SQLITE_RANGE, wherever the last lookup ended.
    for name in [":e", "a", ":", ""] {
      #expect(throws: DatabaseError.self) { try insert.bind(1, to: name) }
      do {
        try insert.bind(1, to: name)
      } catch {
        #expect(error.resultCode == 25)
      }
    }
    #expect(try insert.parameterIndex(":b") == 2)
  }

  @Test func bindsAndReadsEveryStorageClass() throws {
    try db.execute(
      "INSERT INTO t (name, score, data) VALUES (?, ?, ?)",
      ["it's \"quoted\"; DROP TABLE t;--", 2.5, [0, 1, 255] as [UInt8]])
    let row = try #require(
      try db.queryFirst("SELECT id, name, score, data FROM t") { $0.values })
    #expect(
      row == [
        .integer(1), .text("it's \"quoted\"; DROP TABLE t;--"), .real(2.5), .blob([0, 1, 255]),
      ])
  }

  @Test func bindsEmptyTextAndBlobAsValuesNotNull() throws {
    try db.execute("INSERT INTO t (name, data) VALUES (?, ?)", ["", [] as [UInt8]])
    let row = try #require(
      try db.queryFirst("SELECT name IS NULL, data IS NULL, length(data) FROM t") { $0.values })
    #expect(row == [.integer(0), .integer(0), .integer(0)])
  }

  @Test func writeRowInsertsThenUpdatesByItsKey() throws {
    try db.execute(
      "CREATE TABLE pairs (a INTEGER, b INTEGER, note TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID")
    try db.writeRow(into: "pairs", key: ["a": 1, "b": 2], values: ["note": "first"])
    try db.writeRow(into: "pairs", key: ["a": 1, "b": 3], values: ["note": "other"])
    try db.writeRow(into: "pairs", key: ["a": 1, "b": 2], values: ["note": "second"])
    let rows = try db.query("SELECT a, b, note FROM pairs ORDER BY a, b") { $0.values }
    #expect(
      rows == [
        [.integer(1), .integer(2), .text("second")], [.integer(1), .integer(3), .text("other")],
      ])
  }

  @Test func aCheckConstraintIsWidenedInPlace() throws {
    try db.execute("CREATE TABLE kinds (kind TEXT CHECK (kind IN ('a', 'b')))")
    try db.execute("INSERT INTO kinds VALUES ('a')")
    #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO kinds VALUES ('c')") }
    try db.transaction {
      try db.rewriteDeclaration(
        of: "kinds", replacing: "kind IN ('a', 'b')", with: "kind IN ('a', 'b', 'c')")
    }
    try db.execute("INSERT INTO kinds VALUES ('c')")
    #expect(try db.scalarInt("SELECT count(*) FROM kinds") == 2)
    #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO kinds VALUES ('d')") }
    // Text that is not there once is refused, and nothing changes.
    #expect(throws: DatabaseError.self) {
      try db.transaction {
        try db.rewriteDeclaration(of: "kinds", replacing: "kind IN ('x')", with: "1")
      }
    }
    // Defensive mode is back on: the schema table cannot be written.
    #expect(throws: DatabaseError.self) {
      try db.execute("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = sql")
    }
  }

  @Test func bindsNamedParameters() throws {
    try db.execute("INSERT INTO t (name) VALUES ('a'), ('b')")
    let statement = try db.prepare("SELECT count(*) FROM t WHERE name IN (:x, :y)")
    try statement.bind(named: [":x": "a", ":y": "zzz"])
    #expect(try statement.step())
    #expect(statement.int(at: 0) == 1)
  }

  @Test func errorsCarryResultCodeMessageAndSQL() throws {
    try db.execute("INSERT INTO t (name) VALUES (?)", ["dup"])
    let error = try #require(throws: DatabaseError.self) {
      try db.execute("INSERT INTO t (name) VALUES (?)", ["dup"])
    }
    #expect(error.resultCode == 19)  // SQLITE_CONSTRAINT
    #expect(error.extendedResultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
    #expect(error.message.contains("UNIQUE constraint failed: t.name"))
    #expect(error.sql == "INSERT INTO t (name) VALUES (?)")
    #expect(error.description.hasPrefix("SQLite error 19: UNIQUE constraint failed"))
    // Bound values never leak into the message.
    #expect(!error.description.contains("dup"))
  }

  @Test func syntaxErrorsFailAtPrepare() throws {
    let error = try #require(throws: DatabaseError.self) { try db.prepare("SELEC 1") }
    #expect(error.resultCode == 1)
    #expect(error.message.contains("syntax error"))
  }

  @Test func transactionRollsBackWhenBodyThrows() throws {
    struct Boom: Error {}
    #expect(throws: Boom.self) {
      try db.transaction {
        try db.execute("INSERT INTO t (name) VALUES ('x')")
        throw Boom()
      }
    }
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
    #expect(!db.isInTransaction)
  }

  @Test func savepointRollsBackAloneInsideTransaction() throws {
    struct Boom: Error {}
    try db.transaction {
      try db.execute("INSERT INTO t (name) VALUES ('kept')")
      #expect(throws: Boom.self) {
        try db.savepoint("doc") {
          try db.execute("INSERT INTO t (name) VALUES ('lost')")
          throw Boom()
        }
      }
      try db.savepoint("doc") { try db.execute("INSERT INTO t (name) VALUES ('also kept')") }
    }
    let names = try db.query("SELECT name FROM t ORDER BY id") { $0.text(at: 0) }
    #expect(names == ["kept", "also kept"])
  }

  @Test func fileThatIsNotADatabaseFailsAtOpen() throws {
    let path = try folder.write("notes.sqlite", String(repeating: "not a database ", count: 100))
    let error = try #require(throws: DatabaseError.self) { try Connection(path: path) }
    #expect(error.resultCode == 26)  // SQLITE_NOTADB
  }

  @Test func readOnlyConnectionRefusesWrites() throws {
    let path = folder.file("test.sqlite").path
    let reader = try Connection(path: path, mode: .readOnly)
    let error = try #require(throws: DatabaseError.self) {
      try reader.execute("INSERT INTO t (name) VALUES ('x')")
    }
    #expect(error.isReadOnly)
  }

  @Test func missingFileFailsWithoutCreateMode() throws {
    let error = try #require(throws: DatabaseError.self) {
      try Connection(path: folder.file("absent.sqlite").path, mode: .readWrite)
    }
    #expect(error.message.contains("absent.sqlite"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("absent.sqlite").path))
  }
}
