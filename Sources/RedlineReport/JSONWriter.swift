import CTextScan
import RedlineDiff
import RedlineDocument

/// A small streaming JSON writer with a fixed key order (the order the contract documents),
/// so output is stable and diffs of outputs are readable.
///
/// The output is written through a pointer into `storage`, which holds the bytes so far
/// and then zeroed room (at most 64 KiB more than one write needs; its capacity the size
/// the caller expects, then twice as much each time it runs out); one write (a string,
/// a line break and its indentation) costs one uniqueness check instead of an
/// `Array.append` per piece. The room is cut off when the top-level value ends.
struct JSONWriter {
  private var storage: [UInt8] = []
  private var used = 0
  private var needsComma: [Bool] = [false]
  private let pretty: Bool
  private var depth = 0
  /// How many bytes the first growth makes room for (the caller's estimate of the size).
  private var firstSize = 1 << 16
  /// Where a streaming writer sends its bytes each time its room runs out (nil: the writer
  /// keeps the whole document, `bytes`).
  private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?

  /// The JSON written so far.
  var bytes: [UInt8] { used == storage.count ? storage : Array(storage[0..<used]) }

  init(pretty: Bool = true, capacity: Int = 1 << 16) {
    self.pretty = pretty
    self.sink = nil
    firstSize = capacity
  }

  /// A writer that hands its bytes to `sink` in pieces of about `chunk` bytes, in order,
  /// instead of keeping the document: memory stays one piece however long the output.
  init(pretty: Bool = true, chunk: Int = 1 << 18, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    self.pretty = pretty
    self.sink = sink
    firstSize = chunk + (1 << 16)
    grow(chunk)
  }

  /// How many times this writer has handed its bytes on, to its sink or as a fragment (a
  /// `StringMark` from before then points at bytes it no longer holds).
  private var handedOn = 0
  /// Where the last string written (key or value) is in `storage`, quotes included.
  private var lastString = 0..<0

  /// Where a string value's escaped bytes are in a writer's output, for
  /// `value(_:repeating:)`: the second side of an unchanged block holds the same text as the
  /// first, and copying its JSON is cheaper than escaping it again.
  struct StringMark {
    fileprivate let bytes: Range<Int>
    fileprivate let handedOn: Int
  }

  /// Where the next value goes: indentation and separators, without the bytes; a writer
  /// for a run of array elements written on another thread starts from it.
  struct Place: Sendable {
    fileprivate let pretty: Bool
    fileprivate let depth: Int
    fileprivate let needsComma: [Bool]
  }

  /// This writer's place, for `init(at:afterElement:capacity:reusing:)`.
  var place: Place { Place(pretty: pretty, depth: depth, needsComma: needsComma) }

  /// An empty writer at `place`, for the elements of the array open there; with
  /// `afterElement`, its first element is written after a separator. `append(fragment:)`
  /// puts its `takeFragment()` in the writer `place` came from.
  /// `reusing` is the storage of an earlier fragment (`Fragment.storage`), which the writer
  /// takes over: all of it is room, written over from its start, so a buffer reused batch
  /// after batch is zero-filled once, not once a batch (37 MB of zeros for the 5 MB pair's
  /// 17 MB of JSON, 4 % of its instructions); an empty array's capacity is taken over too.
  init(at place: Place, afterElement: Bool, capacity: Int, reusing storage: consuming [UInt8] = []) {
    self.pretty = place.pretty
    self.sink = nil
    depth = place.depth
    needsComma = place.needsComma
    if afterElement { needsComma[needsComma.count - 1] = true }
    firstSize = capacity
    self.storage = storage
  }

  /// What a fragment writer wrote: its storage's first `count` bytes. The rest of the
  /// storage is its room (zeros, or bytes of an earlier fragment), never read.
  struct Fragment: Sendable {
    /// The bytes, then the room; a later fragment writer can reuse it (`reusing:`).
    var storage: [UInt8] = []
    /// How many bytes of `storage` were written.
    var count = 0
  }

  /// A fragment writer's bytes, its storage moved out with the room kept (no copy, no
  /// cut); the writer is left empty.
  mutating func takeFragment() -> Fragment {
    var out: [UInt8] = []
    swap(&out, &storage)
    defer {
      used = 0
      handedOn &+= 1
    }
    return Fragment(storage: out, count: used)
  }

