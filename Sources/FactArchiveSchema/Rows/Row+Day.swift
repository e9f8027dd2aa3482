import FactArchiveCore
import FactArchiveStore

extension Row {
  /// A `YYYY-MM-DD` column as a day; `nil` when it is NULL or not a date.
  public func day(_ column: String) -> Day? {
    text(column).flatMap { Day(iso: $0) }
  }
}
