import Dispatch
import RedlineDocument
import Synchronization

/// Compares two versions of a document: sections first, then blocks, then words.
///
/// Passes, cheapest first (each records `matchedBy` and a confidence):
/// 1. sections: same heading under corresponding parents; same heading anywhere; same
///    title with another number (renumbered, maybe moved); most blocks shared (renamed);
///    same number with a similar title or content (renamed); the rest added or deleted;
/// 2. blocks in corresponding sections: equal text on a Myers alignment (unchanged), then
///    the most similar remaining block above a threshold with a margin (modified);
/// 3. moves: equal text in another section, then the most similar block elsewhere;
/// 4. splits and merges: an added section filled from one old section, a deleted section
///    emptied into one new section; blocks joined into one (merged) or divided (split);
/// 5. word diffs inside every modified or moved-and-edited block (unless
///    `DiffOptions.wordDiffs` is off: a walk through a history reads no words).
package enum Differ {
  package static func diff(_ old: Document, _ new: Document, options: DiffOptions = DiffOptions()) -> DocumentDiff {
    // Each version's section keys and block hashes on its own core when long.
    let sides =
      old.blocks.count + new.blocks.count >= options.parallelSetupBlocks
      ? both({ DiffSide(old) }, { DiffSide(new) }) : (DiffSide(old), DiffSide(new))
    return diff(sides.0, sides.1, options: options)
  }

  /// Compares two prepared versions: what `diff` does once it has prepared both; a walk
  /// through a history prepares each version once for the two comparisons it is in.
  package static func diff(_ old: DiffSide, _ new: DiffSide, options: DiffOptions = DiffOptions()) -> DocumentDiff {
    var state = DiffState(old: old, new: new, options: options)
    state.alignSections()
    state.alignBlocksInSections()
    state.findMoves()
    state.rescueRenamesFromMoves()
    state.findMergesAndSplits()
    let diff = state.assemble()
    releaseInBackground(consume state)
    return diff
  }
}

/// One version made ready for comparison: its section keys and block text hashes,
/// computed once however many comparisons it is in (each inner version of a history is in
/// two). `Differ.diff(_:_:)` on two documents prepares both.
package struct DiffSide: Sendable {
  /// The version itself.
  package let document: Document
  let keys: DiffState.SectionKeys
  let hashes: [UInt64]

  /// Prepares `document` (on this thread).
  package init(_ document: Document) {
    self.document = document
    keys = DiffState.SectionKeys(document)
    hashes = BlockTextIDs.hashes(document.blocks)
  }
}

struct DiffState {
  let a: Document
  let b: Document
  let options: DiffOptions
  var budget: Budget

  // Block text ids, shared between versions.
  var aIds: [Int32] = []
  var bIds: [Int32] = []

  // Section mapping.
  let aKeys: SectionKeys
  let bKeys: SectionKeys
  var secAB: [Int?]
  var secBA: [Int?]
  var secMethod: [MatchMethod?]  // by new section
  var secConfidence: [Double]  // by new section

  // Block mapping.
  var blkAB: [Int?]
  var blkBA: [Int?]
  var blkMethod: [MatchMethod?]  // by new block
  var blkConfidence: [Double]  // by new block

  // Block merges and splits (the first source / first part is also in blkAB/blkBA).
  var mergeSources: [Int: [Int]] = [:]  // new block → old blocks joined into it
  var mergedInto: [Int: Int] = [:]  // old block → the new block it was merged into
  var splitParts: [Int: [Int]] = [:]  // old block → new blocks it was divided into
  var splitOf: [Int: Int] = [:]  // new block → the old block it is a part of
  var wordDiffCapped = false
  /// Word diffs computed ahead on both cores, by new block (see `prepareWordDiffs`).
  var preparedWordDiffs: [Int: ([Segment], Bool)] = [:]
  /// Word diffs started while the matching goes on (nil for short documents).
  let early: EarlyWordDiffs?
  /// Aligned pairs not yet handed to `early`, and their text's size.
  var earlyBatch: [(old: Int, new: Int)] = []
  var earlyBatchBytes = 0

