/// One piece of a word-level diff: text kept, inserted or deleted.
package struct Segment: Sendable, Hashable, Codable {
  /// What happened to the text.
  package enum Op: String, Sendable, Hashable, Codable {
    case equal, insert, delete
  }

  package var op: Op
  package var text: String

  package init(_ op: Op, _ text: String) {
    self.op = op
    self.text = text
  }
}

/// Word diff of two block texts, cleaned up to read like an editor's redline.
///
/// 1. Tokens (see `Tokenizer`) are diffed with Myers, the texts' common start and end
///    stripped first (on bytes: only the tokens between are interned).
/// 2. Semantic clean-up: a short equality squeezed between changes (a shared `ja` or a
///    lone space) is folded into the change, so `delete "a b c" insert "x y z"` reads as
///    one replacement instead of chaff.
/// 3. Edits are slid to the most readable boundary (after a sentence end, at whitespace).
/// 4. Inflection: when one word replaced one word and they share a stem
///    (`aluekehittämispäätös` → `aluekehittämispäätöksen`), only the changed ending is marked.
///
/// Invariant: equal + delete segments give the old text; equal + insert give the new.
package enum WordDiff {
  /// Largest edit distance in tokens searched; past it the changed middle is shown as
  /// one deletion and one insertion.
  package static let maxCost = 2000

  package static func diff(_ old: String, _ new: String) -> [Segment] {
    diffReportingCap(old, new).segments
  }

  /// The word diff, and whether the cost cap bit (the middle was then split at words that
  /// occur once on each side rather than searched in full: correct, maybe not minimal).
  package static func diffReportingCap(_ old: String, _ new: String, maxCost: Int = maxCost) -> (
    segments: [Segment], capped: Bool
  ) {
    if old.hasSameBytes(as: new) { return (old.isEmpty ? [] : [Segment(.equal, old)], false) }
    let sides = Sides(old: old, new: new)
    let sa = Tokenizer.spans(old)
    let sb = Tokenizer.spans(new)
    // Only the tokens between the texts' common start and end are interned: those at
    // either end keep the id `Token.atCommonEnd`, equal on both sides, so that Myers
    // strips them as it would their equal ids (see `Sides.commonEnds`).
    let ends = sides.commonEnds(sa, sb)
    let middleA = ends.start..<(sa.count - ends.end)
    let middleB = ends.start..<(sb.count - ends.end)
    var interner = ByteInterner(capacity: middleA.count + middleB.count)
    let a = sides.tokens(sa, .old, &interner, interning: middleA)
    let b = sides.tokens(sb, .new, &interner, interning: middleB)
    let (pairs, capped) = SequenceDiff.matches(a.map(\.id), b.map(\.id), maxCost: maxCost)

    var runs = rawRuns(pairs, a, b)
    runs = normalizeOrder(runs)
    runs = cleanupSemantic(runs)
    runs = slideEdits(runs, sides)
    var segments = refineInflection(runs, sides)
    segments = merge(segments)
    return (segments, capped)
  }

  /// The runs of deleted, inserted and equal tokens that Myers' matched pairs describe.
  /// Each run is copied whole from its side: the tokens before a pair that are not
  /// matched (deleted, then inserted), then the pairs that follow one another on both
  /// sides (equal, the old side's tokens).
  static func rawRuns<T>(_ pairs: [(Int, Int)], _ a: [T], _ b: [T]) -> [Run<T>] {
    var runs: [Run<T>] = []
    var i = 0
    var j = 0
    var k = 0
    while k < pairs.count {
      let (pi, pj) = pairs[k]
      if i < pi { runs.append(Run(op: .delete, tokens: Array(a[i..<pi]))) }
      if j < pj { runs.append(Run(op: .insert, tokens: Array(b[j..<pj]))) }
      var e = k + 1
      while e < pairs.count && pairs[e].0 == pairs[e - 1].0 + 1 && pairs[e].1 == pairs[e - 1].1 + 1 { e += 1 }
      let (li, lj) = pairs[e - 1]
      runs.append(Run(op: .equal, tokens: Array(a[pi...li])))
      i = li + 1
      j = lj + 1
      k = e
    }
    if i < a.count { runs.append(Run(op: .delete, tokens: Array(a[i...]))) }
    if j < b.count { runs.append(Run(op: .insert, tokens: Array(b[j...]))) }
    return runs
  }

  /// Which text a token is a range of.
  enum Side: UInt8 {
    case old, new
  }

  /// A token as the run passes see it: its class and its length in `Character`s.
  protocol RunToken {
    var kind: Tokenizer.Kind { get }
    var characters: Int { get }
  }

  /// A token of one side's text: its byte range and Characters (`Tokenizer.Span`), its side,
  /// and its interned id (equal ids: equal bytes), or `atCommonEnd`. Two `atCommonEnd`
  /// ids say nothing about the tokens' bytes: compare tokens with `Sides.same`.
  struct Token: RunToken {
    var span: Tokenizer.Span
    var side: Side
    var id: Int32
    /// The id of a token of the two texts' common start or end (`Sides.commonEnds`), which
    /// is not interned: the same bytes stand at the same place on the other side.
    static let atCommonEnd: Int32 = -1
    var kind: Tokenizer.Kind { span.kind }
    var characters: Int { span.chars }
    /// True when every Character is one byte (ASCII): then only equal bytes are equal text.
    var isASCII: Bool { span.chars == span.end - span.start }
  }

  /// The two texts the tokens are ranges of.
  struct Sides {
    var old: String
    var new: String

    /// `spans` of one side as tokens, those at `interning` interned; the others get
    /// `Token.atCommonEnd`.
    func tokens(
      _ spans: [Tokenizer.Span], _ side: Side, _ interner: inout ByteInterner, interning: Range<Int>
    ) -> [Token] {
      var s = side == .old ? old : new
      return s.withUTF8 { p in
        spans.withUnsafeBufferPointer { spans in
          [Token](unsafeUninitializedCapacity: spans.count) { out, made in
            for k in spans.indices {
              let span = spans[k]
              // A space or a punctuation mark is one byte: its id by the byte (`intern(byte:)`).
              let id =
                !interning.contains(k)
                ? Token.atCommonEnd
                : span.end &- span.start == 1
                  ? interner.intern(byte: p[span.start])
                  : interner.intern(UnsafeBufferPointer(rebasing: p[span.start..<span.end]))
              (out.baseAddress! + k).initialize(to: Token(span: span, side: side, id: id))
            }
            made = spans.count
          }
        }
      }
    }

    /// How many tokens the two sides' token lists share at their start, and then at their
    /// end: tokens of the same bytes at the same place (from the start, or from the end).
    /// These are the tokens Myers strips on equal ids (`SequenceDiff.matches`), found here
    /// on the bytes so that they need no id. The ends never overlap. Callers pass texts
    /// that differ, so the ends never cover both lists; if they did, (0, 0) is returned
    /// and every token interned.
    func commonEnds(_ a: [Tokenizer.Span], _ b: [Tokenizer.Span]) -> (start: Int, end: Int) {
      var x = old
      var y = new
      return x.withUTF8 { p in
        y.withUTF8 { q in
          let (lead, trail) = CommonBytes.ends(p, q)  // bytes equal from the start, from the end
          let most = min(a.count, b.count)
          // Tokens start at the same byte while those before them are equal: a token is
          // equal when it ends at the same byte, inside the equal bytes.
          var start = 0
          while start < most && a[start].end == b[start].end && a[start].end <= lead { start &+= 1 }
          var end = 0
          while end < most &- start {
            let s = a[a.count &- 1 &- end]
            let t = b[b.count &- 1 &- end]
            let fromEnd = p.count &- s.start
            guard fromEnd == q.count &- t.start, fromEnd <= trail else { break }
            end &+= 1
          }
          // Every token equal: the same text (callers compare bytes first); intern all.
          if start &+ end == a.count && start &+ end == b.count { return (0, 0) }
          return (start, end)
        }
      }
    }

    /// A token's text (no copy).
    func text(_ t: Token) -> Substring { t.span.text(in: t.side == .old ? old : new) }

    /// The tokens' texts joined; neighbouring ranges of one side are copied as one.
    func joined(_ tokens: some Collection<Token>) -> String {
      var out = ""
      out.reserveCapacity(tokens.reduce(0) { $0 + $1.span.end - $1.span.start })
      var run: Token? = nil
      for t in tokens {
        if var r = run, r.side == t.side, r.span.end == t.span.start {
          r.span.end = t.span.end
          run = r
          continue
        }
        if let r = run { out += text(r) }
        run = t
      }
      if let r = run { out += text(r) }
      return out
    }

    /// Equal text, as Swift compares strings (canonical equivalence); by id when both are ASCII.
    func same(_ x: Token, _ y: Token) -> Bool {
      guard x.kind == y.kind else { return false }
      let bothInterned = x.id != Token.atCommonEnd && y.id != Token.atCommonEnd
      if bothInterned ? x.id == y.id : sameBytes(x, y) { return true }
      if x.isASCII && y.isASCII { return false }
      return text(x) == text(y)
    }

    /// Whether two tokens are the same bytes (what equal ids say of interned tokens).
    func sameBytes(_ x: Token, _ y: Token) -> Bool {
      let n = x.span.end &- x.span.start
      guard n == y.span.end &- y.span.start else { return false }
      return (x.side == .old ? old : new).withUTF8Bytes { p in
        (y.side == .old ? old : new).withUTF8Bytes { q in
          p[x.span.start..<x.span.end].elementsEqual(q[y.span.start..<y.span.end])
        }
      }
    }

    /// A token that ends a sentence or clause: `.`, `!`, `?`, `:` or `;`.
    func endsSentence(_ t: Token) -> Bool {
      let s = text(t)
      if t.isASCII { return s.utf8.count == 1 && ".!?:;".utf8.contains(s.utf8.first!) }
      return [".", "!", "?", ":", ";"].contains(s)
    }
  }

  /// A run of tokens with one op. Generic over the token so the tests' reference (tokens as
  /// `Substring`s) shares the passes that do not look at text.
  struct Run<T: RunToken> {
    var op: Segment.Op
    var tokens: [T]
    /// Characters in the run.
    var length: Int { tokens.reduce(0) { $0 + $1.characters } }
  }

  /// Within each change group (between equalities) put all deletions first, then insertions.
  static func normalizeOrder<T>(_ runs: [Run<T>]) -> [Run<T>] {
    var out: [Run<T>] = []
    var del: [T] = []
    var ins: [T] = []
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
  static func cleanupSemantic<T>(_ input: [Run<T>]) -> [Run<T>] {
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
  static func changeLength<T>(_ runs: [Run<T>], from: Int, step: Int) -> Int {
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
  static func slideEdits(_ input: [Run<Token>], _ sides: Sides) -> [Run<Token>] {
    var runs = input
    guard runs.count >= 3 else { return runs }
    for k in 1..<(runs.count - 1) where runs[k].op != .equal && runs[k - 1].op == .equal && runs[k + 1].op == .equal {
      var left = runs[k - 1].tokens
      var edit = runs[k].tokens
      var right = runs[k + 1].tokens
      // Shift fully left.
      while let l = left.last, let e = edit.last, sides.same(l, e) {
        left.removeLast()
        edit.removeLast()
        edit.insert(l, at: 0)
        right.insert(e, at: 0)
      }
      var best = (left, edit, right)
      var bestScore = score(left, edit, sides) + score(edit, right, sides)
      // Try each position to the right.
      while let e = edit.first, let r = right.first, sides.same(e, r) {
        left.append(e)
        edit.removeFirst()
        edit.append(r)
        right.removeFirst()
        let s = score(left, edit, sides) + score(edit, right, sides)
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
  static func score(_ one: [Token], _ two: [Token], _ sides: Sides) -> Int {
    guard let a = one.last, let b = two.first else { return 6 }
    if a.kind == .space || b.kind == .space {
      if a.kind == .space, one.count >= 2, sides.endsSentence(one[one.count - 2]) { return 5 }
      return 3
    }
    if a.kind == .punctuation || b.kind == .punctuation { return 1 }
    return 0
  }

  /// Turns runs into segments. Where a replacement starts with two forms of one word
  /// (`aluekehittämispäätös kokoaa` → `aluekehittämispäätöksen tavoitteena on koota`), the
  /// shared stem is kept as equal text and only the changed ending is marked; the same
  /// for a shared ending of the last word.
  static func refineInflection(_ runs: [Run<Token>], _ sides: Sides) -> [Segment] {
    var out: [Segment] = []
    var k = 0
    while k < runs.count {
      let r = runs[k]
      if r.op == .delete, k + 1 < runs.count, runs[k + 1].op == .insert, !r.tokens.isEmpty,
        !runs[k + 1].tokens.isEmpty
      {
        let del = r.tokens
        let ins = runs[k + 1].tokens
        // The first and last tokens' texts, trimmed of a shared stem or ending below.
        var delFirst = sides.text(del[0])
        var insFirst = sides.text(ins[0])
        var delLast = sides.text(del[del.count - 1])
        var insLast = sides.text(ins[ins.count - 1])
        var head = ""
        var tail = ""
        if del[0].kind == .word, ins[0].kind == .word, let p = stemSplit(delFirst, insFirst), !p.prefix.isEmpty {
          head = p.prefix
          delFirst = delFirst.dropFirst(p.prefix.count)
          insFirst = insFirst.dropFirst(p.prefix.count)
          if del.count == 1 { delLast = delFirst }
          if ins.count == 1 { insLast = insFirst }
        }
        if del[del.count - 1].kind == .word, ins[ins.count - 1].kind == .word, !delLast.isEmpty, !insLast.isEmpty,
          let p = stemSplit(delLast, insLast), !p.suffix.isEmpty, p.prefix.isEmpty
        {
          tail = p.suffix
          delLast = delLast.dropLast(p.suffix.count)
          insLast = insLast.dropLast(p.suffix.count)
          if del.count == 1 { delFirst = delLast }
          if ins.count == 1 { insFirst = insLast }
        }
        if !head.isEmpty { out.append(Segment(.equal, head)) }
        out.append(Segment(.delete, join(delFirst, del.dropFirst().dropLast(), delLast, count: del.count, sides)))
        out.append(Segment(.insert, join(insFirst, ins.dropFirst().dropLast(), insLast, count: ins.count, sides)))
        if !tail.isEmpty { out.append(Segment(.equal, tail)) }
        k += 2
        continue
      }
      out.append(Segment(r.op, sides.joined(r.tokens)))
      k += 1
    }
    return out
  }

  /// A change's text: its first token's (maybe trimmed) text, the middle tokens, and its
  /// last token's (maybe trimmed) text; one token is `first`, which holds both trims.
  private static func join(
    _ first: Substring, _ middle: ArraySlice<Token>, _ last: Substring, count: Int, _ sides: Sides
  ) -> String {
    if count == 1 { return String(first) }
    var s = String(first)
    s += sides.joined(middle)
    s += last
    return s
  }

  /// Common prefix and suffix of two words, in whole Characters, when they cover at least
  /// four characters and half of the shorter word.
  ///
  /// Words of scalars below U+0300 other than CR (ASCII, Latin-1 and Latin Extended: all
  /// of Finnish and Swedish) are compared on their UTF-8 bytes: each such scalar is a whole
  /// `Character` and no two of them are canonically equivalent (the `Tokenizer`'s rule), so
  /// the bytes give the same split as the Characters, without grapheme breaking.
  static func stemSplit(_ a: Substring, _ b: Substring) -> (
    prefix: String, oldMid: String, newMid: String, suffix: String
  )? {
    var a = a
    var b = b
    let narrow = a.withUTF8 { x in
      b.withUTF8 { y -> NarrowStem in narrowStem(x, y) }
    }
    switch narrow {
    case .notNarrow: return stemSplitByCharacters(a, b)
    case .tooShort: return nil
    case .stem(let p, let s):
      let (x, y) = (a.utf8, b.utf8)
      func text(_ u: Substring.UTF8View, _ from: Int, _ to: Int) -> String {
        String(Substring(u[u.index(u.startIndex, offsetBy: from)..<u.index(u.startIndex, offsetBy: to)]))
      }
      return (text(x, 0, p), text(x, p, x.count - s), text(y, p, y.count - s), text(x, x.count - s, x.count))
    }
  }

  /// What `narrowStem` found.
  enum NarrowStem: Equatable {
    /// A word holds a scalar from U+0300 on, or CR: compare Characters.
    case notNarrow
    /// The shared prefix and suffix are too short to count as a stem.
    case tooShort
    /// The shared prefix and suffix, in bytes.
    case stem(prefix: Int, suffix: Int)
  }

  /// `stemSplit`'s prefix and suffix of two narrow words, in bytes. A byte below 0xCC other
  /// than CR starts or continues a scalar below U+0300; a word's characters are its bytes
  /// that are not continuation bytes (10xxxxxx).
  static func narrowStem(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> NarrowStem {
    var xChars = 0
    for c in x {
      guard c < 0xCC, c != 0x0D else { return .notNarrow }
      if c & 0xC0 != 0x80 { xChars &+= 1 }
    }
    var yChars = 0
    for c in y {
      guard c < 0xCC, c != 0x0D else { return .notNarrow }
      if c & 0xC0 != 0x80 { yChars &+= 1 }
    }
    func continues(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { i < u.count && u[i] & 0xC0 == 0x80 }
    var p = 0
    while p < x.count && p < y.count && x[p] == y[p] { p &+= 1 }
    // Back to the start of the scalar that holds the first difference.
    while p > 0 && (continues(x, p) || continues(y, p)) { p &-= 1 }
    var s = 0
    while s < x.count &- p && s < y.count &- p && x[x.count &- 1 &- s] == y[y.count &- 1 &- s] { s &+= 1 }
    // On to the start of a scalar: the suffix holds whole scalars.
    while s > 0 && (continues(x, x.count &- s) || continues(y, y.count &- s)) { s &-= 1 }
    var chars = 0
    for i in 0..<p where x[i] & 0xC0 != 0x80 { chars &+= 1 }
    for i in (x.count &- s)..<x.count where x[i] & 0xC0 != 0x80 { chars &+= 1 }
    guard chars >= 4, 2 * chars >= min(xChars, yChars) else { return .tooShort }
    return .stem(prefix: p, suffix: s)
  }

  /// `stemSplit` on Characters: the specification, and the way for other words.
  static func stemSplitByCharacters(_ a: Substring, _ b: Substring) -> (
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

extension Array where Element == Segment {
  /// The old text: equal and deleted segments.
  package var oldText: String { filter { $0.op != .insert }.map(\.text).joined() }
  /// The new text: equal and inserted segments.
  package var newText: String { filter { $0.op != .delete }.map(\.text).joined() }
}
