import RedlineDiff

/// A small streaming JSON writer with a fixed key order (the order the contract documents),
/// so output is stable and diffs of outputs are readable.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma: [Bool] = [false]
  private let pretty: Bool
  private var depth = 0

  init(pretty: Bool = true, capacity: Int = 1 << 16) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
    newline()
  }

  /// A line break and the indentation, in one append (two spaces a level).
  private mutating func newline() {
    guard pretty else { return }
    var left = depth * 2 + 1
    var from = 0  // the line break first, then spaces only
    while left > 0 {
      let k = min(left, Self.indent.count - from)
      Self.indent.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<from + k])) }
      left -= k
      from = 1
    }
  }

  private static let indent: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 128)
  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func key(_ k: String?) {
    if needsComma.count > 1 || k != nil { separator() }
    if let k {
      string(k)
      bytes.append(UInt8(ascii: ":"))
      if pretty { bytes.append(0x20) }
    }
  }

  mutating func beginObject(_ k: String? = nil) {
    key(k)
    bytes.append(UInt8(ascii: "{"))
    needsComma.append(false)
    depth += 1
  }

  mutating func endObject() {
    let had = needsComma.removeLast()
    depth -= 1
    if had { newline() }
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func beginArray(_ k: String? = nil) {
    key(k)
    bytes.append(UInt8(ascii: "["))
    needsComma.append(false)
    depth += 1
  }

  mutating func endArray() { 
    let had = needsComma.removeLast()
    depth -= 1
    if had { newline() }
    bytes.append(UInt8(ascii: "]"))
  }

  mutating func value(_ k: String?, _ s: String?) {
    key(k)
    if let s { string(s) } else { bytes.append(contentsOf: "null".utf8) }
  }

  mutating func value(_ k: String?, _ n: Int) {
    key(k)
    bytes.append(contentsOf: String(n).utf8)
  }

  mutating func value(_ k: String?, _ d: Double) {
    key(k)
    let r = (d * 1000).rounded() / 1000
    bytes.append(contentsOf: (r == r.rounded() ? String(Int(r)) : String(r)).utf8)
  }

  mutating func value(_ k: String?, _ b: Bool) {
    key(k)
    bytes.append(contentsOf: (b ? "true" : "false").utf8)
  }

  mutating func null(_ k: String?) {
    key(k)
    bytes.append(contentsOf: "null".utf8)
  }

  /// Writes `s` quoted and escaped. Eight bytes are checked at a time for the bytes JSON
  /// escapes (`"`, `\\`, below 0x20); runs without them are copied in one append.
  private mutating func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var t = s
    t.withUTF8 { p in
      guard let base = p.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var runStart = 0
      var i = 0
      let n = p.count
      while i < n {
        if i &+ 8 <= n {
          let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          let control = (w &- 0x20 &* ones) & ~w & highs
          let q = w ^ (0x22 &* ones)
          let bs = w ^ (0x5C &* ones)
          let special = control | ((q &- ones) & ~q & highs) | ((bs &- ones) & ~bs & highs)
          if special == 0 {
            i &+= 8
            continue
          }
        }
        let c = p[i]
        if c >= 0x20 && c != 0x22 && c != 0x5C {
          i &+= 1
          continue
        }
        if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
        switch c {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
        default:
          for x in [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]] { bytes.append(x) }
        }
        i &+= 1
        runStart = i
      }
      if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// An array of strings under key `k`.
  mutating func strings(_ k: String, _ items: [String]) {
    beginArray(k)
    for i in items { value(nil, i) }
    endArray()
  }

  /// `[{op, text}, …]` under key `k`.
  mutating func segments(_ k: String, _ segs: [Segment]) {
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
