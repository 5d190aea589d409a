import Foundation
import Testing

@testable import RedlineDocument

/// `PlainPieces` reads the plainest pieces of Markdown without cmark. Whenever it accepts a
/// piece, its items must be exactly cmark's for the same bytes: checked on every piece of
/// the corpus, the sample drafts and generated drafts, and on generated pieces built from
/// plain lines and the lines closest to them that cmark reads differently.
@Suite struct PlainPiecesTests {
  /// cmark's parse of a whole piece and the plain reading of it (nil: not plain).
  static func both(_ b: [UInt8], firstLine: Int = 1, tables: Bool = false) -> (cmark: PieceParse, plain: PieceParse?) {
    let lines = LineIndex(b)
    let range = 0..<b.count
    return (
      MarkdownParser.parsePiece(b, lines, range, firstLine: firstLine, tables: tables, plain: false),
      PlainPieces.parse(b, lines, range, firstLine: firstLine)
    )
  }

  /// Plain lines, and near misses: each differs from a plain line in what decides the block.
  static let lines: [String] = [
    // headings
    "# 1 Tavoite", "## 2.1 Alueiden elinvoima", "###### 6 kuusi", "####### seitsemän", "#hashtag", "# ", "#",
    "# *Korostus*", "# Otsikko #", "# A & B", "# Sarkain\there", "#  Kaksi  välilyöntiä  ", "# 3 Äänet",
    "# Otsikko {#ankkuri}", "# a_b", "# 5 % ja 7 €", "# Kysymys?", "# x <y>", "# ”Lainaus” – viiva", "# ~ ",
    "# 10. luku", "# 1) kohta", "## `koodi`", "# \\#",
    // paragraph lines
    "Alueet kehittyvät.", "Äänestys 2026 alkaen.", "2026 alkaen", "1. kohta", "1) kohta", "10.000 euroa",
    "10 000 euroa", "„Lainaus” – ajatusviiva", "Tekstiä  jossa kaksi välilyöntiä  ", "\u{A0}NBSP alussa",
    "Rivi jossa *korostus*", "Rivi jossa [linkki](x)", "Rivi `koodi`", "a", "Z", "é accent", "Ö", "9", "12)",
    "3.", "Loppuu kahteen välilyöntiin  ", "Rivi jossa sarkain\tkeskellä", "Rivi | putki | keskellä",
    "(1) Momentti alkaa sulkeella.", "(2)", "(", "\"Lainaus\" alussa", "\"", "(a) kohta", "((kaksi",
    "- (1) kohta", "* \"lainaus\"", "(1)\tsarkain", "\"\"\"", "(1) | a | b |",
    // bullet items
    "- Kohta", "* Kohta", "+ Kohta", "- 5 %", "- 1. sisäkkäinen", "-  kaksi välilyöntiä", "- ", "-", "- [ ] tehtävä",
    "* * *", "- - -", "---", "===", "***", "___", "-Kohta", "- # otsikko", "- > lainaus", "- Ääni", "- 2026 alkaen",
    "+ 1) x", "* `koodi`",
    // indentation and other blocks
    "  jatko", "    koodi", "\tkoodi", "   - sisäkkäinen", " yksi välilyönti", "> lainaus", "```", "~~~",
    "<div>", "| a | b |", "|---|---|", "[x]: /url", "[^1]: alaviite", "", "", "", "   ", "!kuva", "&amp;",
    "\\- ei lista", "_alleviivaus_", "`koodi`", "Rivi\rjossa CR", "# Otsikko\u{0B}", "# Otsikko\u{0C}",
    "# Otsikko\u{0}", "Rivi\u{0}NUL", "\u{0C}", "\u{0B}rivi", "\u{FEFF}# Otsikko", "\u{FEFF}Teksti",
    "\u{FEFF}- Kohta",
  ]

  static func pieces(_ count: Int, seed: UInt64) -> [[UInt8]] {
    var rng = SeededRandom(seed: seed)
    let plain = lines.filter { line in
      !line.isEmpty && !line.hasPrefix("#") && PlainPiecesTests.both(Array(line.utf8)).plain != nil
    }
    return (0..<count).map { k in
      let n = Int.random(in: 1...12, using: &rng)
      // Half the pieces from plain lines only, with a near miss now and then.
      let from = k % 2 == 0 ? lines : plain + ["", "", ""]
      var text = (0..<n).map { _ in from.randomElement(using: &rng)! }
      if k % 3 == 0, let h = lines.prefix(24).randomElement(using: &rng) { text.insert(h, at: 0) }
      if k % 2 == 1 && Int.random(in: 0..<4, using: &rng) == 0 {
        text.insert(lines.randomElement(using: &rng)!, at: Int.random(in: 0...text.count, using: &rng))
      }
      let joined = text.joined(separator: "\n")
      return Array((Bool.random(using: &rng) ? joined + "\n" : joined).utf8)
    }
  }

  @Test func generatedPiecesReadAsCmarkReadsThem() {
    var accepted = 0
    let all = Self.pieces(20_000, seed: 66)
    for b in all {
      for tables in [false, true] {
        let (cmark, plain) = Self.both(b, firstLine: 1, tables: tables)
        guard let plain else { continue }
        if !tables { accepted += 1 }
        #expect(PlainPieces.sameBytes(plain, cmark), "\(String(decoding: b, as: UTF8.self).debugDescription)")
      }
    }
    // Not a vacuous test: a good share of the pieces are plain, and some are not.
    #expect(accepted > all.count / 4 && accepted < all.count, "\(accepted) of \(all.count) plain")
  }

  /// Every piece of real and generated documents, at its place in the document.
  @Test func documentPiecesReadAsCmarkReadsThem() {
    var accepted = 0
    var total = 0
    for doc in ParsePiecesTests.realDocuments {
      let lines = LineIndex(doc)
      let starts = Pieces.starts(doc, lines)
      for (k, first) in starts.enumerated() {
        let next = k + 1 < starts.count ? starts[k + 1] : lines.count + 1
        let range = lines.byteRange(from: first, to: next - 1)
        total += 1
        guard let plain = PlainPieces.parse(doc, lines, range, firstLine: first) else { continue }
        accepted += 1
        let cmark = MarkdownParser.parsePiece(doc, lines, range, firstLine: first, tables: false, plain: false)
        #expect(PlainPieces.sameBytes(plain, cmark), "piece at line \(first)")
      }
    }
    #expect(accepted > 100, "\(accepted) of \(total) pieces plain")
  }
}
