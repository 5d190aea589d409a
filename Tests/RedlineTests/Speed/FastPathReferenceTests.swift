import Foundation
import Testing

@testable import RedlineDiff
@testable import RedlineDocument
@testable import RedlineReport

/// The byte-level fast paths (issue 14) against the straightforward code they replaced:
/// the same output on every line and paragraph of the vendored corpus, on generated drafts,
/// and on generated text full of what breaks byte tricks (Finnish and Swedish letters,
/// combining marks, emoji with ZWJ, flags, NBSP and ZWSP, CR and CRLF, control characters).
@Suite struct FastPathReferenceTests {
  /// Every corpus file's bytes.
  static var corpusFiles: [(String, [UInt8])] {
    let root = packageRoot + "/Tests/Corpus"
    var out: [(String, [UInt8])] = []
    for folder in ["gesetze", "sfs"] {
      let dir = root + "/" + folder
      for f in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where f.hasSuffix(".md") {
        if let d = FileManager.default.contents(atPath: dir + "/" + f) { out.append((f, [UInt8](d))) }
      }
    }
    return out
  }

  /// Pieces that generated text is made of: each is a case some byte trick could get wrong.
  static let pieces: [String] = [
    "a", "kunta", "Päätös", "ÄÖÅ", "äöå", "é", "naïve", "×", "÷", "ÿ", "Ŋ", "ʼ", "˚", "e\u{301}", "a\u{308}", "\u{301}",
    "o\u{308}\u{301}", "A\u{30A}", "\u{300}", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", "\u{0B}", "\u{0C}",
    "\u{00A0}", "\u{202F}", "\u{2007}", "\u{2009}", "\u{200A}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
    "\u{0085}", "\u{2028}", "\u{3000}", "\u{1680}", "\u{01}", "\u{1B}", "\u{7F}", "\u{9F}", "\"", "\\", "/", "§", "©",
    "®", "«", "»", "”", "–", "—", "€", "13", "2024–2027", ".", ",", ":", "-", "👩‍👩‍👧", "👍🏽", "🇫🇮", "🇸🇪", "©\u{200D}©",
    "\u{200D}", "\u{1100}\u{1161}\u{11A8}", "한국", "कि", "日本語", "Ω", "ﬁ", "Å", "K", "ǅ", "\u{0345}", "x",
    "abcdefgh", "abc defg hij", "Itä-Suomi", "EU:n",
  ]

  static func generatedTexts(count: Int, seed: UInt64) -> [String] {
    var rng = SeededRandom(seed: seed)
    return (0..<count).map { _ in
      let n = Int.random(in: 0...40, using: &rng)
      return (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }
  }

  /// Texts to check: every line and every blank-line paragraph of the corpus, generated
  /// drafts, and generated piece soup.
  static var texts: [String] {
    var out: [String] = []
    for (_, bytes) in corpusFiles {
      let s = String(decoding: bytes, as: UTF8.self)
      out += s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      out += s.components(separatedBy: "\n\n")
    }
    var g = DraftGenerator(seed: 14)
    for _ in 0..<4 {
      let m = g.model()
      out.append(m.markdown())
      out.append(g.edit(m).markdown(wrap: true))
    }
    out += generatedTexts(count: 4000, seed: 1414)
    return out
  }

  @Test func normalizeEqualsReference() {
    var checked = 0
    for t in Self.texts {
      var s = t
      s.withUTF8 { p in
        let fast = Normalizer.normalize(bytes: p)
        let ref = Normalizer.normalizeReference(bytes: p)
        #expect(
          fast.text == ref.text && fast.invisibles == ref.invisibles, "normalize differs on \(t.debugDescription)")
        #expect(Array(fast.text.utf8) == Array(ref.text.utf8))
      }
      checked += 1
    }
    #expect(checked > 5000)
  }

