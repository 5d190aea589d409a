import Foundation
import RedlineDocument
import Testing

@Suite struct MarkdownParserTests {
  static let sample = """
    ---
    title: Aluekehittämispäätös
    versio: 2
    ---
    # Valtioneuvoston päätös

    Johdanto, joka on
    rivitetty   kahdelle riville.

    ## 1 Lähtökohdat

    - Saavutettavuus
    - Työvoiman saatavuus
      - maahanmuutto
      - koulutus
    - Osaaminen

    ### 1.1 Väestö

    Väestö ikääntyy.

    Tiivistelmä
    ===========

    ```
    # tämä ei ole otsikko
    ```

    | Vuosi | Milj. € |
    |-------|--------:|
    | 2024  | 12      |

    > Lainaus
    > jatkuu.

    ## 2.3. Seuranta ##

    Viimeinen kappale.
    """

  @Test func sectionsNestByLevelWithNumbersAndLines() {
    let d = md(Self.sample)
    let heads = d.sections.dropFirst().map { "\($0.level)|\($0.number ?? "-")|\($0.title)|\($0.line)|\($0.label)" }
    #expect(
      heads == [
        "1|-|Valtioneuvoston päätös|5|§#1",
        "2|1|Lähtökohdat|10|§1",
        "3|1.1|Väestö|18|§1.1",
        "1|-|Tiivistelmä|22|§#4",
        "2|2.3|Seuranta|36|§2.3",
      ])
    #expect(d.sections[2].parent == 1)
    #expect(d.sections[3].parent == 2)
    #expect(d.sections[4].parent == 0, "a setext level-1 heading closes the previous tree")
    #expect(d.sections[5].parent == 4)
    #expect(d.headingPath(of: 3) == ["Valtioneuvoston päätös", "1 Lähtökohdat", "1.1 Väestö"])
  }

  @Test func blocksHaveKindsLinesNormalizedTextAndLabels() {
    let d = md(Self.sample)
    let rows = d.blocks.map { "\($0.label)|\($0.kind.rawValue)|\($0.line)-\($0.endLine)|\($0.depth)|\($0.text)" }
    #expect(
      rows == [
        "§#1 ¶1|paragraph|7-8|0|Johdanto, joka on rivitetty kahdelle riville.",
        "§1 ¶1|list_item|12-12|0|Saavutettavuus",
        "§1 ¶2|list_item|13-13|0|Työvoiman saatavuus",
        "§1 ¶3|list_item|14-14|1|maahanmuutto",
        "§1 ¶4|list_item|15-15|1|koulutus",
        "§1 ¶5|list_item|16-16|0|Osaaminen",
        "§1.1 ¶1|paragraph|20-20|0|Väestö ikääntyy.",
        "§#4 ¶1|code|25-27|0|# tämä ei ole otsikko",
        "§#4 ¶2|table|29-31|0|| Vuosi | Milj. € |\n|-------|--------:|\n| 2024 | 12 |",
        "§#4 ¶3|quote|33-34|0|Lainaus jatkuu.",
        "§2.3 ¶1|paragraph|38-38|0|Viimeinen kappale.",
      ])
    #expect(d.block(labeled: "§1 ¶4") == 4)
    #expect(d.block(labeled: "§1  ¶4") == 4, "extra spaces in a typed label are folded")
    #expect(d.section(labeled: "1.1") == 3)
    #expect(d.section(labeled: "§2.3") == 5)
  }

  @Test func frontMatterIsSkippedAndLinesStayTrue() {
    let d = md("---\na: 1\nb: 2\n---\nEka kappale.\n")
    #expect(d.blocks.count == 1)
    #expect(d.blocks[0].line == 5)
    // A thematic break without closing is not front matter.
    let e = md("---\nTeksti\n")
    #expect(e.blocks.map(\.text) == ["Teksti"])
    #expect(e.sections.count == 1, "no heading: a thematic break, then a paragraph")
  }

  @Test func hashInsideCodeFenceIsNotAHeading() {
    let d = md("```\n# ei\n## ei\n```\n")
    #expect(d.sections.count == 1)
    #expect(d.blocks.first?.kind == .code)
  }

  /// cmark ends a setext heading or a fenced code block on the line that closed it; an
  /// item ending in one must not take in the next line's text (found by review).
  @Test func anItemEndingInAnUnderlineOrAnOpenFenceStopsAtItsLastLine() {
    let d = md("- Tavoite\n  ---\nSeuraava kappale.\n")
    #expect(d.blocks.map(\.text) == ["Tavoite ---", "Seuraava kappale."])
    #expect(d.blocks.map(\.line) == [1, 3])
    #expect(d.blocks.map(\.endLine) == [2, 3])
    let h = md("- a\n  ===\n# 2 Otsikko\n")
    #expect(h.blocks.first?.text == "a ===")
    #expect(h.blocks.first?.endLine == 2)
    let f = md("- ```\n  x\n# 3 Otsikko\n")
    #expect(f.sections.count == 2)
    #expect(f.blocks.first?.endLine == 2)
    #expect(f.blocks.first?.text.contains("Otsikko") == false)
  }

  @Test func rewrappingAndBulletStyleDoNotChangeText() {
    let a = md("- Alueiden   saavutettavuus\n  ja liikenne\n")
    let b = md("* Alueiden saavutettavuus ja liikenne   \n")
    #expect(a.blocks.map(\.text) == b.blocks.map(\.text))
  }

  @Test func unicodeNFCAndNFDCompareEqual() {
    let nfc = "Päätös ja Åland"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(Array(nfc.utf8) != Array(nfd.utf8))
    let a = md("## 1 \(nfc)\n\n\(nfc) öljy.\n")
    let b = md("## 1 \(nfd)\n\n\(nfd) öljy.\n")
    #expect(a.blocks[0].text == b.blocks[0].text)
    #expect(Array(a.blocks[0].text.utf8) == Array(b.blocks[0].text.utf8), "stored as NFC bytes")
    #expect(a.sections[1].heading.unicodeScalars.elementsEqual(b.sections[1].heading.unicodeScalars))
  }

  @Test func invisibleCharactersAreFoldedAndReported() {
    let d = md("Alue\u{00A0}ja kunta\u{200B}talous.\n")
    #expect(d.blocks[0].text == "Alue ja kuntatalous.")
    #expect(d.blocks[0].invisibles == ["U+00A0 NO-BREAK SPACE", "U+200B ZERO WIDTH SPACE"])
  }

  @Test func repeatedNumbersGetPositionalLabels() {
    let d = md("# 1 kap.\n\n## 1 §\n\nA.\n\n# 2 kap.\n\n## 1 §\n\nB.\n")
    #expect(d.sections.dropFirst().map(\.label) == ["§#1", "§#2", "§2", "§#4"])
    #expect(d.blocks.map(\.label) == ["§#2 ¶1", "§#4 ¶1"])
  }
}

