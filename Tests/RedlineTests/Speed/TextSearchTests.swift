import Foundation
import Testing

@testable import RedlineReview

/// Re-anchoring's byte search gives the answers `String.contains` gives, grapheme-safe.
@Suite struct TextSearchTests {
  @Test func agreesWithStringContainsOnFinnishAndSwedishText() {
    let hay =
      "Vahvistetaan alueellista varautumisyhteistyötä maakuntien liittojen, hyvinvointialueiden ja ELY-keskusten kesken – även på åländska."
    for needle in [
      "varautumisyhteistyötä", "ELY-keskusten kesken –", "åländska.", "Vahvistetaan", "yhteistyöta", "kesken —", "",
    ] {
      #expect(TextSearch.contains(hay, needle) == (needle.isEmpty || hay.contains(needle)), "\(needle)")
    }
  }

  @Test func neverMatchesHalfACharacter() {
    let decomposed = "Cafe\u{301} ja perhe 👩‍👩‍👧 jatkuu"
    #expect(!TextSearch.contains(decomposed, "Cafe"))  // the e carries an accent
    #expect(TextSearch.contains(decomposed, "Cafe\u{301}"))
    #expect(!TextSearch.contains(decomposed, "perhe 👩"))  // the woman is part of a family emoji
    #expect(TextSearch.contains(decomposed, "perhe 👩‍👩‍👧 jatkuu"))
    #expect(TextSearch.contains("aaab", "aab"))  // a later match after a partial one
  }
}
