import Foundation
import RedlineDocument
import RedlineKit
import RedlineReview
import Testing

/// The walk reads versions on a second thread while it diffs (issue 14). Whatever the
/// timing, it must place every thread exactly as the walk that reads each version itself
/// does, a version that cannot be read included.
@Suite struct ReadAheadTests {
  /// Forwards everything but `readAhead`: the walk reads each version when it needs it.
  struct OneThread<S: VersionSource>: VersionSource {
    let inner: S
    func versions(of path: String) throws(VersionReadError) -> [VersionStep] { try inner.versions(of: path) }
    func document(at v: VersionStep, path: String) throws(VersionReadError) -> Document {
      try inner.document(at: v, path: path)
    }
    func origin(of anchor: Anchor, in chain: [VersionStep]) -> AnchorOrigin { inner.origin(of: anchor, in: chain) }
    func isLater(_ commit: String) -> Bool { inner.isLater(commit) }
    var cutoff: Int64? { inner.cutoff }
  }

  static func version(_ k: Int, broken: Bool = false) -> String {
    var g = DraftGenerator(seed: 900)
    var m = g.model()
    for _ in 0..<k { m = g.edit(m) }
    return m.markdown() + (broken ? "\u{0}" : "")
  }

  func summary(_ r: [ThreadReport]) -> [String] {
    r.map {
      "\($0.id) \($0.placement.status) \($0.placement.block.map(String.init) ?? "-") \($0.placement.reason ?? "")"
    }
  }

  @Test func readingAheadPlacesThreadsLikeReadingInTurn() throws {
    // Eight versions, the fifth not a document (a NUL byte): threads made before it that
    // must cross it fail alone; threads after it are followed normally.
    let texts = (0..<8).map { Self.version($0, broken: $0 == 4) }
    let (d, r) = datedRepo(texts)
    _ = d
    var made = 0
    for (v, label) in [
      ("v1", "§1 ¶1"), ("v1", "§1.1 ¶1"), ("v2", "§2 ¶1"), ("v3", "§1 ¶2"), ("v6", "§1 ¶1"), ("v7", "§2 ¶1"),
    ] {
      if (try? r.addComment(
        revision: v, path: "doc.md", block: label, quote: nil, author: aino, message: "m", commit: false))
        != nil
      {
        made += 1
      }
    }
    #expect(made >= 4)
    let threads = try r.reviewStore().load().threads
    let ahead = ThreadWalk.place(threads, path: "doc.md", source: try r.versionSource(at: "HEAD"))
    let inTurn = ThreadWalk.place(threads, path: "doc.md", source: OneThread(inner: try r.versionSource(at: "HEAD")))
    #expect(summary(ahead.reports) == summary(inTurn.reports))
    #expect(ahead.document == inTurn.document)
    // Threads that had to cross the broken version say so; the others were followed.
    let crossed = ahead.reports.filter { $0.placement.reason?.contains("could not be read") == true }
    #expect(!crossed.isEmpty, "\(summary(ahead.reports))")
    #expect(crossed.count < ahead.reports.count, "\(summary(ahead.reports))")
  }

  /// A broken text that comes back later in the history is read once, but each thread is
  /// told about the commit it crossed, as when every version is read in turn.
  @Test func aRepeatedBrokenVersionIsNamedByTheCommitCrossed() throws {
    let broken = Self.version(1, broken: true)
    let texts = [Self.version(0), broken, Self.version(2), broken, Self.version(4)]
    let (d, r) = datedRepo(texts)
    _ = d
    for v in ["v1", "v3"] {
      _ = try? r.addComment(
        revision: v, path: "doc.md", block: "§1 ¶1", quote: nil, author: aino, message: "m", commit: false)
    }
    let threads = try r.reviewStore().load().threads
    #expect(threads.count == 2)
    let ahead = ThreadWalk.place(threads, path: "doc.md", source: try r.versionSource(at: "HEAD"))
    let inTurn = ThreadWalk.place(threads, path: "doc.md", source: OneThread(inner: try r.versionSource(at: "HEAD")))
    #expect(summary(ahead.reports) == summary(inTurn.reports))
    #expect(ahead.reports.filter { $0.placement.reason?.contains("could not be read") == true }.count == 2)
  }

