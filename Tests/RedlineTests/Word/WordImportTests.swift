import Foundation
import RedlineDocument
import RedlineKit
import Testing

@testable import RedlineWord

/// The folder of Word fixtures.
let wordFixtures = packageRoot + "/Tests/RedlineTests/Word/Fixtures"

/// The hand-written WordprocessingML fixture zipped into a .docx; `edit` may change a part's text first.
func handwrittenDocx(_ edit: (String, String) -> String = { _, s in s }) -> [UInt8] {
  let root = wordFixtures + "/handwritten/"
  let names = [
    "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml",
    "word/numbering.xml", "word/footnotes.xml", "word/comments.xml", "word/commentsExtended.xml",
  ]
  let parts = names.map { n -> (path: String, bytes: [UInt8]) in
    let text = String(decoding: FileManager.default.contents(atPath: root + n)!, as: UTF8.self)
    return (n, Array(edit(n, text).utf8))
  }
  return try! DocxZip.zip(parts)
}

func fixtureBytes(_ name: String) -> [UInt8] {
  [UInt8](FileManager.default.contents(atPath: wordFixtures + "/" + name)!)
}

/// Headings (level, text) of Markdown as Redline parses it.
func outline(_ markdown: String) -> [String] {
  let doc = try! DocumentLoader.load(Array(markdown.utf8), path: "x.md")
  return doc.sections.dropFirst().map { String(repeating: "#", count: $0.level) + " " + $0.heading }
}

func blockTexts(_ markdown: String) -> [String] {
  let doc = try! DocumentLoader.load(Array(markdown.utf8), path: "x.md")
  return doc.blocks.map(\.text)
}