  // Word ids for similarity, computed on demand.
  var wordInterner = ByteInterner(capacity: 4096)
  // By block index (arrays, not dictionaries: looked up for every pair compared).
  var aWords: [[Int32]?] = []
  var bWords: [[Int32]?] = []
  // Word ids in text order (for in-order containment), computed on demand.
  var aSeq: [[Int32]?] = []
  var bSeq: [[Int32]?] = []
  /// A count per word id, all zero between uses (`sharedWords`, `inOrder`).
  var wordTally: [Int32] = []

  init(old side: DiffSide, new newSide: DiffSide, options: DiffOptions) {
    let old = side.document
    let new = newSide.document
    a = old
    b = new
    self.options = options
    budget = Budget(options.budget)
    aKeys = side.keys
    bKeys = newSide.keys
    secAB = Array(repeating: nil, count: old.sections.count)
    secBA = Array(repeating: nil, count: new.sections.count)
    secMethod = Array(repeating: nil, count: new.sections.count)
    secConfidence = Array(repeating: 0, count: new.sections.count)
    blkAB = Array(repeating: nil, count: old.blocks.count)
    blkBA = Array(repeating: nil, count: new.blocks.count)
    blkMethod = Array(repeating: nil, count: new.blocks.count)
    blkConfidence = Array(repeating: 0, count: new.blocks.count)
    aWords = Array(repeating: nil, count: old.blocks.count)
    aSeq = aWords
    bWords = Array(repeating: nil, count: new.blocks.count)
    bSeq = bWords
    (aIds, bIds) = BlockTextIDs.ids(old.blocks, new.blocks, hashes: (side.hashes, newSide.hashes))
    let size = old.blocks.reduce(0) { $0 + $1.text.utf8.count } + new.blocks.reduce(0) { $0 + $1.text.utf8.count }
    early =
      options.wordDiffs && size >= options.speculativeWordDiffBytes
      ? EarlyWordDiffs(old: old, new: new, maxCost: options.wordDiffMaxCost) : nil
  }

  // MARK: Sections

  mutating func matchSection(_ i: Int, _ j: Int, _ m: MatchMethod, _ c: Double) {
    secAB[i] = j
    secBA[j] = i
    secMethod[j] = m
    secConfidence[j] = c
  }

  /// Lowercased headings and titles, by section: the keys sections are paired by.
  struct SectionKeys: Sendable {
    let heading: [TextKey]
    let title: [TextKey]
    init(_ d: Document) {
      // Through the buffer, so no section is copied (a retain and a release of each of
      // its texts and arrays).
      (heading, title) = d.sections.withUnsafeBufferPointer { s in
        (
          s.indices.map { TextKey(CaseFold.lowercased(s[$0].heading)) },
          s.indices.map { TextKey(CaseFold.lowercased(s[$0].title)) }
        )
      }
    }
  }

  /// A section key that compares exactly as `String ==` does, without Swift's normalizing
  /// string hash on every dictionary probe. A simple text (`CaseFold.isSimple`: Latin-1
  /// and punctuation, no combining mark) is in NFC as it stands, so two simple keys are
  /// equal when their bytes are. Any other pair is compared with `String ==`. The hash is
  /// over the simple characters of the text's NFC form only: canonically equivalent texts
  /// have the same ones, even in scripts newer than Foundation's normalization tables.
  struct TextKey: Hashable, Sendable {
    let text: String
    private let simple: Bool
    private let bytesHash: UInt64

    init(_ s: String) {
      var t = s
      simple = t.withUTF8 { CaseFold.isSimple($0) }
      var n = simple ? t : Normalizer.nfc(s)
      bytesHash = n.withUTF8 { Self.hashOfSimpleCharacters($0) }
      text = s
    }