  /// A version is handed over once and then let go: a text that comes back later (a
  /// revert) is read again by the walk, and a renamed document's same text is the version
  /// before it. Threads cross both as when every version is read in turn.
  @Test func aTextThatComesBackAndARenameAreCrossedLikeReadingInTurn() throws {
    let texts = [Self.version(0), Self.version(1), Self.version(2), Self.version(1), Self.version(4)]
    let (d, r) = datedRepo(texts)
    git(d.path, "mv", "doc.md", "paatos.md")
    git(d.path, "commit", "-qm", "rename")
    d.write("paatos.md", Self.version(5))
    git(d.path, "commit", "-qam", "v6")
    for v in ["v1", "v2", "v3"] {
      for label in ["§1 ¶1", "§1.1 ¶1", "§2 ¶1"] {
        _ = try? r.addComment(
          revision: v, path: "doc.md", block: label, quote: nil, author: aino, message: "m", commit: false)
      }
    }
    let threads = try r.reviewStore().load().threads
    #expect(threads.count >= 4)
    let source = try r.versionSource(at: "HEAD")
    let chain = try source.versions(of: "paatos.md")
    #expect(Set(chain.map(\.key)).count < chain.count, "a text twice in the chain: \(chain.map(\.key))")
    let ahead = ThreadWalk.place(threads, path: "paatos.md", source: source)
    let inTurn = ThreadWalk.place(
      threads, path: "paatos.md", source: OneThread(inner: try r.versionSource(at: "HEAD")))
    #expect(summary(ahead.reports) == summary(inTurn.reports))
    #expect(ahead.reports.contains { $0.placement.matchedBy == .diff }, "\(summary(ahead.reports))")
  }

  /// The walk shares versions, diffs and the final text index among all threads (issue 14):
  /// placing them together must give each thread the placement it gets when placed alone.
  /// Threads sit on paragraphs the edits keep, change, move and delete, made in several
  /// versions, so the walk's steps, lost blocks and text searches are all crossed.
  @Test func placingThreadsTogetherEqualsPlacingEachAlone() throws {
    let texts = (0..<7).map { Self.version($0) }
    let (d, r) = datedRepo(texts)
    _ = d
    var made = 0
    for v in ["v1", "v2", "v4"] {
      for s in ["1", "1.1", "2", "2.1", "3"] {
        for k in 1...6 {
          // Three threads on each block: enough that the threads the walk followed are
          // placed on a second thread while the lost ones are searched for.
          for message in ["m", "n", "o"] {
            if (try? r.addComment(
              revision: v, path: "doc.md", block: "§\(s) ¶\(k)", quote: nil, author: aino, message: message,
              commit: false)) != nil
            {
              made += 1
            }
          }
        }
      }
    }
    #expect(made >= 20)
    let threads = try r.reviewStore().load().threads
    let together = ThreadWalk.place(threads, path: "doc.md", source: try r.versionSource(at: "HEAD"))
    var alone: [ThreadReport] = []
    for t in threads {
      alone += ThreadWalk.place([t], path: "doc.md", source: try r.versionSource(at: "HEAD")).reports
    }
    // Every field a reader sees, not only status and block.
    func full(_ r: [ThreadReport]) -> [String] {
      r.map {
        let p = $0.placement
        return "\($0.id) \(p.status) \(p.block ?? -1) \(p.section ?? -1) \(p.moved) \(p.matchedBy) \(p.confidence) "
          + "\(p.changes.map { "\($0)" } ?? "-") \(p.reason ?? "")"
      }
    }
    #expect(full(together.reports) == full(alone))
    // Not all open: the walk crossed changes.
    let statuses = Set(together.reports.map(\.placement.status))
    #expect(statuses.count >= 2, "\(statuses)")
    // Some were lost by the walk and searched for by text, and enough were not that those
    // were placed on a second thread.
    #expect(
      together.reports.contains { ![.diff, .containment].contains($0.placement.matchedBy) }, "\(full(together.reports))"
    )
    #expect(together.reports.count { $0.placement.matchedBy == .diff } >= ThreadWalk.placedAsideFrom)
  }
}
