import Foundation
import Testing

@testable import RedlineDocument

/// Markdown is parsed section by section (`Pieces`) and sections are reused across
/// versions (`ParseCache`). The result must be exactly the parse of the whole document with
/// one cmark parser: checked on the vendored corpus, the sample drafts, generated drafts and
/// generated Markdown built from the lines that could make a piece differ (fences, HTML
/// blocks, tables, link reference definitions, headings that are not headings).
@Suite struct ParsePiecesTests {
  static func whole(_ b: [UInt8]) -> Document {
    MarkdownParser.parse(b, path: "a.md", cache: nil, warmFromEnd: false, inPieces: false)
  }

  static func pieces(_ b: [UInt8], cache: ParseCache? = nil, fromEnd: Bool = false) -> Document {
    MarkdownParser.parse(b, path: "a.md", cache: cache, warmFromEnd: fromEnd, inPieces: true)
  }

  static var realDocuments: [[UInt8]] {
    var out = FastPathReferenceTests.corpusFiles.map(\.1)
    let drafts = packageRoot + "/drafts"
    for f in ((try? FileManager.default.contentsOfDirectory(atPath: drafts)) ?? []).sorted() where f.hasSuffix(".md") {
      if let d = FileManager.default.contents(atPath: drafts + "/" + f) { out.append([UInt8](d)) }
    }
    var g = DraftGenerator(seed: 77)
    for _ in 0..<4 {
      let m = g.model()
      out.append(Array(m.markdown().utf8))
      out.append(Array(g.edit(m).markdown(wrap: true).utf8))
    }
    return out
  }

  /// Lines chosen to break a cut at a heading: a heading line inside a fence, an HTML
  /// block or a table, a `#` line that is not a heading, containers a heading closes.
  static let lines: [String] = [
    "# Otsikko", "## 2.1 Alaotsikko", "###### kuusi", "####### seitsemän", "#hashtag", "#", "#\tsarkain", " # sisennys",
    "    # koodi", "Kappale jatkuu.", "toinen rivi", "", "", "- kohta", "  jatkuu kohdassa", "1. numeroitu",
    "> lainaus",
    "lazy jatko", "```", "~~~", "```swift", "<div>", "</div>", "<!-- kommentti", "-->", "<script>", "</script>",
    "<pre>", "</pre>", "| a | b |", "|---|---|", "| 1 | 2 |", "Otsikko", "===", "---", "***", "[viite]: https://x",
    "Linkki [teksti][viite].", "# [teksti][viite]", "    koodirivi", "- ```", "  # ei otsikko listassa?",
    "> ```", "Ääkköset: ä ö å, ”lainaus” – viiva.", "<?php", "?>", "<![CDATA[", "]]>", "<custom-tag>",
    "- [ ] tehtävä", "\\# ei otsikko", "#  kaksi välilyöntiä", "# Otsikko #", "*** ", "| yksi |", "+ plus",
    "* tähti", "1) sulku", "<table>", "</table>", "  - sisäkkäinen", "> > sisäkkäinen lainaus",
    "> - lista lainauksessa",
    "# *korostettu* `koodi`", "## <span>html</span>", "   ```", "````", "\t# sarkain alussa",
    // Underlines and fences inside list items (cmark ends those on the line that closes them).
    "  ---", "  ===", "\t-", "\t=", "  ```", "  ~~~",
  ]

  static func soup(_ count: Int, seed: UInt64) -> [[UInt8]] {
    var rng = SeededRandom(seed: seed)
    // Most documents without a link reference definition (with one, the parse is one piece).
    let cuttable = lines.filter { !$0.contains("]:") }
    return (0..<count).map { k in
      let n = Int.random(in: 1...60, using: &rng)
      let from = k % 4 == 0 ? lines : cuttable
      let text = (0..<n).map { _ in from.randomElement(using: &rng)! }.joined(separator: "\n")
      return Array((Bool.random(using: &rng) ? text + "\n" : text).utf8)
    }
  }

