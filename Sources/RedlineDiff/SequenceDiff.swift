/// Myers' O(ND) difference of two integer sequences, with the common prefix and suffix
/// stripped first and the search cost capped (as git's xdiff and imara-diff do).
///
/// Example: `[1,2,3,4]` vs `[1,3,4,5]` gives the matched index pairs (0,0), (2,1), (3,2).
enum SequenceDiff {
  /// Largest edit distance searched before giving up on the middle part.
  static let defaultMaxCost = 4096

  /// Index pairs `(i, j)` with `a[i] == b[j]` on a shortest edit script, in order;
  /// `capped` is true when the cost cap left the middle unmatched.
  static func matches(_ a: [Int32], _ b: [Int32], maxCost: Int = defaultMaxCost) -> (pairs: [(Int, Int)], capped: Bool)
  {
    // The equal ends, found first.
    let shorter = min(a.count, b.count)
    var lo = 0
    var ea = a.count
    var eb = b.count
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        while lo < shorter && a[lo] == b[lo] { lo &+= 1 }
        while ea > lo && eb > lo && a[ea &- 1] == b[eb &- 1] {
          ea &-= 1
          eb &-= 1
        }
      }
    }
    var capped = false
    var mid: [(Int, Int)] = []
    if ea > lo && eb > lo {
      let (found, c) = myers(a, lo, ea, b, lo, eb, maxCost: maxCost)
      // Good enough instead of nothing: split the middle at elements that occur once on
      // each side (in order), and diff the stretches between them under the same cap.
      mid = c ? anchored(a, lo, ea, b, lo, eb, maxCost: maxCost) : found
      capped = c
    }
    // The equal start, the middle's pairs, the equal end, in order: at most one pair per
    // element of the shorter side, written in place (9,300 calls at 5 MB, most of them
    // small, most pairs in the equal ends).
    let tail = a.count &- ea
    let pairs = [(Int, Int)](unsafeUninitializedCapacity: lo &+ mid.count &+ tail) { out, made in
      guard var at = out.baseAddress else { return }  // no pairs
      for k in 0..<lo {
        at.initialize(to: (k, k))
        at += 1
      }
      for pair in mid {
        at.initialize(to: pair)
        at += 1
      }
      for k in 0..<tail {
        at.initialize(to: (ea &+ k, eb &+ k))
        at += 1
      }
      made = lo &+ mid.count &+ tail
    }
    return (pairs, capped)
  }

  /// Pairs on the longest increasing run of elements unique on both sides, with Myers
  /// (capped; a stretch still over the cap stays unmatched) between consecutive anchors.
  static func anchored(_ a: [Int32], _ a0: Int, _ a1: Int, _ b: [Int32], _ b0: Int, _ b1: Int, maxCost: Int)
    -> [(Int, Int)]
  {
    var countA: [Int32: Int] = [:]
    var posA: [Int32: Int] = [:]
    for i in a0..<a1 {
      countA[a[i], default: 0] += 1
      posA[a[i]] = i
    }
    var countB: [Int32: Int] = [:]
    for j in b0..<b1 { countB[b[j], default: 0] += 1 }
    var cand: [(Int, Int)] = []
    for j in b0..<b1 where countB[b[j]] == 1 && countA[b[j]] == 1 { cand.append((posA[b[j]]!, j)) }
    let keep = longestIncreasing(cand.map(\.0))
    let anchors = cand.indices.filter { keep.contains($0) }.map { cand[$0] }
    var out: [(Int, Int)] = []
    var pa = a0
    var pb = b0
    for (x, y) in anchors + [(a1, b1)] {
      if x > pa && y > pb {
        let (mid, c) = myers(a, pa, x, b, pb, y, maxCost: maxCost)
        if !c { out.append(contentsOf: mid) }
      }
      if x < a1 { out.append((x, y)) }
      pa = x + 1
      pb = y + 1
    }
    return out
  }

  /// Greedy forward Myers on `a[a0..<a1]` vs `b[b0..<b1]`, keeping one V array per step
  /// for the backtrack (memory O(D²), bounded by the cost cap).
  static func myers(_ a: [Int32], _ a0: Int, _ a1: Int, _ b: [Int32], _ b0: Int, _ b1: Int, maxCost: Int)
    -> ([(Int, Int)], Bool)
  {
    let n = a1 - a0
    let m = b1 - b0
    let maxD = min(n + m, maxCost)
    let offset = maxD + 1
    var v = [Int](repeating: 0, count: 2 * maxD + 3)
    var trace: [[Int]] = []
    var found = -1
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        outer: for d in 0...maxD {
          trace.append(Array(v[(offset - d)...(offset + d)]))
          var k = -d
          while k <= d {
            var x: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
              x = v[offset + k + 1]
            } else {
              x = v[offset + k - 1] + 1
            }
            var y = x - k
            while x < n && y < m && pa[a0 + x] == pb[b0 + y] {
              x += 1
              y += 1
            }
            v[offset + k] = x
            if x >= n && y >= m {
              found = d
              break outer
            }
            k += 2
          }
        }
      }
    }
    if found < 0 { return ([], true) }
    // Backtrack through the saved V arrays.
    var pairs: [(Int, Int)] = []
    var x = n
    var y = m
    var d = found
    while d > 0 {
      let vPrev = trace[d]  // V before step d, for diagonals -d...d
      let k = x - y
      let prevK: Int
      if k == -d || (k != d && vPrev[k - 1 + d] < vPrev[k + 1 + d]) {
        prevK = k + 1
      } else {
        prevK = k - 1
      }
      let prevX = vPrev[prevK + d]
      let prevY = prevX - prevK
      while x > prevX && y > prevY {
        x -= 1
        y -= 1
        pairs.append((a0 + x, b0 + y))
      }
      x = prevX
      y = prevY
      d -= 1
    }
    while x > 0 && y > 0 {
      x -= 1
      y -= 1
      pairs.append((a0 + x, b0 + y))
    }
    return (pairs.reversed(), false)
  }
}
