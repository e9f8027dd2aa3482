import FactArchiveCore
import FactArchiveParser
import FactArchiveSchema
import Foundation
import Testing

@testable import FactArchiveIngest

@Suite struct DocumentQueueTests {
  func document(_ name: String, size: Int = 10) -> PreparedDocument {
    PreparedDocument(InputDocument(path: name, bytes: [UInt8](repeating: 0x41, count: size)))
  }

  @Test func deliversInOrderAcrossTheRingAndEnds() {
    let queue = DocumentQueue(capacity: 3, byteBudget: 1 << 20)
    let names = (0..<10).map { "d\($0)" }
    let producer = Thread {
      for name in names { queue.put(document(name)) }
      queue.finish()
    }
    producer.start()
    var taken: [String] = []
    while let next = queue.take() { taken.append(next.input.path) }
    #expect(taken == names)
  }

  /// Many documents of mixed sizes through a small ring and byte budget, with a slow taker
  /// now and then: a reader draining to half before it puts again never deadlocks either
  /// side, and nothing is lost or reordered.
  @Test func mixedSizesThroughASmallRingArriveInOrder() {
    let queue = DocumentQueue(capacity: 8, byteBudget: 1_000)
    let sizes = (0..<5_000).map { [10, 300, 700, 2_000][$0 % 4] }
    let producer = Thread {
      for (index, size) in sizes.enumerated() { queue.put(document("d\(index)", size: size)) }
      queue.finish()
    }
    producer.start()
    var taken = 0
    var inOrder = true
    while let next = queue.take() {
      inOrder = inOrder && next.input.path == "d\(taken)"
      taken += 1
      if taken % 997 == 0 { usleep(2_000) }
    }
    #expect(taken == sizes.count)
    #expect(inOrder)
  }

  @Test func aCancelledQueueStopsBothSides() {
    let queue = DocumentQueue(capacity: 1, byteBudget: 1 << 20)
    #expect(queue.put(document("a")))
    queue.cancel()
    #expect(!queue.put(document("b")))
    #expect(queue.take() == nil)
  }

  /// A taker that found the queue empty counts the time it waited; the reader's processor
  /// time is what it reported when it finished.
  @Test func countsTheTakersWaitAndTheReadersTime() {
    let queue = DocumentQueue(capacity: 2, byteBudget: 1 << 20)
    let producer = Thread {
      usleep(50_000)
      queue.put(document("late"))
      queue.finish(cpu: .milliseconds(7))
    }
    producer.start()
    #expect(queue.take()?.input.path == "late")
    #expect(queue.take() == nil)
    let (waited, readerCPU) = queue.times
    #expect(waited >= .milliseconds(40))
    #expect(readerCPU == .milliseconds(7))
  }

  @Test func oneDocumentAlwaysFitsWhateverItsSize() {
    let queue = DocumentQueue(capacity: 4, byteBudget: 100)
    #expect(queue.put(document("huge", size: 10_000)))
    queue.finish()
    #expect(queue.take()?.input.path == "huge")
    #expect(queue.take() == nil)
  }
}
