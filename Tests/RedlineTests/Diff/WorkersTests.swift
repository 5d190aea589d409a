import CThreadPlace
import Dispatch
import Foundation
import RedlineDocument
import Synchronization
import Testing

@testable import RedlineDiff

/// The helper thread that shares a comparison's two-way work (decision 88): every iteration
/// once, the caller never held up by a busy helper, work handed over in order, frees never
/// starved.
@Suite(.timeLimit(.minutes(2))) struct WorkersTests {
  static let cores = Int(redline_usable_cpus())

  @Test(arguments: [0, 1, 2, 3, 16, 257])
  func everyIterationRunsExactlyOnce(_ n: Int) {
    let runs = Mutex([Int](repeating: 0, count: n))
    Workers.perform(iterations: n) { i in runs.withLock { $0[i] += 1 } }
    #expect(runs.withLock { $0 } == [Int](repeating: 1, count: n))
  }

  @Test func bothThreadsTakePartWhenThereAreTwoCores() throws {
    try #require(Self.cores > 1, "one core: every iteration runs on the caller")
    // Each iteration waits (up to 10 s) until the other has started: only two threads
    // running at once get past it without waiting the whole time.
    let started = Atomic<Int>(0)
    let threads = Mutex(Set<UInt>())
    let met = Mutex([Bool](repeating: false, count: 2))
    Workers.perform(iterations: 2) { i in
      threads.withLock { _ = $0.insert(UInt(pthread_self())) }
      started.add(1, ordering: .acquiringAndReleasing)
      let end = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
      while started.load(ordering: .acquiring) < 2 && DispatchTime.now().uptimeNanoseconds < end { usleep(100) }
      let both = started.load(ordering: .acquiring) == 2
      met.withLock { $0[i] = both }
    }
    #expect(met.withLock { $0 } == [true, true])
    #expect(threads.withLock { $0.count } == 2)
  }

  @Test func aBodyThatPerformsAgainFinishes() {
    let runs = Mutex([Int](repeating: 0, count: 4 * 10))
    Workers.perform(iterations: 4) { i in
      Workers.perform(iterations: 10) { j in runs.withLock { $0[i * 10 + j] += 1 } }
    }
    #expect(runs.withLock { $0 } == [Int](repeating: 1, count: 40))
  }

  @Test func manyCallersAtOnceEachGetEveryIteration() {
    let runs = Mutex([Int](repeating: 0, count: 8 * 50))
    DispatchQueue.concurrentPerform(iterations: 8) { c in
      Workers.perform(iterations: 50) { i in runs.withLock { $0[c * 50 + i] += 1 } }
    }
    #expect(runs.withLock { $0 } == [Int](repeating: 1, count: 400))
  }

  @Test func handedWorkRunsAndWorkHandedOnTheHelperRunsAtOnce() {
    let done = DispatchSemaphore(value: 0)
    let inner = Mutex<Bool?>(nil)
    Workers.async {
      let ranAlready = Mutex(false)
      Workers.async { ranAlready.withLock { $0 = true } }
      inner.withLock { $0 = ranAlready.withLock { $0 } }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    // On the helper, handed work runs before `async` returns; elsewhere it is queued.
    #expect(inner.withLock { $0 } == (Self.cores > 1))
  }

  /// A `perform` called on the helper runs there, every iteration, without queueing a job
  /// for itself: the helper's processors stay as they were (handing work over would keep
  /// it off the processor it runs on, moving it to the other).
  @Test func aPerformOnTheHelperRunsThereAndKeepsItsProcessors() throws {
    try #require(Self.cores > 1, "one core: no helper")
    let done = DispatchSemaphore(value: 0)
    let seen = Mutex<(runs: [Int], threads: Set<UInt>, before: String?, after: String?, helper: UInt)?>(nil)
    Workers.async {
      let before = try? Self.allowed(redline_thread_id())
      let runs = Mutex([Int](repeating: 0, count: 6))
      let threads = Mutex(Set<UInt>())
      Workers.perform(iterations: 6) { i in
        runs.withLock { $0[i] += 1 }
        threads.withLock { _ = $0.insert(UInt(pthread_self())) }
      }
      let after = try? Self.allowed(redline_thread_id())
      seen.withLock { $0 = (runs.withLock { $0 }, threads.withLock { $0 }, before, after, UInt(pthread_self())) }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    let got = try #require(seen.withLock { $0 })
    #expect(got.runs == [Int](repeating: 1, count: 6))
    #expect(got.threads == [got.helper])
    #expect(got.before != nil && got.after == got.before)
  }

  /// Jobs handed to a helper that note their names, in the order they ran.
  final class Recorder: Sendable {
    let helper: Helper
    let order = Mutex([String]())
    let all = DispatchGroup()
    init(_ helper: Helper) { self.helper = helper }

    /// Hands over a job that runs `before` (if any) and notes `name`.
    func post(_ name: String, urgent: Bool = true, before: (@Sendable () -> Void)? = nil) {
      all.enter()
      helper.post(
        Handed { [self] in
          before?()
          order.withLock { $0.append(name) }
          all.leave()
        }, urgent: urgent)
    }

    /// The names in the order their jobs ran, once all have (nil after 30 s).
    func seen() -> [String]? {
      all.wait(timeout: .now() + 30) == .success ? order.withLock { $0 } : nil
    }
  }

  @Test func backgroundWorkWaitsBehindNoMoreThanEightJobs() throws {
    // A helper of its own: the shared one takes other tests' frees meanwhile.
    let jobs = Recorder(Helper())
    try #require(jobs.helper.running)
    let blocker = DispatchSemaphore(value: 0)
    jobs.post("hold", before: { blocker.wait() })  // holds the helper until all is queued
    jobs.post("free", urgent: false)
    for k in 0..<20 { jobs.post("job \(k)") }
    blocker.signal()
    let seen = try #require(jobs.seen()).filter { $0 != "hold" }
    #expect(seen.count == 21)
    // Urgent work goes first and keeps its order; the free waits behind at most eight
    // urgent jobs (the one holding the helper may count as one of them).
    #expect(seen.filter { $0 != "free" } == (0..<20).map { "job \($0)" })
    let place = try #require(seen.firstIndex(of: "free"))
    #expect(place >= 7 && place <= 8)
  }

  @Test func aFreeWaitsBrieflyForUrgentWorkPostedJustAfterIt() throws {
    // The helper waits 300 ms (not 1) before a free, so that this thread's 30 ms pause
    // surely falls inside the wait: the free is taken first, then given way.
    let jobs = Recorder(Helper(backgroundDelay: .milliseconds(300)))
    try #require(jobs.helper.running)
    jobs.post("free", urgent: false)
    usleep(30_000)
    jobs.post("urgent")
    #expect(jobs.seen() == ["urgent", "free"])
  }

  @Test func aFreeGivesWayToNoMoreThanEightJobsWhenUrgentWorkTrickles() throws {
    // Urgent jobs one at a time, 5 ms apart: the queue empties between them, and each
    // comes within the wait before a free (300 ms here, 1 ms in use), so the free gives way
    // to every one of them that the eight-job rule allows.
    let jobs = Recorder(Helper(backgroundDelay: .milliseconds(300)))
    try #require(jobs.helper.running)
    jobs.post("free", urgent: false)
    for k in 0..<20 {
      jobs.post("job \(k)", before: { usleep(50) })
      usleep(5000)
    }
    let seen = try #require(jobs.seen())
    let place = try #require(seen.firstIndex(of: "free"))
    #expect(place <= 9)
  }

  @Test func earlyWordDiffsNeverWaitBehindTheHelpersOtherWork() throws {
    try #require(Self.cores > 1, "one core: no helper")
    let old = md("Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa.\n\nToinen kappale.\n")
    let new = md("Alueiden kehittämisen painopisteet sovitaan yhdessä maakuntien kanssa.\n\nToinen kappale muuttui.\n")
    // The shared helper is held by another job until the comparison's batches are done.
    let blocker = DispatchSemaphore(value: 0)
    let held = DispatchSemaphore(value: 0)
    Workers.async {
      held.signal()
      blocker.wait()
    }
    held.wait()
    defer { blocker.signal() }
    let early = EarlyWordDiffs(old: old, new: new, maxCost: DiffOptions().wordDiffMaxCost)
    early.start([(old: 0, new: 0)])
    early.start([(old: 1, new: 1)])
    let result = Mutex<[Int: (old: Int, segments: [Segment], capped: Bool)]?>(nil)
    let finished = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let r = early.finish()
      result.withLock { $0 = r }
      finished.signal()
    }
    // Done while the helper is still held: the caller computed both batches itself.
    #expect(finished.wait(timeout: .now() + 20) == .success)
    let r = try #require(result.withLock { $0 })
    #expect(r.keys.sorted() == [0, 1])
    for m in 0..<2 {
      let direct = WordDiff.diffReportingCap(
        old.blocks[m].text, new.blocks[m].text, maxCost: DiffOptions().wordDiffMaxCost)
      #expect(r[m]?.segments == direct.0)
    }
  }

  @Test func theProcessorsCountedAreThoseTheProcessMayUse() throws {
    let list = try Self.allowed(getpid())
    #expect(Int(redline_usable_cpus()) == Self.count(list))
  }

  /// The processors a thread of this process may run on, from /proc (as `taskset -p` shows).
  static func allowed(_ tid: Int32) throws -> String {
    let status = try String(contentsOfFile: "/proc/self/task/\(tid)/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") })
    return line.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces)
  }

  /// How many processors a list such as "0-3,6" names.
  static func count(_ list: String) -> Int {
    list.split(separator: ",").reduce(0) { n, part in
      let ends = part.split(separator: "-").compactMap { Int($0) }
      return n + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
    }
  }

  @Test func theHelperIsKeptOffTheCallersProcessorAndLetBack() throws {
    let mine = try Self.allowed(redline_thread_id())
    try #require(Self.count(mine) > 1, "one processor: nothing to keep off")
    // A stand-in for the helper: a thread that waits.
    let id = Mutex<Int32>(0)
    let ready = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      id.withLock { $0 = redline_thread_id() }
      ready.signal()
      release.wait()
    }
    ready.wait()
    defer { release.signal() }
    let other = id.withLock { $0 }
    #expect(redline_keep_off_this_cpu(other) == 0)
    let kept = try Self.allowed(other)
    #expect(Self.count(kept) == Self.count(mine) - 1)
    #expect(redline_allow_all_cpus(other) == 0)
    #expect(try Self.allowed(other) == mine)
  }
}
