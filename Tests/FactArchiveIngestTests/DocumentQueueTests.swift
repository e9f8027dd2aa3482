import FactArchiveCore
import FactArchiveDatabase
import FactArchiveParser
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

  @Test func aCancelledQueueStopsBothSides() {
    let queue = DocumentQueue(capacity: 1, byteBudget: 1 << 20)
    #expect(queue.put(document("a")))
    queue.cancel()
    #expect(!queue.put(document("b")))
    #expect(queue.take() == nil)
  }

  @Test func oneDocumentAlwaysFitsWhateverItsSize() {
    let queue = DocumentQueue(capacity: 4, byteBudget: 100)
    #expect(queue.put(document("huge", size: 10_000)))
    queue.finish()
    #expect(queue.take()?.input.path == "huge")
    #expect(queue.take() == nil)
  }
}
