#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A cheap pass over Markdown before cmark sees it: an upper estimate of how deeply each
/// line nests lists and block quotes, so a file of thousands of nested lists is refused
/// in one line instead of costing gigabytes. Linear, no allocation.
///
/// It also counts list items and quote markers in the whole file, since each costs cmark
/// and the model about a kilobyte: a 16 MB flat list of 4 million items is refused too.
///
/// Per line: leading indentation (every 2 columns may open one list level) plus the
/// container markers at its start (`>`, `-`, `*`, `+`, `1.`, `1)`), each followed by a
/// space. A thematic break (`- - -`, `* * *`) opens nothing. Fenced code is not tracked,
/// so the estimate errs on the high side only for code that looks like deep lists.
enum NestingScan {
  /// What the scan found over a limit.
  enum Problem: Equatable {
    /// The 1-based line first estimated deeper than the depth limit.
    case tooDeep(line: Int)
    /// More list items and quote markers than the container limit.
    case tooManyContainers(Int)
  }

  /// The first limit broken, or nil. `lineEnd(p, i)` is the offset of the line feed that
  /// ends the line starting at `i` (or the end): `memchr`, the C library's word-at-a-time
  /// search, unless a test passes the byte-by-byte loop it replaced.
  static func check(
    _ bytes: [UInt8], maxDepth: Int, maxContainers: Int,
    lineEnd: (UnsafeBufferPointer<UInt8>, Int) -> Int = NestingScan.memchrLineEnd
  ) -> Problem? {
    bytes.withUnsafeBufferPointer { check($0, maxDepth: maxDepth, maxContainers: maxContainers, lineEnd: lineEnd) }
  }

  /// `check` of bytes lent for the call.
  static func check(
    _ p: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxContainers: Int,
    lineEnd: (UnsafeBufferPointer<UInt8>, Int) -> Int = NestingScan.memchrLineEnd
  ) -> Problem? {
    var i = 0
    var line = 1
    var containers = 0
    while i < p.count {
      let end = lineEnd(p, i)
      let (indent, markers) = measure(p, i, end)  // reads only the line's start
      if indent / 2 + markers > maxDepth { return .tooDeep(line: line) }
      containers += markers
      if containers > maxContainers { return .tooManyContainers(containers) }
      i = end + 1
      line += 1
    }
    return nil
  }

  /// `check` over the lines of `lines`, an index of `p` (`DocumentLoader` makes it once
  /// for the scan and the parse): the same lines, without searching for their ends.
  static func check(_ p: UnsafeBufferPointer<UInt8>, lines: LineIndex, maxDepth: Int, maxContainers: Int) -> Problem? {
    precondition(lines.byteCount == p.count, "a line index of other bytes")
    let starts = lines.starts
    var next = 0  // the line whose end is asked for: lines are asked for in order
    return check(p, maxDepth: maxDepth, maxContainers: maxContainers) { p, _ in
      next += 1
      return next < starts.count ? starts[next] - 1 : p.count
    }
  }

  /// The offset of the line feed at or after `i`, or the buffer's end.
  static func memchrLineEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    guard let base = p.baseAddress, let hit = memchr(base + i, 0x0A, p.count - i) else { return p.count }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
  }

  /// The 1-based number of the first line estimated deeper than `limit`, or nil.
  static func firstLineDeeperThan(_ limit: Int, _ bytes: [UInt8]) -> Int? {
    if case .tooDeep(let line) = check(bytes, maxDepth: limit, maxContainers: .max) { return line }
    return nil
  }

  static func depth(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    let (indent, markers) = measure(p, start, end)
    return indent / 2 + markers
  }

  /// Leading indentation in columns (capped) and the container markers that follow.
  static func measure(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (indent: Int, markers: Int) {
    var i = start
    var column = 0
    while i < end, p[i] == 0x20 || p[i] == 0x09 {
      column += p[i] == 0x09 ? 4 : 1
      i += 1
    }
    column = min(column, 1 << 20)
    if isThematicBreak(p, i, end) { return (column, 0) }
    var markers = 0
    while i < end {
      let c = p[i]
      if c == 0x3E {  // >
        markers += 1
        i += 1
      } else if (c == 0x2D || c == 0x2A || c == 0x2B) && (i + 1 == end || p[i + 1] == 0x20 || p[i + 1] == 0x09) {
        markers += 1
        i += 1
      } else if c >= 0x30 && c <= 0x39 {
        var j = i
        while j < end && j - i < 9 && p[j] >= 0x30 && p[j] <= 0x39 { j += 1 }
        guard j < end, p[j] == 0x2E || p[j] == 0x29, j + 1 == end || p[j + 1] == 0x20 || p[j + 1] == 0x09 else { break }
        markers += 1
        i = j + 1
      } else {
        break
      }
      while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
    }
    return (column, markers)
  }

  /// Three or more of one of `-`, `*`, `_` and nothing else but spaces.
  static func isThematicBreak(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard start < end, p[start] == 0x2D || p[start] == 0x2A || p[start] == 0x5F else { return false }
    let c = p[start]
    var count = 0
    for k in start..<end {
      if p[k] == c { count += 1 } else if p[k] != 0x20 && p[k] != 0x09 { return false }
    }
    return count >= 3
  }
}
