import Foundation

/// The Swedish version's status at the end of a consultation summary
/// (`summary --parallel SV_PATH`): in step, or what it has not caught up with, by kind,
/// with the paragraphs concerned.
extension SummaryWalk {
  mutating func writeSwedish(_ r: ParallelReport) {
    w.beginSection()
    heading(2, [.text(l.swedishTitle)])
    SwedishStatus.write(r, l, &w)
    w.endSection()
  }
}

/// The words of the Swedish version's status.
enum SwedishStatus {
  /// The status below its heading: one sentence when in step; else a sentence and a list
  /// with one item per kind of difference.
  static func write<W: SummaryWriter>(_ r: ParallelReport, _ l: Localization, _ w: inout W) {
    if r.inSync {
      w.paragraph([.text(l.swedishInSync(r))], cssClass: nil)
      return
    }
    w.paragraph([.text(l.swedishBehind(r))], cssClass: nil)
    var items: [[Span]] = []
    for kind in ParallelFinding.Kind.allCases {
      let found = r.findings.filter { $0.kind == kind }
      guard !found.isEmpty else { continue }
      // A label is never broken at a line end: `§7 ¶8` keeps a no-break space.
      let labels = runs(found.map { place($0) }).map { $0.replacingOccurrences(of: " ¶", with: "\u{00A0}¶") }
        .joined(separator: ", ")
      items.append([.strong(l.swedishKind(kind, found) + ":"), .text(" " + labels)])
    }
    w.list(items)
  }

  /// The section as Markdown, for pages other than the summary.
  static func markdown(_ r: ParallelReport, _ l: Localization) -> String {
    var w = MarkdownSummaryWriter(width: 80)
    w.heading(2, [.text(l.swedishTitle)], id: nil)
    write(r, l, &w)
    return w.output
  }

  /// Consecutive paragraphs of one section as one range: `§2.1 ¶5`, `§2.1 ¶6`, `§2.1 ¶7`
  /// → `§2.1 ¶5–¶7`; anything else as it is.
  static func runs(_ labels: [String]) -> [String] {
    func split(_ s: String) -> (String, Int)? {
      guard let r = s.range(of: " ¶", options: .backwards), let n = Int(s[r.upperBound...]) else { return nil }
      return (String(s[..<r.lowerBound]), n)
    }
    var out: [String] = []
    var run: (section: String, first: Int, last: Int)? = nil
    func flush() {
      guard let r = run else { return }
      out.append(r.first == r.last ? "\(r.section) ¶\(r.first)" : "\(r.section) ¶\(r.first)–¶\(r.last)")
      run = nil
    }
    for l in labels {
      if let (sec, n) = split(l) {
        if let r = run, r.section == sec, r.last + 1 == n {
          run?.last = n
          continue
        }
        flush()
        run = (sec, n, n)
      } else {
        flush()
        out.append(l)
      }
    }
    flush()
    return out
  }

  /// Where a finding is: the Finnish label, the Swedish one when only that exists, the
  /// counts or numbers that differ.
  static func place(_ f: ParallelFinding) -> String {
    let label = f.fi.label ?? f.sv.label ?? "–"
    switch f.kind {
    case .listItems:
      return "\(label) (\(f.fi.count ?? 0) / \(f.sv.count ?? 0))"
    case .numbers:
      let a = f.fi.only.isEmpty ? "–" : f.fi.only.joined(separator: "; ")
      let b = f.sv.only.isEmpty ? "–" : f.sv.only.joined(separator: "; ")
      return "\(label) (\(a) / \(b))"
    default:
      return label
    }
  }
}

extension Localization {
  var swedishTitle: String {
    switch language {
    case .fi: "Ruotsinkielisen version tilanne"
    case .sv: "Den svenska versionens status"
    case .en: "Status of the Swedish version"
    }
  }

  /// "Ruotsinkielinen versio (x.md) vastaa suomenkielistä versiota v2: …"
  func swedishInSync(_ r: ParallelReport) -> String {
    let s = r.pairedSections
    let b = r.pairedBlocks
    switch language {
    case .fi:
      return "Ruotsinkielinen versio (\(r.svPath)) vastaa suomenkielistä versiota \(r.revision): "
        + "\(s) \(s == 1 ? "luku" : "lukua") ja \(b) \(b == 1 ? "kappale" : "kappaletta") on verrattu, eikä eroja löytynyt."
    case .sv:
      return "Den svenska versionen (\(r.svPath)) motsvarar den finska versionen \(r.revision): "
        + "\(s) kapitel och \(b) \(b == 1 ? "stycke" : "stycken") har jämförts utan skillnader."
    case .en:
      return "The Swedish version (\(r.svPath)) matches the Finnish version \(r.revision): "
        + "\(s) \(s == 1 ? "section" : "sections") and \(b) \(b == 1 ? "paragraph" : "paragraphs") compared, no differences."
    }
  }