    var isEmpty: Bool { text.isEmpty }

    static func == (x: TextKey, y: TextKey) -> Bool {
      guard x.bytesHash == y.bytesHash else { return false }
      return x.simple && y.simple ? x.text.hasSameBytes(as: y.text) : x.text == y.text
    }

    func hash(into h: inout Hasher) { h.combine(bytesHash) }

    /// FNV-1a over the bytes of the characters `CaseFold.isSimple` accepts, skipping the rest.
    static func hashOfSimpleCharacters(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      func add(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
      var i = 0
      while i < p.count {
        let n = CaseFold.simpleLength(p, i)
        if n > 0 {
          for k in i..<(i + n) { add(p[k]) }
          i += n
        } else {
          i += 1
          while i < p.count && p[i] & 0xC0 == 0x80 { i += 1 }  // the rest of this scalar
        }
      }
      return h
    }
  }

  mutating func alignSections() {
    matchSection(0, 0, .root, 1)
    matchByHeadingID()
    var progress = true
    var round = 0
    while progress && round < options.sectionRounds {
      round += 1
      progress = false
      progress = matchChildrenOfMatchedParents() || progress
      progress = matchGloballyUnique(keys: \.heading, method: .heading, confidence: 1) || progress
      progress = matchGloballyUnique(keys: \.title, method: .title, confidence: 0.95) || progress
      if !progress { progress = matchBySimilarity() }
    }
  }

  /// Sections with the same explicit heading id (`{#token-construction}`): the strongest
  /// evidence there is, whatever the heading now says or wherever it now stands.
  mutating func matchByHeadingID() {
    let ua = a.sections.indices.dropFirst().compactMap { i in a.sections[i].anchorID.map { ($0, i) } }
    let ub = b.sections.indices.dropFirst().compactMap { j in b.sections[j].anchorID.map { ($0, j) } }
    for (x, y) in uniquePairs(ua, ub) { matchSection(x, y, .id, 1) }
  }

  /// Among the unmatched children of each matched pair: same heading, then same title.
  mutating func matchChildrenOfMatchedParents() -> Bool {
    var any = false
    for j in b.sections.indices {
      guard let i = secBA[j] else { continue }
      let ca = a.sections[i].children.filter { secAB[$0] == nil }
      let cb = b.sections[j].children.filter { secBA[$0] == nil }
      if ca.isEmpty || cb.isEmpty { continue }
      for pass in 0..<2 {
        let method: MatchMethod = pass == 0 ? .heading : .title
        let ka = pass == 0 ? aKeys.heading : aKeys.title
        let kb = pass == 0 ? bKeys.heading : bKeys.title
        let ua = ca.filter { secAB[$0] == nil }
        let ub = cb.filter { secBA[$0] == nil }
        let pairs = uniquePairs(ua.map { (ka[$0], $0) }, ub.map { (kb[$0], $0) })
        for (x, y) in pairs {
          matchSection(x, y, method, pass == 0 ? 1 : 0.95)
          any = true
        }
      }
    }
    return any
  }

  mutating func matchGloballyUnique(keys: KeyPath<SectionKeys, [TextKey]>, method: MatchMethod, confidence: Double)
    -> Bool
  {
    let ka = aKeys[keyPath: keys]
    let kb = bKeys[keyPath: keys]
    let ua = a.sections.indices.dropFirst().filter { secAB[$0] == nil }.map { (ka[$0], $0) }
    let ub = b.sections.indices.dropFirst().filter { secBA[$0] == nil }.map { (kb[$0], $0) }
    var any = false
    for (x, y) in uniquePairs(ua, ub) where !ka[x].isEmpty {
      matchSection(x, y, method, confidence)
      any = true
    }
    return any
  }

