import Foundation
import RedlineKit
import RedlineReport
import RedlineReview
import Testing

/// `redline comments --lang fi|sv|en` and the other human-facing outputs in the reader's
/// language (issue 11 item 1): a hand-made history with one thread of each status.
@Suite struct CommentsLanguageTests {
  static let a = ReviewTrustTests.a
  static let b = ReviewTrustTests.b
  static let c = ReviewTrustTests.c
  static let x = "Vesihuollon kustannukset jaetaan uudelleen kahdeksan vuoden siirtymäajan kuluessa."
  static let e = "Järjestöjen toimintaedellytykset turvataan pitkäjänteisellä rahoituksella."
  static let f = "Kylätoiminnan tuki jatkuu nykyisen ohjelmakauden loppuun saakka."
  static let g = "Toimeenpanoa seurataan vuosittain alueiden yhteistyöryhmissä."
  static var v1: String {
    "# Päätös\n\n## 1 Elinvoima\n\n\(a)\n\n\(b)\n\n\(x)\n\n## 2 Osallisuus\n\n\(c)\n\n\(e)\n\n\(f)\n"
  }
  static var v2: String {
    "# Päätös\n\n## 1 Elinvoima\n\n\(a)\n\n\(b.replacingOccurrences(of: "ratkaisevia", with: "tärkeitä"))\n\n## 2 Osallisuus\n\n\(c)\n\n\(e) \(f)\n"
  }
  static var v3: String { v2 + "\n## 3 Seuranta\n\n\(g)\n" }

  /// Thread ids by status.
  struct History {
    let dir: TempDir
    let repo: DraftRepository
    let ids: [ThreadStatus: String]
  }

  /// Sets the times of a thread's events (in file order), so dates print the same every run.
  static func setTimes(_ dir: TempDir, _ id: String, _ times: [Int64]) throws {
    let file = dir.path + "/reviews/\(id).jsonl"
    var text = try String(contentsOfFile: file, encoding: .utf8)
    let re = try NSRegularExpression(pattern: "\"time\":[0-9]+")
    let matches = re.matches(in: text, range: NSRange(text.startIndex..., in: text))
    #expect(matches.count == times.count, "\(id): \(matches.count) events")
    for (m, t) in zip(matches, times).reversed() {
      text.replaceSubrange(Range(m.range, in: text)!, with: "\"time\":\(t)")
    }
    try text.write(toFile: file, atomically: true, encoding: .utf8)
  }

  // 10.1.2020 10.00 (Helsinki) and the days after it.
  static let day: Int64 = 86_400
  static let jan10: Int64 = 1_578_643_200

