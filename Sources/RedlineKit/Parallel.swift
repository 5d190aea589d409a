import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReport

extension DraftRepository {
  /// Compares the Swedish version with the Finnish one at `revision`.
  ///
  /// Pairs are made by numbering and structure, never by words: sections by their number
  /// (unnumbered ones by level and order), blocks by kind and order inside a section pair.
  /// They are made against the Finnish version whose outline the Swedish follows (the
  /// best-matching Finnish version no newer than the Swedish's last change), then the
  /// Finnish blocks are followed to `revision` through the Finnish history, so sections
  /// added, renumbered or moved in Finnish after the translation still pair correctly.
  /// A pair is out of step when the Finnish block's last change (blame) is newer than the
  /// Swedish block's.
  /// `section` (a Finnish section number at `revision`, e.g. `7`) keeps only the findings
  /// in that section and its subsections, and the Swedish blocks paired with it.
  package func parallel(revision: String = "HEAD", finnish: String, swedish: String, section: String? = nil)
    throws(RedlineError)
    -> ParallelReport
  {
    let fiChain = try VersionChain(repo: self, path: finnish, revision: revision)
    let svChain = try VersionChain(repo: self, path: swedish, revision: revision)
    let n = fiChain.count
    let fiNow = try fiChain.document(n - 1)
    let sv = try svChain.document(svChain.count - 1)
    var keep: Set<Int>? = nil
    if let section {
      guard let j = fiNow.section(labeled: section) else {
        throw .unknownSection(section, available: fiNow.sections.dropFirst().map(\.label))
      }
      keep = Set(fiNow.subtree(j))
    }
    let svLast = svChain.versions[svChain.count - 1]

    // The Finnish version the Swedish outline follows.
    var candidates = (0..<n).filter { k in
      svLast.commit == nil || (fiChain.versions[k].commit != nil && fiChain.versions[k].time <= svLast.time)
    }
    if candidates.isEmpty { candidates = [n - 1] }
    let svOutline = ParallelPairing.outline(sv)
    var base = candidates.last!
    var best = -1
    for k in candidates.suffix(12) {
      let s = ParallelPairing.score(ParallelPairing.outline(try fiChain.document(k)), svOutline)
      if s >= best {
        best = s
        base = k
      }
    }
    let fiBase = try fiChain.document(base)

    // Follow the base version's sections and blocks to the revision.
    var blockTo = [Int?](fiBase.blocks.indices.map { $0 })
    var sectionTo = [Int?](fiBase.sections.indices.map { $0 })
    for k in base..<(n - 1) {
      let d = try fiChain.diff(k)
      var bf: [Int: Int] = [:]
      var sf: [Int: Int] = [:]
      for s in d.sections {
        if let o = s.old, let nw = s.new { sf[o] = nw }
        for b in s.blocks { for o in b.oldBlocks { if let nw = b.newBlocks.first { bf[o] = nw } } }
      }
      blockTo = blockTo.map { $0.flatMap { bf[$0] } }
      sectionTo = sectionTo.map { $0.flatMap { sf[$0] } }
    }

    // Pairs made at the base version, carried to the revision.
    let fiKeys = ParallelPairing.keys(fiBase)
    let svKeys = ParallelPairing.keys(sv)
    let fiByKey = Dictionary(fiKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var svSectionFor: [Int: Int] = [:]  // Finnish section now → Swedish section
    var svOnlySections: [Int] = []
    var blockPair: [Int: Int] = [:]  // Finnish block now → Swedish block
    var svOnlyBlocks: [Int] = []
    var pairedSections = 0
    for (s, key) in svKeys.enumerated() {
      guard let b = fiByKey[key], let now = sectionTo[b] else {
        if s != 0 || !sv.sections[0].blockRange.isEmpty { svOnlySections.append(s) }
        continue
      }
      svSectionFor[now] = s
      pairedSections += 1
      for (fb, sb) in ParallelPairing.pairBlocks(fiBase, b, sv, s) {
        if let fb, let f = blockTo[fb] {
          blockPair[f] = sb
        } else if let sb {
          svOnlyBlocks.append(sb)
        }
      }
    }

    let fiBlame = try blame(revision: revision, path: fiChain.path)
    let svBlame = try blame(revision: revision, path: svChain.path)
    var findings: [ParallelFinding] = []
    let pairedSv = Set(blockPair.values)
    for f in fiNow.sections.indices {
      let sec = fiNow.sections[f]
      guard let s = svSectionFor[f] else {
        if f != 0 || !sec.blockRange.isEmpty {
          findings.append(
            ParallelFinding(kind: .onlyFinnish, fi: .init(sec, count: sec.blockRange.count), sv: .missing))
        }
        continue
      }
      let fiItems = fiNow.blocks[sec.blockRange].filter { $0.kind == .listItem }.count
      let svItems = sv.blocks[sv.sections[s].blockRange].filter { $0.kind == .listItem }.count
      if fiItems != svItems {
        findings.append(
          ParallelFinding(kind: .listItems, fi: .init(sec, count: fiItems), sv: .init(sv.sections[s], count: svItems)))
      }
      for i in sec.blockRange {
        let fb = fiNow.blocks[i]
        guard let j = blockPair[i] else {
          findings.append(ParallelFinding(kind: .onlyFinnish, fi: .init(fb), sv: .missing))
          continue
        }
        let sb = sv.blocks[j]
        let fv = fiBlame.versions[fiBlame.blocks[i].version]
        let svv = svBlame.versions[svBlame.blocks[j].version]
        if fv.time > svv.time || (fv.commit == nil && svv.commit != nil) {
          let before = fiBase.blocks.indices.first { blockTo[$0] == i }.map { fiBase.blocks[$0].text }
          let segs = before.flatMap { $0 == fb.text ? nil : WordDiff.diff($0, fb.text) }
          findings.append(
            ParallelFinding(
              kind: .finnishChanged, fi: .init(fb, version: fv), sv: .init(sb, version: svv), segments: segs))
        }
        let (fiOnly, svOnly) = Numbers.difference(fb.text, sb.text)
        if !fiOnly.isEmpty || !svOnly.isEmpty {
          findings.append(
            ParallelFinding(kind: .numbers, fi: .init(fb, only: fiOnly), sv: .init(sb, only: svOnly)))
        }
      }
      for j in sv.sections[s].blockRange where !pairedSv.contains(j) && !svOnlyBlocks.contains(j) {
        findings.append(ParallelFinding(kind: .onlySwedish, fi: .missing, sv: .init(sv.blocks[j])))
      }
    }
    for j in svOnlyBlocks where !pairedSv.contains(j) {
      findings.append(ParallelFinding(kind: .onlySwedish, fi: .missing, sv: .init(sv.blocks[j])))
    }
    for s in svOnlySections {
      let sec = sv.sections[s]
      findings.append(
        ParallelFinding(kind: .onlySwedish, fi: .missing, sv: .init(sec, count: sec.blockRange.count)))
    }
    if let keep {
      // A finding belongs to the section its Finnish side is in; a Swedish-only block to
      // the Finnish section its Swedish section is paired with.
      var fiOf: [Int: Int] = [:]
      for (f, s) in svSectionFor { fiOf[s] = f }
      func fiSection(_ f: ParallelFinding) -> Int? {
        if let l = f.fi.label {
          if let b = fiNow.block(labeled: l) { return fiNow.blocks[b].section }
          return fiNow.section(labeled: l)
        }
        guard let l = f.sv.label, let b = sv.block(labeled: l) else { return nil }
        return fiOf[sv.blocks[b].section]
      }
      findings = findings.filter { fiSection($0).map(keep.contains) ?? false }
      let pairs = blockPair.filter { keep.contains(fiNow.blocks[$0.key].section) }
      return ParallelReport(
        revision: revision, fiPath: fiChain.path, svPath: svChain.path, base: fiChain.versions[base],
        pairedSections: svSectionFor.keys.filter(keep.contains).count, pairedBlocks: pairs.count, findings: findings,
        section: fiNow.sections[fiNow.section(labeled: section!)!].label)
    }
    return ParallelReport(
      revision: revision, fiPath: fiChain.path, svPath: svChain.path, base: fiChain.versions[base],
      pairedSections: pairedSections, pairedBlocks: blockPair.count, findings: findings)
  }
}

/// Pairing by numbering and structure.
enum ParallelPairing {
  /// A language-neutral key per section: its number (`3.2`), else level and order among
  /// the unnumbered headings of that level (`L2#1` for the first unnumbered `##`).
  static func keys(_ d: Document) -> [String] {
    var seen: [Int: Int] = [:]
    return d.sections.map { s in
      if s.index == 0 { return "root" }
      if let n = s.number { return n }
      seen[s.level, default: 0] += 1
      return "L\(s.level)#\(seen[s.level]!)"
    }
  }