  /// Pairs whose key occurs exactly once on each side (`(key, section index)` lists).
  func uniquePairs<K: Hashable>(_ xs: [(K, Int)], _ ys: [(K, Int)]) -> [(Int, Int)] {
    // A section's children are a handful: comparing them pairwise is cheaper than two
    // dictionaries, and gives the same pairs.
    xs.count * (xs.count + ys.count) <= 256 ? Self.uniquePairsByComparing(xs, ys) : Self.uniquePairsByHashing(xs, ys)
  }

  /// `uniquePairs` through two dictionaries: for long lists.
  static func uniquePairsByHashing<K: Hashable>(_ xs: [(K, Int)], _ ys: [(K, Int)]) -> [(Int, Int)] {
    var ca: [K: (Int, Int)] = [:]
    for (k, i) in xs {
      ca[k] = ca[k].map { ($0.0 + 1, $0.1) } ?? (1, i)
    }
    var cb: [K: (Int, Int)] = [:]
    for (k, i) in ys {
      cb[k] = cb[k].map { ($0.0 + 1, $0.1) } ?? (1, i)
    }
    var out: [(Int, Int)] = []
    for (k, (n, i)) in ca where n == 1 {
      if let (m, j) = cb[k], m == 1 { out.append((i, j)) }
    }
    return out.sorted { $0.1 < $1.1 }
  }

  /// `uniquePairs` by comparing every key with every other: for short lists.
  static func uniquePairsByComparing<K: Equatable>(_ xs: [(K, Int)], _ ys: [(K, Int)]) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    for p in xs.indices {
      let k = xs[p].0
      guard !xs.indices.contains(where: { $0 != p && xs[$0].0 == k }) else { continue }
      var match: Int? = nil
      var count = 0
      for (key, j) in ys where key == k {
        count += 1
        match = j
        if count > 1 { break }
      }
      if count == 1, let j = match { out.append((xs[p].1, j)) }
    }
    return out.sorted { $0.1 < $1.1 }
  }

  /// Renamed (and maybe moved) sections: the best remaining pairs by a score that weighs
  /// the section's wording (bag of words of its own blocks) and its title, with a bonus for
  /// the same number under corresponding parents. Greedy best-first, each pair keeping a
  /// margin over the runner-up of its row and column.
  mutating func matchBySimilarity() -> Bool {
    let ua = a.sections.indices.dropFirst().filter { secAB[$0] == nil }
    let ub = b.sections.indices.dropFirst().filter { secBA[$0] == nil }
    guard !ua.isEmpty, !ub.isEmpty else { return false }
    var oldBag: [Int: [Int32]] = [:]
    var oldTitle: [Int: [Int32]] = [:]
    for i in ua {
      oldBag[i] = a.sections[i].blockRange.flatMap { oldWords($0) }.sorted()
      oldTitle[i] = titleWords(a.sections[i].title)
    }
    // Candidates: all pairs when few; else pairs sharing a block's text or a number. In
    // section order, so a budget that runs out stops at the same pair every run.
    var candidates: [Int: [Int]] = [:]
    if ua.count * ub.count <= options.sectionPairsScoredExhaustively {
      for j in ub { candidates[j] = ua }
    } else {
      var byID: [Int32: [Int]] = [:]
      for i in ua { for k in a.sections[i].blockRange { byID[aIds[k], default: []].append(i) } }
      var byNumber: [String: [Int]] = [:]
      for i in ua { if let n = a.sections[i].number { byNumber[n, default: []].append(i) } }
      for j in ub {
        var c = Set<Int>()
        for k in b.sections[j].blockRange { for i in byID[bIds[k]] ?? [] { c.insert(i) } }
        if let n = b.sections[j].number { for i in byNumber[n] ?? [] { c.insert(i) } }
        candidates[j] = c.sorted()
      }
    }
    var scores = PairScores()
    var parts: [Int: [Int: (content: Double, title: Double)]] = [:]
    for j in ub {
      let bag = b.sections[j].blockRange.flatMap { newWords($0) }.sorted()
      let title = titleWords(b.sections[j].title)
      for i in candidates[j] ?? [] {
        let ob = oldBag[i]!
        guard budget.spend(ob.count + bag.count + 8) else { break }
        let hasText = !ob.isEmpty && !bag.isEmpty
        let content = hasText ? dice(ob, bag) : 0
        let t = dice(oldTitle[i]!, title)
        var score = hasText ? 0.6 * content + 0.4 * t : t
        let sameNumber = a.sections[i].number != nil && a.sections[i].number == b.sections[j].number
        let parentsMatch = a.sections[i].parent.flatMap { secAB[$0] } == b.sections[j].parent
        if sameNumber && parentsMatch { score += 0.1 }
        if parentsMatch { score += 0.05 }
        scores.add(score, i, j)
        parts[i, default: [:]][j] = (content, t)
      }
    }
    var any = false
    let isFree: (Int, Int) -> Bool = { secAB[$0] == nil && secBA[$1] == nil }
    for (score, i, j) in scores.accepted(
      threshold: options.sectionThreshold, margin: options.margin, sure: .infinity, isFree: isFree)
    {
      let p = parts[i]![j]!
      matchSection(i, j, p.content >= p.title ? .content : .similarTitle, min(1, score))
      any = true
    }
    return any
  }