  /// The bytes of array elements written by a fragment writer made at this writer's place;
  /// the next element is written after a separator. A streaming writer hands them to its
  /// sink as they are, after what it holds.
  mutating func append(fragment: Fragment) {
    guard fragment.count > 0 else { return }
    precondition(fragment.count <= fragment.storage.count, "a fragment within its storage")
    needsComma[needsComma.count - 1] = true
    fragment.storage.withUnsafeBufferPointer { all in
      let f = UnsafeBufferPointer(rebasing: all[0..<fragment.count])
      if let sink, f.count >= 1 << 16 {
        flush()
        sink(f)
        return
      }
      write(max: f.count) { o in
        o.update(from: f.baseAddress!, count: f.count)
        return f.count
      }
    }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
  private static let zeros = [UInt8](repeating: 0, count: 1 << 16)

  /// Writes `u00XX` for byte `v` after the backslash at `at` (the escape is six bytes in all).
  @inline(__always)
  private static func unicodeEscape(_ v: UInt8, at: UnsafeMutablePointer<UInt8>) {
    at[1] = UInt8(ascii: "u")
    at[2] = 0x30
    at[3] = 0x30
    at[4] = hex[Int(v >> 4)]
    at[5] = hex[Int(v & 0xF)]
  }

  /// Makes room for `k` more bytes after `used`.
  @inline(__always)
  private mutating func room(_ k: Int) {
    if storage.count &- used < k { grow(k) }
  }

  /// Room for `k` more bytes: a streaming writer first hands on what it holds; then the
  /// zeroed room is extended to 64 KiB past what the write needs. Only that much is ever
  /// touched: when the capacity runs out, the bytes written move once into storage of
  /// the size first asked for (the caller's estimate) or twice the old capacity, whichever
  /// is larger, and the rest of it stays reserved, untouched, until a write reaches it.
  @inline(never)
  private mutating func grow(_ k: Int) {
    if sink != nil { flush() }
    let need = used + k
    guard storage.count < need else { return }
    let target = need + Swift.min(1 << 16, firstSize)  // a small writer stays small
    if storage.capacity < target {
      let capacity = Swift.max(target, firstSize, storage.capacity * 2)
      let kept = used
      let old = storage
      storage = [UInt8](unsafeUninitializedCapacity: capacity) { room, count in
        let base = room.baseAddress!
        if kept > 0 { old.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: kept) } }
        (base + kept).initialize(repeating: 0, count: target - kept)
        count = target
      }
      return
    }
    Self.zeros.withUnsafeBufferPointer { z in
      while storage.count < target {
        storage.append(contentsOf: UnsafeBufferPointer(rebasing: z[0..<Swift.min(z.count, target - storage.count)]))
      }
    }
  }

  /// Writes at most `max` bytes through `body`, which returns how many it wrote.
  @inline(__always)
  private mutating func write(max: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    room(max)
    let at = used
    used = at + storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + at) }
  }

  @inline(__always)
  private mutating func put(_ b: UInt8) {
    write(max: 1) {
      $0[0] = b
      return 1
    }
  }

  private mutating func put(_ s: StaticString) {
    write(max: s.utf8CodeUnitCount) { o in
      Self.copySmall(o, UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
      return s.utf8CodeUnitCount
    }
  }

  private mutating func putASCII(_ s: String) {
    var t = s
    t.withUTF8 { p in
      write(max: p.count) { o in
        if let b = p.baseAddress { o.update(from: b, count: p.count) }
        return p.count
      }
    }
  }

  /// Cuts the zeroed room once the top-level value is complete, so `bytes` is no copy.
  private mutating func trimIfDone() {
    if sink == nil && needsComma.count == 1 && used < storage.count { storage.removeSubrange(used...) }
  }

  /// Hands the bytes written so far to the sink; the room is reused.
  private mutating func flush() {
    guard let sink, used > 0 else { return }
    storage.withUnsafeBufferPointer { sink(UnsafeBufferPointer(rebasing: $0[0..<used])) }
    used = 0
    handedOn &+= 1
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { put(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
    newline()
  }

  /// A line break and the indentation (two spaces a level), in one write.
  private mutating func newline() {
    guard pretty else { return }
    let n = 1 + depth * 2
    write(max: n + Self.spacesSlack) { o in
      o[0] = 0x0A
      Self.spaces(o + 1, n - 1)
      return n
    }
  }

  /// How many bytes `spaces` may write past the spaces asked for.
  private static let spacesSlack = 16

  /// `n` spaces at `o`, sixteen at a time: up to `spacesSlack` bytes past them are written
  /// too, inside the room of the same write, and written over or cut off after it (an
  /// indentation is a few bytes: a call to `memset` cost more than the store).
  @inline(__always)
  private static func spaces(_ o: UnsafeMutablePointer<UInt8>, _ n: Int) {
    let raw = UnsafeMutableRawPointer(o)
    var j = 0
    repeat {
      raw.storeBytes(of: SIMD16<UInt8>(repeating: 0x20), toByteOffset: j, as: SIMD16<UInt8>.self)
      j &+= 16
    } while j < n
  }

  /// The bytes of `p` at `o`, exactly: up to sixteen by two overlapping loads and stores
  /// (a key, `null`, `true`), more by `memcpy`.
  @inline(__always)
  private static func copySmall(_ o: UnsafeMutablePointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>) {
    let c = p.count
    guard let b = p.baseAddress else { return }
    let from = UnsafeRawPointer(b)
    let to = UnsafeMutableRawPointer(o)
    if c >= 8 && c <= 16 {
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: c &- 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: c &- 8, as: UInt64.self)
    } else if c >= 4 && c < 8 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: c &- 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: c &- 4, as: UInt32.self)
    } else if c < 4 {
      for i in 0..<c { o[i] = b[i] }
    } else {
      o.update(from: b, count: c)
    }
  }

  private mutating func key(_ k: JSONKey?) {
    guard let k else {
      if needsComma.count > 1 { separator() }
      return
    }
    if let made = k.made { return key(made: made) }
    k.literal.withUTF8Buffer { p in keyLine(p) }
  }

  /// The separator, the line break and indentation, the quoted key `p` (nothing in it to
  /// escape) and the colon, in one write.
  @inline(__always)
  private mutating func keyLine(_ p: UnsafeBufferPointer<UInt8>) {
    let last = needsComma.count - 1
    let comma = needsComma[last]
    needsComma[last] = true
    let isPretty = pretty
    let indent = isPretty ? 1 + depth * 2 : 0
    write(max: 1 + indent + p.count + 4 + Self.spacesSlack) { o in
      var w = 0
      if comma {
        o[0] = UInt8(ascii: ",")
        w = 1
      }
      if isPretty {
        o[w] = 0x0A
        Self.spaces(o + w + 1, indent - 1)
        w += indent
      }
      o[w] = UInt8(ascii: "\"")
      w += 1
      Self.copySmall(o + w, p)
      w += p.count
      o[w] = UInt8(ascii: "\"")
      o[w + 1] = UInt8(ascii: ":")
      w += 2
      if isPretty {
        o[w] = 0x20
        w += 1
      }
      return w
    }
  }

  /// A key made at run time: written as `keyLine` when it holds nothing to escape, else
  /// escaped as any string.
  private mutating func key(made k: String) {
    let written = k.withUTF8Bytes { p -> Bool in
      guard Self.nextSpecial(p, from: 0) == p.count else { return false }
      keyLine(p)
      return true
    }
    guard !written else { return }
    separator()
    string(k)
    if pretty { put(": ") } else { put(UInt8(ascii: ":")) }
  }

  /// A whole JSON document: its object with `"schema"` first, then the members `members`
  /// writes; its bytes with a final newline.
  static func document(
    schema: String, pretty: Bool = true, capacity: Int = 1 << 16, _ members: (inout JSONWriter) -> Void
  ) -> [UInt8] {
    var w = JSONWriter(pretty: pretty, capacity: capacity)
    w.beginObject()
    w.value("schema", schema)
    members(&w)
    return w.finish()
  }

  /// The same document as `document`, handed to `sink` in pieces as it is written
  /// (`redline diff --format json` to standard output).
  static func stream(
    schema: String, pretty: Bool = true, chunk: Int = 1 << 18, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void,
    _ members: (inout JSONWriter) -> Void
  ) {
    var w = JSONWriter(pretty: pretty, chunk: chunk, sink: sink)
    w.beginObject()
    w.value("schema", schema)
    members(&w)
    _ = w.finish()
  }

  /// Ends the document's object; its bytes with a final newline. The storage itself is
  /// returned, its spare room cut off in place: no copy of a document of many megabytes.
  /// A streaming writer hands the rest to its sink and returns nothing.
  private mutating func finish() -> [UInt8] {
    close(UInt8(ascii: "}"), trim: false)  // the line break first, then the cut: no regrowth
    write(max: 1) {
      $0[0] = 0x0A
      return 1
    }
    if sink != nil {
      flush()
      return []
    }
    storage.removeLast(storage.count - used)
    return storage
  }

  mutating func beginObject(_ k: JSONKey? = nil) { open(k, UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }

  /// An object under key `k` whose members `members` writes; it is always closed.
  mutating func object(_ k: JSONKey? = nil, _ members: (inout JSONWriter) -> Void) {
    beginObject(k)
    members(&self)
    endObject()
  }

  /// `value`'s object under key `k`, its members written by `members`; `null` when there
  /// is no value.
  mutating func object<T>(_ k: JSONKey?, _ value: T?, _ members: (inout JSONWriter, T) -> Void) {
    guard let value else { return null(k) }
    object(k) { members(&$0, value) }
  }
  mutating func beginArray(_ k: JSONKey? = nil) { open(k, UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Opens an object or array: its key, the bracket, one more level of nesting.
  private mutating func open(_ k: JSONKey?, _ bracket: UInt8) {
    key(k)
    put(bracket)
    needsComma.append(false)
    depth += 1
  }

  /// Closes the innermost object or array; a non-empty one ends on its own line.
  private mutating func close(_ bracket: UInt8, trim: Bool = true) {
    let had = needsComma.removeLast()
    depth -= 1
    if had { newline() }
    put(bracket)
    if trim { trimIfDone() }
  }

  mutating func value(_ k: JSONKey?, _ s: String?) {
    key(k)
    if let s { string(s) } else { put("null") }
    trimIfDone()
  }

  /// `value(k, s)`, and where its escaped bytes are, for `value(_:repeating:)`.
  mutating func markedValue(_ k: JSONKey?, _ s: String) -> StringMark {
    value(k, s)
    return StringMark(bytes: lastString, handedOn: handedOn)
  }

  /// The string `mark` points at, written again under key `k` as a copy of its bytes, and
  /// true; false, with nothing written, when this writer no longer holds those bytes (a
  /// streaming writer handed them on since).
  mutating func value(_ k: JSONKey?, repeating mark: StringMark) -> Bool {
    let count = mark.bytes.count
    // Room for the key and the copy first: a growth of a streaming writer hands its bytes
    // on, and must not come between the check and the copy.
    room(count &+ 16 &+ 2 &* depth &+ 6 &* (k?.utf8Count ?? 0))
    guard mark.handedOn == handedOn, mark.bytes.upperBound <= used, count > 0 else { return false }
    key(k)
    let back = used - mark.bytes.lowerBound
    write(max: count) { o in
      o.update(from: o - back, count: count)  // earlier bytes of the same storage: no overlap
      return count
    }
    trimIfDone()
    return true
  }

  mutating func value(_ k: JSONKey?, _ n: Int) {
    key(k)
    // The digits written in place (what `String(n)` spells, without making a String).
    write(max: 20) { o in FastText.writeDecimal(n, at: o) }
    trimIfDone()
  }

  mutating func value(_ k: JSONKey?, _ d: Double) {
    guard d.isFinite else { return null(k) }  // JSON has no infinity and no NaN
    let r = (d * 1000).rounded() / 1000
    // A whole number (most confidences are 1) is written as `value(k, Int)` writes it,
    // without making a String.
    if r == r.rounded(), let n = Int(exactly: r) { return value(k, n) }
    key(k)
    putASCII(String(r))
    trimIfDone()
  }

  /// A number, or `null` when there is none.
  mutating func value(_ k: JSONKey?, _ n: Int?) {
    guard let n else { return null(k) }
    value(k, n)
  }

  mutating func value(_ k: JSONKey?, _ b: Bool) {
    key(k)
    if b { put("true") } else { put("false") }
    trimIfDone()
  }

  mutating func null(_ k: JSONKey?) {
    key(k)
    put("null")
    trimIfDone()
  }

  /// Writes `s` quoted and escaped, in one write. Eight bytes are checked at a time for
  /// the bytes JSON escapes (`"`, backslash, below 0x20, DEL, C1 controls); clean runs,
  /// before and between escapes, are copied whole.
  private mutating func string(_ s: String) {
    var written = 0
    defer { lastString = (used - written)..<used }  // after the write: a growth may hand bytes on
    s.withUTF8Bytes { p in
      let n = p.count
      // Room for the worst case (every byte as \u00XX) only when an escape is present.
      let first = Self.nextSpecial(p, from: 0)
      let extra = first == n ? 0 : Self.escapedExtra(p, from: first)
      write(max: n + extra + 2) { o in
        o[0] = UInt8(ascii: "\"")
        var w = 1
        var runStart = 0
        var i = first
        while i < n {
          let c = p[i]
          let run = i - runStart
          if run > 0 { (o + w).update(from: p.baseAddress! + runStart, count: run) }
          w += run
          o[w] = 0x5C
          // DEL and the C1 controls (UTF-8 C2 80…C2 9F) are escaped too: a terminal may
          // read U+009B as the start of an escape sequence.
          if c == 0xC2 {
            Self.unicodeEscape(p[i + 1], at: o + w)
            w += 6
            i += 2
          } else {
            switch c {
            case 0x22:
              o[w + 1] = 0x22
              w += 2
            case 0x5C:
              o[w + 1] = 0x5C
              w += 2
            case 0x0A:
              o[w + 1] = UInt8(ascii: "n")
              w += 2
            case 0x0D:
              o[w + 1] = UInt8(ascii: "r")
              w += 2
            case 0x09:
              o[w + 1] = UInt8(ascii: "t")
              w += 2
            default:
              Self.unicodeEscape(c, at: o + w)
              w += 6
            }
            i += 1
          }
          runStart = i
          i = Self.nextSpecial(p, from: i)
        }
        let run = n - runStart
        if run > 0 { (o + w).update(from: p.baseAddress! + runStart, count: run) }
        w += run
        o[w] = UInt8(ascii: "\"")
        written = w + 1
        return written
      }
    }
  }

  /// Whether JSON output escapes the byte at `i` (a C1 control is its lead byte 0xC2).
  @inline(__always)
  private static func isSpecial(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let c = p[i]
    return c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F || (c == 0xC2 && i &+ 1 < p.count && p[i &+ 1] < 0xA0)
  }

  /// Offset of the first byte at or after `from` that JSON escapes, or the count: from 64
  /// bytes on, 32 bytes at a time (`redline_json_special`) where the processor has AVX2;
  /// else `nextSpecialBytes`.
  @inline(__always)
  static func nextSpecial(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    if p.count &- from >= 64, let base = p.baseAddress {
      let found = redline_json_special(base, p.count, from)  // -1: no AVX2
      if found >= 0 { return found }
    }
    return nextSpecialBytes(p, from: from)
  }

  /// `nextSpecial` without vector instructions: eight bytes at a time, and a word that may
  /// hold one (any 0xC2, such as the `§` of a heading) checked byte by byte before the
  /// scan goes on.
  static func nextSpecialBytes(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    let n = p.count
    guard let base = p.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = from
    while i &+ 8 <= n {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let q = w ^ (0x22 &* ones)
      let bs = w ^ (0x5C &* ones)
      let del = w ^ (0x7F &* ones)
      let c2 = w ^ (0xC2 &* ones)
      let hit =
        (w &- 0x20 &* ones) & ~w | (q &- ones) & ~q | (bs &- ones) & ~bs | (del &- ones) & ~del | (c2 &- ones) & ~c2
      if hit & highs != 0 {
        for j in i..<(i &+ 8) where isSpecial(p, j) { return j }
      }
      i &+= 8
    }
    while i < n {
      if isSpecial(p, i) { return i }
      i &+= 1
    }
    return n
  }

  /// Bytes the escapes from `from` on add to the text (5 for \u00XX, 4 for a C1 control's
  /// two bytes, 1 for the others).
  private static func escapedExtra(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    var extra = 0
    var i = from
    while i < p.count {
      switch p[i] {
      case 0x22, 0x5C, 0x0A, 0x0D, 0x09:
        extra += 1
        i += 1
      case 0xC2:
        extra += 4  // two bytes become \u00XX
        i += 2
      default:
        extra += 5
        i += 1
      }
      i = nextSpecial(p, from: i)
    }
    return extra
  }

  /// The bytes `strings(_:_:)` writes for `items` after its key, at this writer's depth:
  /// a list written many times over (a block's section path) is encoded once.
  func encodedStrings(_ items: [String]) -> [UInt8] {
    var w = JSONWriter(pretty: pretty, capacity: 256)
    w.depth = depth
    w.beginArray()
    for i in items { w.value(nil, i) }
    w.endArray()
    return w.bytes
  }

  /// How deep the next value is: what `encodedStrings`' bytes depend on.
  var nesting: Int { depth }

  /// Bytes `encodedStrings` made at this writer's depth, under key `k`.
  mutating func encoded(_ k: JSONKey, _ bytes: [UInt8]) {
    key(k)
    bytes.withUnsafeBufferPointer { b in
      write(max: b.count) { o in
        o.update(from: b.baseAddress!, count: b.count)
        return b.count
      }
    }
    trimIfDone()
  }

  /// Plain members in order, as a table of keys and values: `w.members(["path": a.path, …])`.
  mutating func members(_ table: KeyValuePairs<JSONKey, any JSONMember>) {
    for (k, v) in table { v.write(k, to: &self) }
  }

  /// An array of strings under key `k`.
  mutating func strings(_ k: JSONKey, _ items: [String]) {
    beginArray(k)
    for i in items { value(nil, i) }
    endArray()
  }

  /// `[{op, text}, …]` under key `k`, or `null` when there are none (no word diff).
  mutating func segments(_ k: JSONKey, _ segs: [Segment]?) {
    guard let segs else { return null(k) }
    segments(k, segs)
  }

  /// `[{op, text}, …]` under key `k`.
  mutating func segments(_ k: JSONKey, _ segs: [Segment]) {
    beginArray(k)
    for s in segs {
      beginObject()
      value("op", s.op.rawValue)
      value("text", s.text)
      endObject()
    }
    endArray()
  }
}

/// A member's name in JSON output: a literal in Redline's source, which holds nothing
/// JSON escapes (checked as it is made, in debug builds, so every key a test writes is
/// checked), or a `String` made at run time, escaped as any string when it needs it.
struct JSONKey: ExpressibleByStringLiteral, Sendable {
  fileprivate let literal: StaticString
  /// The key, when it was made at run time.
  fileprivate let made: String?

  init(stringLiteral value: StaticString) {
    literal = value
    made = nil
    assert(value.withUTF8Buffer { p in p.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } })
  }

  /// A key made at run time (an enumeration's raw value, say).
  init(_ text: String) {
    literal = ""
    made = text
  }

  /// Bytes in the key.
  var utf8Count: Int { made?.utf8.count ?? literal.utf8CodeUnitCount }
}

/// A value `JSONWriter.members` writes under its key: a string, a whole number, true or
/// false, a list of strings, or nil as `null`.
protocol JSONMember {
  /// Writes the value under key `k`.
  func write(_ k: JSONKey, to w: inout JSONWriter)
}

extension String: JSONMember {
  func write(_ k: JSONKey, to w: inout JSONWriter) { w.value(k, self) }
}

extension Int: JSONMember {
  func write(_ k: JSONKey, to w: inout JSONWriter) { w.value(k, self) }
}

extension Bool: JSONMember {
  func write(_ k: JSONKey, to w: inout JSONWriter) { w.value(k, self) }
}

extension Array: JSONMember where Element == String {
  func write(_ k: JSONKey, to w: inout JSONWriter) { w.strings(k, self) }
}

extension Optional: JSONMember where Wrapped: JSONMember {
  func write(_ k: JSONKey, to w: inout JSONWriter) {
    guard let v = self else { return w.null(k) }
    v.write(k, to: &w)
  }
}
