import Foundation
import Testing

/// A diff whose work budget runs out (`--budget`, or a very long document) is still the
/// same diff every run. Swift seeds its `Set` hashing anew in each process, so a search
/// that walked a `Set` and stopped when the budget ran out stopped at a different pair
/// each time: the Swedish statute pair below gave three different outputs in three runs
/// at this budget. Every search now walks its candidates in index order.
@Suite struct BudgetDeterminismTests {
  @Test func aBudgetThatRunsOutGivesTheSameDiffEveryRun() {
    let dir = packageRoot + "/Tests/Corpus/sfs/"
    let args = [
      "diff", "--format", "json", "--budget", "20000", "--files", dir + "sv-2010-110--259bcd01aa.md",
      dir + "sv-2010-110--7686cab4d9.md",
    ]
    let runs = runAll(redlineBinary, Array(repeating: args, count: 8))
    #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.stderr))")
    #expect(
      runs[0].stdout.contains("\"budget_exhausted\": true"), "the budget must run out for this test to mean anything")
    #expect(Set(runs.map(\.stdout)).count == 1, "\(Set(runs.map(\.stdout)).count) different outputs in 8 runs")
  }
}