  /// Title words that carry meaning (three letters or more: `ja`, `och`, `of` left out).
  mutating func titleWords(_ title: String) -> [Int32] {
    Tokenizer.words(title).filter { $0.count >= 3 }.map { wordInterner.intern(CaseFold.lowercased(String($0))) }
      .sorted()
  }

  // MARK: Words

  mutating func words(_ text: String) -> [Int32] {
    WordScanner.wordIDs(text, &wordInterner)
  }

  /// Old block `k`'s word ids, sorted (a bag); made from its sequence, so each block's
  /// text is scanned once, whichever is asked for first.
  mutating func oldWords(_ k: Int) -> [Int32] {
    if let w = aWords[k] { return w }
    let w = oldSequence(k).sorted()
    aWords[k] = w
    return w
  }

  mutating func oldSequence(_ k: Int) -> [Int32] {
    if let w = aSeq[k] { return w }
    let w = words(a.blocks[k].text)
    aSeq[k] = w
    return w
  }

  mutating func newSequence(_ k: Int) -> [Int32] {
    if let w = bSeq[k] { return w }
    let w = words(b.blocks[k].text)
    bSeq[k] = w
    return w
  }

  /// New block `k`'s word ids, sorted (see `oldWords`).
  mutating func newWords(_ k: Int) -> [Int32] {
    if let w = bWords[k] { return w }
    let w = newSequence(k).sorted()
    bWords[k] = w
    return w
  }

  /// Dice similarity of old block `i` and new block `j`, raised when one text is (nearly)
  /// whole inside the other, in order: an item that gains a clause, or a sentence that
  /// loses one, is the same block edited. (Order matters: a few common words scattered
  /// through a long paragraph are not a containment.)
  mutating func similarity(old i: Int, new j: Int) -> Double {
    // The texts' words in order: the words they share are counted without sorting them.
    let sx = oldSequence(i)
    let sy = newSequence(j)
    guard !sx.isEmpty || !sy.isEmpty else { return 1 }
    let common = sharedWords(sx, sy)
    let d = 2 * Double(common) / Double(sx.count + sy.count)
    let shorter = min(sx.count, sy.count)
    if shorter >= 2 && shorter < options.containmentMinWords {
      // A two-word item is believed only as the opening of the other text: "Kehitetään
      // satamia." → "Kehitetään satamia ja lentokenttiä …" gained a clause.
      let (s, l) = sx.count <= sy.count ? (sx, sy) : (sy, sx)
      return l.starts(with: s) ? max(d, 0.75 + 0.2 * d) : d
    }
    guard shorter >= options.containmentMinWords,
      Double(common) / Double(shorter) >= options.containmentThreshold
    else { return d }
    let contained = sx.count <= sy.count ? inOrder(sx, sy) : inOrder(sy, sx)
    return contained ? max(d, 0.75 + 0.2 * d) : d
  }