  /// "Ruotsinkielinen versio (x.md) ei ole ajan tasalla suomenkielisen version v3 kanssa. …"
  func swedishBehind(_ r: ParallelReport) -> String {
    let base = r.base.map { "\($0.name) (\($0.date))" }
    switch language {
    case .fi:
      return "Ruotsinkielinen versio (\(r.svPath)) ei ole ajan tasalla suomenkielisen version \(r.revision) kanssa."
        + (base.map { " Käännös vastaa rakenteeltaan suomenkielistä versiota \($0)." } ?? "")
        + " Kohdat on merkitty suomenkielisen version numeroinnilla."
    case .sv:
      return "Den svenska versionen (\(r.svPath)) är inte à jour med den finska versionen \(r.revision)."
        + (base.map { " Översättningen följer strukturen i den finska versionen \($0)." } ?? "")
        + " Punkterna anges enligt den finska versionens numrering."
    case .en:
      return "The Swedish version (\(r.svPath)) is not up to date with the Finnish version \(r.revision)."
        + (base.map { " Its structure follows the Finnish version \($0)." } ?? "")
        + " Places are given by the Finnish version's numbering."
    }
  }

  /// One kind of difference with its count: "Suomenkielinen teksti muuttunut käännöksen
  /// jälkeen (18 kappaletta)".
  func swedishKind(_ kind: ParallelFinding.Kind, _ found: [ParallelFinding]) -> String {
    let n = found.count
    // Sections (a finding with a block count) and paragraphs are counted apart.
    let sections = found.filter {
      $0.fi.count != nil && $0.kind != .listItems || $0.sv.count != nil && $0.kind == .onlySwedish
    }.count
    let blocks = n - sections
    func fiCount() -> String {
      var parts: [String] = []
      if sections > 0 { parts.append("\(sections) \(sections == 1 ? "luku" : "lukua")") }
      if blocks > 0 { parts.append("\(blocks) \(blocks == 1 ? "kappale" : "kappaletta")") }
      return join(parts)
    }
    func svCount() -> String {
      var parts: [String] = []
      if sections > 0 { parts.append("\(sections) kapitel") }
      if blocks > 0 { parts.append("\(blocks) \(blocks == 1 ? "stycke" : "stycken")") }
      return join(parts)
    }
    func enCount() -> String {
      var parts: [String] = []
      if sections > 0 { parts.append("\(sections) \(sections == 1 ? "section" : "sections")") }
      if blocks > 0 { parts.append("\(blocks) \(blocks == 1 ? "paragraph" : "paragraphs")") }
      return join(parts)
    }
    switch (language, kind) {
    case (.fi, .finnishChanged): return "Suomenkielinen teksti muuttunut käännöksen jälkeen (\(fiCount()))"
    case (.fi, .onlyFinnish): return "Vain suomenkielisessä versiossa (\(fiCount()))"
    case (.fi, .onlySwedish):
      return "Vain ruotsinkielisessä versiossa (\(fiCount()); ruotsinkielisen version numeroinnilla)"
    case (.fi, .listItems):
      return "Luettelon kohtien määrä eroaa (\(n) \(n == 1 ? "luku" : "lukua"); suomeksi / ruotsiksi)"
    case (.fi, .numbers):
      return "Numerot, päivämäärät tai rahamäärät eroavat (\(fiCount()); vain suomeksi / vain ruotsiksi)"
    case (.sv, .finnishChanged): return "Den finska texten ändrad efter översättningen (\(svCount()))"
    case (.sv, .onlyFinnish): return "Endast i den finska versionen (\(svCount()))"
    case (.sv, .onlySwedish):
      return "Endast i den svenska versionen (\(svCount()); enligt den svenska versionens numrering)"
    case (.sv, .listItems): return "Olika antal listpunkter (\(n) kapitel; på finska / på svenska)"
    case (.sv, .numbers):
      return "Siffror, datum eller belopp skiljer sig (\(svCount()); endast på finska / endast på svenska)"
    case (.en, .finnishChanged): return "Finnish text changed after the translation (\(enCount()))"
    case (.en, .onlyFinnish): return "Only in the Finnish version (\(enCount()))"
    case (.en, .onlySwedish): return "Only in the Swedish version (\(enCount()); by the Swedish version's numbering)"
    case (.en, .listItems):
      return "Different number of list items (\(n) \(n == 1 ? "section" : "sections"); Finnish / Swedish)"
    case (.en, .numbers): return "Numbers, dates or amounts differ (\(enCount()); only in Finnish / only in Swedish)"
    }
  }
}
