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

  private mutating func newline() {
    guard pretty else { return }
    bytes.append(0x0A)
    for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
  }

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

  private mutating func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var t = s
    t.withUTF8 { p in
      var runStart = 0
      var i = 0
      let n = p.count
      while i < n {
        let c = p[i]
        // DEL and the C1 controls (UTF-8 C2 80…C2 9F) are escaped too: a terminal may
        // read U+009B as the start of an escape sequence.
        let c1 = c == 0xC2 && i + 1 < n && p[i + 1] < 0xA0
        if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0x7F && !c1 {
          i += 1
          continue
        }
        if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
        if c1 {
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          let v = p[i + 1]
          bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(v >> 4)], hex[Int(v & 0xF)]])
          i += 2
          runStart = i
          continue
        }
        switch c {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
        }
        i += 1
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
