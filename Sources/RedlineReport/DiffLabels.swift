/// Every phrase of the diff outputs (terminal, Markdown, HTML), one exhaustive switch per
/// language: a phrase missing in one language does not compile.
package enum DiffPhrase: Sendable, Hashable {
  /// Terminal header: `Comparing {old} → {new}`.
  case comparing(String, String)
  /// Page title: `Changes in {path}`.
  case changesIn(String)
  case structure
  case metadata
  /// `title: “old” → “new”`; nil for a key added or removed.
  case metadataLine(key: String, old: String?, new: String?)
  case noChanges
  case budgetNote
  case beforeFirstHeading
  /// The summary line's parts.
  case sectionsHeading
  case noStructuralChange
  case sectionCount(Int, SectionEvent)
  case blockCount(Int, BlockEvent)
  case words(added: Int, deleted: Int)
  case cosmeticCount(Int)
  /// A section's own tag.
  case sectionStatus(ChangeStatusWord)
  case renamedFrom(String)
  case sectionMoved
  case was(String)
  /// Structure lines.
  case structureLine(StructureChange.Kind, old: String, new: String, related: String)
  /// Block marks.
  case blockAdded, blockDeleted, blockModified, blockCosmetic
  case movedFrom(String, edited: Bool)
  case movedWithin(String, edited: Bool)
  case mergedFrom([String])
  case splitInto(from: String, parts: [String])
  case cosmeticDetail(added: Bool, String)
  /// Pointers in the section a block left.
  case movedTo(String, String)
  case mergedInto(String, String)
  case partOf(String, of: String, shownUnder: String)
  /// "5 paragraphs moved to 3.2.1 and 3.2.2" for a section whose own text did not change.
  case movedOutSentence(Int, [String])
}

/// What happened to sections, for counts.
package enum SectionEvent: Sendable, Hashable { case renamed, moved, added, deleted, textChanged, changed }
/// What happened to blocks, for counts.
package enum BlockEvent: Sendable, Hashable { case added, deleted, modified, moved, merged, split }
/// A status as a word.
package enum ChangeStatusWord: Sendable, Hashable {
  case unchanged, modified, added, deleted
}

