import Foundation
import RedlineDocument
import RedlineReport
import Testing

@testable import RedlineDiff

/// Issue 8, items 1–5: reorders, moves at both ends, merges and splits, containment, and
/// sections that only lost blocks.
@Suite struct BlockStructureTests {
  func diff(_ a: String, _ b: String, _ o: DiffOptions = DiffOptions()) -> DocumentDiff {
    let d = Differ.diff(md(a), md(b), options: o)
    checkInvariants(d)
    return d
  }

  static let p1 = "Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa ja niitä seurataan vuosittain."
  static let p2 = "Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille ratkaisevia."
  static let p3 = "Työvoiman saatavuus on monella alueella kasvun este, ja koulutusta on kohdennettava sen mukaan."
  static let p4 = "Vihreän siirtymän investoinnit kohdistuvat Pohjois- ja Länsi-Suomeen, kuten Lappiin ja Pohjanmaalle."
  static let p5 =
    "Itärajan sulkeminen on heikentänyt Etelä-Karjalan ja Pohjois-Karjalan yritysten toimintaedellytyksiä."

  func text(_ d: DocumentDiff, lang: Localization.Language = .en) -> String {
    DiffText.render(
      d, old: VersionRef(revision: "a.md", commit: nil, path: "a.md"),
      new: VersionRef(revision: "b.md", commit: nil, path: "b.md"),
      style: .plain, labels: DiffLabels(lang))
  }

  // Item 1.
  @Test func reorderInsideASectionIsAMove() {
    let d = diff(
      "## 3.3.2 Osio\n\n\(Self.p1)\n\n\(Self.p2)\n\n\(Self.p3)\n\n\(Self.p4)\n\n\(Self.p5)\n",
      "## 3.3.2 Osio\n\n\(Self.p5)\n\n\(Self.p1)\n\n\(Self.p2)\n\n\(Self.p3)\n\n\(Self.p4)\n")
    let blocks = d.sections.flatMap(\.blocks)
    let moved = blocks.filter { $0.status == .moved }
    #expect(moved.count == 1)
    #expect(moved.first?.withinSection == true)
    #expect(moved.first.map { d.old.blocks[$0.old!].label } == "§3.3.2 ¶5")
    #expect(moved.first.map { d.new.blocks[$0.new!].label } == "§3.3.2 ¶1")
    #expect(!d.isUnchanged)
    #expect(d.summary.blocks[.moved] == 1)
    #expect(text(d).contains("§3.3.2 ¶1  moved within the section from §3.3.2 ¶5"))
    let json = String(
      decoding: DiffJSON.render(
        d, old: VersionRef(revision: "a", commit: nil, path: "a"),
        new: VersionRef(revision: "b", commit: nil, path: "b")), as: UTF8.self)
    #expect(json.contains("\"move\": \"within_section\""))
  }

  @Test func swappedListItemsAreAMove() {
    let d = diff(
      "## 5 Edellytykset\n\n- alueiden saavutettavuus ja liikenne\n- työvoiman saatavuus ja osaaminen\n",
      "## 5 Edellytykset\n\n- työvoiman saatavuus ja osaaminen\n- alueiden saavutettavuus ja liikenne\n")
    #expect(d.sections.flatMap(\.blocks).filter { $0.status == .moved && $0.withinSection }.count == 1)
    #expect(!d.isUnchanged)
  }

  // Item 2.
  @Test func aMoveIsShownAtBothEnds() {
    let d = diff(
      "## 1 Elinvoima\n\n\(Self.p1)\n\n\(Self.p5)\n\n## 2 Itä-Suomi\n\n\(Self.p2)\n",
      "## 1 Elinvoima\n\n\(Self.p1)\n\n## 2 Itä-Suomi\n\n\(Self.p2)\n\n\(Self.p5)\n")
    let left = d.sections.first { $0.new.map { d.new.sections[$0].number } == "1" }!
    #expect(left.pointers == [BlockPointer(kind: .movedOut, old: 1, new: 2)])
    #expect(BlockCounts(left, old: d.old, new: d.new).movedOut == 1)
    #expect(left.status == .modified)
    let out = text(d)
    #expect(out.contains("§1 ¶2 moved to §2 ¶2"))
    #expect(out.contains("§2 ¶2  moved from §1 ¶2"))
    #expect(text(d, lang: .fi).contains("§1 ¶2 siirretty kohtaan §2 ¶2"))
  }

