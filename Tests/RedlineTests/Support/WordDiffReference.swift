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

    // Raw runs: (op, tokens).
    var runs: [Run] = []
    var i = 0
    var j = 0
    func push(_ op: Segment.Op, _ t: Tokenizer.Slice) {
      if let last = runs.last, last.op == op {
        runs[runs.count - 1].tokens.append(t)
      } else {
        runs.append(Run(op: op, tokens: [t]))
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

    runs = normalizeOrder(runs)
    runs = cleanupSemantic(runs)
    runs = slideEdits(runs)
    var segments = refineInflection(runs)
    segments = merge(segments)
    return (segments, capped)
  }

  struct Run {
    var op: Segment.Op
    var tokens: [Tokenizer.Slice]
    var text: String { tokens.reduce(into: "") { $0 += $1.text } }
    var length: Int { tokens.reduce(0) { $0 + $1.text.count } }
  }

  /// Within each change group (between equalities) put all deletions first, then insertions.
  static func normalizeOrder(_ runs: [Run]) -> [Run] {
    var out: [Run] = []
    var del: [Tokenizer.Slice] = []
    var ins: [Tokenizer.Slice] = []
    func flush() {
      if !del.isEmpty { out.append(Run(op: .delete, tokens: del)) }
      if !ins.isEmpty { out.append(Run(op: .insert, tokens: ins)) }
      del = []
      ins = []
    }
    for r in runs {
      switch r.op {
      case .delete: del += r.tokens
      case .insert: ins += r.tokens
      case .equal:
        flush()
        if let last = out.last, last.op == .equal {
          out[out.count - 1].tokens += r.tokens
        } else {
          out.append(r)
        }
      }
    }
    flush()
    return out
  }

  /// diff-match-patch's semantic rule on tokens: an equality no longer (in characters)
  /// than the changes on both its sides is absorbed into them. Repeats until stable.
  static func cleanupSemantic(_ input: [Run]) -> [Run] {
    var runs = input
    var changed = true
    while changed {
      changed = false
      var idx = 0
      while idx < runs.count {
        guard runs[idx].op == .equal, idx > 0, idx < runs.count - 1 else {
          idx += 1
          continue
        }
        let eqLen = runs[idx].length
        let before = changeLength(runs, from: idx - 1, step: -1)
        let after = changeLength(runs, from: idx + 1, step: 1)
        let onlySpace = runs[idx].tokens.allSatisfy { $0.kind != .word }
        if (eqLen <= before && eqLen <= after) || (onlySpace && before > 0 && after > 0) {
          let eq = runs[idx].tokens
          runs[idx] = Run(op: .delete, tokens: eq)
          runs.insert(Run(op: .insert, tokens: eq), at: idx + 1)
          runs = normalizeOrder(runs)
          changed = true
          break
        }
        idx += 1
      }
    }
    return runs
  }

  /// Characters of the change group adjacent to an equality (largest of delete, insert).
  static func changeLength(_ runs: [Run], from: Int, step: Int) -> Int {
    var del = 0
    var ins = 0
    var k = from
    while k >= 0 && k < runs.count && runs[k].op != .equal {
      if runs[k].op == .delete { del += runs[k].length } else { ins += runs[k].length }
      k += step
    }
    return max(del, ins)
  }

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
      out.append(Segment(r.op, r.text))
      k += 1
    }
    return out
  }

  /// Common prefix and suffix of two words, in whole Characters, when they cover at least
  /// four characters and half of the shorter word.
  static func stemSplit(_ a: Substring, _ b: Substring) -> (
    prefix: String, oldMid: String, newMid: String, suffix: String
  )? {
    let ca = Array(a)
    let cb = Array(b)
    var p = 0
    while p < ca.count && p < cb.count && ca[p] == cb[p] { p += 1 }
    var s = 0
    while s < ca.count - p && s < cb.count - p && ca[ca.count - 1 - s] == cb[cb.count - 1 - s] { s += 1 }
    let shorter = min(ca.count, cb.count)
    guard p + s >= 4, 2 * (p + s) >= shorter else { return nil }
    return (
      String(ca[0..<p]), String(ca[p..<(ca.count - s)]), String(cb[p..<(cb.count - s)]),
      String(ca[(ca.count - s)...])
    )
  }

  /// Joins neighbouring segments with the same op.
  static func merge(_ segs: [Segment]) -> [Segment] {
    var out: [Segment] = []
    for s in segs where !s.text.isEmpty {
      if let last = out.last, last.op == s.op {
        out[out.count - 1].text += s.text
      } else {
        out.append(s)
      }
    }
    return out
  }
}