  /// Makes `wordTally` hold a count for every id in `x` and `y` (word ids from
  /// `wordInterner`, or any others a test passes); false, with nothing changed, when one is
  /// negative.
  mutating func tallyCovering(_ x: [Int32], _ y: [Int32]) -> Bool {
    var low: Int32 = 0
    var high: Int32 = -1
    for w in x {
      low = min(low, w)
      high = max(high, w)
    }
    for w in y {
      low = min(low, w)
      high = max(high, w)
    }
    guard low >= 0 else { return false }
    let ids = Int(high) + 1
    if wordTally.count < ids { wordTally += repeatElement(0, count: max(ids, 2 * wordTally.count) - wordTally.count) }
    return true
  }

  /// How many words two texts share, a word that repeats counted as often as both have it:
  /// `commonCount` of their sorted bags, here without sorting (a count per word id in
  /// `wordTally`, which is all zero again afterwards).
  mutating func sharedWords(_ x: [Int32], _ y: [Int32]) -> Int {
    guard tallyCovering(x, y) else { return commonCount(x.sorted(), y.sorted()) }
    return wordTally.withUnsafeMutableBufferPointer { t in
      for w in y { t[Int(w)] &+= 1 }
      var common = 0
      for w in x {
        let c = t[Int(w)]
        if c > 0 {
          t[Int(w)] = c &- 1
          common &+= 1
        }
      }
      for w in y { t[Int(w)] = 0 }
      return common
    }
  }

  // MARK: Blocks

  mutating func matchBlock(_ i: Int, _ j: Int, _ m: MatchMethod, _ c: Double) {
    blkAB[i] = j
    blkBA[j] = i
    blkMethod[j] = m
    blkConfidence[j] = c
  }

  /// Equal blocks on a Myers alignment, then the most similar remaining ones, per section pair.
  mutating func alignBlocksInSections() {
    for j in b.sections.indices {
      guard let i = secBA[j] else { continue }
      let ra = a.sections[i].blockRange
      let rb = b.sections[j].blockRange
      if ra.isEmpty || rb.isEmpty { continue }
      let (pairs, _) = SequenceDiff.matches(Array(aIds[ra]), Array(bIds[rb]))
      for (x, y) in pairs { matchBlock(ra.lowerBound + x, rb.lowerBound + y, .exact, 1) }
      let freeA = ra.filter { blkAB[$0] == nil }
      let freeB = rb.filter { blkBA[$0] == nil }
      if freeA.isEmpty || freeB.isEmpty { continue }
      pairBySimilarity(freeA, freeB, threshold: options.modifiedThreshold, method: .similar, minWords: 0)
      if early != nil {
        for y in freeB { if let x = blkBA[y], aIds[x] != bIds[y] { startEarly(x, y) } }
      }
    }
    if let early, !earlyBatch.isEmpty { early.start(earlyBatch) }
    earlyBatch = []
  }

  /// Queues the word diff of an aligned pair for `early`, handing over a batch when full.
  mutating func startEarly(_ x: Int, _ y: Int) {
    earlyBatch.append((x, y))
    earlyBatchBytes += a.blocks[x].text.utf8.count + b.blocks[y].text.utf8.count
    guard earlyBatchBytes >= options.speculativeBatchBytes, let early else { return }
    early.start(earlyBatch)
    earlyBatch = []
    earlyBatchBytes = 0
  }

