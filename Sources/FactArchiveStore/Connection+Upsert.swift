/// Writing one row by its key, whether or not it exists yet.
extension Connection {
  /// Updates the row of `table` whose `key` columns hold the given values, or inserts it
  /// when there is none: two plain single-row statements.
  ///
  /// Not `INSERT OR REPLACE` or `ON CONFLICT … DO UPDATE`: those need a statement journal,
  /// and opening one makes every FTS5 table written earlier in the transaction flush its
  /// pending terms to a new segment. The archive writes FTS5 tables in every batch, so an
  /// upsert per row cost a flush per row (measured: 90 µs a row, most of the time claim
  /// matching took when importing ClaimReviews).
  ///
  /// `table` and the column names come from the code, never from input; they are quoted.
  public func writeRow(
    into table: String, key: KeyValuePairs<String, any DatabaseValueConvertible>,
    values: KeyValuePairs<String, any DatabaseValueConvertible>
  ) throws(DatabaseError) {
    let name = Connection.quoteIdentifier(table)
    func parameter(_ column: String) -> String { ":" + column }
    let assignments = values.map { "\(Connection.quoteIdentifier($0.key)) = \(parameter($0.key))" }
    let match = key.map { "\(Connection.quoteIdentifier($0.key)) = \(parameter($0.key))" }
    let update = try cachedStatement(
      "UPDATE \(name) SET \(assignments.joined(separator: ", "))"
        + " WHERE \(match.joined(separator: " AND "))")
    for (column, value) in key { try update.bind(value.databaseValue, to: parameter(column)) }
    for (column, value) in values { try update.bind(value.databaseValue, to: parameter(column)) }
    try update.run()
    guard changes == 0 else { return }
    let columns = key.map(\.key) + values.map(\.key)
    let insert = try cachedStatement(
      "INSERT INTO \(name) (\(columns.map(Connection.quoteIdentifier).joined(separator: ", ")))"
        + " VALUES (\(columns.map(parameter).joined(separator: ", ")))")
    for (column, value) in key { try insert.bind(value.databaseValue, to: parameter(column)) }
    for (column, value) in values { try insert.bind(value.databaseValue, to: parameter(column)) }
    try insert.run()
  }
}
