import Foundation
import RedlineKit
import RedlineReport
import RedlineReview
import Testing

/// The language review: exact Finnish and Swedish for counted phrases, every phrase in
/// every language, and the consultation's own words.
@Suite struct LocalizationTests {
  let fi = Localization(.fi)
  let sv = Localization(.sv)
  let en = Localization(.en)

  @Test func finnishCountSentencesFor0_1_2() {
    #expect(fi.changeSentence(sections: 0, .init()) == "Lukuihin ei tehty muutoksia.")
    #expect(fi.changeSentence(sections: 1, .init(added: 1)) == "1 luku muuttui: 1 kappale lisättiin.")
    #expect(
      fi.changeSentence(sections: 2, .init(added: 2, deleted: 2, modified: 2, moved: 2))
        == "2 lukua muuttui: 2 kappaletta lisättiin, 2 poistettiin, 2 muutettiin ja 2 siirrettiin.")
    #expect(
      fi.changeSentence(sections: 31, .init(added: 56, deleted: 12, modified: 40, moved: 3))
        == "31 lukua muuttui: 56 kappaletta lisättiin, 12 poistettiin, 40 muutettiin ja 3 siirrettiin.")
    #expect(fi.paragraphSentence(.init()) == "Kappaleisiin ei tehty muutoksia.")
    #expect(fi.paragraphSentence(.init(modified: 1)) == "1 kappale muutettiin.")
    #expect(fi.paragraphSentence(.init(deleted: 2, moved: 1)) == "2 kappaletta poistettiin ja 1 siirrettiin.")
    #expect(fi.changedParagraphs(0) == "0 muuttunutta kappaletta")
    #expect(fi.changedParagraphs(1) == "1 muuttunut kappale")
    #expect(fi.changedParagraphs(2) == "2 muuttunutta kappaletta")
    #expect(fi.changedBy(1) == "Muutosten tekijä")
    #expect(fi.changedBy(2) == "Muutosten tekijät")
    #expect(fi.count(1, .paragraph) == "1 kappale" && fi.count(2, .paragraph) == "2 kappaletta")
    #expect(fi.responsesSentence(points: 1, respondents: 1) == "1 lausunnonantaja esitti huomioita 1 kohtaan.")
    #expect(fi.responsesSentence(points: 2, respondents: 2) == "2 lausunnonantajaa esitti huomioita 2 kohtaan.")
    #expect(fi.count(1, .listItem) == "1 luettelokohta" && fi.count(2, .table) == "2 taulukkoa")
  }

  @Test func swedishCountSentencesFor0_1_2() {
    #expect(sv.changeSentence(sections: 0, .init()) == "Inga kapitel ändrades.")
    #expect(sv.changeSentence(sections: 1, .init(added: 1)) == "1 kapitel ändrades: 1 stycke lades till.")
    #expect(
      sv.changeSentence(sections: 2, .init(added: 2, deleted: 2, modified: 2, moved: 2))
        == "2 kapitel ändrades: 2 stycken lades till, 2 ströks, 2 ändrades och 2 flyttades.")
    #expect(sv.paragraphSentence(.init()) == "Inga stycken ändrades.")
    #expect(sv.paragraphSentence(.init(modified: 1)) == "1 stycke ändrades.")
    #expect(sv.paragraphSentence(.init(deleted: 2, moved: 1)) == "2 stycken ströks och 1 flyttades.")
    #expect(sv.changedParagraphs(0) == "0 ändrade stycken")
    #expect(sv.changedParagraphs(1) == "1 ändrat stycke")
    #expect(sv.changedParagraphs(2) == "2 ändrade stycken")
    #expect(sv.count(1, .paragraph) == "1 stycke" && sv.count(2, .paragraph) == "2 stycken")
    #expect(sv.responsesSentence(points: 1, respondents: 1) == "1 remissinstans lämnade synpunkter på 1 punkt.")
    #expect(sv.responsesSentence(points: 2, respondents: 2) == "2 remissinstanser lämnade synpunkter på 2 punkter.")
  }

  @Test func englishAgreement() {
    #expect(
      en.changeSentence(sections: 1, .init(added: 1, deleted: 2))
        == "1 section changed: 1 paragraph was added and 2 deleted.")
    #expect(en.paragraphSentence(.init(added: 2)) == "2 paragraphs were added.")
    #expect(en.responsesSentence(points: 1, respondents: 1) == "1 respondent commented on 1 point.")
  }

  @Test func consultationVocabulary() {
    let expected: [Localization.Language: [Disposition: String]] = [
      .fi: [
        .accepted: "huomioitu", .partlyAccepted: "osittain huomioitu", .notAccepted: "ei huomioitu",
        .noted: "merkitty tiedoksi",
      ],
      .sv: [
        .accepted: "beaktad", .partlyAccepted: "delvis beaktad", .notAccepted: "inte beaktad", .noted: "för kännedom",
      ],
      .en: [
        .accepted: "taken into account", .partlyAccepted: "partly taken into account",
        .notAccepted: "not taken into account", .noted: "noted",
      ],
    ]
    for (lang, table) in expected {
      for (d, word) in table { #expect(Localization(lang).disposition(d) == word) }
    }
    #expect(fi[.respondent] == "Lausunnonantaja" && fi[.comments] == "Lausuntopalautteen käsittely")
    #expect(sv[.respondent] == "Remissinstans" && sv[.legendTitle] == "Teckenförklaring")
    #expect(en[.respondent] == "Respondent")
  }

  /// Every phrase exists in every language by construction (one exhaustive switch per
  /// language); this checks none is empty and Finnish and Swedish are not English left in.
  @Test func everyPhraseInEveryLanguage() {
    for k in Localization.Key.allCases {
      #expect(!fi[k].isEmpty && !sv[k].isEmpty && !en[k].isEmpty, "\(k)")
      #expect(fi[k] != en[k], "Finnish \(k) is the English")
      #expect(sv[k] != en[k], "Swedish \(k) is the English")
    }
    for s in ThreadStatus.allCases {
      #expect(fi.status(s) != en.status(s) && sv.status(s) != en.status(s), "\(s)")
      #expect(![fi.status(s), sv.status(s), en.status(s)].contains { $0.contains("_") }, "\(s)")
    }
  }

  @Test func datesAsFinnishAuthoritiesWriteThem() {
    // 2023-10-16T09:00+03:00, the demo's first commit.
    #expect(fi.date(1_697_436_000) == "16.10.2023")
    #expect(sv.date(1_697_436_000) == "16.10.2023")
    #expect(en.date(1_697_436_000) == "16.10.2023")
    // The day in Helsinki: 2023-10-15T22:30Z is already 16 October there (UTC+3, summer time).
    #expect(fi.date(1_697_409_000) == "16.10.2023")
    // Winter time (UTC+2): 2023-12-31T22:30Z is New Year's Day.
    #expect(fi.date(1_704_061_800) == "1.1.2024")
    #expect(fi.date(0) == "1.1.1970")
    #expect(fi.date(951_782_400) == "29.2.2000")
  }

  @Test func languageOfAResponse() {
    #expect(TextLanguage.guess("Monipaikkaisuus är ett bra tillägg. Texten kan stå kvar som den är.") == .sv)
    #expect(TextLanguage.guess("Osallisuus on säilytettävä omana edellytyksenään, ja se on tärkeää.") == .fi)
    #expect(TextLanguage.guess("Bra.") == nil)
  }

  @Test func outputFormatFromFileName() {
    #expect(OutputFormat.fromFileName("out/yhteenveto.html") == .html)
    #expect(OutputFormat.fromFileName("x.HTM") == .html)
    #expect(OutputFormat.fromFileName("x.md") == .markdown)
    #expect(OutputFormat.fromFileName("x.json") == .json)
    #expect(OutputFormat.fromFileName("x.pdf") == nil)
    #expect(OutputFormat.fromFileName(".md") == nil)
    #expect(OutputFormat.fromFileName("dir.md/file") == nil)
    #expect(OutputFormat.choose(explicit: .html, output: "x.md", fallback: .text) == .html)
    #expect(OutputFormat.choose(explicit: nil, output: "x.md", fallback: .text) == .markdown)
    #expect(OutputFormat.choose(explicit: nil, output: nil, fallback: .text) == .text)
  }
}

