import CThreadPlace
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work shared between this thread and one helper thread that lives as long as the
/// process: the comparison's two-way work (reading and parsing both versions, preparing
/// both sides, the word diffs, assembling, the JSON's batches, freeing).
///
/// `DispatchQueue.concurrentPerform` made a new worker thread three to five times in a
/// comparison, and on this kind of machine (a virtual one, whose idle processor the kernel
/// counts as taken) Linux put a thread made or woken by a busy thread on that thread's
/// processor, where one of the two waited up to a scheduler tick (4 ms) while the other
/// processor idled (decision 88). The helper is made once, the first time it is needed,
/// and the caller waits until it runs; each time work is handed to it, it is kept off the
/// processor of the thread handing it over (`CThreadPlace`), and allowed back on before
/// that thread sleeps waiting for it.
package enum Workers {
  /// Runs `body(0)`, …, `body(iterations - 1)`, each once, on this thread and the helper,
  /// and returns when every one has returned (as `DispatchQueue.concurrentPerform`). This
  /// thread takes iterations in order until none is left, whether or not the helper has
  /// come: a helper busy with another caller's work (`redline serve`, a `body` that calls
  /// `perform` itself) never holds this one up. On one core, and on the helper itself
  /// (which cannot help itself), all run here.
  package static func perform(iterations: Int, _ body: (Int) -> Void) {
    guard iterations > 1, let helper = Helper.shared, helper.running, !helper.isCurrent else {
      for i in 0..<max(iterations, 0) { body(i) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let job = Job(count: iterations, body: body)
      helper.post(job, urgent: true)
      job.run()
      // Every iteration is claimed. A job the helper has not taken is taken back; one it
      // has taken is waited for until the helper is done with it (its claimed iterations
      // finished, and its use of `body` over).
      if !helper.takeBack(job) {
        helper.mayShareThisCPU()
        job.waitForHelper()
      }
      job.letGo()
    }
  }

  /// Runs `work` on the helper, after the work handed to it before; `background` work
  /// (freeing what a comparison no longer needs) waits while other work is waiting. On
  /// the helper itself, `work` runs at once (nothing waits for the helper there); on one
  /// core, on a Dispatch thread.
  package static func async(background: Bool = false, _ work: @escaping @Sendable () -> Void) {
    guard let helper = Helper.shared, helper.running else {
      DispatchQueue.global().async(execute: work)
      return
    }
    // Frees run here when many are already waiting (a `redline serve` under load), so
    // that their memory is not held behind the helper's other work.
    if helper.isCurrent || (background && helper.backgroundWaiting >= 16) {
      work()
    } else {
      helper.post(Handed(work), urgent: !background)
    }
  }

  /// Called before this thread sleeps waiting for work handed over with `async`: lets the
  /// helper run on this thread's processor too.
  package static func waitingForHelper() {
    if let helper = Helper.shared, helper.running, !helper.isCurrent { helper.mayShareThisCPU() }
  }
}

/// Work in the helper's queue.
protocol Work: AnyObject, Sendable {
  /// Runs on the helper.
  func runOnHelper()
}

/// Work handed over with `Workers.async`.
final class Handed: Work {
  let work: @Sendable () -> Void
  init(_ work: @escaping @Sendable () -> Void) { self.work = work }
  func runOnHelper() { work() }
}

/// One `perform`: iterations are claimed by counting, and only a thread that claimed one
/// calls `body`. The caller runs until nothing is left to claim, then either takes the job
/// back from the helper's queue or waits until the helper has signalled that it is done
/// with it; only then does it drop `body`, so the closure never outlives `perform`
/// (`withoutActuallyEscaping` checks that it is not still held).
final class Job: Work, @unchecked Sendable {
  private let count: Int
  private let next = Atomic<Int>(0)
  private let helperDone = DispatchSemaphore(value: 0)
  /// Dropped by the caller once no other thread can call it (`letGo`).
  nonisolated(unsafe) private var body: ((Int) -> Void)?

  init(count: Int, body: @escaping (Int) -> Void) {
    self.count = count
    self.body = body
  }

  /// Claims and runs iterations until none is left.
  func run() {
    while true {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard i < count else { return }
      body!(i)
    }
  }

  func runOnHelper() {
    run()
    helperDone.signal()  // after the last use of `body` here; the semaphore orders it
  }

  func waitForHelper() { helperDone.wait() }

  func letGo() { body = nil }
}

/// The helper thread: takes jobs in the order they were posted and sleeps when there are
/// none.
final class Helper: Sendable {
  /// The helper, made on first use; nil on one core.
  static let shared: Helper? = redline_usable_cpus() > 1 ? Helper() : nil

  /// Work waiting: the urgent first, each list in the order posted.
  private let queue = Mutex<(urgent: [any Work], background: [any Work])>(([], []))
  private let posted = DispatchSemaphore(value: 0)
  /// The helper's thread, once it runs.
  nonisolated(unsafe) private var thread: pthread_t? = nil
  /// The helper's kernel thread id, once it runs.
  nonisolated(unsafe) private var threadID: Int32 = 0

  /// How long the helper waits for urgent work before it starts background work.
  private let backgroundDelay: DispatchTimeInterval

  /// A new helper thread (`shared` is the one `Workers` uses; tests make their own).
  init(backgroundDelay: DispatchTimeInterval = .milliseconds(1)) {
    self.backgroundDelay = backgroundDelay
    let started = DispatchSemaphore(value: 0)
    let start = Unmanaged.passRetained(Start(helper: self, started: started))
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    pthread_attr_setstacksize(&attributes, 8 << 20)  // as the main thread's: a parse recurses
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t? = nil
    #endif
    let made = pthread_create(
      &thread, &attributes,
      { context in
        let start = Unmanaged<Start>.fromOpaque(context!).takeRetainedValue()
        let helper = start.helper
        helper.thread = pthread_self()
        helper.threadID = redline_thread_id()
        start.started.signal()
        helper.serve()
      }, start.toOpaque())
    if made == 0 {
      // Waiting here lets the new thread run at once on this core; from then on it is
      // woken, not made.
      started.wait()
    } else {
      start.release()
      failed.store(true, ordering: .relaxed)
    }
  }

  /// Set when no thread could be made: every job is then run by its caller alone.
  private let failed = Atomic<Bool>(false)

  /// Whether the helper thread runs.
  var running: Bool { !failed.load(ordering: .relaxed) }

  /// Whether this is the helper's thread (written before `init` returns, read-only after).
  var isCurrent: Bool { thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false }

  /// Lets the helper run on this thread's processor too: called before this thread sleeps
  /// waiting for it, so that a helper whose own processor is busy is not kept from an idle
  /// one.
  func mayShareThisCPU() { _ = redline_allow_all_cpus(threadID) }

  /// Queues `work` and wakes the helper, kept off this thread's processor (which stays busy
  /// with the caller's share): a woken thread placed there waited for a tick.
  func post(_ work: any Work, urgent: Bool) {
    queue.withLock { if urgent { $0.urgent.append(work) } else { $0.background.append(work) } }
    _ = redline_keep_off_this_cpu(threadID)
    posted.signal()
  }

  /// How many background jobs are waiting.
  var backgroundWaiting: Int { queue.withLock { $0.background.count } }

  /// Removes `job` from the queue if the helper has not taken it; false when it has.
  /// (The semaphore then counts one post too many: the helper wakes once to an empty
  /// queue and sleeps again.)
  func takeBack(_ job: Job) -> Bool {
    queue.withLock { q in
      guard let k = q.urgent.firstIndex(where: { $0 === job }) else { return false }
      q.urgent.remove(at: k)
      return true
    }
  }

  /// Takes the urgent work first, but background work never waits behind more than eight
  /// urgent jobs (a busy `redline serve` must not let the frees pile up). Before it starts
  /// background work taken because nothing urgent was waiting, the helper waits up to
  /// `backgroundDelay` for urgent work and gives way to it: a comparison frees its parses
  /// just before it asks for help with the next step, and a free begun first held that
  /// step up by as long as the free took (1–2 ms at 5 MB). Every urgent job run while a
  /// free waits counts towards the eight, those it gave way to too. With nothing left to
  /// do, the helper may run on every processor again before it sleeps.
  private func serve() -> Never {
    var passedOver = 0
    while true {
      posted.wait()
      let next: (work: any Work, background: Bool, mayWait: Bool)? = queue.withLock { q in
        if q.urgent.isEmpty && q.background.isEmpty { return nil }  // taken back
        if q.background.isEmpty || (!q.urgent.isEmpty && passedOver < 8) {
          if !q.background.isEmpty { passedOver += 1 }
          return (q.urgent.removeFirst(), false, false)
        }
        return (q.background.removeFirst(), true, q.urgent.isEmpty && passedOver < 8)
      }
      guard let next else { continue }
      if next.mayWait, posted.wait(timeout: .now() + backgroundDelay) == .success {
        // A post came (or a stale count from a job taken back): the wait is given back.
        // When urgent work is waiting, the free goes back to the front of its list (and is
        // counted again), and the next turn takes the urgent work first.
        posted.signal()
        let yielded = queue.withLock { q in
          guard !q.urgent.isEmpty else { return false }
          q.background.insert(next.work, at: 0)
          return true
        }
        if yielded {
          posted.signal()
          continue
        }
      }
      if next.background { passedOver = 0 }
      next.work.runOnHelper()
      if queue.withLock({ $0.urgent.isEmpty && $0.background.isEmpty }) { _ = redline_allow_all_cpus(threadID) }
    }
  }
}

/// What the new thread is handed.
private final class Start: Sendable {
  let helper: Helper
  let started: DispatchSemaphore
  init(helper: Helper, started: DispatchSemaphore) {
    self.helper = helper
    self.started = started
  }
}