  // Item 3: list items merged into a paragraph (the sample drafts' §1.1).
  @Test func listItemsMergedIntoAParagraph() {
    let d = diff(
      "## 1.1 Tarkoitus\n\n\(Self.p1)\n\n- Päätös on voimassa hallituskauden 2024–2027.\n- Päätös ohjaa ministeriöiden alueellisesti merkittäviä toimia.\n- Päätös on lähtökohta valtion ja maakuntien välisille aluekehittämiskeskusteluille.\n- Maakuntaohjelmat ja päätös tukevat toisiaan.\n",
      "## 1.1 Tarkoitus\n\n\(Self.p1)\n\nPäätös on voimassa hallituskauden 2024–2027. Se ohjaa ministeriöiden alueellisesti merkittäviä toimia ja on lähtökohta valtion ja maakuntien välisille aluekehittämiskeskusteluille. Maakuntaohjelmat ja aluekehittämispäätös tukevat toisiaan.\n"
    )
    let blocks = d.sections.flatMap(\.blocks)
    #expect(blocks.filter { $0.status == .deleted || $0.status == .added }.isEmpty)
    let m = blocks.first { $0.status == .merged }
    #expect(m?.sources.count == 4)
    #expect(m?.segments?.contains(Segment(.insert, "Se")) == true)
    #expect(d.summary.blocks[.merged] == 1)
    #expect(text(d).contains("merged from §1.1 ¶2, §1.1 ¶3, §1.1 ¶4 and §1.1 ¶5"))
    // Each source knows where its words are in the merged paragraph.
    let third = d.newRange(holding: m!.sources[2], utf8Range: 0..<10)
    let merged = d.new.blocks[m!.new!].text
    #expect(
      third.map { String(decoding: Array(merged.utf8)[$0.range], as: UTF8.self) }?.contains("lähtökohta valtion")
        == true)
  }

  @Test func twoParagraphsMerged() {
    let d = diff(
      "## 2 Väestö\n\n\(Self.p1)\n\n\(Self.p3)\n\n\(Self.p4)\n",
      "## 2 Väestö\n\n\(Self.p1)\n\n\(Self.p3.dropLast()), ja \(Self.p4.prefix(1).lowercased() + Self.p4.dropFirst())\n"
    )
    let m = d.sections.flatMap(\.blocks).first { $0.status == .merged }
    #expect(m.map { $0.sources.map { d.old.blocks[$0].label } } == ["§2 ¶2", "§2 ¶3"])
  }

  // Item 3: a split whose larger half went elsewhere; a quote of the first sentence follows the first sentence.
  @Test func splitFollowsThePartHoldingTheWords() {
    let first = "Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa."
    let rest =
      "Rahoitus kohdennetaan painopisteiden mukaan, ja toimenpiteiden vaikutuksia seurataan vuosittain sovittujen indikaattorien avulla. Seurannan tulokset käsitellään neuvottelukunnassa ja julkaistaan avoimesti kaikkien saataville."
    let d = diff(
      "## 1 Johdanto\n\n\(Self.p2)\n\n\(first) \(rest)\n\n## 2 Seuranta\n\n\(Self.p3)\n",
      "## 1 Johdanto\n\n\(Self.p2)\n\n\(first)\n\n## 2 Seuranta\n\n\(Self.p3)\n\n\(rest)\n")
    let s = d.sections.flatMap(\.blocks).first { $0.status == .split }
    #expect(s != nil)
    #expect(s.map { $0.parts.map { d.new.blocks[$0].label } } == ["§1 ¶2", "§2 ¶2"])
    let k = s!.old!
    let quoted = 0..<first.utf8.count
    #expect(d.newBlock(holding: k, utf8Range: quoted).map { d.new.blocks[$0].label } == "§1 ¶2")
    let tail = (first.utf8.count + 1)..<(first.utf8.count + 30)
    #expect(d.newBlock(holding: k, utf8Range: tail).map { d.new.blocks[$0].label } == "§2 ¶2")
    // The part in §2 points back to the split.
    let second = d.sections.first { $0.new.map { d.new.sections[$0].number } == "2" }!
    #expect(second.pointers.map(\.kind) == [.splitPart])
    #expect(text(d).contains("§2 ¶2: part of §1 ¶2, split (shown under §1)"))
    #expect(text(d).contains("── §2 2 Seuranta  (modified); ⊘1\n"), "never an empty count")
    #expect(d.blockMapping[k]?.status == .split)
    // Shown part by part: each part's own text under its label.
    #expect(text(d).contains("      §1 ¶2: \(first)\n      §2 ¶2: \(rest)\n"))
  }

  @Test func splitPartsReplayTheirOwnText() {
    var g = DraftGenerator(seed: 11)
    for _ in 0..<200 {
      let parts = (0..<Int.random(in: 2...4, using: &g.rng)).map { _ in g.paragraph() }
      let old =
        Bool.random(using: &g.rng) ? g.paragraph() + " " + parts.joined(separator: " ") : parts.joined(separator: "  ")
      let segs = WordDiff.diff(old, parts.joined(separator: " "))
      let cut = DiffView.cutAtNewOffsets(segs, parts.map(\.utf8.count))
      #expect(cut.map { $0.newText } == parts)
      let deleted = { (xs: [Segment]) in xs.filter { $0.op == .delete }.map(\.text).joined() }
      #expect(deleted(cut.flatMap { $0 }) == deleted(segs), "no deletion is lost")
    }
  }

  // Seen on a real standards draft: a new sentence that repeats an old one's phrasing is
  // not a part of it, and a deleted copy of a kept sentence is not a merge source.
  @Test func repeatedPhrasingIsNotASplitOrMerge() {
    let d = diff(
      "## 8.2 Presentation\n\n- Send the SD-JWT for presentation to the Verifier.\n- Check the nonce before anything else is done.\n",
      "## 8.2 Presentation\n\n- Send the SD-JWT to the Verifier.\n- Check the nonce before anything else is done.\n- Send the SD-JWT+KB to the Verifier.\n"
    )
    #expect(!d.sections.flatMap(\.blocks).contains { $0.status == .split })
    let same = "After the validation, the Verifier will have the following data for further processing:"
    let e = diff(
      "## A.2 Example\n\n\(Self.p1)\n\n\(same)\n\n## A.4 Other\n\n\(Self.p2)\n\n\(same)\n",
      "## A.2 Example\n\n\(Self.p1)\n\n## A.4 Other\n\n\(Self.p2)\n\n\(same.dropLast()) and for handing over to the application:\n"
    )
    #expect(!e.sections.flatMap(\.blocks).contains { $0.status == .merged })
  }

  // Item 4.
  @Test func anItemThatGainsAClauseIsModified() {
    let d = diff(
      "## 4.1 Kokonaisturvallisuus\n\n- Vahvistetaan alueellista varautumisyhteistyötä.\n- Turvataan huoltovarmuus kaikilla alueilla.\n- Kehitetään rajaseutujen elinvoimaa.\n",
      "## 4.1 Kokonaisturvallisuus\n\n- Vahvistetaan alueellista varautumisyhteistyötä maakuntien liittojen, hyvinvointialueiden ja ELY-keskusten kesken.\n- Turvataan huoltovarmuus kaikilla alueilla.\n- Kehitetään rajaseutujen elinvoimaa.\n"
    )
    let b = d.sections.flatMap(\.blocks)
    #expect(b.map(\.status) == [.modified, .unchanged, .unchanged])
    #expect(b.first?.segments?.contains { $0.op == .insert && $0.text.contains("maakuntien liittojen") } == true)
  }

  /// A two-word item that gains a clause is modified too (found in the final review), but two
  /// common words somewhere inside another paragraph are not evidence.
  @Test func aTwoWordItemThatGainsAClauseIsModified() {
    let d = diff(
      "## 5 Saavutettavuus\n\n- Kehitetään satamia.\n- Parannetaan raideliikennettä kaikkialla Suomessa.\n",
      "## 5 Saavutettavuus\n\n- Kehitetään satamia ja lentokenttiä sekä niiden välisiä yhteyksiä koko maassa.\n- Parannetaan raideliikennettä kaikkialla Suomessa.\n"
    )
    #expect(d.sections.flatMap(\.blocks).map(\.status) == [.modified, .unchanged])
    let e = diff(
      "## 5 Saavutettavuus\n\n- Kehitetään satamia.\n",
      "## 5 Saavutettavuus\n\n- Rautateitä sähköistetään, ja samalla kehitetään satamia rannikolla.\n"
    )
    #expect(e.sections.flatMap(\.blocks).map(\.status).sorted { $0.rawValue < $1.rawValue } == [.added, .deleted])
  }

  // Item 5.
  @Test func aSectionThatOnlyLostBlocksSaysWhereTheyWent() {
    let d = diff(
      "## 3.2 Hyvinvointi\n\n\(Self.p1)\n\n\(Self.p2)\n\n\(Self.p3)\n\n\(Self.p4)\n",
      "## 3.2 Hyvinvointi\n\n\(Self.p1)\n\n### 3.2.1 Palvelut\n\n\(Self.p2)\n\n\(Self.p3)\n\n### 3.2.2 Yhteisöt\n\n\(Self.p4)\n"
    )
    let out = text(d)
    #expect(out.contains("3 paragraphs moved to 3.2.1 and 3.2.2"))
    #expect(!out.contains("(modified); +0"))
    #expect(out.contains("(modified); 3 paragraphs moved"))
    #expect(text(d, lang: .fi).contains("3 kappaletta siirretty kohtiin 3.2.1 ja 3.2.2"))
    #expect(text(d, lang: .sv).contains("3 stycken flyttade till 3.2.1 och 3.2.2"))
    // The counts of every writer come from one Summary: sections changed = sections shown.
    #expect(d.summary.sectionsChanged == d.sections.filter { !$0.isUnchanged }.count)
    #expect(out.contains("Sections: \(d.summary.sectionsChanged) changed"))
  }

  // Item 5 on generated pairs: every changed section says what changed (no empty counts).
  @Test func noChangedSectionHasEmptyCounts() {
    for seed in 0..<120 {
      var g = DraftGenerator(seed: UInt64(5000 + seed))
      let a = g.model()
      let b = g.edit(a)
      let d = Differ.diff(md(a.markdown()), md(b.markdown()))
      let v = DiffView(
        d, old: VersionRef(revision: "a", commit: nil, path: "a"),
        new: VersionRef(revision: "b", commit: nil, path: "b"), labels: DiffLabels())
      for s in v.sections where s.tags.first == "modified" {
        #expect(!s.counts.isEmpty, "seed \(5000 + seed) \(s.label)")
      }
    }
  }

  // Invariants on generated merges and splits.
  @Test func mergesAndSplitsKeepTheInvariants() {
    var g = DraftGenerator(seed: 7)
    var found = 0
    var tried = 0
    for round in 0..<150 {
      let paras = (0..<6).map { _ in g.paragraph() }
      let old = "## 1 A\n\n" + paras.joined(separator: "\n\n") + "\n"
      var newParas = paras
      let k = round % 5
      if round % 2 == 0 {
        newParas[k] = paras[k] + " " + paras[k + 1]
        newParas.remove(at: k + 1)
      } else {
        let words = paras[k].split(separator: " ")
        guard words.count > 6 else { continue }
        newParas[k] = words[..<(words.count / 2)].joined(separator: " ")
        newParas.insert(words[(words.count / 2)...].joined(separator: " "), at: k + 1)
      }
      let d = Differ.diff(md(old), md("## 1 A\n\n" + newParas.joined(separator: "\n\n") + "\n"))
      checkInvariants(d, "round \(round)")
      if d.sections.flatMap(\.blocks).contains(where: { $0.status == (round % 2 == 0 ? .merged : .split) }) {
        found += 1
      }
      tried += 1
    }
    // Most generated joins and divisions are recognized as such (short random sentences
    // sometimes read better as an edit).
    #expect(found * 10 >= tried * 7, "\(found) of \(tried)")
  }

  // Issue 10 item 13: the word diff's cost cap is reported and degrades to a good-enough split.
  @Test func wordDiffCapIsReportedAndStillMatchesWords() {
    var g = DraftGenerator(seed: 3)
    let a = (0..<40).map { _ in g.paragraph() }.joined(separator: " ")
    var words = a.split(separator: " ").map(String.init)
    for i in stride(from: 0, to: words.count, by: 3) { words[i] = "x\(i)" }
    let b = words.joined(separator: " ")
    let (segs, capped) = WordDiff.diffReportingCap(a, b, maxCost: 10)
    #expect(capped)
    #expect(segs.oldText == a && segs.newText == b)
    #expect(segs.contains { $0.op == .equal && $0.text.count > 3 }, "anchors keep shared words")
    var o = DiffOptions()
    o.wordDiffMaxCost = 10
    let d = diff("## 1 A\n\n\(a)\n", "## 1 A\n\n\(b)\n", o)
    #expect(d.budgetExhausted)
  }
}