@Suite struct TextWrapTests {
  @Test func wrapsWithAHangingIndent() {
    let w = TextWrap.wrap(
      "Käsittely: kohta poistettiin ja teksti siirrettiin lukuun kolme.", width: 24, first: "- ", indent: 2)
    #expect(w == "- Käsittely: kohta\n  poistettiin ja teksti\n  siirrettiin lukuun\n  kolme.")
  }

  @Test func neverSplitsAGrapheme() {
    // "e" + combining acute, and a family emoji: a long word broken between graphemes only.
    let word = String(repeating: "e\u{301}", count: 30) + "👨‍👩‍👧" + String(repeating: "ä", count: 10)
    let w = TextWrap.wrap(word, width: 12, indent: 2)
    let lines = w.split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.joined().replacingOccurrences(of: " ", with: "") == word)
    for l in lines {
      #expect(TextWrap.columns(l) <= 12, "\(l)")
      #expect(l.unicodeScalars.first != "\u{301}")
    }
    #expect(lines.contains { $0.contains("👨‍👩‍👧") })
  }

  @Test func keepsRunsOfSpacesButNotAtAWrap() {
    #expect(TextWrap.wrap("1 Johdanto  · rivi 23", width: 40) == "1 Johdanto  · rivi 23")
    #expect(TextWrap.wrap("aaaa  bbbb  cccc", width: 10, indent: 2) == "aaaa  bbbb\n  cccc")
    #expect(TextWrap.wrap("  sisennys", width: 20) == "  sisennys")
  }

  @Test func keepsParagraphBreaks() {
    #expect(TextWrap.wrap("a b\nc", width: 20) == "a b\nc")
    #expect(TextWrap.wrap("", width: 20) == "")
  }
}

@Suite struct DateTextTests {
  @Test func isoDaysAndMinutesAtAnOffset() {
    // 2023-10-16T09:00+03:00
    #expect(DateText.isoDay(1_697_436_000, offsetSeconds: 10_800) == "2023-10-16")
    #expect(DateText.isoMinute(1_697_436_000, offsetMinutes: 180) == "2023-10-16 09:00")
    #expect(DateText.isoMinute(1_697_436_000, offsetMinutes: 0) == "2023-10-16 06:00")
    // Before 1970 and across a day boundary westwards.
    #expect(DateText.isoMinute(-1, offsetMinutes: 0) == "1969-12-31 23:59")
    #expect(DateText.isoDay(1_697_436_000, offsetSeconds: -10 * 3600) == "2023-10-15")
    #expect(DateText.helsinkiOffset(1_697_436_000) == 10_800 && DateText.helsinkiOffset(1_704_061_800) == 7200)
  }

  /// Matches Foundation's formatter on a spread of times (the hand-written calendar).
  @Test func agreesWithFoundation() {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "Europe/Helsinki")
    f.dateFormat = "d.M.yyyy"
    var t: Int64 = -2_000_000_000
    while t < 4_000_000_000 {
      #expect(DateText.finnish(t) == f.string(from: Date(timeIntervalSince1970: TimeInterval(t))), "\(t)")
      t += 7_777_777
    }
  }
}