  /// Each section's key and the kinds of its own blocks.
  static func outline(_ d: Document) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for (i, k) in keys(d).enumerated() {
      out[k] = d.blocks[d.sections[i].blockRange].map { "\($0.kind.rawValue)/\($0.depth)" }
    }
    return out
  }

  /// How well two outlines agree: a point per shared section, another when its blocks have the same kinds.
  static func score(_ a: [String: [String]], _ b: [String: [String]]) -> Int {
    var s = 0
    for (k, v) in a { if let w = b[k] { s += v == w ? 2 : 1 } }
    return s
  }

  /// Blocks of a section pair, paired by kind (and list depth) and order; nil on a side without a partner.
  static func pairBlocks(_ fi: Document, _ f: Int, _ sv: Document, _ s: Int) -> [(Int?, Int?)] {
    func groups(_ d: Document, _ sec: Int) -> [String: [Int]] {
      var g: [String: [Int]] = [:]
      for i in d.sections[sec].blockRange {
        g["\(d.blocks[i].kind.rawValue)/\(d.blocks[i].depth)", default: []].append(i)
      }
      return g
    }
    let a = groups(fi, f)
    let b = groups(sv, s)
    var out: [(Int?, Int?)] = []
    for key in Set(a.keys).union(b.keys).sorted() {
      let x = a[key] ?? []
      let y = b[key] ?? []
      for i in 0..<max(x.count, y.count) { out.append((i < x.count ? x[i] : nil, i < y.count ? y[i] : nil)) }
    }
    return out
  }
}
