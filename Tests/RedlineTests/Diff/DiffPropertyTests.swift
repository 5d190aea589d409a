import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReport
import Testing

@Suite struct DiffPropertyTests {
  /// Thousands of generated pairs: the invariants hold for every one.
  @Test(arguments: 0..<8)
  func invariantsHoldOnGeneratedPairs(batch: Int) {
    for k in 0..<300 {
      let seed = UInt64(batch * 1000 + k)
      var g = DraftGenerator(seed: seed)
      let a = g.model()
      let b = g.edit(a)
      let wrap = k % 7 == 0
      let da = md(a.markdown())
      let db = md(b.markdown(wrap: wrap))
      let d = Differ.diff(da, db)
      checkInvariants(d, "seed \(seed)")
      if a.markdown() == b.markdown() { #expect(d.isUnchanged, "seed \(seed)") }
    }
  }

  /// Word diffs replay exactly on random texts, including graphemes of several scalars.
  @Test func wordDiffReplaysRandomTexts() {
    var g = DraftGenerator(seed: 99)
    for _ in 0..<2000 {
      let x = g.paragraph()
      var y = x.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      for _ in 0..<Int.random(in: 0...4, using: &g.rng) {
        let k = Int.random(in: 0..<y.count, using: &g.rng)
        switch Int.random(in: 0..<3, using: &g.rng) {
        case 0: y[k] = g.word()
        case 1: y.insert(g.word(), at: k)
        default: if y.count > 1 { y.remove(at: k) }
        }
      }
      let t = y.joined(separator: " ")
      let segs = WordDiff.diff(x, t)
      #expect(segs.oldText == x)
      #expect(segs.newText == t)
      // Never split a grapheme: every segment boundary is a Character boundary of both
      // texts, so the segments' characters add up to the text's (a split "e" + U+0301
      // would count two characters where the text has one).
      #expect(segs.filter { $0.op != .insert }.map(\.text.count).reduce(0, +) == x.count)
      #expect(segs.filter { $0.op != .delete }.map(\.text.count).reduce(0, +) == t.count)
    }
  }
}

@Suite struct CorpusTests {
  /// Real statutes vendored into the repository (Tests/Corpus/README.md).
  static let corpus = packageRoot + "/Tests/Corpus"

  static var pairs: [(String, String, String)] {
    var out: [(String, String, String)] = []
    for folder in ["gesetze", "sfs"] {
      let manifest = corpus + "/" + folder + "/manifest.tsv"
      guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else { continue }
      for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: "\t").map(String.init)
        out.append((f[0], corpus + "/" + folder + "/" + f[1], corpus + "/" + folder + "/" + f[2]))
      }
    }
    return out
  }

  @Test func invariantsHoldOnEveryCorpusPair() throws {
    let pairs = Self.pairs
    #expect(pairs.count == 7, "the manifests in \(Self.corpus) list seven pairs")
    for (name, oldPath, newPath) in pairs {
      let a = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath)
      let b = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
      let d = Differ.diff(a, b)
      checkInvariants(d, name)
      #expect(!d.isUnchanged, "\(name) has real amendments")
    }
  }

  /// Word diffs computed ahead on two cores, or started on another core as the alignment
  /// pairs blocks (in batches of one pair and of many), and each version's keys and hashes
  /// made on a core of its own, give the very diff the one-thread path gives (the JSON
  /// contract, byte for byte), the cost cap included.
  @Test func parallelWordDiffsEqualSequentialOnes() throws {
    var docs: [(Document, Document)] = []
    for (_, oldPath, newPath) in Self.pairs {
      docs.append(
        (
          try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath),
          try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
        ))
    }
    var g = DraftGenerator(seed: 4141)
    for _ in 0..<3 {
      let m = g.model()
      docs.append(
        (
          try DocumentLoader.load(Array(m.markdown().utf8), path: "a.md"),
          try DocumentLoader.load(Array(g.edit(m).markdown().utf8), path: "b.md")
        ))
    }
    let ref = (VersionRef(revision: "a", commit: nil, path: "a"), VersionRef(revision: "b", commit: nil, path: "b"))
    for (k, (a, b)) in docs.enumerated() {
      for cap in [2000, 12] {
        var one = DiffOptions()
        one.parallelWordDiffBytes = .max
        one.speculativeWordDiffBytes = .max
        one.parallelSetupBlocks = .max
        one.wordDiffMaxCost = cap
        let x = DiffJSON.render(Differ.diff(a, b, options: one), old: ref.0, new: ref.1)
        for (parallel, early, batch, setup) in [
          (0, Int.max, 0, Int.max), (0, 0, 1, 0), (.max, 0, 4096, Int.max), (0, 0, 1 << 30, 0), (.max, .max, 0, 0),
        ] {
          var two = one
          two.parallelWordDiffBytes = parallel
          two.speculativeWordDiffBytes = early
          two.speculativeBatchBytes = batch
          two.parallelSetupBlocks = setup
          let y = DiffJSON.render(Differ.diff(a, b, options: two), old: ref.0, new: ref.1)
          #expect(x == y, "pair \(k), cap \(cap), parallel \(parallel), early \(early), batch \(batch), setup \(setup)")
        }
      }
    }
  }

  /// Assemble on two cores reports a word diff cut off by its cost cap in either half: the
  /// only capped block here is in the second half of the sections, and the diff says its
  /// budget ran out, as the one-thread assembly does.
  @Test func aCappedWordDiffInTheSecondHalfIsReported() throws {
    let words = (0..<60).map { "sana\($0)" }
    var old = "# 1 Alku\n\n"
    var new = old
    for k in 0..<20 {
      old += "Kappale \(k) pysyy.\n\n"
      new += "Kappale \(k) pysyy.\n\n"
    }
    old += "# 2 Loppu\n\n" + words.joined(separator: " ") + "\n"
    new += "# 2 Loppu\n\n" + words.enumerated().map { $0 % 3 == 0 ? "uusi\($0)" : $1 }.joined(separator: " ") + "\n"
    let a = try DocumentLoader.load(Array(old.utf8), path: "a.md")
    let b = try DocumentLoader.load(Array(new.utf8), path: "b.md")
    var one = DiffOptions()
    one.wordDiffMaxCost = 12
    one.parallelSetupBlocks = .max
    var two = one
    two.parallelSetupBlocks = 0
    let sequential = Differ.diff(a, b, options: one)
    let parallel = Differ.diff(a, b, options: two)
    #expect(sequential.budgetExhausted)
    #expect(parallel.budgetExhausted)
    let ref = (VersionRef(revision: "a", commit: nil, path: "a"), VersionRef(revision: "b", commit: nil, path: "b"))
    let same =
      DiffJSON.render(sequential, old: ref.0, new: ref.1) == DiffJSON.render(parallel, old: ref.0, new: ref.1)
    #expect(same)
  }
}