  @Test func normalizeOnInvalidUTF8FallsBackToTheReference() {
    var rng = SeededRandom(seed: 7)
    for _ in 0..<3000 {
      var b = Array(Self.pieces.randomElement(using: &rng)!.utf8) + Array("ok väki ".utf8)
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        b.insert(UInt8.random(in: 0x80...0xFF, using: &rng), at: Int.random(in: 0...b.count, using: &rng))
      }
      b.withUnsafeBufferPointer { p in
        let fast = Normalizer.normalize(bytes: p)
        let ref = Normalizer.normalizeReference(bytes: p)
        #expect(fast.text == ref.text && fast.invisibles == ref.invisibles)
        #expect(fast.text.utf8.allSatisfy { _ in true })  // a well-formed String
      }
    }
  }

  /// The word diff on byte-range tokens gives the segments, byte for byte, of the word diff
  /// on `Substring` tokens it replaced (`WordDiffReference`): on every block pair the
  /// differ matches in the corpus, and on texts against random edits of themselves,
  /// including letters written two ways (`ä`, `a` + U+0308; `;`, U+037E) that Swift
  /// compares as equal and the interner does not.
  @Test func wordDiffEqualsReference() throws {
    func bytes(_ s: [Segment]) -> [[UInt8]] {
      s.map { [$0.op == .equal ? 0 : $0.op == .insert ? 1 : 2] + $0.text.utf8 }
    }
    var checked = 0
    var cappedChecks = 0
    func check(_ x: String, _ y: String) {
      let fast = WordDiff.diffReportingCap(x, y)
      let ref = WordDiffReference.diffReportingCap(x, y)
      #expect(
        bytes(fast.segments) == bytes(ref.segments) && fast.capped == ref.capped,
        "word diff differs on \(x.debugDescription) → \(y.debugDescription)")
      checked += 1
      // Every tenth pair again with a cost cap that bites: the middle split at tokens found
      // once on each side.
      if checked % 10 == 0 {
        let fast = WordDiff.diffReportingCap(x, y, maxCost: 3)
        let ref = WordDiffReference.diffReportingCap(x, y, maxCost: 3)
        #expect(
          bytes(fast.segments) == bytes(ref.segments) && fast.capped == ref.capped,
          "capped word diff differs on \(x.debugDescription) → \(y.debugDescription)")
        if fast.capped { cappedChecks += 1 }
      }
    }
    for (_, oldPath, newPath) in CorpusTests.pairs {
      let a = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath)
      let b = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
      for block in Differ.diff(a, b).sections.flatMap(\.blocks) where block.status == .modified {
        check(a.blocks[block.old!].text, b.blocks[block.new!].text)
      }
    }
    let corpusPairs = checked
    var rng = SeededRandom(seed: 1415)
    let twins: [(String, String)] = [("ä", "a\u{308}"), (";", "\u{37E}"), ("Å", "\u{212B}"), ("é", "e\u{301}")]
    let extra = Self.pieces + twins.flatMap { [$0.0, $0.1] } + [". ", "; ", "! ", "kunnan ", "kuntien "]
    // Short texts of few distinct tokens, twins among them, so edits slide across them.
    let small = twins.flatMap { [$0.0, $0.1] } + [" ", " ", "x", ".", "kunta"]
    let soup = (0..<3000).map { _ in
      (0..<Int.random(in: 0...24, using: &rng)).map { _ in small.randomElement(using: &rng)! }.joined()
    }
    for t in soup + Self.generatedTexts(count: 2000, seed: 1416)
      + Self.texts.filter({ $0.utf8.count < 2000 }).prefix(2000)
    {
      var tokens = Tokenizer.slicesReference(t).map { String($0.text) }
      for i in tokens.indices.reversed() {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: tokens.remove(at: i)
        case 1: tokens[i] = extra.randomElement(using: &rng)!
        case 2: tokens.insert(extra.randomElement(using: &rng)!, at: i)
        case 3:
          if let twin = twins.first(where: { $0.0 == tokens[i] }) { tokens[i] = twin.1 }
        default: break
        }
      }
      check(t, tokens.joined())
    }
    #expect(corpusPairs > 100 && checked > corpusPairs + 5000)
    #expect(cappedChecks > 100)
  }

  @Test func tokenSlicesEqualReference() {
    var checked = 0
    for t in Self.texts {
      let fast = Tokenizer.slices(t)
      let ref = Tokenizer.slicesReference(t)
      #expect(fast == ref, "slices differ on \(t.debugDescription)")
      #expect(fast.map(\.text).joined() == t)
      // Each span's count of `Character`s (the word diff's lengths) as Swift counts them.
      #expect(
        Tokenizer.spans(t).map(\.chars) == ref.map(\.text.count), "character counts differ on \(t.debugDescription)")
      checked += 1
    }
    for (name, bytes) in Self.corpusFiles {
      let doc = try? DocumentLoader.load(bytes, path: name)
      for b in doc?.blocks ?? [] {
        #expect(Tokenizer.slices(b.text) == Tokenizer.slicesReference(b.text), "\(name) \(b.label)")
      }
    }
    #expect(checked > 5000)
  }

  /// The tokenizer's table path rests on this: no grapheme rule joins two scalars below
  /// U+0300 except CR LF, so each such scalar before another one is a whole `Character`.
  @Test func scalarsBelowU0300NeverJoin() {
    var joined: [String] = []
    for a in 0..<0x300 where a != 0x0D {
      let sa = String(Character(Unicode.Scalar(UInt32(a))!))
      for b in 0..<0x300 {
        let s = sa + String(Character(Unicode.Scalar(UInt32(b))!))
        if s.count != 2 { joined.append(String(format: "%04X %04X", a, b)) }
      }
    }
    #expect(joined.isEmpty, "joined pairs: \(joined.prefix(5))")
  }

  /// The stem split's byte path rests on this too: two different scalars below U+0300 are
  /// never equal as `Character`s (none is canonically equivalent to another).
  @Test func scalarsBelowU0300AreEqualOnlyToThemselves() {
    let characters = (0..<0x300).map { Character(Unicode.Scalar(UInt32($0))!) }
    var equal: [String] = []
    for a in characters.indices {
      for b in characters.indices where b != a && characters[a] == characters[b] {
        equal.append(String(format: "%04X %04X", a, b))
      }
    }
    #expect(equal.isEmpty, "equal pairs: \(equal.prefix(5))")
  }

  /// A shared stem found on the bytes of narrow words (scalars below U+0300) is the one
  /// found on Characters, and words that are not narrow take the Characters' way: on pairs
  /// of words built from one stem with changed beginnings and endings, Finnish, Swedish,
  /// combining marks, emoji and CR among their pieces.
  @Test func stemSplitEqualsReference() {
    var rng = SeededRandom(seed: 31)
    let narrow = [
      "kehittä", "mis", "pää", "tös", "en", "ä", "ö", "å", "Å", "é", "ÿ", "Ŋ", "ʼ", "˚", "x", "ksen", "ssa", "a", "ab",
      // Two scalars whose last bytes are equal and first bytes differ (C3 A9, CA A9): a
      // shared suffix must not start inside a scalar.
      "ʩ", "ũ", "ũé",
    ]
    let wide = [
      "e\u{301}", "a\u{308}", "\u{301}", "👍🏽", "🇫🇮", "\r", "\r\n", "한", "ä\u{308}", "Ω", "K", "ﬁ",
      // The Ohm and Kelvin signs, canonically equivalent to Ω and K.
      "\u{2126}", "\u{212A}",
    ]
    func word(_ n: Int, wideShare: Int) -> String {
      (0..<n).map { _ in
        Int.random(in: 0..<100, using: &rng) < wideShare
          ? wide.randomElement(using: &rng)! : narrow.randomElement(using: &rng)!
      }.joined()
    }
    var stems = 0
    var byCharacters = 0
    for k in 0..<20_000 {
      let wideShare = k % 4 == 0 ? 15 : 0
      let stem = word(Int.random(in: 0..<4, using: &rng), wideShare: wideShare)
      let a =
        word(Int.random(in: 0..<3, using: &rng), wideShare: wideShare) + stem
        + word(Int.random(in: 0..<3, using: &rng), wideShare: wideShare)
      let b =
        (Bool.random(using: &rng) ? word(1, wideShare: wideShare) : "") + stem
        + word(Int.random(in: 0..<3, using: &rng), wideShare: wideShare)
      let fast = WordDiff.stemSplit(Substring(a), Substring(b))
      let reference = WordDiff.stemSplitByCharacters(Substring(a), Substring(b))
      #expect(
        fast?.prefix == reference?.prefix && fast?.oldMid == reference?.oldMid && fast?.newMid == reference?.newMid
          && fast?.suffix == reference?.suffix,
        "stems differ on \(a.debugDescription) → \(b.debugDescription)")
      // Equal as Characters, the same bytes too: the byte path returned no other text.
      #expect(fast.map { Array(($0.prefix + $0.oldMid + $0.suffix).utf8) == Array(a.utf8) } ?? true)
      if fast != nil { stems += 1 }
      var (x, y) = (a, b)
      let kind = x.withUTF8 { x in y.withUTF8 { y in WordDiff.narrowStem(x, y) } }
      if kind == .notNarrow { byCharacters += 1 }
    }
    // Both ways and both outcomes were exercised.
    #expect(stems > 1_000 && stems < 18_000, "\(stems) stems")
    #expect(byCharacters > 1_000 && byCharacters < 10_000, "\(byCharacters) compared by Characters")
  }

  @Test func loaderScanEqualsReference() {
    var rng = SeededRandom(seed: 99)
    var inputs: [[UInt8]] = Self.corpusFiles.map(\.1)
    for t in Self.generatedTexts(count: 2000, seed: 5) {
      var b = Array(t.utf8)
      for _ in 0..<Int.random(in: 0...2, using: &rng) {
        let bad: [UInt8] = [0x00, 0x80, 0xC0, 0xC1, 0xC3, 0xE0, 0xED, 0xF4, 0xF5, 0xFF, 0xBF]
        b.insert(bad.randomElement(using: &rng)!, at: Int.random(in: 0...b.count, using: &rng))
      }
      inputs.append(b)
    }
    inputs += [
      [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xC3], [0, 0xFF],
      [0xFF, 0],
    ]
    for b in inputs {
      // The byte scan itself (the loader's own scan answers a clean buffer 32 bytes at a
      // time, and only the byte scan finds where a fault is; without AVX2 it does all).
      let (nul, bad) = b.withUnsafeBufferPointer { FastText.scanBytes($0) }
      #expect(b.withUnsafeBufferPointer { FastText.scan($0) } == (nul, bad))
      #expect(nul == b.firstIndex(of: 0))
      if nul == nil { #expect(bad == DocumentLoader.firstInvalidUTF8(b)) }
      // `validate` keeps its verdicts: binary before not-UTF-8.
      var expected: DocumentError? = nil
      if b.contains(0) {
        expected = .binary(path: "x.md")
      } else if let off = DocumentLoader.firstInvalidUTF8(b) {
        expected = .notUTF8(path: "x.md", byteOffset: off)
      }
      var got: DocumentError? = nil
      do { try DocumentLoader.validate(b, path: "x.md") } catch { got = error }
      #expect(got == expected)
    }
  }

  @Test func lineIndexEqualsReference() {
    var inputs = Self.corpusFiles.map(\.1)
    inputs += Self.generatedTexts(count: 500, seed: 3).map { Array($0.utf8) }
    inputs += [[], [0x0A], [0x0A, 0x0A], Array("a\nb".utf8), Array("a\nb\n".utf8)]
    for b in inputs {
      var ref = [0]
      for i in b.indices where b[i] == 0x0A { ref.append(i + 1) }
      #expect(LineIndex(b).starts == ref)
    }
  }

  /// The next byte JSON escapes, found 32 bytes at a time (`redline_json_special`) and
  /// eight at a time (`nextSpecialBytes`), is the first byte the plain rule picks, from
  /// every start, in texts long enough for the vector scan (a C1 control's `C2` at every
  /// place, across window edges too).
  @Test func jsonSpecialScansAgree() {
    var rng = SeededRandom(seed: 21)
    let alphabet: [UInt8] = [0x61, 0x20, 0xC3, 0xA4, 0xC2, 0xA7, 0x85, 0x9F, 0xA0, 0x22, 0x5C, 0x7F, 0x1F, 0x0A, 0x00]
    var wrong: [[UInt8]] = []
    for round in 0..<3_000 {
      let n = Int.random(in: 0...200, using: &rng)
      let rare = round % 5 == 0 ? 4 : 40  // most texts have long clean stretches
      let b = (0..<n).map { _ in
        Int.random(in: 0..<rare, using: &rng) == 0
          ? alphabet.randomElement(using: &rng)! : alphabet[Int.random(in: 0..<4, using: &rng)]
      }
      func special(_ i: Int) -> Bool {
        let c = b[i]
        return c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F || (c == 0xC2 && i + 1 < n && b[i + 1] < 0xA0)
      }
      b.withUnsafeBufferPointer { p in
        for from in 0...n {
          let expected = (from..<n).first(where: special) ?? n
          if JSONWriter.nextSpecial(p, from: from) != expected || JSONWriter.nextSpecialBytes(p, from: from) != expected
          {
            wrong.append(b)
            break
          }
        }
      }
    }
    let agree = wrong.isEmpty
    #expect(agree, "first disagreement: \(wrong.first ?? [])")
  }

  @Test func jsonStringEscapingEqualsReference() {
    for t in Self.texts {
      var w = JSONWriter(pretty: false)
      w.value(nil, t)
      #expect(w.bytes == Self.referenceJSONString(t), "JSON differs on \(t.debugDescription)")
    }
  }

  /// Keys are written in one piece when they need no escaping, and escaped like any text
  /// otherwise (a key can come from a draft's front matter): the same bytes as a key
  /// written as a text, then its colon, at every depth, pretty and compact.
  @Test func jsonKeysEqualKeysWrittenAsTexts() {
    // Literal keys (Redline's own) and keys made at run time, with and without escapes.
    let made = ["sanat \"lainaus\"", "sarake\tväli", "päätös", "\u{85}", "y", ""]
    // Literal keys of every length the writer copies differently: none, 1–3, 4–7, 8–16 and
    // more bytes; depths whose indentation takes one, two and three 16-byte stores.
    let literals: [(key: JSONKey, text: String)] = [
      ("line", "line"), ("", ""), ("end_line", "end_line"), ("x", "x"), ("abc", "abc"), ("abcdefg", "abcdefg"),
      ("matched_by", "matched_by"), ("sixteen_bytes_ky", "sixteen_bytes_ky"),
      ("seventeen_bytes_k", "seventeen_bytes_k"),
      ("a_key_of_thirty_bytes_in_total", "a_key_of_thirty_bytes_in_total"),
    ]
    let keys = literals + made.map { (JSONKey($0), $0) }
    for pretty in [true, false] {
      for depth in [1, 2, 3, 8, 9, 17] {
        var fast = JSONWriter(pretty: pretty)
        fast.beginObject()
        for _ in 1..<depth { fast.beginObject("o") }
        let prefix = fast.bytes.count
        var reference: [UInt8] = []
        for (n, (key, k)) in keys.enumerated() {
          fast.value(key, n)
          // Separator, line break and indentation, the key as a text, its colon, the value.
          if n > 0 { reference += Array(",".utf8) }
          if pretty { reference += [0x0A] + Array(repeating: 0x20, count: 2 * depth) }
          var text = JSONWriter(pretty: false)
          text.value(nil, k)
          reference += text.bytes + Array((pretty ? ": " : ":").utf8) + Array(String(n).utf8)
        }
        #expect(Array(fast.bytes.dropFirst(prefix)) == reference, "pretty \(pretty), depth \(depth)")
      }
    }
  }

  /// A list encoded once (a block's section path) and written under its key is the same
  /// bytes as the list written in place, at every depth, pretty and compact, empty or not.
  @Test func encodedListEqualsListWrittenInPlace() {
    let lists: [[String]] = [[], ["1 Johdanto"], ["2 Lähtökohdat", "2.1 Väestö \"ja\" §\u{85}", ""]]
    for pretty in [true, false] {
      for depth in [0, 1, 2, 3, 4, 9, 17] {
        for items in lists {
          var inPlace = JSONWriter(pretty: pretty)
          var cached = JSONWriter(pretty: pretty)
          for w in [0, 1] {
            var x = w == 0 ? inPlace : cached
            x.beginObject()
            for _ in 0..<depth { x.beginObject("o") }
            x.value("line", 3)
            if w == 0 {
              x.strings("section", items)
            } else {
              x.encoded("section", x.encodedStrings(items))
            }
            x.value("after", true)
            for _ in 0..<depth { x.endObject() }
            x.endObject()
            if w == 0 { inPlace = x } else { cached = x }
          }
          #expect(cached.bytes == inPlace.bytes, "depth \(depth), pretty \(pretty), \(items)")
        }
      }
    }
  }

  /// Numbers are written digit by digit in place; they spell what `String(n)` does.
  /// A block's label, made from bytes, is its section's label, " ¶" and its ordinal, as
  /// joining the strings spells it: on the real drafts, generated ones and documents whose
  /// sections carry `§#n` labels, numbers of several levels and Swedish headings.
  @Test func blockLabelsAreTheSectionsLabelAndTheOrdinal() throws {
    var g = DraftGenerator(seed: 77)
    var sources = ParsePiecesTests.realDocuments
    for _ in 0..<4 { sources.append(Array(g.model().markdown().utf8)) }
    sources.append(Array("# Päätös\n\ntext\n\n# Päätös\n\n- a\n- b\n\n## 12.3.4 Bilaga\n\nåäö\n".utf8))
    var labels = 0
    for bytes in sources {
      let d = try DocumentLoader.load(bytes, path: "a.md")
      for b in d.blocks {
        #expect(b.label == d.sections[b.section].label + " ¶" + String(b.ordinal))
        labels += 1
      }
    }
    #expect(labels > 1_000)
  }

  /// The summary from the counts `--stat` made for its rows equals the summary counted
  /// afresh, on corpus pairs and generated ones.
  @Test func summaryFromSectionCountsEqualsTheSummary() throws {
    var diffs: [DocumentDiff] = []
    for (_, oldPath, newPath) in CorpusTests.pairs.prefix(4) {
      let a = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath)
      let b = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
      diffs.append(Differ.diff(a, b))
    }
    var g = DraftGenerator(seed: 41)
    for _ in 0..<4 {
      let m = g.model()
      let a = try DocumentLoader.load(Array(m.markdown().utf8), path: "a.md")
      let b = try DocumentLoader.load(Array(g.edit(m).markdown().utf8), path: "b.md")
      diffs.append(Differ.diff(a, b))
    }
    for d in diffs {
      let counts = d.sections.map { BlockCounts($0, old: d.old, new: d.new) }
      #expect(d.summary(sectionCounts: counts) == d.summary)
    }
    #expect(diffs.contains { $0.summary.blocks.movedOut == 0 && $0.sections.contains { !$0.pointers.isEmpty } })
  }

  /// `--stat`'s names are padded (or cut) to a width in UTF-16 units, as Foundation's
  /// `padding(toLength:withPad:startingAt:)` did: labels, Finnish and Swedish letters,
  /// combining marks and a character outside the BMP.
  @Test func statNamesArePaddedAsFoundationPadded() {
    let names = ["", "§1", "§12.3", "§#41", "§A.1", "ÅÄÖ", "a\u{308}bc", "§😀", "§😀x", "pitkä nimi"]
    for name in names {
      for width in 0...12 {
        #expect(
          StatView.padded(name, to: width) == name.padding(toLength: width, withPad: " ", startingAt: 0),
          "\(name.debugDescription) to \(width)")
      }
    }
  }

  /// `--stat` made in runs of sections on both cores prints what the one-thread loop it
  /// replaced printed (kept below), whole and for a choice of sections, in every split: on
  /// corpus pairs, generated drafts of many sections, and in Swedish and English.
  @Test func statInPiecesEqualsTheOneThreadStat() throws {
    var diffs: [DocumentDiff] = []
    for (_, oldPath, newPath) in CorpusTests.pairs.prefix(4) {
      let a = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath)
      let b = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
      diffs.append(Differ.diff(a, b))
    }
    var g = DraftGenerator(seed: 43)
    for _ in 0..<4 {
      let m = g.model()
      let a = try DocumentLoader.load(Array(m.markdown().utf8), path: "a.md")
      let b = try DocumentLoader.load(Array(g.edit(m).markdown().utf8), path: "b.md")
      diffs.append(Differ.diff(a, b))
    }
    #expect(diffs.contains { $0.sections.count >= StatView.parallelSections })
    var compared = 0
    for (n, d) in diffs.enumerated() {
      let say = DiffLabels([.fi, .sv, .en][n % 3])
      // Every third section, changed or not: a choice that leaves unchanged ones out.
      let some = d.sections.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
      for sections in [nil, some] {
        let reference = Self.statReference(d, sections: sections, labels: say)
        for pieces in [nil, 1, 2, 3, 8, d.sections.count + 5] {
          #expect(
            StatView.render(d, sections: sections, labels: say, pieces: pieces) == reference,
            "diff \(n), \(sections == nil ? "whole" : "some sections"), pieces \(pieces.map(String.init) ?? "default")")
          compared += 1
        }
      }
    }
    #expect(compared == diffs.count * 12)
  }

  /// `StatView.render` as it was before its rows were made in pieces.
  static func statReference(_ d: DocumentDiff, sections: [SectionChange]?, labels say: DiffLabels) -> String {
    var out = ""
    let whole = sections == nil
    var rows: [(change: SectionChange, counts: BlockCounts)] = []
    var all: [BlockCounts] = []
    for s in sections ?? d.sections {
      if s.isUnchanged && !whole { continue }
      let c = BlockCounts(s, old: d.old, new: d.new)
      if whole { all.append(c) }
      if !s.isUnchanged { rows.append((s, c)) }
    }
    let names = rows.map { r in
      r.change.new.map { d.new.sections[$0].label } ?? r.change.old.map { d.old.sections[$0].label } ?? ""
    }
    let width = names.map(\.count).max() ?? 0
    for (r, name) in zip(rows, names) {
      let (s, c) = (r.change, r.counts)
      out += name.padding(toLength: width, withPad: " ", startingAt: 0)
      out +=
        "  +\(c[.added]) −\(c[.deleted]) ~\(c[.modified]) ↷\(c[.moved]) →\(c.movedOut) ⊕\(c[.merged]) ⊘\(c[.split])"
      out += "  \(say(.words(added: c.wordsAdded, deleted: c.wordsDeleted)))"
      out += "  [\(DiffView.tags(d, s, say).joined(separator: ", "))]  \(DiffView.heading(d, s, say))\n"
    }
    out += DiffView.summaryLine(whole ? d.summary(sectionCounts: all) : d.summary, say) + "\n"
    return out
  }

  /// `TerminalText.containsControl` on bytes answers as the scalar-by-scalar check: every
  /// scalar up to U+3000 alone and between letters, and 20,000 strings of scalars around
  /// the bounds (C0, DEL, C1, NBSP, the bidirectional controls and their neighbours),
  /// Finnish letters and emoji.
  @Test func controlCheckOnBytesEqualsTheScalarCheck() {
    func reference(_ s: String) -> Bool { s.unicodeScalars.contains(where: TerminalText.isControl) }
    var checked = 0
    var found = 0
    for v in UInt32(0)...0x3000 {
      guard let u = Unicode.Scalar(v) else { continue }
      for s in [String(Character(u)), "ä" + String(Character(u)) + "ö", "x" + String(Character(u))] {
        #expect(TerminalText.containsControl(s) == reference(s), "U+\(String(v, radix: 16))")
        if reference(s) { found += 1 }
        checked += 1
      }
    }
    let palette: [Unicode.Scalar] = [
      "\u{0}", "\u{9}", "\u{A}", "\u{D}", "\u{1B}", "\u{1F}", " ", "~", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
      "ä", "Å", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2060}", "\u{2065}", "\u{2066}",
      "\u{2069}", "\u{206A}", "\u{20AC}", "–", "”", "\u{1F600}", "\u{E2}", "\u{C2}",
    ]
    var rng = SeededRandom(seed: 77)
    for _ in 0..<20_000 {
      var t = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...6, using: &rng) { t.append(palette.randomElement(using: &rng)!) }
      let s = String(t)
      #expect(TerminalText.containsControl(s) == reference(s), "\(s.debugDescription)")
      if reference(s) { found += 1 }
      checked += 1
    }
    #expect(checked > 25_000 && found > 10_000)
  }

  /// `FastText.writeDecimal` spells every Int as `String(n)` does.
  @Test func decimalDigitsEqualTheDescription() {
    var rng = SeededRandom(seed: 12)
    var numbers = [0, 1, -1, 9, 10, 99, 100, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for _ in 0..<2_000 {
      numbers.append(Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0..<63, using: &rng))
    }
    var out = [UInt8](repeating: 0, count: 20)
    for n in numbers {
      let count = out.withUnsafeMutableBufferPointer { FastText.writeDecimal(n, at: $0.baseAddress!) }
      #expect(Array(out[0..<count]) == Array(String(n).utf8), "\(n)")
    }
  }

  @Test func jsonNumbersEqualTheirDescription() {
    var rng = SeededRandom(seed: 9)
    var numbers = [0, 1, -1, 9, 10, -10, 99, 100, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for _ in 0..<2_000 {
      numbers.append(Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0..<63, using: &rng))
    }
    for n in numbers {
      var w = JSONWriter(pretty: false, capacity: 4)
      w.value(nil, n)
      #expect(w.bytes == Array(String(n).utf8), "\(n)")
    }
    // Confidences and other fractions: rounded to three decimals, whole ones without a
    // point, as the writer always spelled them.
    var fractions: [Double] = [0, 1, -0.0, 0.5, 0.9999, 0.0004, 0.0005, 2, 12.25, 1e6, -3, 0.123456]
    for _ in 0..<2_000 { fractions.append(Double.random(in: -2...2, using: &rng)) }
    for d in fractions {
      var w = JSONWriter(pretty: false, capacity: 4)
      w.value(nil, d)
      let r = (d * 1000).rounded() / 1000
      let expected = r == r.rounded() ? String(Int(r)) : String(r)
      #expect(w.bytes == Array(expected.utf8), "\(d)")
    }
    // No number JSON cannot hold: infinities and NaN are null (they once trapped).
    for d in [Double.infinity, -Double.infinity, Double.nan, 1e300] {
      var w = JSONWriter(pretty: false, capacity: 4)
      w.value(nil, d)
      let expected = d.isFinite ? Array(String((d * 1000).rounded() / 1000).utf8) : Array("null".utf8)
      #expect(w.bytes == expected, "\(d)")
    }
  }

  /// The escaping JSONWriter did before (scalar by scalar): the JSON escapes, and every
  /// C0 control, DEL and C1 control as `\u00XX`.
  static func referenceJSONString(_ s: String) -> [UInt8] {
    var bytes: [UInt8] = [0x22]
    let hex = Array("0123456789abcdef".utf8)
    for u in s.unicodeScalars {
      let v = u.value
      switch v {
      case 0x22: bytes += [0x5C, 0x22]
      case 0x5C: bytes += [0x5C, 0x5C]
      case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
      case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
      case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
      case 0..<0x20, 0x7F, 0x80..<0xA0:
        bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(v >> 4)], hex[Int(v & 0xF)]]
      default: bytes += Array(String(u).utf8)
      }
    }
    bytes.append(0x22)
    return bytes
  }

  @Test func prettyIndentationIsTwoSpacesPerLevel() {
    var w = JSONWriter(pretty: true)
    w.beginObject()
    for _ in 0..<40 { w.beginArray("a") }
    w.value(nil, 1)
    for _ in 0..<40 { w.endArray() }
    w.endObject()
    let lines = String(decoding: w.bytes, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 83)
    #expect(lines[41] == Substring(String(repeating: " ", count: 82) + "1"))
  }

  @Test func wordIDsEqualReference() {
    var fastInterner = ByteInterner()
    var refInterner = ByteInterner()
    for t in Self.texts {
      // Both interners see the same words in the same order, so equal ids mean equal words.
      let fast = WordScanner.wordIDs(t, &fastInterner)
      let ref = WordScanner.wordIDsReference(t, &refInterner)
      #expect(fast == ref, "word ids differ on \(t.debugDescription)")
    }
    #expect(fastInterner.count == refInterner.count)
  }

  /// Words counted a run of ASCII bytes at a time are the words counted a scalar at a
  /// time, on every text the other fast paths are held to.
  @Test func wordCountEqualsReference() {
    var words = 0
    for t in Self.texts {
      let count = Tokenizer.wordCount(t)
      #expect(count == Tokenizer.wordCountReference(t), "word counts differ on \(t.debugDescription)")
      words += count
    }
    #expect(words > 100_000)
  }

  /// `CommonBytes.ends` on texts that agree for any length at either end, across its
  /// eight-byte steps, against a byte-by-byte count.
  @Test func commonBytesEqualAByteByByteCount() {
    var rng = SeededRandom(seed: 1419)
    for _ in 0..<3000 {
      let head = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0x61...0x63, using: &rng) }
      let tail = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0x61...0x63, using: &rng) }
      let x =
        head + (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 0x61...0x63, using: &rng) } + tail
      let y =
        head + (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 0x61...0x63, using: &rng) } + tail
      var lead = 0
      while lead < min(x.count, y.count) && x[lead] == y[lead] { lead += 1 }
      var trail = 0
      while trail < min(x.count, y.count) && x[x.count - 1 - trail] == y[y.count - 1 - trail] { trail += 1 }
      let got = x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in CommonBytes.ends(p, q) } }
      #expect(got.lead == lead && got.trail == trail, "\(x) \(y)")
    }
  }

  /// One-byte strings interned by their byte (`intern(byte:)`, the word diff's spaces and
  /// punctuation) get the ids plain interning gives, in any mix with longer strings.
  @Test func bytesInternedByTheByteGetTheIdsOfInterning() {
    var rng = SeededRandom(seed: 12)
    let pieces: [[UInt8]] = [
      [0x20], [0x2E], [0x2C], [0x00], [0xFF], [0x61], [0x61, 0x62], [0xC3, 0xA4], Array("kunta".utf8),
    ]
    var byByte = ByteInterner(capacity: 4)
    var plain = ByteInterner(capacity: 4)
    for _ in 0..<5_000 {
      var piece = pieces.randomElement(using: &rng)!
      if Int.random(in: 0..<4, using: &rng) == 0 { piece = [UInt8.random(in: 0...255, using: &rng)] }
      let expected = piece.withUnsafeBufferPointer { plain.intern($0) }
      let got = piece.count == 1 ? byByte.intern(byte: piece[0]) : piece.withUnsafeBufferPointer { byByte.intern($0) }
      #expect(got == expected, "\(piece)")
      // What `intern(byte:)` made, plain interning finds, and the other way round.
      #expect(piece.withUnsafeBufferPointer { byByte.lookup($0) } == expected)
    }
    #expect(byByte.count == plain.count)
  }

  /// The interner confirms a string of up to sixteen bytes by its stored head alone and a
  /// longer one by its head and the rest of its bytes. Strings that differ only in one byte
  /// at any place, only past the sixteenth byte, or only by trailing zero bytes (which the
  /// zero-padded head does not show) get different ids, and equal strings the same id, as
  /// a dictionary of byte arrays gives them, through every growth of the table: a hit
  /// found by a later string's head and its rest in the arena. (Strings that differ
  /// rarely share a hash, so the ids cannot show a comparison that lets different strings
  /// through; the head's own check below does, for the head.)
  @Test func internedHeadsTellEveryStringApart() {
    var rng = SeededRandom(seed: 29)
    let stems: [[UInt8]] = [
      [], [0], [0, 0], Array("ä".utf8), Array("kunta".utf8), Array("aluekehittämispäätös".utf8),
      Array("0123456789abcdef".utf8), Array("0123456789abcde".utf8), Array("0123456789abcdefg".utf8),
    ]
    var interner = ByteInterner(capacity: 4)
    var reference: [[UInt8]: Int32] = [:]
    var strings: [[UInt8]] = []
    for _ in 0..<20_000 {
      var s: [UInt8]
      switch Int.random(in: 0..<4, using: &rng) {
      case 0 where !strings.isEmpty:
        s = strings.randomElement(using: &rng)!  // seen before
      case 1 where !strings.isEmpty:
        // One byte changed, anywhere (past the head too), or a zero byte appended.
        s = strings.randomElement(using: &rng)!
        if s.isEmpty || Bool.random(using: &rng) {
          s.append(0)
        } else {
          s[Int.random(in: 0..<s.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
        }
      default:
        s = stems.randomElement(using: &rng)!
        for _ in 0..<Int.random(in: 0..<24, using: &rng) {
          s.append([0, 0x61, 0xC3, 0xFF].randomElement(using: &rng)!)
        }
      }
      let expected = reference[s] ?? Int32(reference.count)
      if reference[s] == nil {
        reference[s] = expected
        strings.append(s)
      }
      #expect(s.withUnsafeBufferPointer { interner.intern($0) } == expected, "\(s)")
    }
    #expect(interner.count == reference.count)
    // The head itself: a string's first sixteen bytes, little-endian, zeros past its end
    // (a hit is confirmed by it alone for strings of up to sixteen bytes, so it must hold
    // every one of their bytes; distinct strings rarely share a hash, so the ids above
    // cannot show a head that drops bytes).
    for n in 0...40 {
      for _ in 0..<50 {
        let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let head = bytes.withUnsafeBufferPointer { ByteInterner.head($0) }
        let unpacked = (0..<16).map { k in UInt8(truncatingIfNeeded: (k < 8 ? head.0 : head.1) >> (8 * UInt64(k % 8))) }
        #expect(unpacked == Array(bytes.prefix(16)) + Array(repeating: 0, count: 16 - min(n, 16)), "\(bytes)")
      }
    }
    for (s, id) in reference { #expect(s.withUnsafeBufferPointer { interner.lookup($0) } == id, "\(s)") }
    // Lengths of 0 to 40 bytes over many strings: every length's head reads its own bytes.
    #expect(Set(strings.map(\.count)).count > 30)
  }

  /// Strings interned a batch at a time (`intern(batch:in:appendingTo:)`, their slots and
  /// entries asked for first) get the ids interning them one at a time gives: repeats
  /// inside one batch, strings of 0 to 40 bytes, batches of 0 to 40 strings, and a table
  /// that grows in the middle of a batch.
  @Test func batchInterningGivesTheIdsOfOneAtATime() {
    var rng = SeededRandom(seed: 53)
    let syllables = ["ke", "hi", "tys", "alue", "pää", "tös", "kun", "ta", "ssa", "en", "lä", "ö", "å", "ja", "t"]
    var pool: [[UInt8]] = [[]]
    for _ in 0..<3_000 {
      let w = (0..<Int.random(in: 1...9, using: &rng)).map { _ in syllables.randomElement(using: &rng)! }.joined()
      pool.append(Array(w.utf8))
    }
    var batched = ByteInterner(capacity: 4)
    var single = ByteInterner(capacity: 4)
    // The cases the batches must have met: a word repeated inside one batch, the empty
    // word, and the table growing (at 9, 17, 33, … strings from its first 16 slots) while
    // words of the batch were still to be interned.
    var repeated = 0
    var empty = 0
    var grewInside = 0
    for _ in 0..<400 {
      let words = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
      if Set(words).count < words.count { repeated += 1 }
      empty += words.filter(\.isEmpty).count
      let before = batched.count
      let bytes = words.flatMap { $0 }
      var got: [Int32] = []
      bytes.withUnsafeBufferPointer { base in
        var start = 0
        var waiting = words.map { w -> ByteInterner.Waiting in
          defer { start += w.count }
          return ByteInterner.Waiting(start: start, count: w.count)
        }
        waiting.withUnsafeMutableBufferPointer { batch in
          // A batch of empty words has no bytes at all: any base will do.
          let at = base.baseAddress ?? UnsafePointer(bitPattern: 1)!
          batched.intern(batch: batch, in: at, appendingTo: &got)
        }
      }
      let expected = words.map { w in w.withUnsafeBufferPointer { single.intern($0) } }
      #expect(got == expected)
      // The table (`size` slots when the batch began) grows when it takes its
      // `size / 2 + 1`th string: inside the batch when a new string came after that one.
      var size = 16
      while size / 2 < before { size *= 2 }
      if size / 2 + 1 < batched.count { grewInside += 1 }
    }
    #expect(batched.count == single.count)
    #expect(batched.count > 1_000)  // the table grew many times
    #expect(repeated > 10 && empty > 0 && grewInside > 2, "\(repeated) \(empty) \(grewInside)")
  }

  /// The table's hash of short strings (made from their head) spreads a draft's words
  /// over the table's low bits as a random function would: words that share their first
  /// bytes, or differ only in their last, still fall in different slots (a hash whose low
  /// bits came from the first bytes alone would pile them into a few probe chains).
  @Test func shortStringsSpreadOverTheTable() {
    var rng = SeededRandom(seed: 41)
    let syllables = ["ke", "hi", "tys", "alue", "pää", "tös", "kun", "ta", "ssa", "en", "lä", "ö", "å", "ja", "t"]
    var words = Set<[UInt8]>()
    while words.count < 20_000 {
      let w = (0..<Int.random(in: 1...6, using: &rng)).map { _ in syllables.randomElement(using: &rng)! }.joined()
      if w.utf8.count <= 16 { words.insert(Array(w.utf8)) }
    }
    let slots = 1 << 16
    var used = Set<Int>()
    for w in words {
      let h = w.withUnsafeBufferPointer { ByteInterner.slotHash($0, ByteInterner.head($0)) }
      used.insert(Int(truncatingIfNeeded: h) & (slots - 1))
    }
    // A random function fills m(1 - (1 - 1/m)^n) of m slots with n keys: about 17,236 here.
    let expected = Double(slots) * (1 - pow(1 - 1 / Double(slots), Double(words.count)))
    #expect(Double(used.count) > 0.97 * expected, "\(used.count) slots of \(Int(expected)) expected")
  }

  /// The eight-byte loader check never passes bytes that are not UTF-8 or hold a NUL, and
  /// the normalizer's plain run (`redline_plain_run`) never takes bytes it would change
  /// (they are ASCII or `C3 xx`, single spaces between text); its 32-byte and its
  /// byte-at-a-time forms agree, and each copies exactly the bytes it takes.
  @Test func byteChecksAreSound() {
    var rng = SeededRandom(seed: 8)
    let alphabet: [UInt8] = [
      0x00, 0x01, 0x1F, 0x20, 0x41, 0x61, 0x7E, 0x7F, 0x80, 0xA0, 0xA4, 0xAD, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xCB, 0xCC,
      0xDF, 0xE0, 0xE2, 0xF0,
    ]
    let common: [UInt8] = [0x20, 0x41, 0x61, 0x7E, 0xC3, 0xA4, 0xB6, 0xC2, 0xA7]
    var clean = 0
    var longRuns = 0
    var unsound: [[UInt8]] = []
    for _ in 0..<200_000 {
      let bytes = (0..<8).map { _ in
        Int.random(in: 0..<10, using: &rng) < 8
          ? common.randomElement(using: &rng)! : alphabet.randomElement(using: &rng)!
      }
      let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      if FastText.isClean8(w) {
        clean += 1
        if String(validating: bytes, as: UTF8.self) == nil || bytes.contains(0) { unsound.append(bytes) }
      }
    }
    for round in 0..<40_000 {
      // Mostly text bytes, sometimes long: runs across several 32-byte windows.
      // Words of text bytes, spaces, and now and then a byte from the whole alphabet.
      let words: [[UInt8]] = [[0x41], [0x61, 0x7E], [0xC3, 0xA4], [0xC3, 0xB6, 0x61], [0x20], [0x20, 0x20]]
      let n = round % 4 == 0 ? Int.random(in: 0...200, using: &rng) : Int.random(in: 0...40, using: &rng)
      var bytes: [UInt8] = []
      while bytes.count < n {
        if Int.random(in: 0..<60, using: &rng) == 0 {
          bytes.append(alphabet.randomElement(using: &rng)!)
        } else {
          bytes += words[Int.random(in: 0..<(round % 3 == 0 ? 6 : 5), using: &rng)]
        }
      }
      for atStart in [false, true] {
        let run = FastText.plainRun(bytes, atStart: atStart)
        let twin = FastText.plainRun(bytes, atStart: atStart, vector: false)
        let taken = Array(bytes.prefix(run.count))
        if run.count >= 33 { longRuns += 1 }
        let ok =
          run.count == twin.count && run.copy == taken && twin.copy == taken
          && String(validating: taken, as: UTF8.self) != nil
          && taken.allSatisfy { ($0 > 0x20 && $0 < 0x7F) || $0 == 0x20 || $0 == 0xC3 || ($0 >= 0x80 && $0 < 0xC0) }
          && taken.last != 0x20 && !(atStart && taken.first == 0x20)
          && !zip(taken, taken.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
          // Visible ASCII never ends a run.
          && (run.count == bytes.count || bytes[run.count] != 0x41)
        if !ok { unsound.append(bytes) }
      }
    }
    let sound = unsound.isEmpty
    #expect(sound, "first unsound input: \(unsound.first ?? [])")
    #expect(clean > 100 && longRuns > 100)
  }

  /// The writer's room grows in 64 KiB steps: many strings (some all escapes, some long)
  /// across many steps give the same bytes as the reference, and `bytes` read mid-way is
  /// the prefix written so far.
  @Test func jsonWriterAcrossGrowthEqualsReference() {
    var w = JSONWriter(pretty: false, capacity: 16)
    var expected: [UInt8] = Array("[".utf8)
    w.beginArray()
    let texts =
      Self.generatedTexts(count: 3000, seed: 77) + [
        String(repeating: "\u{1}\"", count: 40_000), String(repeating: "väestö ", count: 30_000),
      ]
    for (i, t) in texts.enumerated() {
      if i > 0 { expected.append(UInt8(ascii: ",")) }
      w.value(nil, t)
      expected += Self.referenceJSONString(t)
      if i == 1500 { #expect(w.bytes == expected) }
    }
    w.endArray()
    expected.append(UInt8(ascii: "]"))
    #expect(w.bytes == expected)
    #expect(w.bytes.count == expected.count)
  }

  /// The heading-number split before it worked on string indices (it copied the heading
  /// into an array of scalars and back), kept as its specification.
  static func headingSplitReference(_ heading: String) -> (number: String?, title: String) {
    let scalars = Array(heading.unicodeScalars)
    var i = 0
    var sawDigit = false
    while i < scalars.count {
      let c = scalars[i]
      if c.properties.numericType != nil && c.value < 0x80 {
        sawDigit = true
        i += 1
      } else if c == "." && sawDigit && i + 1 < scalars.count && scalars[i + 1].value >= 0x30
        && scalars[i + 1].value <= 0x39
      {
        i += 1
      } else {
        break
      }
    }
    guard sawDigit else { return (nil, heading) }
    var number = String(String.UnicodeScalarView(scalars[0..<i]))
    var j = i
    if j < scalars.count && scalars[j] == "." { j += 1 }
    if j < scalars.count && !scalars[j].properties.isWhitespace { return (nil, heading) }
    while j < scalars.count && scalars[j].properties.isWhitespace { j += 1 }
    if number.hasSuffix(".") { number.removeLast() }
    let title = String(String.UnicodeScalarView(scalars[j...]))
    return (number, title.isEmpty ? heading : title)
  }

  @Test func headingNumberSplitEqualsReference() {
    var rng = SeededRandom(seed: 1515)
    let numbered = [
      "1", "2.1", "3.2.1", "10.", "1.2.", "2020-luvulla", "1..2", "1.a", "٣", "１", "4 ", "5\u{00A0}", "6\t",
    ]
    var headings = Self.texts.prefix(3000).map { String($0.prefix(60)) }
    for _ in 0..<3000 {
      let head = numbered.randomElement(using: &rng)!
      let tail = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
      headings.append(head + tail)
    }
    for h in headings {
      let (n, t) = HeadingNumber.split(h)
      let (rn, rt) = Self.headingSplitReference(h)
      #expect(n == rn && t == rt, "heading \(h.debugDescription)")
    }
  }

  @Test func caseFoldEqualsLowercased() {
    var samples = Self.texts.prefix(5000).map { String($0.prefix(80)) }
    samples += (0...0xFF).map { String(Unicode.Scalar(UInt8($0))) }
    samples += ["ÀÉÎÕÜ ÅÄÖ ß ÿ Ÿ µ ×÷ Þþ Ð", "İstanbul", "ΣΊΣΥΦΟΣ", "Ǆ", "ÅLAND ÖVERSIKT", "ALUE – ”LAINAUS” … ‰ ⁄"]
    samples += (0x2000...0x207F).map { "A" + String(Unicode.Scalar($0)!) + "Ä" }
    for s in samples {
      #expect(CaseFold.lowercased(s) == s.lowercased(), "\(s.debugDescription)")
      #expect(Array(CaseFold.lowercased(s).utf8) == Array(s.lowercased().utf8), "\(s.debugDescription)")
    }
  }

  /// The nesting scan before it found line ends with memchr: a byte at a time.
  static func nestingReference(_ bytes: [UInt8], maxDepth: Int, maxContainers: Int) -> NestingScan.Problem? {
    NestingScan.check(bytes, maxDepth: maxDepth, maxContainers: maxContainers) { p, i in
      var end = i
      while end < p.count && p[end] != 0x0A { end += 1 }
      return end
    }
  }

  @Test func nestingScanEqualsReference() {
    var docs = Self.corpusFiles.map(\.1) + ParsePiecesTests.soup(500, seed: 3)
    docs += Self.generatedTexts(count: 300, seed: 5).map { Array($0.utf8) }
    docs += [[], Array("\n".utf8), Array("- a\n  - b\n    - c\n      > d\n".utf8), Array("1. x".utf8)]
    for d in docs {
      for depth in [0, 1, 2, 3, 32] {
        for most in [0, 3, 50, Int.max] {
          let reference = Self.nestingReference(d, maxDepth: depth, maxContainers: most)
          #expect(NestingScan.check(d, maxDepth: depth, maxContainers: most) == reference)
          // Over the loader's line index of the same bytes: the same lines, the same answer.
          let overIndex = d.withUnsafeBufferPointer {
            NestingScan.check($0, lines: LineIndex(d), maxDepth: depth, maxContainers: most)
          }
          #expect(overIndex == reference)
        }
      }
    }
  }

  /// Whether a document may hold front matter or part markers to blank, asked at the line
  /// index's starts, is what a byte-by-byte look at every line's start finds.
  /// A first line of `%%%` or `---`, or any line starting with `{` or `--- `.
  static func mayBlankReference(_ d: [UInt8]) -> Bool {
    if d.starts(with: Array("%%%".utf8)) || d.starts(with: Array("---".utf8)) { return true }
    var atStart = true
    for (i, c) in d.enumerated() {
      if atStart && (c == 0x7B || (i + 3 < d.count && d[i..<(i + 4)].elementsEqual("--- ".utf8))) { return true }
      atStart = c == 0x0A
    }
    return false
  }

  @Test func partMarkersFoundAtTheLineIndexStarts() {
    var docs = Self.corpusFiles.map(\.1) + ParsePiecesTests.soup(300, seed: 8)
    docs += Self.generatedTexts(count: 100, seed: 9).map { Array($0.utf8) }
    docs += [
      [], Array("x\n--- back\n".utf8), Array("x\n---back\n".utf8), Array("a\n{backmatter}\n".utf8),
      Array("a\n {x}\n".utf8), Array("--- ".utf8), Array("a\n---".utf8), Array("%%%\n".utf8), Array("a\n\n{".utf8),
    ]
    var found = 0
    for d in docs {
      let indexed = d.withUnsafeBufferPointer { FrontMatter.mayBlank(CheckedBytes($0), lines: LineIndex(d)) }
      let searched = Self.mayBlankReference(d)
      #expect(searched == indexed, "\(String(decoding: d.prefix(60), as: UTF8.self).debugDescription)")
      if searched { found += 1 }
    }
    #expect(found >= 4)
  }

  /// Section keys are equal exactly when `String` calls the texts equal (scripts newer
  /// than Foundation's normalization data included), and equal keys hash alike.
  @Test func sectionKeysCompareLikeStrings() {
    #expect(DiffState.TextKey("\u{1611E}\u{1611E}") == DiffState.TextKey("\u{16121}"))
    #expect(DiffState.TextKey("é") == DiffState.TextKey("e\u{301}"))
    var rng = SeededRandom(seed: 1616)
    let parts = [
      "a", "e\u{301}", "é", "A\u{30A}", "Å", "Ω", "Ω", "ﬁ", "fi", "한", "\u{1100}\u{1161}", "o\u{308}", "ö", " ", "–",
      "\u{2000}", "\u{2002}", "\u{2001}", "\u{2003}", "”", "\u{1611E}", "\u{16121}", "\u{16D67}", "\u{113C2}",
      "\u{105D2}", "\u{307}", "ǎ", "a\u{30C}",
    ]
    for _ in 0..<4000 {
      let x = (0..<Int.random(in: 0...4, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
      let y = (0..<Int.random(in: 0...4, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
      let (kx, ky) = (DiffState.TextKey(x), DiffState.TextKey(y))
      #expect((kx == ky) == (x == y), "\(x.debugDescription) \(y.debugDescription)")
      if kx == ky { #expect(kx.hashValue == ky.hashValue) }
    }
  }
}