  /// Greedy best-first pairing above `threshold`, each pair keeping `margin` over the
  /// runner-up of both its row and its column.
  mutating func pairBySimilarity(_ xs: [Int], _ ys: [Int], threshold: Double, method: MatchMethod, minWords: Int) {
    var scores = PairScores()
    outer: for x in xs {
      let wx = oldSequence(x)
      if wx.count < minWords { continue }
      for y in ys where a.blocks[x].kind == b.blocks[y].kind || (minWords == 0) {
        let wy = newSequence(y)
        if wy.count < minWords { continue }
        guard budget.spend(wx.count + wy.count) else { break outer }
        let s = similarity(old: x, new: y)
        if s > 0 { scores.add(s, x, y) }
      }
    }
    for (s, x, y) in scores.accepted(
      threshold: threshold, margin: options.margin, sure: 0.95, isFree: { blkAB[$0] == nil && blkBA[$1] == nil })
    {
      matchBlock(x, y, method, s)
    }
  }

  /// Blocks that left their section: equal text first, then similar text (budgeted,
  /// candidates found through their rarest words).
  mutating func findMoves() {
    var freeA = a.blocks.indices.filter { blkAB[$0] == nil }
    var freeB = b.blocks.indices.filter { blkBA[$0] == nil }
    if freeA.isEmpty || freeB.isEmpty { return }
    // Exact text, paired in document order.
    var byID: [Int32: [Int]] = [:]
    for i in freeA { byID[aIds[i], default: []].append(i) }
    for j in freeB {
      if var list = byID[bIds[j]], !list.isEmpty {
        let i = list.removeFirst()
        byID[bIds[j]] = list
        matchBlock(i, j, .movedExact, 1)
      }
    }
    freeA = freeA.filter { blkAB[$0] == nil }
    freeB = freeB.filter { blkBA[$0] == nil }
    if freeA.isEmpty || freeB.isEmpty { return }
    // Similar text: index each old block by its rarest words.
    var bagA: [Int: [Int32]] = [:]
    var bagB: [Int: [Int32]] = [:]
    for i in freeA { bagA[i] = distinctSorted(oldWords(i)) }
    for j in freeB { bagB[j] = distinctSorted(newWords(j)) }
    // Document frequency by word id (ids are dense): no hashing in the sort below.
    var df = [Int32](repeating: 0, count: wordInterner.count)
    for ws in bagA.values { for w in ws { df[Int(w)] += 1 } }
    for ws in bagB.values { for w in ws { df[Int(w)] += 1 } }
    let index = RareWordIndex(
      words: wordInterner.count, blocks: freeA.lazy.map { ($0, bagA[$0]!) }, rarest: options.rareWordsIndexed,
      frequency: df)
    var candidatesByNew: [Int: [Int]] = [:]
    for j in freeB {
      var c: [Int] = []
      for w in bagB[j]! { c += index[w] }
      if !c.isEmpty { candidatesByNew[j] = distinctSorted(c.sorted()) }
    }
    var scores = PairScores()
    outer: for j in freeB {
      let wy = newWords(j)
      if wy.count < options.minWordsForFuzzyMove { continue }
      for i in candidatesByNew[j] ?? [] {
        let wx = oldWords(i)
        if wx.count < options.minWordsForFuzzyMove { continue }
        guard budget.spend(wx.count + wy.count) else { break outer }
        scores.add(similarity(old: i, new: j), i, j)
      }
    }
    for (s, i, j) in scores.accepted(
      threshold: options.moveThreshold, margin: options.margin, sure: 0.95,
      isFree: { blkAB[$0] == nil && blkBA[$1] == nil })
    {
      matchBlock(i, j, .movedSimilar, s)
    }
  }

