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
  /// Threads waiting on each side: a side is woken only when one waits, so a steady flow
  /// makes no system calls.
  private var waitingTakers = 0
  private var waitingPutters = 0
  /// A reader that found the queue full waits until it is at most half full, so the two
  /// threads do not trade one document per wake-up.
  private var drainingToHalf = false
  private let capacity: Int
  private let byteBudget: Int
  /// How long takers waited for a document, and the reading thread's processor time when
  /// it finished: where an ingest's time went (`IngestSession.ThreadTimes`).
  private var waitedToTake = Duration.zero
  private var readerCPU = Duration.zero

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
    while !cancelled, count > 0, drainingToHalf || count >= capacity || bytes + size > byteBudget {
      drainingToHalf = true
      waitingPutters += 1
      condition.wait()
      waitingPutters -= 1
    }
    drainingToHalf = false
    guard !cancelled else { return false }
    slots[(head + count) % capacity] = document
    count += 1
    bytes += size
    if waitingTakers > 0 { condition.broadcast() }
    return true
  }

  /// The next document, waiting for one; `nil` once the reader has finished and all are taken.
  func take() -> PreparedDocument? {
    condition.lock()
    defer { condition.unlock() }
    if count == 0, !finished, !cancelled {
      let start = ContinuousClock.now
      while count == 0, !finished, !cancelled {
        waitingTakers += 1
        condition.wait()
        waitingTakers -= 1
      }
      waitedToTake += ContinuousClock.now - start
    }
    guard count > 0, !cancelled, let document = slots[head] else { return nil }
    slots[head] = nil
    head = (head + 1) % capacity
    count -= 1
    bytes -= document.input.bytes.count
    if drainingToHalf, count <= capacity / 2, bytes <= byteBudget / 2 {
      drainingToHalf = false
    }
    if waitingPutters > 0, !drainingToHalf { condition.broadcast() }
    return document
  }

  /// The reader has put its last document, having used `cpu` of processor time.
  func finish(cpu: Duration = .zero) {
    condition.lock()
    readerCPU = cpu
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

  /// How long `take` waited in all, and the reader's processor time (zero until it finishes).
  var times: (waitedToTake: Duration, readerCPU: Duration) {
    condition.lock()
    defer { condition.unlock() }
    return (waitedToTake, readerCPU)
  }

  var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }
}
