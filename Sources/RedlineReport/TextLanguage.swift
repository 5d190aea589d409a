/// Tells Finnish, Swedish and English apart in a short text (a consultation response)
/// by their most common words, so a page can mark a response's language.
package enum TextLanguage {
  static let words: [(Localization.Language, Set<Substring>)] = [
    (
      .fi,
      [
        "ja", "on", "ei", "että", "se", "tai", "kuin", "myös", "sekä", "ovat", "tulee", "mutta", "kanssa", "jotta",
        "tämä", "ole", "kun", "osana",
      ]
    ),
    (
      .sv,
      [
        "och", "att", "är", "som", "för", "inte", "med", "av", "på", "det", "en", "ett", "till", "om", "bör", "ska",
        "också", "den",
      ]
    ),
    (
      .en,
      ["and", "the", "is", "of", "to", "that", "not", "for", "with", "are", "be", "this", "should", "it", "in", "as"]
    ),
  ]

  /// The language with clearly the most common words in `text`; nil when too short or unclear.
  package static func guess(_ text: String) -> Localization.Language? {
    let tokens = text.lowercased().split { !$0.isLetter }
    guard tokens.count >= 3 else { return nil }
    let scores = words.map { lang, set in (lang, tokens.filter { set.contains($0) }.count) }.sorted { $0.1 > $1.1 }
    guard scores[0].1 >= 2, scores[0].1 >= 2 * scores[1].1 else { return nil }
    return scores[0].0
  }
}
