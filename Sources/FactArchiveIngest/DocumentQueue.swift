import Foundation

/// A bounded hand-off between the thread that reads and parses documents and the thread
/// that writes them: the reader waits when the writer falls behind, so memory stays flat
/// however large the corpus.
final class DocumentQueue: @unchecked Sendable {
  private let condition = NSCondition()
  /// A ring of slots: a taken document's slot is emptied at once, so nothing the writer has
  /// finished with stays alive here.
  private var slots: [PreparedDocument?]
  private var head = 0
  private var count = 0
  private var bytes = 0
  private var finished = false
  private var cancelled = false
  private let capacity: Int
  private let byteBudget: Int

  /// - Parameters:
  ///   - capacity: documents waiting at most.
  ///   - byteBudget: bytes waiting at most (one document always fits, however large).
  init(capacity: Int, byteBudget: Int) {
    self.capacity = max(1, capacity)
    self.byteBudget = byteBudget
    self.slots = Array(repeating: nil, count: max(1, capacity))
  }

  /// Adds a document, waiting for room. Returns `false` when the queue was cancelled.
  @discardableResult
  func put(_ document: PreparedDocument) -> Bool {
    let size = document.input.bytes.count
    condition.lock()
    defer { condition.unlock() }
    while !cancelled, count > 0, count >= capacity || bytes + size > byteBudget {
      condition.wait()
    }
    guard !cancelled else { return false }
    slots[(head + count) % capacity] = document
    count += 1
    bytes += size
    condition.broadcast()
    return true
  }

  /// The next document, waiting for one; `nil` once the reader has finished and all are taken.
  func take() -> PreparedDocument? {
    condition.lock()
    defer { condition.unlock() }
    while count == 0, !finished, !cancelled {
      condition.wait()
    }
    guard count > 0, !cancelled, let document = slots[head] else { return nil }
    slots[head] = nil
    head = (head + 1) % capacity
    count -= 1
    bytes -= document.input.bytes.count
    condition.broadcast()
    return document
  }

  /// The reader has put its last document.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The writer stopped: the reader should stop too.
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }
}
