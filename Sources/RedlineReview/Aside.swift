import Foundation

/// A value built on a thread of its own while the caller goes on, and taken when needed
/// (waiting for it if it is not done). A plain thread, not Dispatch's pool: `redline serve`
/// runs its requests on that pool, and a request must never wait for work queued behind it.
///
/// The value need not be `Sendable`: it is made on the other thread and only ever used by
/// the one that takes it; the lock orders the making before the taking. Take it on one
/// thread only (a non-`Sendable` value, such as a `TextIndex`, is not safe to share).
package final class Aside<Value>: @unchecked Sendable {
  private let condition = NSCondition()
  private var value: Value?

  /// Starts `make` on a new thread.
  package init(_ make: @escaping @Sendable () -> Value) {
    Thread.detachNewThread { [self] in
      let v = make()
      condition.lock()
      value = v
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The value, once it is built.
  package func take() -> Value {
    condition.lock()
    defer { condition.unlock() }
    while value == nil { condition.wait() }
    return value!
  }
}
