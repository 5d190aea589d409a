/// An index over a list of texts (a version's blocks) for finding one again: exact text
/// lookup, and word-similarity candidates through each query's rarest words, so looking
/// up many texts costs in proportion to the candidates, not to the whole document.
package final class TextIndex {
  private var interner = ByteInterner(capacity: 1 << 14)
  private var texts = ByteInterner(capacity: 1 << 12)
  private var byText: [Int32: [Int]] = [:]
  private var bags: [[Int32]] = []
  private var postings: [Int32: [Int]] = [:]

  /// Indexes `texts` (their positions are the ids returned by lookups).
  package init(_ all: [String]) {
    bags.reserveCapacity(all.count)
    for (i, t) in all.enumerated() {
      byText[texts.intern(t), default: []].append(i)
      let bag = WordScanner.wordIDs(t, &interner).sorted()
      bags.append(bag)
      var last: Int32 = -1
      for w in bag where w != last {
        postings[w, default: []].append(i)
        last = w
      }
    }
  }

  /// Positions of the texts equal to `text`.
  package func exact(_ text: String) -> [Int] {
    var t = text
    guard let id = t.withUTF8({ texts.lookup($0) }) else { return [] }
    return byText[id] ?? []
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
      if postings[w] != nil { words.append(w) }  // a word gone from the document finds nothing
    }
    let chosen = words.sorted { (postings[$0]?.count ?? 0, $0) < (postings[$1]?.count ?? 0, $1) }.prefix(rare)
    var seen = Set<Int>()
    var out: [(Int, Double)] = []
    for w in chosen {
      for p in postings[w] ?? [] where seen.insert(p).inserted { out.append((p, dice(bag, bags[p]))) }
    }
    return out
  }
}