@Suite struct WordImportTests {
  @Test func handwrittenFinnishWordprocessingML() throws {
    let w = try WordImport.read(handwrittenDocx(), name: "hand.docx")
    // Headings: localized ids with built-in names, a basedOn chain (Luku), an outline level on
    // the paragraph (Rahoitus), a localized display name ("Otsikko 3"); automatic numbers
    // shown, a typed number not doubled, TOC heading and the empty heading skipped.
    #expect(
      outline(w.markdown) == [
        "# 1 Johdanto", "## 1.1 Tausta", "## 1.2 Tavoitteet", "# 2 Toimenpiteet", "## Rahoitus", "### Pitkä otsikko",
      ])
    #expect(!w.markdown.contains("Sisällys"))
    let md = w.markdown
    // Bold and italic.
    #expect(md.contains("Strategian tavoitteena on **kestävää kasvua** ja *hyvinvointia* koko maahan."))
    // Pending tracked changes accepted: deletion dropped, insertion kept, a deleted paragraph
    // mark joins two paragraphs, moved-away text (and an insertion inside it) dropped, moved-to kept.
    #expect(md.contains("Väestö ikääntyy nopeasti.[^1]"))
    #expect(!md.contains("vanhenee"))
    #expect(md.contains("Tämä kappale jatkuu tässä.\n"))
    #expect(!md.contains("Lisätty siirrettyyn"))
    #expect(md.components(separatedBy: "Siirretty lause.").count == 2)
    #expect(w.trackedChanges.insertions >= 1 && w.trackedChanges.deletions >= 1 && w.trackedChanges.moves >= 1)
    #expect(w.notes.contains { $0.contains("tracked changes") && $0.contains("accepted") })
    // Numbered list with letters on the second level, a bullet list with a Symbol glyph, a
    // restarted list (startOverride), a hand-typed Symbol bullet.
    #expect(md.contains("1) Ensimmäinen kohta\n   - a) alakohta yksi\n   - b) alakohta kaksi\n2) Toinen kohta\n"))
    #expect(md.contains("- Luettelon eka\n  - sisempi\n- Luettelon toka\n"))
    #expect(md.contains("1) Uusi lista alkaa alusta"))
    #expect(md.contains("- Käsin tehty luettelo"))
    #expect(!md.unicodeScalars.contains { $0.value >= 0xF000 && $0.value <= 0xF0FF })
    // Table as a GFM table, a pipe in a cell escaped.
    #expect(md.contains("| Toimenpide | Vastuu |\n| --- | --- |\n| Selvitys \\| väli | STM |"))
    let doc = try DocumentLoader.load(Array(md.utf8), path: "x.md")
    let table = doc.blocks.first { $0.kind == .table }
    #expect(table != nil)
    let items = doc.blocks.filter { $0.kind == .listItem }
    #expect(items.map(\.depth) == [0, 1, 1, 0, 0, 1, 0, 0, 0])
    // Footnote, field result, image placeholder, text box text.
    #expect(md.contains("\\[^1]: Tilastokeskus, väestöennuste 2024."))
    #expect(md.contains("Sivu 3 taulukon jälkeen."))
    #expect(!md.contains("PAGE"))
    #expect(md.contains("\\[kuva: Rahoituskaavio\\]"))
    #expect(md.contains("Laatikon ankkuri.\n\nLaatikon teksti."))
    #expect(md.components(separatedBy: "Laatikon teksti.").count == 2)
    for word in ["image", "text box", "field", "table of contents", "empty heading", "typed in"] {
      #expect(w.notes.contains { $0.contains(word) }, "note about \(word): \(w.notes)")
    }
  }

  @Test func commentsWithRepliesToReplies() throws {
    let w = try WordImport.read(handwrittenDocx(), name: "hand.docx")
    #expect(w.comments.map(\.id) == ["1", "2", "3", "4"])
    let c = Dictionary(uniqueKeysWithValues: w.comments.map { ($0.id, $0) })
    #expect(c["1"]?.author == "Aino Arvioija")
    #expect(c["1"]?.quote == "kestävää kasvua")
    #expect(c["1"]?.date == 1_740_823_200)
    #expect(c["1"]?.parentID == nil)
    #expect(c["2"]?.parentID == "1")
    #expect(c["3"]?.parentID == "2")
    // No range, empty author, a date without a zone.
    #expect(c["4"]?.quote == "")
    #expect(c["4"]?.paragraph == "Sivu 3 taulukon jälkeen.")
    #expect(c["4"]?.author == "Tuntematon")
    #expect(c["4"]?.date == 1_740_988_800)
  }

  @Test func messyComments() throws {
    // A comment on deleted text, one in an empty paragraph, one inside a text box, an odd author.
    let w = try WordImport.read(
      handwrittenDocx { name, text in
        switch name {
        case "word/document.xml":
          return text.replacingOccurrences(
            of: "<w:delText>vanhenee</w:delText></w:r></w:del>",
            with:
              "<w:delText>vanhenee</w:delText></w:r></w:del><w:commentRangeStart w:id=\"5\"/><w:del w:id=\"90\" w:author=\"V\"><w:r><w:delText>heti</w:delText></w:r></w:del><w:commentRangeEnd w:id=\"5\"/><w:r><w:commentReference w:id=\"5\"/></w:r>"
          ).replacingOccurrences(
            of: "<w:p><w:r><w:t>Välikappale.</w:t></w:r></w:p>",
            with:
              "<w:p><w:r><w:t>Välikappale.</w:t></w:r></w:p><w:p><w:commentRangeStart w:id=\"6\"/><w:commentRangeEnd w:id=\"6\"/><w:r><w:commentReference w:id=\"6\"/></w:r></w:p>"
          ).replacingOccurrences(
            of: "<w:txbxContent><w:p><w:r><w:t>Laatikon teksti.</w:t></w:r></w:p></w:txbxContent></wps:txbx>",
            with:
              "<w:txbxContent><w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>Laatikon teksti.</w:t></w:r><w:commentRangeEnd w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r></w:p></w:txbxContent></wps:txbx>"
          )
        case "word/comments.xml":
          return text.replacingOccurrences(
            of: "</w:comments>",
            with:
              "<w:comment w:id=\"5\" w:author=\"Outo&#10;\tNimi \" w:date=\"2025-03-04T08:00:00.123Z\"><w:p><w:r><w:t>Miksi poistettu?</w:t></w:r></w:p></w:comment>"
              + "<w:comment w:id=\"6\" w:author=\"Eero\"><w:p><w:r><w:t>Tyhjä kohta.</w:t></w:r></w:p></w:comment>"
              + "<w:comment w:id=\"7\" w:author=\"Eero\"><w:p><w:r><w:t>Laatikosta.</w:t></w:r></w:p></w:comment></w:comments>"
          )
        default: return text
        }
      }, name: "hand.docx")
    let c = Dictionary(uniqueKeysWithValues: w.comments.map { ($0.id, $0) })
    #expect(c["5"]?.quote == "")
    #expect(c["5"]?.paragraph == "Väestö ikääntyy nopeasti.[^1]")
    #expect(c["5"]?.author == "Outo Nimi")
    #expect(c["5"]?.date == 1_741_075_200)
    #expect(c["6"]?.paragraph == "Luettelon eka")
    #expect(c["7"]?.paragraph == "Laatikon ankkuri.")
    #expect(c["7"]?.quote == "Laatikon teksti.")
  }

  @Test func commentsExtendedInAnyNamespace() throws {
    // The pre-release namespace and another prefix give the same reply chain.
    let w = try WordImport.read(
      handwrittenDocx { name, text in
        name.hasSuffix("commentsExtended.xml")
          ? text.replacingOccurrences(of: "w15", with: "wne").replacingOccurrences(
            of: "office/word/2012/wordml", with: "office/word/2010/11/wordml")
          : text
      }, name: "hand.docx")
    #expect(w.comments.first { $0.id == "3" }?.parentID == "2")
  }

  @Test func pandocDocx() throws {
    let w = try WordImport.read(fixtureBytes("pandoc.docx"), name: "pandoc.docx")
    #expect(outline(w.markdown) == ["# 1 Johdanto", "## 1.1 Tausta", "## 1.2 Tavoitteet", "# 2 Toimenpiteet"])
    let source = String(decoding: fixtureBytes("source.md"), as: UTF8.self)
    // Same blocks as the Markdown pandoc was given (the footnote definition aside).
    #expect(blockTexts(w.markdown).dropLast() == blockTexts(source).dropLast())
    #expect(w.markdown.contains("\\[^1]: Valtioneuvoston periaatepäätös 2024."))
  }

  @Test func libreOfficeDocx() throws {
    let w = try WordImport.read(fixtureBytes("libreoffice.docx"), name: "lo.docx")
    #expect(outline(w.markdown) == ["# 1 Johdanto", "## 1.1 Tausta", "## 1.2 Tavoitteet", "# 2 Toimenpiteet"])
    let source = String(decoding: fixtureBytes("source.md"), as: UTF8.self)
    #expect(blockTexts(w.markdown).dropLast() == blockTexts(source).dropLast())
  }

  @Test func libreOfficeSavedCommentedDraft() throws {
    // LibreOffice's own styles ("Heading 1" with a list), tracked changes and comments.
    let w = try WordImport.read(fixtureBytes("libreoffice-commented.docx"), name: "lo.docx")
    let o = outline(w.markdown)
    #expect(o.prefix(3) == ["# 1 Johdanto", "## 1.1 Tausta", "## 1.2 Tavoitteet"])
    #expect(o.contains("## Rahoitus"))
    #expect(w.markdown.contains("Väestö ikääntyy nopeasti."))
    #expect(!w.markdown.contains("vanhenee"))
    #expect(w.comments.count == 4)
    #expect(w.comments.first?.author == "Aino Arvioija")
    #expect(w.comments.first?.quote == "kestävää kasvua")
  }

  @Test func notAWordFileIsAClearError() {
    #expect(throws: WordError.self) { try WordImport.read(Array("# otsikko\n".utf8), name: "x.docx") }
    do {
      _ = try WordImport.read(Array("PK\u{3}\u{4}garbage".utf8), name: "rikki.docx")
      Issue.record("no error")
    } catch {
      #expect(error.description.contains("rikki.docx"))
    }
  }

  @Test func entityExpansionIsRefusedQuickly() {
    var ents = "<!ENTITY a0 \"hahahahahahahahahaha\">"
    for i in 1..<10 { ents += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
    let bomb = handwrittenDocx { name, text in
      name == "word/document.xml"
        ? "<?xml version=\"1.0\"?><!DOCTYPE w:document [\(ents)]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
        : text
    }
    let start = Date()
    do {
      let w = try WordImport.read(bomb, name: "pommi.docx")
      #expect(w.markdown.utf8.count < 1_000_000)
    } catch {
      #expect(error.description.contains("pommi.docx"))
    }
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func numberFormats() {
    #expect(WordNumbering.format(4, "upperRoman") == "IV")
    #expect(WordNumbering.format(28, "lowerLetter") == "bb")
    #expect(WordNumbering.format(7, "decimalZero") == "07")
  }
}

/// Text Word keeps inside wrappers the first reader passed over (found by review).
@Suite struct WordWrappedContentTests {
  /// A repeating-section content control wraps table rows in `w:sdt`: its rows are kept, in
  /// order, and a nested table's rows stay in their cell.
  @Test func rowsInsideAContentControlAreKept() throws {
    let w = try WordImport.read(
      handwrittenDocx { name, text in
        guard name == "word/document.xml" else { return text }
        let row = "<w:tr><w:tc><w:p><w:r><w:t>Selvitys | väli</w:t></w:r></w:p></w:tc>"
        return text.replacingOccurrences(of: row, with: "<w:sdt><w:sdtPr/><w:sdtContent>" + row)
          .replacingOccurrences(
            of: "<w:t>STM</w:t></w:r></w:p></w:tc></w:tr>",
            with: "<w:t>STM</w:t></w:r></w:p></w:tc></w:tr></w:sdtContent></w:sdt>"
              + "<w:customXml><w:tr><w:tc><w:p><w:r><w:t>Arviointi</w:t></w:r></w:p></w:tc>"
              + "<w:tc><w:p><w:r><w:t>TEM</w:t></w:r></w:p></w:tc></w:tr></w:customXml>")
      }, name: "hand.docx")
    let lines = w.markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
    #expect(lines.count == 4, "\(lines)")  // header, rule, two rows
    #expect(lines.contains { $0.contains("Selvitys") && $0.contains("STM") })
    #expect(lines.last?.contains("Arviointi") == true && lines.last?.contains("TEM") == true)
  }

  /// A group shape holds several text boxes: each is read once, the VML fallback of the
  /// group (in `mc:Fallback`) not at all.
  @Test func everyTextBoxOfAGroupIsReadOnce() throws {
    let w = try WordImport.read(
      handwrittenDocx { name, text in
        guard name == "word/document.xml" else { return text }
        func box(_ t: String) -> String {
          "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>\(t)</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
        }
        return text.replacingOccurrences(
          of:
            "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Laatikon teksti.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>",
          with: "<wpg:wgp>" + box("Ensimmäinen laatikko.") + box("Toinen laatikko.") + "</wpg:wgp>")
      }, name: "hand.docx")
    for t in ["Ensimmäinen laatikko.", "Toinen laatikko."] {
      #expect(w.markdown.components(separatedBy: t).count == 2, "\(t) once in:\n\(w.markdown)")
    }
    // The fallback's copy of the old box is not read.
    #expect(!w.markdown.contains("Laatikon teksti."))
  }
}
