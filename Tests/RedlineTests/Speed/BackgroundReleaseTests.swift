import Foundation
import Synchronization
import Testing

@testable import RedlineDiff

/// `releaseInBackground`: a value handed over is freed on another thread, not the caller's,
/// and the caller goes on before it is freed.
@Suite struct BackgroundReleaseTests {
  /// Says on which thread it was freed.
  final class Tracked: Sendable {
    let freed: @Sendable (Bool) -> Void
    init(freed: @escaping @Sendable (Bool) -> Void) { self.freed = freed }
    deinit { freed(Thread.isMainThread || Self.callerMarker.withLock { $0 == pthread_self() }) }
    /// The thread that handed the value over.
    static let callerMarker = Mutex<pthread_t?>(nil)
  }

  /// A struct holding it, as `DiffState` holds its tables.
  struct Holder {
    let one: Tracked
    let more: [Tracked]
    let text: String
  }

  @Test func aValueHandedOverIsFreedOnAnotherThread() {
    let onCaller = Mutex<Bool?>(nil)
    let done = DispatchSemaphore(value: 0)
    Tracked.callerMarker.withLock { $0 = pthread_self() }
    weak var watched: Tracked?
    do {
      // No other strong reference: were one left here, the value could be freed here, when
      // it goes, after the job has let go of its own.
      let holder = Holder(
        one: Tracked { caller in
          onCaller.withLock { $0 = caller }
          done.signal()
        }, more: [], text: "Alueiden kehittämisen teksti.")
      watched = holder.one
      releaseInBackground(consume holder)
    }
    #expect(done.wait(timeout: .now() + 10) == .success, "it is freed")
    #expect(onCaller.withLock { $0 } == false, "on another thread than the caller's")
    #expect(watched == nil)
  }
}
