import RedlineDocument

@testable import RedlineDiff

/// The word diff as it was before its tokens became byte ranges (issue 14): tokens as
/// `Substring`s from `Tokenizer.slicesReference`, compared as Swift strings. Kept as the
/// specification the fast `WordDiff` must match segment for segment.
enum WordDiffReference {
  static func diffReportingCap(_ old: String, _ new: String, maxCost: Int = WordDiff.maxCost) -> (
    segments: [Segment], capped: Bool
  ) {
    if old.utf8.elementsEqual(new.utf8) { return (old.isEmpty ? [] : [Segment(.equal, old)], false) }
    let a = Tokenizer.slicesReference(old)
    let b = Tokenizer.slicesReference(new)
    var interner = ByteInterner(capacity: a.count + b.count)
    func id(_ t: Tokenizer.Slice) -> Int32 {
      t.text.utf8.withContiguousStorageIfAvailable { interner.intern($0) } ?? interner.intern(String(t.text))
    }
    let ia = a.map(id)
    let ib = b.map(id)
    let (pairs, capped) = SequenceDiff.matches(ia, ib, maxCost: maxCost)

    var runs = rawRuns(pairs, a, b)
    runs = normalizeOrder(runs)
    runs = cleanupSemantic(runs)
    runs = slideEdits(runs)
    var segments = refineInflection(runs)
    segments = merge(segments)
    return (segments, capped)
  }

  typealias Run = WordDiff.Run<Tokenizer.Slice>

  /// The runs of deleted, inserted and equal tokens that Myers' matched pairs describe,
  /// one token at a time (`WordDiff.rawRuns` copies each run whole).
  static func rawRuns<T>(_ pairs: [(Int, Int)], _ a: [T], _ b: [T]) -> [WordDiff.Run<T>] {
    var runs: [WordDiff.Run<T>] = []
    var i = 0
    var j = 0
    func push(_ op: Segment.Op, _ t: T) {
      if let last = runs.last, last.op == op {
        runs[runs.count - 1].tokens.append(t)
      } else {
        runs.append(WordDiff.Run(op: op, tokens: [t]))
      }
    }
    for (pi, pj) in pairs {
      while i < pi {
        push(.delete, a[i])
        i += 1
      }
      while j < pj {
        push(.insert, b[j])
        j += 1
      }
      push(.equal, a[pi])
      i = pi + 1
      j = pj + 1
    }
    while i < a.count {
      push(.delete, a[i])
      i += 1
    }
    while j < b.count {
      push(.insert, b[j])
      j += 1
    }
    return runs
  }

  static func normalizeOrder(_ runs: [Run]) -> [Run] { WordDiff.normalizeOrder(runs) }
  static func cleanupSemantic(_ runs: [Run]) -> [Run] { WordDiff.cleanupSemantic(runs) }

  /// Slides a lone insertion or deletion between two equalities to the most readable
  /// position (diff-match-patch's lossless clean-up, on tokens, Unicode-aware).
  static func slideEdits(_ input: [Run]) -> [Run] {
    var runs = input
    guard runs.count >= 3 else { return runs }
    for k in 1..<(runs.count - 1) where runs[k].op != .equal && runs[k - 1].op == .equal && runs[k + 1].op == .equal {
      var left = runs[k - 1].tokens
      var edit = runs[k].tokens
      var right = runs[k + 1].tokens
      // Shift fully left.
      while let l = left.last, let e = edit.last, l == e {
        left.removeLast()
        edit.removeLast()
        edit.insert(l, at: 0)
        right.insert(e, at: 0)
      }
      var best = (left, edit, right)
      var bestScore = score(left, edit) + score(edit, right)
      // Try each position to the right.
      while let e = edit.first, let r = right.first, e == r {
        left.append(e)
        edit.removeFirst()
        edit.append(r)
        right.removeFirst()
        let s = score(left, edit) + score(edit, right)
        if s >= bestScore {
          bestScore = s
          best = (left, edit, right)
        }
      }
      runs[k - 1].tokens = best.0
      runs[k].tokens = best.1
      runs[k + 1].tokens = best.2
    }
    return runs.filter { !$0.tokens.isEmpty }
  }

  /// How good a boundary between two token runs is: 6 at an edge, 5 after a sentence end,
  /// 3 at whitespace, 1 at punctuation, 0 inside running words.
  static func score(_ one: [Tokenizer.Slice], _ two: [Tokenizer.Slice]) -> Int {
    guard let a = one.last, let b = two.first else { return 6 }
    if a.kind == .space || b.kind == .space {
      if a.kind == .space, one.count >= 2, [".", "!", "?", ":", ";"].contains(one[one.count - 2].text) { return 5 }
      return 3
    }
    if a.kind == .punctuation || b.kind == .punctuation { return 1 }
    return 0
  }

  /// Turns runs into segments. Where a replacement starts with two forms of one word
  /// (`aluekehittämispäätös kokoaa` → `aluekehittämispäätöksen tavoitteena on koota`), the
  /// shared stem is kept as equal text and only the changed ending is marked; the same
  /// for a shared ending of the last word.
  static func refineInflection(_ runs: [Run]) -> [Segment] {
    var out: [Segment] = []
    var k = 0
    while k < runs.count {
      let r = runs[k]
      if r.op == .delete, k + 1 < runs.count, runs[k + 1].op == .insert {
        var del = r.tokens
        var ins = runs[k + 1].tokens
        var head = ""
        var tail = ""
        if let f = del.first, let g = ins.first, f.kind == .word, g.kind == .word, let p = stemSplit(f.text, g.text),
          !p.prefix.isEmpty
        {
          head = p.prefix
          del[0].text = f.text.dropFirst(p.prefix.count)
          ins[0].text = g.text.dropFirst(p.prefix.count)
        }
        if let f = del.last, let g = ins.last, f.kind == .word, g.kind == .word, !f.text.isEmpty, !g.text.isEmpty,
          let p = stemSplit(f.text, g.text), !p.suffix.isEmpty, p.prefix.isEmpty
        {
          tail = p.suffix
          del[del.count - 1].text = f.text.dropLast(p.suffix.count)
          ins[ins.count - 1].text = g.text.dropLast(p.suffix.count)
        }
        if !head.isEmpty { out.append(Segment(.equal, head)) }
        out.append(Segment(.delete, del.reduce(into: "") { $0 += $1.text }))
        out.append(Segment(.insert, ins.reduce(into: "") { $0 += $1.text }))
        if !tail.isEmpty { out.append(Segment(.equal, tail)) }
        k += 2
        continue
      }
      out.append(Segment(r.op, r.tokens.reduce(into: "") { $0 += $1.text }))
      k += 1
    }
    return out
  }

  static func stemSplit(_ a: Substring, _ b: Substring) -> (
    prefix: String, oldMid: String, newMid: String, suffix: String
  )? { WordDiff.stemSplitByCharacters(a, b) }
  static func merge(_ segs: [Segment]) -> [Segment] { WordDiff.merge(segs) }
}
