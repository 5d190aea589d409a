import Synchronization

/// Values a command has finished with, left for the end of the process to free all at once.
///
/// A comparison of two long drafts is millions of small objects (texts, tokens, segments);
/// releasing them one by one after the output is written took 11 ms of a 20 MB comparison
/// (2–3 ms at 5 MB) and changes nothing the user sees. A command-line run that is about to
/// exit hands such values here instead. Never for a long-running process (`redline serve`):
/// what is kept here stays until the process ends.
package enum ProcessEnd {
  private static let kept = Mutex<[any Sendable]>([])

  /// Keeps `value` alive until the process exits.
  package static func keep(_ value: some Sendable) {
    kept.withLock { $0.append(value) }
  }

  /// How many values are kept (for tests).
  package static var count: Int { kept.withLock { $0.count } }
}