/// The diff outputs' phrases in one language (`--lang`; English when not given).
package struct DiffLabels: Sendable {
  package let language: Localization.Language

  package init(_ language: Localization.Language = .en) { self.language = language }

  /// The phrase in this language.
  package func callAsFunction(_ p: DiffPhrase) -> String {
    switch language {
    case .en: return Self.en(p)
    case .fi: return Self.fi(p)
    case .sv: return Self.sv(p)
    }
  }

  /// The value of the HTML `lang` attribute.
  package var htmlLang: String { language.rawValue }

  /// `a, b and c`.
  static func list(_ xs: [String], _ and: String) -> String {
    guard xs.count > 1 else { return xs.first ?? "" }
    return xs.dropLast().joined(separator: ", ") + " \(and) " + xs.last!
  }

  static func en(_ p: DiffPhrase) -> String {
    switch p {
    case .comparing(let a, let b): return "Comparing \(a) → \(b)"
    case .changesIn(let path): return "Changes in \(path)"
    case .structure: return "Structure"
    case .metadata: return "Metadata"
    case .metadataLine(let k, let o, let n):
      return "\(k): " + (o.map { "“\($0)”" } ?? "(none)") + " → " + (n.map { "“\($0)”" } ?? "(removed)")
    case .noChanges: return "No changes in the text."
    case .budgetNote:
      return "Note: the search budget ran out; some moves or edits may be shown as deletions and additions."
    case .beforeFirstHeading: return "(before the first heading)"
    case .sectionsHeading: return "Sections"
    case .noStructuralChange: return "no structural change"
    case .sectionCount(let n, let e):
      let w: String
      switch e {
      case .renamed: w = "renamed"
      case .moved: w = "moved"
      case .added: w = "added"
      case .deleted: w = "deleted"
      case .textChanged: w = "modified"
      case .changed: w = "changed"
      }
      return "\(n) \(w)"
    case .blockCount(let n, let e):
      let w: String
      switch e {
      case .added: w = "added"
      case .deleted: w = "deleted"
      case .modified: w = "changed"
      case .moved: w = "moved"
      case .merged: w = "merged"
      case .split: w = "split"
      }
      return "\(n) \(n == 1 ? "paragraph" : "paragraphs") \(w)"
    case .words(let a, let d): return "words +\(a) −\(d)"
    case .cosmeticCount(let n): return "\(n) cosmetic"
    case .sectionStatus(let s):
      switch s {
      case .unchanged: return "unchanged"
      case .modified: return "modified"
      case .added: return "added"
      case .deleted: return "deleted"
      }
    case .renamedFrom(let h): return "renamed from “\(h)”"
    case .sectionMoved: return "moved"
    case .was(let l): return "was \(l)"
    case .structureLine(let k, let o, let n, let r):
      switch k {
      case .added: return "added: \(n)"
      case .deleted: return "deleted: \(o)"
      case .renamed: return "renamed: \(o) → \(n)"
      case .moved: return "moved: \(o) → \(n)"
      case .renamedAndMoved: return "renamed and moved: \(o) → \(n)"
      case .renumbered: return "renumbered: \(o) → \(n)"
      case .split: return "split: \(n) (from \(r))"
      case .merged: return "merged: \(o) (into \(r))"
      }
    case .blockAdded: return "added"
    case .blockDeleted: return "deleted"
    case .blockModified: return "modified"
    case .blockCosmetic: return "cosmetic"
    case .movedFrom(let l, let e): return "moved from \(l)" + (e ? " and edited" : "")
    case .movedWithin(let l, let e): return "moved within the section from \(l)" + (e ? " and edited" : "")
    case .mergedFrom(let ls): return "merged from \(list(ls, "and"))"
    case .splitInto(let f, let ps): return "split from \(f) into \(list(ps, "and"))"
    case .cosmeticDetail(let added, let what): return (added ? "added " : "removed ") + what
    case .movedTo(let a, let b): return "\(a) moved to \(b)"
    case .mergedInto(let a, let b): return "\(a) merged into \(b)"
    case .partOf(let n, let a, let s): return "\(n): part of \(a), split (shown under \(s))"
    case .movedOutSentence(let n, let to):
      return "\(n) \(n == 1 ? "paragraph" : "paragraphs") moved to \(list(to, "and"))"
    }
  }

  static func fi(_ p: DiffPhrase) -> String {
    switch p {
    case .comparing(let a, let b): return "Verrataan \(a) → \(b)"
    case .changesIn(let path): return "Muutokset: \(path)"
    case .structure: return "Rakenne"
    case .metadata: return "Metatiedot"
    case .metadataLine(let k, let o, let n):
      return "\(k): " + (o.map { "”\($0)”" } ?? "(ei ollut)") + " → " + (n.map { "”\($0)”" } ?? "(poistettu)")
    case .noChanges: return "Tekstissä ei ole muutoksia."
    case .budgetNote:
      return "Huom.: hakuraja tuli vastaan; osa siirroista tai muutoksista voi näkyä poistoina ja lisäyksinä."
    case .beforeFirstHeading: return "(ennen ensimmäistä otsikkoa)"
    case .sectionsHeading: return "Luvut"
    case .noStructuralChange: return "rakenne ennallaan"
    case .sectionCount(let n, let e):
      let w: String
      switch e {
      case .renamed: w = "nimetty uudelleen"
      case .moved: w = "siirretty"
      case .added: w = "lisätty"
      case .deleted: w = "poistettu"
      case .textChanged: w = "muutettu"
      case .changed: return "\(n) \(n == 1 ? "luku" : "lukua") muuttui"
      }
      return "\(n) \(w)"
    case .blockCount(let n, let e):
      let w: String
      switch e {
      case .added: w = "lisätty"
      case .deleted: w = "poistettu"
      case .modified: w = "muutettu"
      case .moved: w = "siirretty"
      case .merged: w = "yhdistetty"
      case .split: w = "jaettu"
      }
      return "\(n) \(n == 1 ? "kappale" : "kappaletta") \(w)"
    case .words(let a, let d): return "sanoja +\(a) −\(d)"
    case .cosmeticCount(let n): return "\(n) näkymätöntä muutosta"
    case .sectionStatus(let s):
      switch s {
      case .unchanged: return "ennallaan"
      case .modified: return "muutettu"
      case .added: return "lisätty"
      case .deleted: return "poistettu"
      }
    case .renamedFrom(let h): return "otsikko muutettu, aiemmin ”\(h)”"
    case .sectionMoved: return "siirretty"
    case .was(let l): return "aiemmin \(l)"
    case .structureLine(let k, let o, let n, let r):
      switch k {
      case .added: return "lisätty: \(n)"
      case .deleted: return "poistettu: \(o)"
      case .renamed: return "otsikko muutettu: \(o) → \(n)"
      case .moved: return "siirretty: \(o) → \(n)"
      case .renamedAndMoved: return "otsikko muutettu ja siirretty: \(o) → \(n)"
      case .renumbered: return "numero muuttunut: \(o) → \(n)"
      case .split: return "jaettu: \(n) (luvusta \(r))"
      case .merged: return "yhdistetty: \(o) (lukuun \(r))"
      }
    case .blockAdded: return "lisätty"
    case .blockDeleted: return "poistettu"
    case .blockModified: return "muutettu"
    case .blockCosmetic: return "näkymätön muutos"
    case .movedFrom(let l, let e): return "siirretty kohdasta \(l)" + (e ? " ja muutettu" : "")
    case .movedWithin(let l, let e): return "siirretty luvun sisällä kohdasta \(l)" + (e ? " ja muutettu" : "")
    case .mergedFrom(let ls): return "yhdistetty kohdista \(list(ls, "ja"))"
    case .splitInto(let f, let ps): return "jaettu: \(f) → \(list(ps, "ja"))"
    case .cosmeticDetail(let added, let what): return (added ? "lisätty " : "poistettu ") + what
    case .movedTo(let a, let b): return "\(a) siirretty kohtaan \(b)"
    case .mergedInto(let a, let b): return "\(a) yhdistetty kohtaan \(b)"
    case .partOf(let n, let a, let s): return "\(n): osa kohdasta \(a), joka on jaettu (ks. \(s))"
    case .movedOutSentence(let n, let to):
      return
        "\(n) \(n == 1 ? "kappale" : "kappaletta") siirretty \(to.count == 1 ? "kohtaan" : "kohtiin") \(list(to, "ja"))"
    }
  }

  static func sv(_ p: DiffPhrase) -> String {
    switch p {
    case .comparing(let a, let b): return "Jämför \(a) → \(b)"
    case .changesIn(let path): return "Ändringar i \(path)"
    case .structure: return "Struktur"
    case .metadata: return "Metadata"
    case .metadataLine(let k, let o, let n):
      return "\(k): " + (o.map { "”\($0)”" } ?? "(fanns inte)") + " → " + (n.map { "”\($0)”" } ?? "(struken)")
    case .noChanges: return "Inga ändringar i texten."
    case .budgetNote:
      return "Obs: sökgränsen nåddes; vissa flyttningar eller ändringar kan visas som strykningar och tillägg."
    case .beforeFirstHeading: return "(före första rubriken)"
    case .sectionsHeading: return "Avsnitt"
    case .noStructuralChange: return "strukturen oförändrad"
    case .sectionCount(let n, let e):
      let w: String
      switch e {
      case .renamed: w = n == 1 ? "med ny rubrik" : "med nya rubriker"
      case .moved: w = n == 1 ? "flyttat" : "flyttade"
      case .added: w = n == 1 ? "tillagt" : "tillagda"
      case .deleted: w = n == 1 ? "struket" : "strukna"
      case .textChanged: w = n == 1 ? "ändrat" : "ändrade"
      case .changed: return "\(n) \(n == 1 ? "ändrat avsnitt" : "ändrade avsnitt")"
      }
      return "\(n) \(w)"
    case .blockCount(let n, let e):
      let w: String
      switch e {
      case .added: w = n == 1 ? "tillagt" : "tillagda"
      case .deleted: w = n == 1 ? "struket" : "strukna"
      case .modified: w = n == 1 ? "ändrat" : "ändrade"
      case .moved: w = n == 1 ? "flyttat" : "flyttade"
      case .merged: w = n == 1 ? "sammanslaget" : "sammanslagna"
      case .split: w = n == 1 ? "delat" : "delade"
      }
      return "\(n) \(w) \(n == 1 ? "stycke" : "stycken")"
    case .words(let a, let d): return "ord +\(a) −\(d)"
    case .cosmeticCount(let n): return "\(n) \(n == 1 ? "osynlig ändring" : "osynliga ändringar")"
    case .sectionStatus(let s):
      switch s {
      case .unchanged: return "oförändrad"
      case .modified: return "ändrad"
      case .added: return "tillagd"
      case .deleted: return "struken"
      }
    case .renamedFrom(let h): return "ny rubrik, tidigare ”\(h)”"
    case .sectionMoved: return "flyttad"
    case .was(let l): return "tidigare \(l)"
    case .structureLine(let k, let o, let n, let r):
      switch k {
      case .added: return "tillagd: \(n)"
      case .deleted: return "struken: \(o)"
      case .renamed: return "ny rubrik: \(o) → \(n)"
      case .moved: return "flyttad: \(o) → \(n)"
      case .renamedAndMoved: return "ny rubrik och flyttad: \(o) → \(n)"
      case .renumbered: return "omnumrerad: \(o) → \(n)"
      case .split: return "delad: \(n) (från \(r))"
      case .merged: return "sammanslagen: \(o) (med \(r))"
      }
    case .blockAdded: return "tillagd"
    case .blockDeleted: return "struken"
    case .blockModified: return "ändrad"
    case .blockCosmetic: return "osynlig ändring"
    case .movedFrom(let l, let e): return "flyttad från \(l)" + (e ? " och ändrad" : "")
    case .movedWithin(let l, let e): return "flyttad inom avsnittet från \(l)" + (e ? " och ändrad" : "")
    case .mergedFrom(let ls): return "sammanslagen av \(list(ls, "och"))"
    case .splitInto(let f, let ps): return "delad: \(f) → \(list(ps, "och"))"
    case .cosmeticDetail(let added, let what): return (added ? "tillagd " : "struken ") + what
    case .movedTo(let a, let b): return "\(a) flyttad till \(b)"
    case .mergedInto(let a, let b): return "\(a) sammanslagen med \(b)"
    case .partOf(let n, let a, let s): return "\(n): del av \(a), som delats (se \(s))"
    case .movedOutSentence(let n, let to):
      return "\(n) \(n == 1 ? "stycke flyttat" : "stycken flyttade") till \(list(to, "och"))"
    }
  }
}
