import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RedlineKit
import RedlineReview
import RedlineServer
import Testing

/// The short version of `make load` (bench/load.py): concurrent reviewers posting at once
/// lose nothing and leave every file whole.
@Suite("Review server under load")
struct LoadTests {
  @Test func concurrentReviewersLoseNothing() async throws {
    let reviewers = 8
    let each = 4
    let r = try ServedRepo()
    let now = Int64(Date().timeIntervalSince1970)
    var invited: [String] = []
    for i in 0..<reviewers {
      invited.append(
        try r.site.reviewers.add(name: "Arvioija \(i)", email: "a\(i)@example.fi", role: .reviewer, now: now).1)
    }
    let tokens = invited
    let labels = try r.site.version("v2", doc: nil).document.blocks.filter { $0.section > 0 }.map(\.label)
    let before = r.commitCount()
    let clock = ContinuousClock()
    try await r.app().test(.router) { client in
      var signedIn: [Browser] = []
      for t in tokens { signedIn.append(try #require(try await client.signIn(t))) }
      let browsers = signedIn
      let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
        for (i, b) in browsers.enumerated() {
          group.addTask {
            var out: [HTTPResponse.Status] = []
            for k in 0..<each {
              let label = labels[(i * each + k) % labels.count]
              let (s, _, _) = try await client.post(
                "/comment", as: b,
                [("csrf", b.csrf), ("rev", "v2"), ("block", label), ("message", "Kommentti \(i)-\(k)")])
              out.append(s)
            }
            return out
          }
        }
        // Meanwhile, the comparison page keeps answering.
        group.addTask {
          var out: [HTTPResponse.Status] = []
          for _ in 0..<10 { out.append(try await client.get("/compare?from=v1&to=v2", as: browsers[0]).0) }
          return out
        }
        var all: [HTTPResponse.Status] = []
        for try await s in group { all += s }
        return all
      }
      #expect(statuses.allSatisfy { $0 == .seeOther || $0 == .ok })
      // Warm comparison page: well under 100 ms each.
      var times: [Duration] = []
      for _ in 0..<10 {
        let t0 = clock.now
        _ = try await client.get("/compare?from=v1&to=v2", as: browsers[1])
        times.append(clock.now - t0)
      }
      times.sort()
      #expect(times[8] < .milliseconds(100), "p90 \(times[8])")
    }
    #expect(r.threadFiles().count == reviewers * each)
    #expect(r.commitCount() == before + reviewers * each)
    #expect(git(r.repo, "status", "--porcelain").isEmpty)
    let report = try DraftRepository(path: r.repo).comments(at: "HEAD")
    #expect(report.errors.isEmpty)
    #expect(Set(report.threads.compactMap { $0.thread?.opening.body }).count == reviewers * each)
  }
}
