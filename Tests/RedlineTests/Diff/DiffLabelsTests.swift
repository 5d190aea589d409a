import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReport
import Testing

/// Issue 11 item 1 for the diff outputs: every label in the reader's language.
@Suite struct DiffLabelsTests {
  /// A pair with every kind of change: added, deleted, modified, moved (between and within
  /// sections), merged, split, renamed, front matter, cosmetic.
  static let old = """
    ---
    title: Päätös
    versio: 1
    ---

    ## 1 Johdanto

    Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa ja niitä seurataan vuosittain.

    Itärajan sulkeminen on heikentänyt Etelä-Karjalan ja Pohjois-Karjalan yritysten toimintaedellytyksiä.

    - Päätös on voimassa hallituskauden 2024–2027.
    - Päätös ohjaa ministeriöiden alueellisesti merkittäviä toimia.
    - Maakuntaohjelmat ja päätös tukevat toisiaan.

    Tämä kappale poistetaan kokonaan uudesta versiosta.

    ## 2 Seuranta

    Seurantaa tehdään vuosittain sovittujen indikaattorien avulla. Tulokset käsitellään neuvottelukunnassa ja julkaistaan avoimesti verkossa.

    Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille ratkaisevia.

    Työvoiman saatavuus on monella alueella kasvun este, ja koulutusta on kohdennettava sen mukaan.

    """
  static let new = """
    ---
    title: Päätös
    versio: 2
    ---

    ## 1 Johdanto ja tausta

    Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa ja niitä seurataan kahdesti vuodessa.

    Päätös on voimassa hallituskauden 2024–2027. Se ohjaa ministeriöiden alueellisesti merkittäviä toimia. Maakuntaohjelmat ja päätös tukevat toisiaan.

    Uusi kappale lisätään tähän kohtaan.

    ## 2 Seuranta

    Seurantaa tehdään vuosittain sovittujen indikaattorien avulla.

    Tulokset käsitellään neuvottelukunnassa ja julkaistaan avoimesti verkossa.

    Työvoiman saatavuus on monella alueella kasvun este, ja koulutusta on kohdennettava sen mukaan.

    Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille ratkaisevia.

    Itärajan sulkeminen on heikentänyt Etelä-Karjalan ja Pohjois-Karjalan yritysten toimintaedellytyksiä.

    """

  func every() -> DocumentDiff {
    let d = Differ.diff(md(Self.old), md(Self.new))
    checkInvariants(d)
    return d
  }

  @Test func thePairHasEveryKind() {
    let statuses = Set(every().sections.flatMap(\.blocks).map(\.status))
    #expect(statuses.isSuperset(of: [.added, .deleted, .modified, .moved, .merged, .split]))
  }

  /// Words of the English labels; none may appear in a Swedish or Finnish page.
  static let englishWords = [
    "Changes", "Comparing", "Structure", "Sections", "paragraph", "added", "deleted", "modified", "moved", "merged",
    "split", "renamed", "words", "Metadata", "from", "into", "within", "changed", "before the first",
  ]

  @Test(arguments: [Localization.Language.sv, .fi])
  func htmlHasNoEnglishLabel(_ lang: Localization.Language) {
    let d = every()
    let html = DiffHTML.render(
      d, old: VersionRef(revision: "v1", commit: nil, path: "doc.md"),
      new: VersionRef(revision: "v2", commit: nil, path: "doc.md"),
      labels: DiffLabels(lang))
    #expect(html.contains("<html lang=\"\(lang.rawValue)\">"))
    // Only the page's own labels: strip the document's text (in <div class="text">) and the CSS.
    var labels = html
    if let a = labels.range(of: "<style>"), let b = labels.range(of: "</style>") {
      labels.removeSubrange(a.lowerBound..<b.upperBound)
    }
    while let a = labels.range(of: "<div class=\"text\""),
      let b = labels.range(of: "</div>", range: a.upperBound..<labels.endIndex)
    {
      labels.removeSubrange(a.lowerBound..<b.upperBound)
    }
    // Tags and attributes (`class="block added"`) are not labels a reader sees.
    while let a = labels.range(of: "<"), let b = labels.range(of: ">", range: a.upperBound..<labels.endIndex) {
      labels.replaceSubrange(a.lowerBound..<b.upperBound, with: " ")
    }
    // "Metadata" is Swedish too.
    for w in Self.englishWords where !(lang == .sv && w == "Metadata") {
      #expect(!labels.contains(w), "\(lang.rawValue) page has English “\(w)”")
    }
  }