  /// A deleted section whose blocks mostly went to an added section that got most of its
  /// blocks from it (or that has its number under the same parent) is the same section, renamed beyond recognition of its title: match
  /// them, and count the blocks between them as kept in place rather than moved.
  mutating func rescueRenamesFromMoves() {
    for j in b.sections.indices.dropFirst() where secBA[j] == nil {
      let rb = b.sections[j].blockRange
      guard !rb.isEmpty else { continue }
      var votes: [Int: Int] = [:]
      for m in rb { if let k = blkBA[m] { votes[a.blocks[k].section, default: 0] += 1 } }
      guard let (i, n) = votes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), secAB[i] == nil
      else { continue }
      let ra = a.sections[i].blockRange
      let kept = ra.filter { k in blkAB[k].map { rb.contains($0) } ?? false }.count
      let sameSlot =
        a.sections[i].number != nil && a.sections[i].number == b.sections[j].number
        && a.sections[i].parent.flatMap { secAB[$0] } == b.sections[j].parent
      guard (2 * n >= rb.count && 2 * kept >= ra.count) || sameSlot else { continue }
      matchSection(i, j, .content, Double(n) / Double(max(ra.count, rb.count)))
      for m in rb {
        guard let k = blkBA[m], ra.contains(k) else { continue }
        blkMethod[m] = aIds[k] == bIds[m] ? .exact : .similar
      }
      let freeA = ra.filter { blkAB[$0] == nil }
      let freeB = rb.filter { blkBA[$0] == nil }
      if !freeA.isEmpty && !freeB.isEmpty {
        pairBySimilarity(freeA, freeB, threshold: options.modifiedThreshold, method: .similar, minWords: 0)
      }
    }
  }

}

/// Scored candidate pairs and the best two scores of every row and column, so a pair is
/// accepted only with a margin over its runner-up (never a coin toss between lookalikes).
struct PairScores {
  private var scores: [(Double, Int, Int)] = []
  private var rows: [Int: (Double, Double)] = [:]
  private var cols: [Int: (Double, Double)] = [:]

  mutating func add(_ s: Double, _ row: Int, _ col: Int) {
    scores.append((s, row, col))
    Self.keep(&rows, row, s)
    Self.keep(&cols, col, s)
  }

  private static func keep(_ t: inout [Int: (Double, Double)], _ k: Int, _ s: Double) {
    let (best, second) = t[k] ?? (-1, 0)
    if s > best { t[k] = (s, max(best, 0)) } else if s > second { t[k] = (best, s) }
  }

  private static func runnerUp(_ t: [Int: (Double, Double)], _ k: Int, _ s: Double) -> Double {
    guard let (best, second) = t[k] else { return 0 }
    return best == s ? second : best
  }

  /// Best-first pairs with score ≥ `threshold` that keep `margin` over the runner-up of
  /// their row and column (or reach `sure`), both ends still free; ties broken by position.
  func accepted(threshold: Double, margin: Double, sure: Double, isFree: (Int, Int) -> Bool) -> [(Double, Int, Int)] {
    var out: [(Double, Int, Int)] = []
    var takenRows = Set<Int>()
    var takenCols = Set<Int>()
    for (s, r, c) in scores.sorted(by: { ($0.0, -$0.2, -$0.1) > ($1.0, -$1.2, -$1.1) }) where s >= threshold {
      guard !takenRows.contains(r), !takenCols.contains(c), isFree(r, c) else { continue }
      let rival = max(Self.runnerUp(rows, r, s), Self.runnerUp(cols, c, s))
      guard s - rival >= margin || s >= sure else { continue }
      out.append((s, r, c))
      takenRows.insert(r)
      takenCols.insert(c)
    }
    return out
  }
}

/// Runs `x` and `y` at once, one on another thread, and returns both results.
func both<X: Sendable, Y: Sendable>(_ x: @Sendable () -> X, _ y: @Sendable () -> Y) -> (X, Y) {
  let rx = Mutex<X?>(nil)
  let ry = Mutex<Y?>(nil)
  Workers.perform(iterations: 2) { k in
    if k == 0 {
      let v = x()
      rx.withLock { $0 = v }
    } else {
      let v = y()
      ry.withLock { $0 = v }
    }
  }
  return (rx.withLock { $0! }, ry.withLock { $0! })
}