  @Test func piecesParseLikeTheWholeDocument() {
    for (k, b) in (Self.realDocuments + Self.soup(3000, seed: 2026)).enumerated() {
      let w = Self.whole(b)
      let p = Self.pieces(b)
      #expect(p == w, "document \(k): \(String(decoding: b.prefix(400), as: UTF8.self).debugDescription)")
      if p != w { break }
    }
  }

  @Test func theRealDocumentsAreCutIntoManyPieces() {
    let d = [UInt8](FileManager.default.contents(atPath: packageRoot + "/drafts/alke-v2.md")!)
    let lines = LineIndex(d)
    #expect(Pieces.starts(d, lines).count > 10)
    // A `]:` anywhere (a link reference definition may be used by any heading): one piece.
    let withDefinition = d + Array("\n[viite]: https://example.org\n".utf8)
    #expect(Pieces.starts(withDefinition, LineIndex(withDefinition)) == [1])
    // A lone CR ends a line for cmark but not for the line index: one piece, and the same parse.
    let lone = Array("a\rb\n# H\ntext\n".utf8)
    #expect(Pieces.starts(lone, LineIndex(lone)) == [1])
    #expect(Self.pieces(lone) == Self.whole(lone))
  }

  /// Versions parsed through one cache (as a history walk and a comparison do) give what
  /// each version parses to alone, from either end, whatever was parsed before.
  @Test(arguments: [true, false])
  func cachedVersionsParseLikeFreshOnes(copiesBytes: Bool) {
    var g = DraftGenerator(seed: 78)
    let cache = ParseCache(copiesBytes: copiesBytes)
    var m = g.model()
    var versions: [[UInt8]] = []
    for _ in 0..<6 {
      versions.append(Array(m.markdown().utf8))
      m = g.edit(m)
    }
    versions += Self.soup(200, seed: 7)
    for (k, v) in versions.enumerated() {
      let fresh = Self.whole(v)
      #expect(Self.pieces(v, cache: cache, fromEnd: k % 2 == 1) == fresh, "version \(k)")
      #expect(Self.pieces(v, cache: cache) == fresh, "version \(k), second time")
    }
  }

  /// `removeAll` hands back every parse the cache held and forgets them all: the next
  /// parse of the same bytes parses again, and gives the same document.
  @Test func removeAllHandsBackTheParsesAndForgetsThem() {
    let cache = ParseCache(copiesBytes: false)
    let v = Array("# 1 Tavoite\n\nAlueet kehittyvät.\n\n# 2 Keinot\n\n- Yhteistyö.\n- Osaaminen.\n".utf8)
    let fresh = Self.whole(v)
    #expect(Self.pieces(v, cache: cache) == fresh)
    let h = ParseCache.hash(v, 0..<v.count)
    let parses = cache.removeAll()
    #expect(parses.count == 2, "one parse for each of the two pieces")
    #expect(parses.allSatisfy { !$0.items.isEmpty })
    #expect(cache.removeAll().isEmpty, "nothing is left")
    #expect(Self.pieces(v, cache: cache) == fresh)
    #expect(cache.removeAll().count == 2, "parsed again, and remembered again")
    #expect(h == ParseCache.hash(v, 0..<v.count))
  }

  /// The same bytes parsed with and without the table extension are kept apart, and a
  /// cache over its byte limit forgets and starts again.
  @Test func cacheKeysOnTheBytesAndTheTableSetting() {
    let cache = ParseCache(byteLimit: 64)
    let plain = Array("# A\n\n| x | y |\n| 1 | 2 |\n".utf8)
    let withTable = plain + Array("\n# B\n\n| a | b |\n|---|---|\n| 1 | 2 |\n".utf8)
    #expect(Self.pieces(plain, cache: cache) == Self.whole(plain))
    #expect(Self.pieces(withTable, cache: cache) == Self.whole(withTable))
    #expect(Self.pieces(plain, cache: cache) == Self.whole(plain))
    let h = ParseCache.hash(plain, 0..<plain.count)
    #expect(h == ParseCache.hash(plain, 0..<plain.count))
    #expect(h != ParseCache.hash(plain, 0..<(plain.count - 1)))
  }
}