  @Test func finnishTextIsMarkedOnASwedishPage() {
    let d = every()
    let o = VersionRef(revision: "v1", commit: nil, path: "doc.md")
    let n = VersionRef(revision: "v2", commit: nil, path: "doc.md")
    let sv = DiffHTML.render(d, old: o, new: n, labels: DiffLabels(.sv), textLanguage: "fi")
    #expect(sv.contains("<div class=\"text\" lang=\"fi\">"))
    let fi = DiffHTML.render(d, old: o, new: n, labels: DiffLabels(.fi), textLanguage: "fi")
    #expect(!fi.contains("class=\"text\" lang="), "the page is Finnish already")
  }

  @Test func countSentencesAgreeInNumber() {
    let fi = DiffLabels(.fi)
    let sv = DiffLabels(.sv)
    let en = DiffLabels(.en)
    #expect(fi(.blockCount(0, .modified)) == "0 kappaletta muutettu")
    #expect(fi(.blockCount(1, .modified)) == "1 kappale muutettu")
    #expect(fi(.blockCount(2, .modified)) == "2 kappaletta muutettu")
    #expect(sv(.blockCount(0, .modified)) == "0 ändrade stycken")
    #expect(sv(.blockCount(1, .modified)) == "1 ändrat stycke")
    #expect(sv(.blockCount(2, .modified)) == "2 ändrade stycken")
    #expect(sv(.blockCount(1, .deleted)) == "1 struket stycke")
    #expect(sv(.blockCount(2, .merged)) == "2 sammanslagna stycken")
    #expect(en(.blockCount(1, .split)) == "1 paragraph split")
    #expect(en(.blockCount(2, .split)) == "2 paragraphs split")
    #expect(fi(.movedOutSentence(1, ["3.2.1"])) == "1 kappale siirretty kohtaan 3.2.1")
    #expect(fi(.movedOutSentence(5, ["3.2.1", "3.2.2"])) == "5 kappaletta siirretty kohtiin 3.2.1 ja 3.2.2")
    #expect(sv(.movedOutSentence(1, ["3.2.1"])) == "1 stycke flyttat till 3.2.1")
    #expect(sv(.movedOutSentence(2, ["3.2.1", "3.2.2"])) == "2 stycken flyttade till 3.2.1 och 3.2.2")
    #expect(fi(.sectionCount(1, .changed)) == "1 luku muuttui")
    #expect(fi(.sectionCount(31, .changed)) == "31 lukua muuttui")
  }

  /// Issue 8 item 14: `diff --files a b` names each file once.
  @Test func filesAreNamedOnce() {
    let d = every()
    let out = DiffText.render(
      d, old: VersionRef(revision: "a.md", commit: nil, path: "a.md"),
      new: VersionRef(revision: "b.md", commit: nil, path: "b.md"),
      style: .plain)
    #expect(out.hasPrefix("Comparing a.md → b.md\n"))
    let git = DiffText.render(
      d, old: VersionRef(revision: "v1", commit: String(repeating: "a", count: 40), path: "doc.md"),
      new: VersionRef(revision: "v2", commit: String(repeating: "b", count: 40), path: "doc.md"), style: .plain)
    #expect(git.hasPrefix("Comparing doc.md v1 (aaaaaaa) → v2 (bbbbbbb)\n"))
  }

  /// The terminal, Markdown and HTML writers share one view: the same tags in the same order.
  @Test func writersShareOneView() {
    let d = every()
    let o = VersionRef(revision: "v1", commit: nil, path: "doc.md")
    let n = VersionRef(revision: "v2", commit: nil, path: "doc.md")
    let view = DiffView(d, old: o, new: n, labels: DiffLabels(.sv))
    let tags = view.sections.flatMap(\.blocks).map(\.tag)
    #expect(!tags.isEmpty)
    let text = DiffText.render(d, old: o, new: n, style: .plain, labels: DiffLabels(.sv))
    let markdown = DiffText.render(d, old: o, new: n, style: .markdown, labels: DiffLabels(.sv))
    let html = DiffHTML.render(d, old: o, new: n, labels: DiffLabels(.sv))
    for t in tags {
      #expect(text.contains(t))
      #expect(html.contains(HTML.esc(t)))
      #expect(markdown.contains(t.replacingOccurrences(of: "§", with: "§")))
    }
  }
}
