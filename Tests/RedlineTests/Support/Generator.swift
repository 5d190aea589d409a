import RedlineDocument

/// A deterministic random source (SplitMix64) for property tests.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates Finnish-like Markdown drafts and edited second versions.
struct DraftGenerator {
  var rng: SeededRandom
  static let words = [
    "alue", "alueiden", "kehittäminen", "aluekehittämispäätös", "aluekehittämispäätöksen", "elinvoima", "investoinnit",
    "hyvinvointi", "väestö", "yhteisöt", "saavutettavuus", "työvoiman", "saatavuus", "osaaminen", "koulutus", "ja",
    "sekä",
    "että", "on", "ovat", "kunta", "kuntien", "maakunta", "maakuntien", "liitto", "Åland", "Närpes", "ympäristö",
    "luonto", "monimuotoinen", "kestävä", "vihreä", "siirtymä", "huoltovarmuus", "kokonaisturvallisuus", "2024–2027",
    "13", "§", "”lainaus”", "EU:n", "elinkeinorakenne", "työpaikat", "yritykset", "tutkimus", "innovaatiot",
    "Itä-Suomi", "raja", "öljy", "ääni", "yö", "kehittämistoimet", "valtioneuvosto", "päätös", "kohta", "👩‍👩‍👧",
    "e\u{301}tude", "naïve",
  ]

  init(seed: UInt64) { rng = SeededRandom(seed: seed) }

  mutating func word() -> String { Self.words.randomElement(using: &rng)! }

  mutating func sentence(_ n: ClosedRange<Int> = 4...14) -> String {
    var w = (0..<Int.random(in: n, using: &rng)).map { _ in word() }
    w[0] = w[0].prefix(1).uppercased() + w[0].dropFirst()
    let punct = [".", ".", ".", "?", ":"].randomElement(using: &rng)!
    return w.joined(
      separator: Bool.random(using: &rng) ? " " : ", ".prefix(Int.random(in: 1...2, using: &rng)) == "," ? ", " : " ")
      + punct
  }

  mutating func paragraph() -> String {
    (0..<Int.random(in: 1...4, using: &rng)).map { _ in sentence() }.joined(separator: " ")
  }

  /// A document as a list of sections: (level, number, title, blocks).
  struct Model {
    struct Sec {
      var level: Int
      var title: String
      var blocks: [String]  // "- item" for list items, else paragraphs
    }
    var sections: [Sec]

    /// Markdown with numbered headings computed from the tree order.
    func markdown(wrap: Bool = false) -> String {
      var out = "# Päätös\n\nJohdanto.\n\n"
      var counters: [Int] = []
      for s in sections {
        while counters.count < s.level { counters.append(0) }
        counters = Array(counters.prefix(s.level))
        counters[s.level - 1] += 1
        let number = counters.map(String.init).joined(separator: ".")
        out += String(repeating: "#", count: s.level + 1) + " \(number) \(s.title)\n\n"
        var inList = false
        for b in s.blocks {
          if b.hasPrefix("- ") {
            out += b + "\n"
            inList = true
          } else {
            if inList { out += "\n" }
            inList = false
            out += (wrap ? Self.wrap(b) : b) + "\n\n"
          }
        }
        if inList { out += "\n" }
      }
      return out
    }

    static func wrap(_ s: String) -> String {
      var lines: [String] = []
      var cur = ""
      for w in s.split(separator: " ") {
        if cur.count + w.count > 30 && !cur.isEmpty {
          lines.append(cur)
          cur = ""
        }
        cur += (cur.isEmpty ? "" : " ") + w
      }
      if !cur.isEmpty { lines.append(cur) }
      return lines.joined(separator: "\n")
    }
  }

  mutating func model() -> Model {
    var secs: [Model.Sec] = []
    var level = 1
    for _ in 0..<Int.random(in: 2...9, using: &rng) {
      level = max(1, min(3, level + Int.random(in: -1...1, using: &rng)))
      if secs.isEmpty { level = 1 }
      var blocks: [String] = []
      for _ in 0..<Int.random(in: 0...6, using: &rng) {
        if Int.random(in: 0..<5, using: &rng) == 0 {
          for _ in 0..<Int.random(in: 1...3, using: &rng) { blocks.append("- " + sentence(2...6)) }
        } else {
          blocks.append(paragraph())
        }
      }
      secs.append(Model.Sec(level: level, title: sentence(1...4).dropLast().description, blocks: blocks))
    }
    return Model(sections: secs)
  }

  /// A second version: word edits, deletions, insertions, moves, renames, section moves.
  mutating func edit(_ m: Model) -> Model {
    var out = m
    let ops = Int.random(in: 0...8, using: &rng)
    for _ in 0..<ops {
      guard !out.sections.isEmpty else { break }
      let s = Int.random(in: 0..<out.sections.count, using: &rng)
      switch Int.random(in: 0..<8, using: &rng) {
      case 0 where !out.sections[s].blocks.isEmpty:  // word edit
        let b = Int.random(in: 0..<out.sections[s].blocks.count, using: &rng)
        var ws = out.sections[s].blocks[b].split(separator: " ").map(String.init)
        let k = Int.random(in: 0..<ws.count, using: &rng)
        if k > 0 || !ws[0].hasPrefix("-") { ws[k] = word() }
        out.sections[s].blocks[b] = ws.joined(separator: " ")
      case 1 where !out.sections[s].blocks.isEmpty:  // delete
        out.sections[s].blocks.remove(at: Int.random(in: 0..<out.sections[s].blocks.count, using: &rng))
      case 2:  // insert
        out.sections[s].blocks.insert(paragraph(), at: Int.random(in: 0...out.sections[s].blocks.count, using: &rng))
      case 3 where !out.sections[s].blocks.isEmpty:  // move a block to another section
        let b = out.sections[s].blocks.remove(at: Int.random(in: 0..<out.sections[s].blocks.count, using: &rng))
        let t = Int.random(in: 0..<out.sections.count, using: &rng)
        out.sections[t].blocks.insert(b, at: Int.random(in: 0...out.sections[t].blocks.count, using: &rng))
      case 4:  // rename
        out.sections[s].title = sentence(1...3).dropLast().description
      case 5 where out.sections.count > 1:  // move a section
        let sec = out.sections.remove(at: s)
        out.sections.insert(sec, at: Int.random(in: 0...out.sections.count, using: &rng))
        out.sections[0].level = 1
      case 6:  // add a section
        out.sections.insert(
          Model.Sec(level: out.sections[s].level, title: sentence(1...3).dropLast().description, blocks: [paragraph()]),
          at: s)
      default:  // delete a section
        if out.sections.count > 1 { out.sections.remove(at: s) }
      }
    }
    return out
  }
}