  static func history() throws -> History {
    let (d, r) = datedRepo([v1, v2, v3])
    let who = "Aino Arvioija <aino@example.fi>"
    let open = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: "maakuntien kanssa", author: who, message: "Keiden maakuntien?",
      commit: false)
    _ = try r.addEvent(
      to: open.id, kind: .reply, author: "Liisa Virtanen <liisa@example.fi>", body: "Selvitetään.", commit: false)
    let addressed = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶2", quote: nil, author: "Kuntaliitto", message: "Liian jyrkästi.",
      commit: false)
    let resolved = try r.addComment(
      revision: "v1", path: nil, block: "§2 ¶1", quote: nil, author: "Suomen Kylät ry", message: "Hyvä kirjaus.",
      commit: false)
    _ = try r.addEvent(
      to: resolved.id, kind: .resolve, author: "Liisa Virtanen", body: "Kirjaus säilyy.", disposition: .partlyAccepted,
      at: "v2", commit: false)
    _ = try r.addEvent(
      to: resolved.id, kind: .resolve, author: "Liisa Virtanen", body: "Ei muutosta.", disposition: .notAccepted,
      at: "v2", commit: false,
      change: true)
    let merged = try r.addComment(
      revision: "v1", path: nil, block: "§2 ¶2", quote: nil, author: "Kuntaliitto", message: "Tuki kauemmin.",
      commit: false)
    let outdated = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶3", quote: nil, author: "Vesilaitosyhdistys", message: "Siirtymäaika?",
      commit: false)
    _ = try r.addEvent(
      to: outdated.id, kind: .resolve, author: "Liisa Virtanen", body: "", disposition: .noted, at: "v2", commit: false)
    _ = try r.addEvent(
      to: outdated.id, kind: .reopen, author: "Liisa Virtanen", body: "Perustelu puuttuu.", at: "v2", commit: false)
    let orphaned = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶3", quote: nil, author: "Vesilaitosyhdistys", message: "Kustannukset?",
      commit: false)
    let later = try r.addComment(
      revision: "v3", path: nil, block: "§3 ¶1", quote: nil, author: "Kuntaliitto", message: "Myöhemmin.", commit: false
    )
    // The orphaned thread: made on a commit this repository never had.
    let file = d.path + "/reviews/\(orphaned.id).jsonl"
    let v1id = git(d.path, "rev-parse", "v1")
    let text = try String(contentsOfFile: file, encoding: .utf8)
      .replacingOccurrences(of: v1id, with: String(repeating: "a", count: 40))
      .replacingOccurrences(of: "\"revision\":\"v1\"", with: "\"revision\":\"vanha\"")
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    d.write("reviews/rikki123.jsonl", "{\"type\":\"comment\", tämä ei ole JSONia\n")
    try setTimes(d, open.id, [jan10, jan10 + 10 * day])
    try setTimes(d, addressed.id, [jan10 + day])
    try setTimes(d, resolved.id, [jan10 + 2 * day, jan10 + 26 * day, jan10 + 27 * day])
    try setTimes(d, merged.id, [jan10 + 3 * day])
    try setTimes(d, outdated.id, [jan10 + 4 * day, jan10 + 28 * day, jan10 + 29 * day])
    try setTimes(d, orphaned.id, [jan10 + 5 * day])
    try setTimes(d, later.id, [jan10 + 55 * day])
    let ids: [ThreadStatus: String] = [
      .open: open.id, .addressed: addressed.id, .resolved: resolved.id, .merged: merged.id, .outdated: outdated.id,
      .orphaned: orphaned.id, .notYetMade: later.id, .unreadable: "rikki123",
    ]
    return History(dir: d, repo: r, ids: ids)
  }

  /// The listing at v2 in `language`, with the ids and v2's short commit.
  static func listing(_ h: History, _ language: Localization.Language, markdown: Bool) throws -> String {
    let rep = try h.repo.comments(at: "v2")
    for s in ThreadStatus.allCases {
      #expect(rep.threads.first { $0.id == h.ids[s] }?.placement.status == s, "\(s)")
    }
    return CommentsRenderer.text(rep, markdown: markdown, language: language)
  }

  static func shortCommit(_ h: History, _ rev: String) -> String { String(git(h.dir.path, "rev-parse", rev).prefix(7)) }

  @Test func finnishListingOfEveryStatus() throws {
    let h = try Self.history()
    let commit = Self.shortCommit(h, "v2")
    #expect(try Self.listing(h, .fi, markdown: false) == Self.fiText(h.ids, commit))
    #expect(try Self.listing(h, .fi, markdown: true) == Self.fiMarkdown(h.ids, commit))
  }

  @Test func swedishListingOfEveryStatus() throws {
    let h = try Self.history()
    let commit = Self.shortCommit(h, "v2")
    #expect(try Self.listing(h, .sv, markdown: false) == Self.svText(h.ids, commit))
    #expect(try Self.listing(h, .sv, markdown: true) == Self.svMarkdown(h.ids, commit))
  }

  /// Every word of the listing that is not the document's, a comment's or an error's own
  /// text is Swedish: no English label, status, disposition or connecting word.
  @Test func swedishListingHasNoEnglishLabel() throws {
    let h = try Self.history()
    let english = [
      "comments", "comment", "respondent", "respondents", "resolved", "addressed", "open", "merged", "outdated",
      "orphaned", "unreadable", "made", "yet", "taken", "account", "partly", "accepted", "noted", "reply", "replies",
      "reopened", "quoted", "note", "changed", "since", "deleted", "paragraph", "moved", "into", "after", "section",
      "heading", "line", "found", "confidence", "at", "on", "by", "was", "none", "unsaved", "based", "from", "now",
      "disposition", "the", "and",
    ]
    for markdown in [false, true] {
      let out = try Self.listing(h, .sv, markdown: markdown)
      // Leave out what is not Redline's own words: the error line, and the words of the
      // documents, the comments and the names (Finnish "on" is not English "on").
      func words(_ t: String) -> Set<String> { Set(t.lowercased().split { !$0.isLetter }.map(String.init)) }
      let theirs = words(
        Self.v1 + Self.v2 + Self.v3 + "Aino Arvioija Liisa Virtanen Kuntaliitto Suomen Kylät ry Vesilaitosyhdistys"
          + "Keiden maakuntien? Selvitetään. Liian jyrkästi. Hyvä kirjaus. Kirjaus säilyy. Ei muutosta. Tuki kauemmin."
          + " Siirtymäaika? Perustelu puuttuu. Kustannukset? Myöhemmin."
          // The thread ids and commit ids are random: a letter run in one (`3at9`) is not a word.
          + " " + h.ids.values.joined(separator: " ") + " " + Self.shortCommit(h, "v2"))
      let lines = out.split(separator: "\n").filter { !$0.contains("not a JSON object") }
      let own = words(lines.joined(separator: " ")).subtracting(theirs)
      #expect(own.contains("behandlad") && own.contains("remissinstanser"))
      for w in english { #expect(!own.contains(w), "English '\(w)' in the Swedish listing") }
      for raw in ThreadStatus.allCases.map(\.rawValue) + Disposition.allCases.map(\.rawValue) where raw.contains("_") {
        #expect(!out.contains(raw))
      }
    }
  }

  /// Internal names never show, in any language or format.
  @Test func internalNamesNeverShow() throws {
    let h = try Self.history()
    for l in Localization.Language.allCases {
      for md in [false, true] {
        let out = try Self.listing(h, l, markdown: md)
        for name in [
          "partly_accepted", "not_accepted", "not_yet_made", "exact_text", "partly accepted", "not accepted",
        ] {
          #expect(!out.contains(name), "\(name) in \(l) \(md ? "Markdown" : "terminal")")
        }
      }
    }
  }

  /// The CLI: --lang picks the language, the default follows `git config redline.lang`,
  /// then the locale; JSON is the same in every language.
  @Test func defaultLanguageFollowsGitConfig() throws {
    let h = try Self.history()
    let noLocale = ["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""]
    func comments(_ extra: [String], env: [String: String] = noLocale) -> String {
      run(redlineBinary, ["comments", "--at", "v2", "--repo", h.dir.path, "--no-pager"] + extra, env: env).stdout
    }
    #expect(comments([]).hasPrefix("Comments at v2"))
    #expect(
      comments([], env: ["LANG": "sv_FI.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]).hasPrefix("Remissvar i version v2"))
    git(h.dir.path, "config", "redline.lang", "fi")
    let fi = comments([])
    #expect(fi.hasPrefix("Lausuntopalaute versiossa v2"), "\(fi)")
    #expect(fi == Self.fiText(h.ids, Self.shortCommit(h, "v2")))
    #expect(
      comments([], env: ["LANG": "sv_FI.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]).hasPrefix("Lausuntopalaute"),
      "git config wins over the locale")
    #expect(comments(["--lang", "sv"]).hasPrefix("Remissvar i version v2"), "--lang wins over git config")
    #expect(comments(["--lang", "en", "--format", "markdown"]).hasPrefix("# Comments at v2"))
    git(h.dir.path, "config", "redline.lang", "sv")
    #expect(comments(["--format", "markdown"]) == Self.svMarkdown(h.ids, Self.shortCommit(h, "v2")))
    let json = comments(["--format", "json"])
    #expect(json.contains("\"schema\": \"redline.comments/2\""))
    #expect(json.contains("\"disposition\": \"not_accepted\""))
    #expect(
      json == comments(["--format", "json", "--lang", "fi"]) && json == comments(["--format", "json", "--lang", "en"]))
  }

  // Item 3: the summary says an outdated or merged thread still waits for a disposition.
  @Test func summaryMarksOutdatedAndMergedThreadsAsWaitingInEveryLanguage() throws {
    let h = try Self.history()
    let s = try h.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    let expected: [Localization.Language: (String, String, String)] = [
      .fi: (
        "Käsittely", "kohta poistettu, käsittely kirjaamatta",
        "teksti yhdistetty toiseen kohtaan, käsittely kirjaamatta"
      ),
      .sv: (
        "Behandling", "punkten struken, behandlingen inte antecknad",
        "texten sammanslagen med en annan punkt, behandlingen inte antecknad"
      ),
      .en: (
        "Handling", "paragraph deleted, handling not recorded", "merged into another paragraph, handling not recorded"
      ),
    ]
    for (l, (label, outdated, merged)) in expected {
      let md = SummaryRenderer.render(s, language: l, format: .markdown)
      #expect(md.contains("**\(label):** \(outdated)\n"), "\(l)")
      #expect(md.contains("**\(label):** \(merged)\n"), "\(l)")
      #expect(md.contains("| \(outdated) |") && md.contains("| \(merged) |"), "\(l): the table says it too")
      let html = SummaryRenderer.render(s, language: l, format: .html)
      #expect(html.contains(outdated) && html.contains(merged), "\(l)")
    }
    // Every status that waits for a person says so, in every language; no other does.
    let marks: [Localization.Language: [String]] = [
      .fi: ["käsittely kirjaamatta", "käsittelemättä"], .sv: ["behandlingen inte antecknad", "obehandlad"],
      .en: ["handling not recorded", "not yet handled"],
    ]
    for (l, words) in marks {
      for st in ThreadStatus.allCases {
        #expect(words.contains { Localization(l).status(st).contains($0) } == st.waitsForPerson, "\(l) \(st)")
      }
    }
  }

  /// `comment add/reply/resolve/reopen` confirm in the reader's language; `log` writes
  /// dates as 1.1.2020 klo 12.00; `show` and `outline` head the text in it.
  @Test func confirmationsLogAndShowInTheReadersLanguage() throws {
    let (d, _) = datedRepo([ReviewTrustTests.v1, ReviewTrustTests.v2])
    let env = ["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""]
    func redline(_ args: [String]) -> String {
      let r = run(redlineBinary, args + ["--repo", d.path], env: env)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      return r.stdout
    }
    let added = redline([
      "comment", "add", "v1", "--block", "§1 ¶2", "--author", "Aino", "--message", "x", "--lang", "fi",
    ])
    let id = String(added.prefix(8))
    #expect(added == "\(id)  kohtaan §1 ¶2, doc.md, versiossa v1\n")
    #expect(
      redline(["comment", "add", "v1", "--heading", "2", "--author", "Aino", "--message", "y", "--lang", "sv"])
        .dropFirst(8)
        == "  på rubriken §2 i doc.md, i version v1\n")
    #expect(
      redline(["comment", "reply", id, "--message", "z", "--author", "Liisa", "--lang", "sv"]) == "\(id)  1 svar\n")
    #expect(
      redline(["comment", "reply", id, "--message", "z", "--author", "Liisa", "--lang", "fi"]) == "\(id)  2 vastausta\n"
    )
    #expect(
      redline([
        "comment", "resolve", id, "--disposition", "partly-accepted", "--at", "v2", "--author", "Liisa", "--lang", "fi",
        "--commit",
      ])
        == "\(id)  käsitelty (osittain huomioitu) (kirjattu versionhallintaan)\n")
    #expect(
      redline(["comment", "reopen", id, "--at", "v2", "--author", "Liisa", "--lang", "sv"]) == "\(id)  återöppnad\n")
    #expect(
      redline(["comment", "resolve", id, "--disposition", "noted", "--at", "v2", "--author", "Liisa", "--lang", "en"])
        == "\(id)  resolved (noted)\n")
    git(d.path, "config", "redline.lang", "sv")
    #expect(
      redline(["comment", "reopen", id, "--at", "v2", "--author", "Liisa"]) == "\(id)  återöppnad\n",
      "default from git config")

    let v1 = String(git(d.path, "rev-parse", "v1").prefix(7))
    let fiLog = redline(["log", "--lang", "fi"])
    #expect(fiLog.contains("\(v1) (v1)  1.1.2020 klo 12.00  Testi Tekijä  v1\n"), "\(fiLog)")
    #expect(redline(["log", "--lang", "sv"]).contains("(v2)  1.2.2020 kl. 12.00  "))
    #expect(redline(["log", "--lang", "en"]).contains("(v1)  2020-01-01 12:00  "))
    #expect(redline(["log"]).contains("(v1)  1.1.2020 kl. 12.00  "), "default from git config")

    #expect(
      redline(["show", "v1", "--lang", "fi"]).hasPrefix("doc.md versiossa v1 (\(v1)): 3 lukua, 3 lohkoa, 11 riviä\n"))
    let sv = redline(["show", "v1", "--lang", "sv"])
    #expect(sv.hasPrefix("doc.md i version v1 (\(v1)): 3 kapitel, 3 block, 11 rader\n"))
    #expect(sv.contains("\n## 1 Elinvoima    [§1, rad 3]\n"), "\(sv)")
    #expect(
      redline(["show", "v1", "--lang", "en"]).hasPrefix("doc.md at v1 (\(v1)): 3 sections, 3 blocks, 11 lines\n"))
    #expect(redline(["outline", "v1", "--lang", "fi"]).hasPrefix("doc.md versiossa v1 (\(v1)): 3 lukua"))
  }

  @Test func placesInEveryLanguage() {
    let fi = Localization(.fi)
    let sv = Localization(.sv)
    #expect(fi[.movedTo, "§4 ¶1"] == "siirretty kohtaan §4 ¶1" && sv[.movedTo, "§4 ¶1"] == "flyttad till §4 ¶1")
    #expect(
      fi[.mergedInto, "§2.2 ¶3"] == "yhdistetty kohtaan §2.2 ¶3"
        && sv[.mergedInto, "§2.2 ¶3"] == "sammanslagen med §2.2 ¶3"
    )
    #expect(Localization(.en)[.mergedInto, "§2.2 ¶3"] == "merged into §2.2 ¶3")
    #expect(
      fi.commentTarget(.heading, "§3.3") == "otsikkoon §3.3" && fi.commentTarget(.section, "§3.3") == "lukuun §3.3")
    #expect(
      sv.commentTarget(.heading, "§3.3") == "på rubriken §3.3"
        && sv.commentTarget(.section, "§3.3") == "på kapitel §3.3")
    #expect(fi.unsaved(base: "1a2b3c4d5e") == "WORKTREE (tallentamaton teksti, pohjana 1a2b3c4)")
    #expect(sv.unsaved(base: nil) == "WORKTREE (osparad text)")
    #expect(fi.statusLabel(.notYetMade) == "ei vielä tehty" && sv.statusLabel(.notYetMade) == "ännu inte gjord")
    #expect(fi[.madeAfter, "v2"] == "tehty version v2 jälkeen" && sv[.madeAfter, "v2"] == "gjord efter version v2")
    for s in ThreadStatus.allCases {
      #expect(
        fi.statusLabel(s) != Localization(.en).statusLabel(s) && sv.statusLabel(s) != Localization(.en).statusLabel(s))
    }
  }

  @Test func countsAgreeWithTheirNumbers() {
    let fi = Localization(.fi)
    let sv = Localization(.sv)
    let en = Localization(.en)
    #expect(fi.commentCounts(0, respondents: 0, []) == "ei huomioita")
    #expect(fi.commentCounts(1, respondents: 1, [(.open, 1)]) == "1 huomio 1 lausunnonantajalta (käsittelemättä 1)")
    #expect(
      fi.commentCounts(2, respondents: 2, [(.resolved, 1), (.outdated, 1)])
        == "2 huomiota 2 lausunnonantajalta (käsitelty 1, kohta poistettu 1)")
    #expect(sv.commentCounts(0, respondents: 0, []) == "inga synpunkter")
    #expect(sv.commentCounts(1, respondents: 1, [(.open, 1)]) == "1 synpunkt från 1 remissinstans (1 obehandlad)")
    #expect(
      sv.commentCounts(2, respondents: 2, [(.resolved, 2), (.outdated, 2)])
        == "2 synpunkter från 2 remissinstanser (2 behandlade, 2 på strukna punkter)")
    #expect(en.commentCounts(1, respondents: 1, [(.notYetMade, 1)]) == "1 comment from 1 respondent (1 not yet made)")
    #expect(
      fi.replies(1) == "1 vastaus" && fi.replies(2) == "2 vastausta" && sv.replies(1) == "1 svar"
        && en.replies(2) == "2 replies")
    #expect(
      fi.versionHeader(path: "a.md", revision: "v1", id: nil, sections: 1, blocks: 1, lines: 1)
        == "a.md versiossa v1: 1 luku, 1 lohko, 1 rivi")
    #expect(
      sv.versionHeader(path: "a.md", revision: "v1", id: nil, sections: 1, blocks: 2, lines: 1)
        == "a.md i version v1: 1 kapitel, 2 block, 1 rad")
    // 2023-10-16T09:00+03:00; a zone west of UTC moves the day back.
    #expect(fi.dateTime(1_697_436_000, offsetMinutes: 180) == "16.10.2023 klo 9.00")
    #expect(sv.dateTime(1_697_436_000, offsetMinutes: 180) == "16.10.2023 kl. 9.00")
    #expect(en.dateTime(1_697_436_000, offsetMinutes: 180) == "2023-10-16 09:00")
    #expect(fi.dateTime(1_697_436_000, offsetMinutes: -600) == "15.10.2023 klo 20.00")
    #expect(fi.foundBy(.fuzzy, confidence: 0.934) == "[löydetty samankaltaisuuden perusteella, varmuus 0,93]")
    #expect(sv.foundBy(.quote, confidence: 0.5) == "[hittad genom citatet, säkerhet 0,50]")
    #expect(en.foundBy(.exactText, confidence: 1) == "[found by exact text, confidence 1.00]")
  }

  static func fiText(_ id: [ThreadStatus: String], _ commit: String) -> String {
    """
    Lausuntopalaute versiossa v2 (\(commit)): 8 huomiota 4 lausunnonantajalta (käsitelty 1, teksti muuttunut 1, käsittelemättä 1, yhdistetty 1, kohta poistettu 1, kohtaa ei löydy 1, ei luettavissa 1, ei vielä tehty 1)

    \(id[.open]!)  KÄSITTELEMÄTTÄ  Aino Arvioija, 10.1.2020, kohtaan §1 ¶1 versiossa v1, nyt §1 ¶1 (rivi 5)
        “Keiden maakuntien?”
        lainaus: “maakuntien kanssa”
        ↳ Liisa Virtanen, 20.1.2020: Selvitetään.

    \(id[.addressed]!)  TEKSTI MUUTTUNUT  Kuntaliitto, 11.1.2020, kohtaan §1 ¶2 versiossa v1, nyt §1 ¶2 (rivi 7)
        “Liian jyrkästi.”
        muutettu sen jälkeen: Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille [-ratkaisevia-]{+tärkeitä+}.

    \(id[.resolved]!)  KÄSITELTY  Suomen Kylät ry, 12.1.2020, kohtaan §2 ¶1 versiossa v1, nyt §2 ¶1 (rivi 11)
        “Hyvä kirjaus.”
        ✓ käsitelty (osittain huomioitu) – Liisa Virtanen, versio v2, 5.2.2020: Kirjaus säilyy.
        ✓ käsittely muutettu: ei huomioitu (aiemmin osittain huomioitu) – Liisa Virtanen, versio v2, 6.2.2020: Ei muutosta.

    \(id[.merged]!)  YHDISTETTY  Kuntaliitto, 13.1.2020, kohtaan §2 ¶2 versiossa v1, yhdistetty kohtaan §2 ¶2 (rivi 13)
        “Tuki kauemmin.”
        muutettu sen jälkeen: Järjestöjen toimintaedellytykset turvataan pitkäjänteisellä rahoituksella.{+ Kylätoiminnan tuki jatkuu nykyisen ohjelmakauden loppuun saakka.+}

    \(id[.outdated]!)  KOHTA POISTETTU  Vesilaitosyhdistys, 14.1.2020, kohtaan §1 ¶3 versiossa v1
        “Siirtymäaika?”
        ✓ käsitelty (merkitty tiedoksi) – Liisa Virtanen, versio v2, 7.2.2020
        ↺ avattu uudelleen – Liisa Virtanen, versio v2, 8.2.2020: Perustelu puuttuu.
        poistettu kohta: [-Vesihuollon kustannukset jaetaan uudelleen kahdeksan vuoden siirtymäajan kuluessa.-]

    \(id[.orphaned]!)  KOHTAA EI LÖYDY  Vesilaitosyhdistys, 15.1.2020, kohtaan §1 ¶3 versiossa vanha
        “Kustannukset?”

    \(id[.notYetMade]!)  EI VIELÄ TEHTY  Kuntaliitto, 5.3.2020, tehty version v2 jälkeen, kohtaan §3 ¶1 versiossa v3

    rikki123  EI LUETTAVISSA  reviews/rikki123.jsonl line 1: not a JSON object; fix or remove that line (each line is one JSON event)

    """
  }

  static func fiMarkdown(_ id: [ThreadStatus: String], _ commit: String) -> String {
    """
    # Lausuntopalaute versiossa v2

    8 huomiota 4 lausunnonantajalta (käsitelty 1, teksti muuttunut 1, käsittelemättä 1, yhdistetty 1, kohta poistettu 1, kohtaa ei löydy 1, ei luettavissa 1, ei vielä tehty 1)

    ## \(id[.open]!) — KÄSITTELEMÄTTÄ

    *Aino Arvioija, 10.1.2020, kohtaan §1 ¶1 versiossa v1, nyt §1 ¶1 (rivi 5)*

    > Keiden maakuntien?

    Lainaus: “maakuntien kanssa”

    - Liisa Virtanen vastasi, 20.1.2020: Selvitetään.

    ## \(id[.addressed]!) — TEKSTI MUUTTUNUT

    *Kuntaliitto, 11.1.2020, kohtaan §1 ¶2 versiossa v1, nyt §1 ¶2 (rivi 7)*

    > Liian jyrkästi.


    Kohdan muutokset lausunnon jälkeen: Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille <del>ratkaisevia</del><ins>tärkeitä</ins>.

    ## \(id[.resolved]!) — KÄSITELTY

    *Suomen Kylät ry, 12.1.2020, kohtaan §2 ¶1 versiossa v1, nyt §2 ¶1 (rivi 11)*

    > Hyvä kirjaus.

    - käsitelty (osittain huomioitu) – Liisa Virtanen, versio v2, 5.2.2020: Kirjaus säilyy.
    - käsittely muutettu: ei huomioitu (aiemmin osittain huomioitu) – Liisa Virtanen, versio v2, 6.2.2020: Ei muutosta.

    ## \(id[.merged]!) — YHDISTETTY

    *Kuntaliitto, 13.1.2020, kohtaan §2 ¶2 versiossa v1, yhdistetty kohtaan §2 ¶2 (rivi 13)*

    > Tuki kauemmin.


    Kohdan muutokset lausunnon jälkeen: Järjestöjen toimintaedellytykset turvataan pitkäjänteisellä rahoituksella.<ins> Kylätoiminnan tuki jatkuu nykyisen ohjelmakauden loppuun saakka.</ins>

    ## \(id[.outdated]!) — KOHTA POISTETTU

    *Vesilaitosyhdistys, 14.1.2020, kohtaan §1 ¶3 versiossa v1*

    > Siirtymäaika?

    - käsitelty (merkitty tiedoksi) – Liisa Virtanen, versio v2, 7.2.2020
    - avattu uudelleen – Liisa Virtanen, versio v2, 8.2.2020: Perustelu puuttuu.

    Kohta poistettiin: <del>Vesihuollon kustannukset jaetaan uudelleen kahdeksan vuoden siirtymäajan kuluessa.</del>

    ## \(id[.orphaned]!) — KOHTAA EI LÖYDY

    *Vesilaitosyhdistys, 15.1.2020, kohtaan §1 ¶3 versiossa vanha*

    > Kustannukset?


    ## \(id[.notYetMade]!) — EI VIELÄ TEHTY

    *Kuntaliitto, 5.3.2020, tehty version v2 jälkeen, kohtaan §3 ¶1 versiossa v3*

    ## rikki123 — EI LUETTAVISSA

    reviews/rikki123.jsonl line 1: not a JSON object; fix or remove that line (each line is one JSON event)

    """
  }

  static func svText(_ id: [ThreadStatus: String], _ commit: String) -> String {
    """
    Remissvar i version v2 (\(commit)): 8 synpunkter från 4 remissinstanser (1 behandlad, 1 med ändrad text, 1 obehandlad, 1 på sammanslagen text, 1 på struken punkt, 1 hittas inte, 1 oläslig, 1 ännu inte gjord)

    \(id[.open]!)  OBEHANDLAD  Aino Arvioija, 10.1.2020, på §1 ¶1 i version v1, nu §1 ¶1 (rad 5)
        “Keiden maakuntien?”
        citat: “maakuntien kanssa”
        ↳ Liisa Virtanen, 20.1.2020: Selvitetään.

    \(id[.addressed]!)  TEXTEN ÄNDRAD  Kuntaliitto, 11.1.2020, på §1 ¶2 i version v1, nu §1 ¶2 (rad 7)
        “Liian jyrkästi.”
        ändrat sedan dess: Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille [-ratkaisevia-]{+tärkeitä+}.

    \(id[.resolved]!)  BEHANDLAD  Suomen Kylät ry, 12.1.2020, på §2 ¶1 i version v1, nu §2 ¶1 (rad 11)
        “Hyvä kirjaus.”
        ✓ behandlad (delvis beaktad) – Liisa Virtanen, version v2, 5.2.2020: Kirjaus säilyy.
        ✓ behandlingen ändrad: inte beaktad (tidigare delvis beaktad) – Liisa Virtanen, version v2, 6.2.2020: Ei muutosta.

    \(id[.merged]!)  SAMMANSLAGEN  Kuntaliitto, 13.1.2020, på §2 ¶2 i version v1, sammanslagen med §2 ¶2 (rad 13)
        “Tuki kauemmin.”
        ändrat sedan dess: Järjestöjen toimintaedellytykset turvataan pitkäjänteisellä rahoituksella.{+ Kylätoiminnan tuki jatkuu nykyisen ohjelmakauden loppuun saakka.+}

    \(id[.outdated]!)  PUNKTEN STRUKEN  Vesilaitosyhdistys, 14.1.2020, på §1 ¶3 i version v1
        “Siirtymäaika?”
        ✓ behandlad (för kännedom) – Liisa Virtanen, version v2, 7.2.2020
        ↺ återöppnad – Liisa Virtanen, version v2, 8.2.2020: Perustelu puuttuu.
        struken punkt: [-Vesihuollon kustannukset jaetaan uudelleen kahdeksan vuoden siirtymäajan kuluessa.-]

    \(id[.orphaned]!)  PUNKTEN HITTAS INTE  Vesilaitosyhdistys, 15.1.2020, på §1 ¶3 i version vanha
        “Kustannukset?”

    \(id[.notYetMade]!)  ÄNNU INTE GJORD  Kuntaliitto, 5.3.2020, gjord efter version v2, på §3 ¶1 i version v3

    rikki123  KAN INTE LÄSAS  reviews/rikki123.jsonl line 1: not a JSON object; fix or remove that line (each line is one JSON event)

    """
  }

  static func svMarkdown(_ id: [ThreadStatus: String], _ commit: String) -> String {
    """
    # Remissvar i version v2

    8 synpunkter från 4 remissinstanser (1 behandlad, 1 med ändrad text, 1 obehandlad, 1 på sammanslagen text, 1 på struken punkt, 1 hittas inte, 1 oläslig, 1 ännu inte gjord)

    ## \(id[.open]!) — OBEHANDLAD

    *Aino Arvioija, 10.1.2020, på §1 ¶1 i version v1, nu §1 ¶1 (rad 5)*

    > Keiden maakuntien?

    Citat: “maakuntien kanssa”

    - Liisa Virtanen svarade, 20.1.2020: Selvitetään.

    ## \(id[.addressed]!) — TEXTEN ÄNDRAD

    *Kuntaliitto, 11.1.2020, på §1 ¶2 i version v1, nu §1 ¶2 (rad 7)*

    > Liian jyrkästi.


    Ändringar i punkten efter remissvaret: Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille <del>ratkaisevia</del><ins>tärkeitä</ins>.

    ## \(id[.resolved]!) — BEHANDLAD

    *Suomen Kylät ry, 12.1.2020, på §2 ¶1 i version v1, nu §2 ¶1 (rad 11)*

    > Hyvä kirjaus.

    - behandlad (delvis beaktad) – Liisa Virtanen, version v2, 5.2.2020: Kirjaus säilyy.
    - behandlingen ändrad: inte beaktad (tidigare delvis beaktad) – Liisa Virtanen, version v2, 6.2.2020: Ei muutosta.

    ## \(id[.merged]!) — SAMMANSLAGEN

    *Kuntaliitto, 13.1.2020, på §2 ¶2 i version v1, sammanslagen med §2 ¶2 (rad 13)*

    > Tuki kauemmin.


    Ändringar i punkten efter remissvaret: Järjestöjen toimintaedellytykset turvataan pitkäjänteisellä rahoituksella.<ins> Kylätoiminnan tuki jatkuu nykyisen ohjelmakauden loppuun saakka.</ins>

    ## \(id[.outdated]!) — PUNKTEN STRUKEN

    *Vesilaitosyhdistys, 14.1.2020, på §1 ¶3 i version v1*

    > Siirtymäaika?

    - behandlad (för kännedom) – Liisa Virtanen, version v2, 7.2.2020
    - återöppnad – Liisa Virtanen, version v2, 8.2.2020: Perustelu puuttuu.

    Punkten ströks: <del>Vesihuollon kustannukset jaetaan uudelleen kahdeksan vuoden siirtymäajan kuluessa.</del>

    ## \(id[.orphaned]!) — PUNKTEN HITTAS INTE

    *Vesilaitosyhdistys, 15.1.2020, på §1 ¶3 i version vanha*

    > Kustannukset?


    ## \(id[.notYetMade]!) — ÄNNU INTE GJORD

    *Kuntaliitto, 5.3.2020, gjord efter version v2, på §3 ¶1 i version v3*

    ## rikki123 — KAN INTE LÄSAS

    reviews/rikki123.jsonl line 1: not a JSON object; fix or remove that line (each line is one JSON event)

    """
  }
}