@Suite struct PlainTextParserTests {
  @Test func numberedHeadingsParagraphsAndLists() {
    let text = """
      Valtioneuvoston päätös

      1 Johdanto

      Ensimmäinen kappale
      jatkuu tässä.

      2 Painopisteet

      2.1 Elinvoima

      - investoinnit
      - osaaminen

      3 luku Seuranta

      Viimeinen.
      """
    let d = PlainTextParser.parse(Array(text.utf8), path: "p.txt")
    #expect(
      d.sections.dropFirst().map { "\($0.level)|\($0.number ?? "-")|\($0.line)|\($0.label)" } == [
        "1|1|3|§1", "1|2|8|§2", "2|2.1|10|§2.1", "1|3|15|§3",
      ])
    #expect(
      d.blocks.map { "\($0.label)|\($0.kind.rawValue)|\($0.line)|\($0.text)" } == [
        "§0 ¶1|paragraph|1|Valtioneuvoston päätös",
        "§1 ¶1|paragraph|5|Ensimmäinen kappale jatkuu tässä.",
        "§2.1 ¶1|list_item|12|investoinnit",
        "§2.1 ¶2|list_item|13|osaaminen",
        "§3 ¶1|paragraph|17|Viimeinen.",
      ])
    #expect(d.sections[3].parent == 2)
  }
}

@Suite struct DocumentLoaderTests {
  @Test func rejectsBadInputWithOneLineErrors() {
    #expect(throws: DocumentError.binary(path: "a.md")) { try DocumentLoader.load([0x41, 0, 0x42], path: "a.md") }
    #expect(throws: DocumentError.notUTF8(path: "a.md", byteOffset: 3)) {
      try DocumentLoader.load([0x41, 0xC3, 0xA4, 0xE4, 0x0A], path: "a.md")  // "Aä" then a Latin-1 ä
    }
    #expect(throws: DocumentError.unsupportedType(path: "a.docx")) { try DocumentLoader.load([0x41], path: "a.docx") }
    let big = [UInt8](repeating: 0x61, count: DocumentLoader.sizeLimit + 1)
    #expect(throws: DocumentError.tooLarge(path: "a.md", bytes: big.count, limit: DocumentLoader.sizeLimit)) {
      try DocumentLoader.load(big, path: "a.md")
    }
    for e in [DocumentError.binary(path: "a"), .notUTF8(path: "a", byteOffset: 1), .unsupportedType(path: "a")] {
      #expect(!e.description.contains("\n"))
    }
  }

  @Test func byteOrderMarkIsIgnored() throws {
    let d = try DocumentLoader.load([0xEF, 0xBB, 0xBF] + Array("# 1 Otsikko\n".utf8), path: "a.md")
    #expect(d.sections[1].number == "1")
  }
}
