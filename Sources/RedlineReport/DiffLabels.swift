/// Every phrase of the diff outputs (terminal, Markdown, HTML), written once with its three
/// languages side by side (`DiffLabels.text`): a phrase missing in one language does not compile.
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
  package func callAsFunction(_ p: DiffPhrase) -> String { Self.text(p, language) }

  /// The value of the HTML `lang` attribute.
  package var htmlLang: String { language.rawValue }

  /// Every phrase with its Finnish, Swedish and English side by side, so a translator
  /// reads the three together; `DiffPhrase` stays exhaustive, so a new phrase does not
  /// compile until it has all three.
  static func text(_ p: DiffPhrase, _ l: Localization.Language) -> String {
    switch p {
    case .comparing(let a, let b):
      l.pick(fi: "Verrataan \(a) → \(b)", sv: "Jämför \(a) → \(b)", en: "Comparing \(a) → \(b)")
    case .changesIn(let path): l.pick(fi: "Muutokset: \(path)", sv: "Ändringar i \(path)", en: "Changes in \(path)")
    case .structure: l.pick(fi: "Rakenne", sv: "Struktur", en: "Structure")
    case .metadata: l.pick(fi: "Metatiedot", sv: "Metadata", en: "Metadata")
    case .metadataLine(let k, let o, let n):
      l.pick(
        fi: "\(k): " + (o.map { "”\($0)”" } ?? "(ei ollut)") + " → " + (n.map { "”\($0)”" } ?? "(poistettu)"),
        sv: "\(k): " + (o.map { "”\($0)”" } ?? "(fanns inte)") + " → " + (n.map { "”\($0)”" } ?? "(struken)"),
        en: "\(k): " + (o.map { "“\($0)”" } ?? "(none)") + " → " + (n.map { "“\($0)”" } ?? "(removed)"))
    case .noChanges:
      l.pick(fi: "Tekstissä ei ole muutoksia.", sv: "Inga ändringar i texten.", en: "No changes in the text.")
    case .budgetNote:
      l.pick(
        fi: "Huom.: hakuraja tuli vastaan; osa siirroista tai muutoksista voi näkyä poistoina ja lisäyksinä.",
        sv: "Obs: sökgränsen nåddes; vissa flyttningar eller ändringar kan visas som strykningar och tillägg.",
        en: "Note: the search budget ran out; some moves or edits may be shown as deletions and additions.")
    case .beforeFirstHeading:
      l.pick(fi: "(ennen ensimmäistä otsikkoa)", sv: "(före första rubriken)", en: "(before the first heading)")
    case .sectionsHeading: l.pick(fi: "Luvut", sv: "Avsnitt", en: "Sections")
    case .noStructuralChange: l.pick(fi: "rakenne ennallaan", sv: "strukturen oförändrad", en: "no structural change")
    case .sectionCount(let n, let e): sectionCount(n, e, l)
    case .blockCount(let n, let e):
      l.pick(
        fi: Localization.counted(n, "kappale", "kappaletta") + " " + blockEvent(e, n, .fi),
        sv: "\(n) \(blockEvent(e, n, .sv)) \(n == 1 ? "stycke" : "stycken")",
        en: Localization.counted(n, "paragraph", "paragraphs") + " " + blockEvent(e, n, .en))
    case .words(let a, let d): l.pick(fi: "sanoja +\(a) −\(d)", sv: "ord +\(a) −\(d)", en: "words +\(a) −\(d)")
    case .cosmeticCount(let n):
      l.pick(
        fi: "\(n) näkymätöntä muutosta", sv: Localization.counted(n, "osynlig ändring", "osynliga ändringar"),
        en: "\(n) cosmetic")
    case .sectionStatus(let s): statusWord(s, l)
    case .renamedFrom(let h):
      l.pick(fi: "otsikko muutettu, aiemmin ”\(h)”", sv: "ny rubrik, tidigare ”\(h)”", en: "renamed from “\(h)”")
    case .sectionMoved: l.pick(fi: "siirretty", sv: "flyttad", en: "moved")
    case .was(let label): l.pick(fi: "aiemmin \(label)", sv: "tidigare \(label)", en: "was \(label)")
    case .structureLine(let k, let o, let n, let r): structureLine(k, old: o, new: n, related: r, l)
    case .blockAdded: statusWord(.added, l)
    case .blockDeleted: statusWord(.deleted, l)
    case .blockModified: statusWord(.modified, l)
    case .blockCosmetic: l.pick(fi: "näkymätön muutos", sv: "osynlig ändring", en: "cosmetic")
    case .movedFrom(let from, edited: false):
      l.pick(fi: "siirretty kohdasta \(from)", sv: "flyttad från \(from)", en: "moved from \(from)")
    case .movedFrom(let from, edited: true):
      l.pick(
        fi: "siirretty kohdasta \(from) ja muutettu", sv: "flyttad från \(from) och ändrad",
        en: "moved from \(from) and edited")
    case .movedWithin(let from, edited: false):
      l.pick(
        fi: "siirretty luvun sisällä kohdasta \(from)", sv: "flyttad inom avsnittet från \(from)",
        en: "moved within the section from \(from)")
    case .movedWithin(let from, edited: true):
      l.pick(
        fi: "siirretty luvun sisällä kohdasta \(from) ja muutettu",
        sv: "flyttad inom avsnittet från \(from) och ändrad", en: "moved within the section from \(from) and edited")
    case .mergedFrom(let ls):
      l.pick(
        fi: "yhdistetty kohdista \(list(ls, l))", sv: "sammanslagen av \(list(ls, l))", en: "merged from \(list(ls, l))"
      )
    case .splitInto(let f, let ps):
      l.pick(
        fi: "jaettu: \(f) → \(list(ps, l))", sv: "delad: \(f) → \(list(ps, l))",
        en: "split from \(f) into \(list(ps, l))")
    case .cosmeticDetail(added: true, let what):
      l.pick(fi: "lisätty \(what)", sv: "tillagd \(what)", en: "added \(what)")
    case .cosmeticDetail(added: false, let what):
      l.pick(fi: "poistettu \(what)", sv: "struken \(what)", en: "removed \(what)")
    case .movedTo(let a, let b):
      l.pick(fi: "\(a) siirretty kohtaan \(b)", sv: "\(a) flyttad till \(b)", en: "\(a) moved to \(b)")
    case .mergedInto(let a, let b):
      l.pick(fi: "\(a) yhdistetty kohtaan \(b)", sv: "\(a) sammanslagen med \(b)", en: "\(a) merged into \(b)")
    case .partOf(let n, let a, let s):
      l.pick(
        fi: "\(n): osa kohdasta \(a), joka on jaettu (ks. \(s))", sv: "\(n): del av \(a), som delats (se \(s))",
        en: "\(n): part of \(a), split (shown under \(s))")
    case .movedOutSentence(let n, let to):
      l.pick(
        fi:
          "\(Localization.counted(n, "kappale", "kappaletta")) siirretty \(to.count == 1 ? "kohtaan" : "kohtiin") \(list(to, l))",
        sv: "\(Localization.counted(n, "stycke flyttat", "stycken flyttade")) till \(list(to, l))",
        en: "\(Localization.counted(n, "paragraph", "paragraphs")) moved to \(list(to, l))")
    }
  }

  /// `a, b and c` with the language's word for "and".
  static func list(_ xs: [String], _ l: Localization.Language) -> String { Localization(l).join(xs) }

  /// A section's or block's status: `lisätty`, `tillagd`, `added`.
  static func statusWord(_ s: ChangeStatusWord, _ l: Localization.Language) -> String {
    switch s {
    case .unchanged: l.pick(fi: "ennallaan", sv: "oförändrad", en: "unchanged")
    case .modified: l.pick(fi: "muutettu", sv: "ändrad", en: "modified")
    case .added: l.pick(fi: "lisätty", sv: "tillagd", en: "added")
    case .deleted: l.pick(fi: "poistettu", sv: "struken", en: "deleted")
    }
  }

  /// A count of sections and what happened to them (Swedish agrees in number).
  static func sectionCount(_ n: Int, _ e: SectionEvent, _ l: Localization.Language) -> String {
    let one = n == 1
    return switch e {
    case .renamed:
      "\(n) " + l.pick(fi: "nimetty uudelleen", sv: one ? "med ny rubrik" : "med nya rubriker", en: "renamed")
    case .moved: "\(n) " + l.pick(fi: "siirretty", sv: one ? "flyttat" : "flyttade", en: "moved")
    case .added: "\(n) " + l.pick(fi: "lisätty", sv: one ? "tillagt" : "tillagda", en: "added")
    case .deleted: "\(n) " + l.pick(fi: "poistettu", sv: one ? "struket" : "strukna", en: "deleted")
    case .textChanged: "\(n) " + l.pick(fi: "muutettu", sv: one ? "ändrat" : "ändrade", en: "modified")
    case .changed:
      l.pick(
        fi: Localization.counted(n, "luku", "lukua") + " muuttui",
        sv: Localization.counted(n, "ändrat avsnitt", "ändrade avsnitt"), en: "\(n) changed")
    }
  }

  /// What happened to paragraphs, after their count (Swedish agrees in number).
  static func blockEvent(_ e: BlockEvent, _ n: Int, _ l: Localization.Language) -> String {
    let one = n == 1
    return switch e {
    case .added: l.pick(fi: "lisätty", sv: one ? "tillagt" : "tillagda", en: "added")
    case .deleted: l.pick(fi: "poistettu", sv: one ? "struket" : "strukna", en: "deleted")
    case .modified: l.pick(fi: "muutettu", sv: one ? "ändrat" : "ändrade", en: "changed")
    case .moved: l.pick(fi: "siirretty", sv: one ? "flyttat" : "flyttade", en: "moved")
    case .merged: l.pick(fi: "yhdistetty", sv: one ? "sammanslaget" : "sammanslagna", en: "merged")
    case .split: l.pick(fi: "jaettu", sv: one ? "delat" : "delade", en: "split")
    }
  }

  /// One line of the structure list.
  static func structureLine(
    _ k: StructureChange.Kind, old o: String, new n: String, related r: String, _ l: Localization.Language
  ) -> String {
    switch k {
    case .added: l.pick(fi: "lisätty: \(n)", sv: "tillagd: \(n)", en: "added: \(n)")
    case .deleted: l.pick(fi: "poistettu: \(o)", sv: "struken: \(o)", en: "deleted: \(o)")
    case .renamed: l.pick(fi: "otsikko muutettu: \(o) → \(n)", sv: "ny rubrik: \(o) → \(n)", en: "renamed: \(o) → \(n)")
    case .moved: l.pick(fi: "siirretty: \(o) → \(n)", sv: "flyttad: \(o) → \(n)", en: "moved: \(o) → \(n)")
    case .renamedAndMoved:
      l.pick(
        fi: "otsikko muutettu ja siirretty: \(o) → \(n)", sv: "ny rubrik och flyttad: \(o) → \(n)",
        en: "renamed and moved: \(o) → \(n)")
    case .renumbered:
      l.pick(fi: "numero muuttunut: \(o) → \(n)", sv: "omnumrerad: \(o) → \(n)", en: "renumbered: \(o) → \(n)")
    case .split: l.pick(fi: "jaettu: \(n) (luvusta \(r))", sv: "delad: \(n) (från \(r))", en: "split: \(n) (from \(r))")
    case .merged:
      l.pick(fi: "yhdistetty: \(o) (lukuun \(r))", sv: "sammanslagen: \(o) (med \(r))", en: "merged: \(o) (into \(r))")
    }
  }
}
