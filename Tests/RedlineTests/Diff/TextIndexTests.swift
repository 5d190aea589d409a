import RedlineDiff
import Testing

/// The final version's index for finding lost threads by their text (its word lists are
/// kept in one array since issue 14): every lookup against a plain scan of the texts.
@Suite struct TextIndexTests {
  @Test func lookupsAgreeWithAScanOfTheTexts() {
    var g = DraftGenerator(seed: 5150)
    var texts = (0..<400).map { _ in g.paragraph() }
    // Equal texts, several times over, far apart.
    for k in stride(from: 0, to: 400, by: 37) { texts[k] = texts[3] }
    texts[399] = "Åland ja Ähtäri: ”lausunto” – huomioitu."
    let index = TextIndex(texts)
    for (i, t) in texts.enumerated() {
      #expect(index.exact(t) == texts.indices.filter { texts[$0] == t }, "text \(i)")
    }
    #expect(index.exact("not one of them") == [])
    // The word lists as a dictionary of arrays, as the index kept them before.
    var postings: [Int32: [Int]] = [:]
    for (p, t) in texts.enumerated() {
      for w in Set(index.bag(t)) { postings[w, default: []].append(p) }
    }
    for q in texts.prefix(40) + ["ähtäri LAUSUNTO", "words never seen anywhere"] {
      let bag = index.bag(q)
      let found = index.similar(bag, rare: 4)
      // The same candidates in the same order: the rarest words' positions, first seen first.
      let rarest = Set(bag).filter { postings[$0] != nil }
        .sorted { (postings[$0]!.count, $0) < (postings[$1]!.count, $1) }.prefix(4)
      var seen = Set<Int>()
      let expected = rarest.flatMap { postings[$0]! }.filter { seen.insert($0).inserted }
      #expect(found.map(\.position) == expected, "query \(q.prefix(20))")
      // No position twice, each with its own similarity.
      #expect(Set(found.map(\.position)).count == found.count)
      for f in found { #expect(f.similarity == index.similarity(bag, f.position)) }
      // Every text sharing a word with the query is found when all its words are used.
      let all = index.similar(bag, rare: .max).map(\.position).sorted()
      let sharing = texts.indices.filter { p in Set(index.bag(texts[p])).intersection(bag).isEmpty == false }
      #expect(all == sharing, "query \(q.prefix(20))")
    }
    #expect(index.similar(index.bag("ähtäri LAUSUNTO"), rare: 4).map(\.position) == [399])
  }
}
