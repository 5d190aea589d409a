import Foundation
import Testing

/// Commands that end before any libgit2 call (`--version`, `--help`, usage errors) exit
/// cleanly every time. Starting libgit2 early on a second thread once made about one such
/// run in 70 die of SIGSEGV: `exit()`'s OpenSSL clean-up freed the locks libssh2's start,
/// inside `git_libgit2_init`, was still taking (found by review; docs/decisions.md, 64).
@Suite struct QuickExitTests {
  @Test func quickExitsNeverCrash() {
    var statuses: [Int32: Int] = [:]
    for _ in 0..<60 {
      let batch = runAll(
        redlineBinary,
        Array(repeating: ["--version"], count: 4) + Array(repeating: ["--bogus"], count: 4) + [["diff", "--help"]])
      for r in batch { statuses[r.status, default: 0] += 1 }
    }
    #expect(Set(statuses.keys).isSubset(of: [0, 2]), "exit statuses: \(statuses)")
    #expect(statuses.values.reduce(0, +) == 540)
  }
}
