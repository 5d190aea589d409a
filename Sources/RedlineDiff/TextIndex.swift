/// An index over a list of texts (a version's blocks) for finding one again: exact text
/// lookup, and word-similarity candidates through each query's rarest words, so looking
/// up many texts costs in proportion to the candidates, not to the whole document. Used on
/// one thread at a time: a lookup interns the query's new words.
package final class TextIndex {
  private var interner = ByteInterner(capacity: 1 << 14)
  private var texts = ByteInterner(capacity: 1 << 12)
  /// By text id, the first position with that text; by position, the next one with the
  /// same text (-1 for none): the positions of equal texts without an array for each.
  private var firstWithText: [Int] = []
  private var nextWithText: [Int] = []
  private var bags: [[Int32]] = []
  /// The positions holding each word, all words' lists in one array: word `w`'s are
  /// `postingList[postingStart[w]..<postingStart[w + 1]]`, in position order. Words first
  /// seen after indexing (`bag`) have none.
  private var postingStart: [Int] = [0]
  private var postingList: [Int32] = []

  /// Indexes `texts` (their positions are the ids returned by lookups).
  package init(_ all: [String]) {
    bags.reserveCapacity(all.count)
    nextWithText = Array(repeating: -1, count: all.count)
    var lastWithText: [Int] = []
    for (i, t) in all.enumerated() {
      let id = Int(texts.intern(t))
      if id == firstWithText.count {
        firstWithText.append(i)
        lastWithText.append(i)
      } else {
        nextWithText[lastWithText[id]] = i
        lastWithText[id] = i
      }
      bags.append(WordScanner.wordIDs(t, &interner).sorted())
    }
    // Counted, summed, then filled: two passes over the bags, no array per word.
    let words = interner.count
    var start = [Int](repeating: 0, count: words + 1)
    for bag in bags {
      var last: Int32 = -1
      for w in bag where w != last {
        start[Int(w) + 1] += 1
        last = w
      }
    }
    for w in 0..<words { start[w + 1] += start[w] }
    var next = start
    var list = [Int32](repeating: 0, count: start[words])
    for (i, bag) in bags.enumerated() {
      var last: Int32 = -1
      for w in bag where w != last {
        list[next[Int(w)]] = Int32(i)
        next[Int(w)] += 1
        last = w
      }
    }
    postingStart = start
    postingList = list
  }

  /// Positions of the texts equal to `text`.
  package func exact(_ text: String) -> [Int] {
    var t = text
    guard let id = t.withUTF8({ texts.lookup($0) }) else { return [] }
    var out: [Int] = []
    var p = firstWithText[Int(id)]
    while p >= 0 {
      out.append(p)
      p = nextWithText[p]
    }
    return out
  }

  /// The positions holding word `w`.
  private func postings(_ w: Int32) -> Range<Int> {
    let k = Int(w)
    return k + 1 < postingStart.count ? postingStart[k]..<postingStart[k + 1] : 0..<0
  }

  /// The sorted word ids of any text (lowercased words; words never seen get new ids).
  package func bag(_ text: String) -> [Int32] { WordScanner.wordIDs(text, &interner).sorted() }

  /// Dice similarity between a bag and the text at `position`.
  package func similarity(_ bag: [Int32], _ position: Int) -> Double { dice(bag, bags[position]) }

  /// Dice similarity between two bags.
  package static func similarity(_ a: [Int32], _ b: [Int32]) -> Double { dice(a, b) }

  /// Positions sharing at least one of the query's `rare` rarest words, with their similarity.
  package func similar(_ bag: [Int32], rare: Int = DiffOptions().rareWordsIndexed) -> [(
    position: Int, similarity: Double
  )] {
    var words: [Int32] = []
    var last: Int32 = -1
    for w in bag where w != last {
      last = w
      if !postings(w).isEmpty { words.append(w) }  // a word gone from the document finds nothing
    }
    let chosen = words.sorted { (postings($0).count, $0) < (postings($1).count, $1) }.prefix(rare)
    var seen = Set<Int>()
    var out: [(Int, Double)] = []
    for w in chosen {
      for k in postings(w) {
        let p = Int(postingList[k])
        if seen.insert(p).inserted { out.append((p, dice(bag, bags[p]))) }
      }
    }
    return out
  }
}
