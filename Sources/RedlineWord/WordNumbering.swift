import Foundation

/// Automatic numbering from `numbering.xml`, turned into the numbers a reader sees.
///
/// Counters are kept per abstract list and level, as Word does: two `w:num` instances of
/// one abstract list continue each other unless a `w:startOverride` restarts them. A level
/// restarts when a shallower level advances (or per `w:lvlRestart`).
struct WordNumbering: Sendable {
  struct Level: Sendable {
    var start = 1
    var format = "decimal"
    var text = "%1."
    var restart: Int?
    var styleID: String?
    var legal = false
  }

  var abstracts: [String: [Int: Level]] = [:]
  /// numId → abstractNumId.
  var nums: [String: String] = [:]
  /// numId → level → start override.
  var overrides: [String: [Int: Int]] = [:]
  var counters: [String: [Int: Int]] = [:]
  var overrideApplied: Set<String> = []

  init(_ root: XMLElement?) {
    guard let root else { return }
    for a in root.children("abstractNum") {
      guard let id = a["abstractNumId"] else { continue }
      var levels: [Int: Level] = [:]
      for l in a.children("lvl") {
        guard let k = l["ilvl"].flatMap({ Int($0) }) else { continue }
        var lv = Level()
        if let s = l.child("start")?["val"].flatMap({ Int($0) }) { lv.start = s }
        if let f = l.child("numFmt")?["val"] { lv.format = f }
        if let t = l.child("lvlText")?["val"] { lv.text = t }
        lv.restart = l.child("lvlRestart")?["val"].flatMap { Int($0) }
        lv.styleID = l.child("pStyle")?["val"]
        lv.legal = l.child("isLgl").map(WordStyles.isOn) ?? false
        levels[k] = lv
      }
      abstracts[id] = levels
    }
    for n in root.children("num") {
      guard let id = n["numId"], let a = n.child("abstractNumId")?["val"] else { continue }
      nums[id] = a
      for o in n.children("lvlOverride") {
        if let k = o["ilvl"].flatMap({ Int($0) }), let s = o.child("startOverride")?["val"].flatMap({ Int($0) }) {
          overrides[id, default: [:]][k] = s
        }
      }
    }
  }

  /// The level a style is linked to in the list (`w:pStyle` inside `w:lvl`).
  func level(forStyle style: String, numID: String) -> Int? {
    guard let a = nums[numID], let levels = abstracts[a] else { return nil }
    return levels.first { $0.value.styleID == style }?.key
  }

  /// True when the level is a bullet (or has no visible number).
  func isBullet(numID: String, ilvl: Int) -> Bool {
    guard let a = nums[numID], let lv = abstracts[a]?[ilvl] else { return true }
    return lv.format == "bullet" || lv.format == "none"
  }

  /// Advances the counter of (numID, ilvl) and returns the visible number (`2.1.`, `a)`),
  /// "" for a bullet or `none`, nil when the numbering is unknown or numId 0 (no numbering).
  mutating func next(numID: String, ilvl: Int) -> String? {
    guard numID != "0", let a = nums[numID], let levels = abstracts[a], let lv = levels[ilvl] else { return nil }
    var c = counters[a] ?? [:]
    if let o = overrides[numID], !overrideApplied.contains(numID) {
      overrideApplied.insert(numID)
      // A restart: this instance begins again at its override values.
      for (k, s) in o { c[k] = s - 1 }
      for k in c.keys where o[k] == nil && k > (o.keys.min() ?? 0) { c[k] = nil }
    }
    c[ilvl] = (c[ilvl] ?? (lv.start - 1)) + 1
    for (k, l) in levels where k > ilvl {
      // Deeper levels restart, unless their lvlRestart says a shallower level than this one.
      let r = l.restart ?? (k)  // restart after level k-1 (1-based), i.e. any level < k
      if r != 0 && ilvl < r { c[k] = nil }
    }
    counters[a] = c
    if lv.format == "bullet" || lv.format == "none" { return "" }
    var text = lv.text
    for k in 0...8 {
      let token = "%\(k + 1)"
      guard text.contains(token) else { continue }
      let l = levels[k] ?? Level()
      let value = c[k] ?? l.start
      let fmt = lv.legal ? "decimal" : l.format
      text = text.replacingOccurrences(of: token, with: Self.format(value, fmt))
    }
    return text
  }

  static func format(_ n: Int, _ fmt: String) -> String {
    switch fmt {
    case "lowerLetter": return letters(n).lowercased()
    case "upperLetter": return letters(n)
    case "lowerRoman": return roman(n).lowercased()
    case "upperRoman": return roman(n)
    case "decimalZero": return n < 10 ? "0\(n)" : "\(n)"
    case "none", "bullet": return ""
    default: return "\(n)"
    }
  }

  static func letters(_ n: Int) -> String {
    guard n > 0 else { return "\(n)" }
    let l = Character(UnicodeScalar(UInt8(65 + (n - 1) % 26)))
    return String(repeating: l, count: (n - 1) / 26 + 1)
  }

  static func roman(_ n: Int) -> String {
    guard n > 0 && n < 4000 else { return "\(n)" }
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
      (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var out = ""
    var v = n
    for (k, s) in table {
      while v >= k {
        out += s
        v -= k
      }
    }
    return out
  }
}
