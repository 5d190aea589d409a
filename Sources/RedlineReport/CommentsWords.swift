import Foundation
import RedlineReview

/// The phrases of `redline comments`, `comment …`, `log` and `show` in Finnish, Swedish and
/// English: one exhaustive `switch` per phrase, number agreement written out. A comment is
/// a *huomio* / *synpunkt* from a *lausunnonantaja* / *remissinstans*; dispositions are the
/// consultation's words (`disposition(_:)`), never the internal names.
extension Localization {
  // MARK: Statuses

  /// The short status of one thread in a listing: "käsittelemättä", "obehandlad", "open".
  /// English keeps the names `--status` takes, in words ("not yet made").
  package func statusLabel(_ s: ThreadStatus) -> String {
    switch (language, s) {
    case (.fi, .resolved): "käsitelty"
    case (.fi, .addressed): "teksti muuttunut"
    case (.fi, .open): "käsittelemättä"
    case (.fi, .merged): "yhdistetty"
    case (.fi, .outdated): "kohta poistettu"
    case (.fi, .orphaned): "kohtaa ei löydy"
    case (.fi, .unreadable): "ei luettavissa"
    case (.fi, .notYetMade): "ei vielä tehty"
    case (.sv, .resolved): "behandlad"
    case (.sv, .addressed): "texten ändrad"
    case (.sv, .open): "obehandlad"
    case (.sv, .merged): "sammanslagen"
    case (.sv, .outdated): "punkten struken"
    case (.sv, .orphaned): "punkten hittas inte"
    case (.sv, .unreadable): "kan inte läsas"
    case (.sv, .notYetMade): "ännu inte gjord"
    case (.en, .resolved): "resolved"
    case (.en, .addressed): "addressed"
    case (.en, .open): "open"
    case (.en, .merged): "merged"
    case (.en, .outdated): "outdated"
    case (.en, .orphaned): "orphaned"
    case (.en, .unreadable): "unreadable"
    case (.en, .notYetMade): "not yet made"
    }
  }

  /// One count of the listing's first line: "käsittelemättä 2" (Finnish status lists put
  /// the number after the word), "2 obehandlade", "2 open".
  package func statusCount(_ s: ThreadStatus, _ n: Int) -> String {
    switch language {
    case .fi: return "\(statusLabel(s)) \(n)"
    case .en: return "\(n) \(statusLabel(s))"
    case .sv:
      let (one, many): (String, String) =
        switch s {
        case .resolved: ("behandlad", "behandlade")
        case .addressed: ("med ändrad text", "med ändrad text")
        case .open: ("obehandlad", "obehandlade")
        case .merged: ("på sammanslagen text", "på sammanslagen text")
        case .outdated: ("på struken punkt", "på strukna punkter")
        case .orphaned: ("hittas inte", "hittas inte")
        case .unreadable: ("oläslig", "oläsliga")
        case .notYetMade: ("ännu inte gjord", "ännu inte gjorda")
        }
      return "\(n) \(n == 1 ? one : many)"
    }
  }

  // MARK: The listing

  /// When `--status` leaves nothing: "ei huomioita, joiden tila on ”avoin” (12 kaikkiaan)".
  package func noneWithStatus(_ s: ThreadStatus, total: Int) -> String {
    switch language {
    case .fi: "ei huomioita, joiden tila on ”\(statusLabel(s))” (\(total) kaikkiaan)"
    case .sv: "inga synpunkter med status ”\(statusLabel(s))” (\(total) totalt)"
    case .en: "no comments with status “\(statusLabel(s))” (\(total) in all)"
    }
  }

  /// The listing's title: "Lausuntopalaute versiossa v2", "Remissvar i version v2", "Comments at v2".
  package func commentsAt(_ revision: String) -> String {
    switch language {
    case .fi: "Lausuntopalaute versiossa \(revision)"
    case .sv: "Remissvar i version \(revision)"
    case .en: "Comments at \(revision)"
    }
  }

  /// "12 huomiota 3 lausunnonantajalta (käsitelty 8, …)"; "1 synpunkt från 1 remissinstans (1 obehandlad)";
  /// "no comments" when there are none. `counts` are the non-zero counts in order.
  package func commentCounts(_ total: Int, respondents m: Int, _ counts: [(ThreadStatus, Int)]) -> String {
    let tail = counts.map { statusCount($0.0, $0.1) }.joined(separator: ", ")
    switch language {
    case .fi:
      guard total > 0 else { return "ei huomioita" }
      let from = m > 0 ? " \(m) lausunnonantajalta" : ""
      return "\(total) \(total == 1 ? "huomio" : "huomiota")\(from) (\(tail))"
    case .sv:
      guard total > 0 else { return "inga synpunkter" }
      let from = m > 0 ? " från \(m) \(m == 1 ? "remissinstans" : "remissinstanser")" : ""
      return "\(total) \(total == 1 ? "synpunkt" : "synpunkter")\(from) (\(tail))"
    case .en:
      guard total > 0 else { return "no comments" }
      let from = m > 0 ? " from \(m) \(m == 1 ? "respondent" : "respondents")" : ""
      return "\(total) \(total == 1 ? "comment" : "comments")\(from) (\(tail))"
    }
  }

  /// What a comment is on, with its preposition: "kohtaan §3.1 ¶2", "på rubriken §3.3",
  /// "on section §3.3".
  package func commentTarget(_ kind: AnchorKind, _ label: String) -> String {
    switch (language, kind) {
    case (.fi, .block): "kohtaan \(label)"
    case (.fi, .heading): "otsikkoon \(label)"
    case (.fi, .section): "lukuun \(label)"
    case (.sv, .block): "på \(label)"
    case (.sv, .heading): "på rubriken \(label)"
    case (.sv, .section): "på kapitel \(label)"
    case (.en, .block): "on \(label)"
    case (.en, .heading): "on the heading \(label)"
    case (.en, .section): "on section \(label)"
    }
  }

  /// "versiossa v1", "i version v1", "at v1".
  package func atVersion(_ revision: String) -> String {
    switch language {
    case .fi: "versiossa \(revision)"
    case .sv: "i version \(revision)"
    case .en: "at \(revision)"
    }
  }

  /// A comment on text not yet saved: "WORKTREE (tallentamaton teksti, pohjana 1a2b3c4)".
  package func unsaved(base: String?) -> String {
    let b = base.map { String($0.prefix(7)) }
    return switch language {
    case .fi: "WORKTREE (tallentamaton teksti" + (b.map { ", pohjana \($0)" } ?? "") + ")"
    case .sv: "WORKTREE (osparad text" + (b.map { ", baserad på \($0)" } ?? "") + ")"
    case .en: "WORKTREE (unsaved text" + (b.map { ", based on \($0)" } ?? "") + ")"
    }
  }

  /// A comment made after the listed version: "tehty version v1 jälkeen".
  package func madeAfter(_ revision: String) -> String {
    switch language {
    case .fi: "tehty version \(revision) jälkeen"
    case .sv: "gjord efter version \(revision)"
    case .en: "made after \(revision)"
    }
  }

  /// "yhdistetty kohtaan §2.2 ¶3", "sammanslagen med §2.2 ¶3", "merged into §2.2 ¶3".
  package func mergedInto(_ label: String) -> String {
    switch language {
    case .fi: "yhdistetty kohtaan \(label)"
    case .sv: "sammanslagen med \(label)"
    case .en: "merged into \(label)"
    }
  }

  /// "siirretty kohtaan §4 ¶1", "flyttad till §4 ¶1", "moved to §4 ¶1".
  package func movedTo(_ label: String) -> String {
    switch language {
    case .fi: "siirretty kohtaan \(label)"
    case .sv: "flyttad till \(label)"
    case .en: "moved to \(label)"
    }
  }

  /// "§3.3 ¶1 (rivi 120)".
  package func onLine(_ label: String, _ line: Int) -> String { "\(label) (\(self[.outlineLine]) \(line))" }

  /// "[löydetty lainauksen perusteella, varmuus 0,93]": a place found by text search.
  package func foundBy(_ m: MatchedBy, confidence: Double) -> String {
    let c = String(format: "%.2f", confidence)
    let how: String =
      switch (language, m) {
      case (.fi, .diff): "versioiden vertailulla"
      case (.fi, .exactText): "koko tekstin perusteella"
      case (.fi, .quote): "lainauksen perusteella"
      case (.fi, .containment): "sisällön perusteella"
      case (.fi, .fuzzy): "samankaltaisuuden perusteella"
      case (.fi, .none): "ei löytynyt"
      case (.sv, .diff): "genom jämförelsen av versionerna"
      case (.sv, .exactText): "genom hela texten"
      case (.sv, .quote): "genom citatet"
      case (.sv, .containment): "genom innehållet"
      case (.sv, .fuzzy): "genom likhet"
      case (.sv, .none): "hittades inte"
      case (.en, .diff): "by diff"
      case (.en, .exactText): "by exact text"
      case (.en, .quote): "by quote"
      case (.en, .containment): "by containment"
      case (.en, .fuzzy): "by fuzzy"
      case (.en, .none): "by none"
      }
    return switch language {
    case .fi: "[löydetty \(how), varmuus \(c.replacingOccurrences(of: ".", with: ","))]"
    case .sv: "[hittad \(how), säkerhet \(c.replacingOccurrences(of: ".", with: ","))]"
    case .en: "[found \(how), confidence \(c)]"
    }
  }

  // MARK: Events

  /// A reply in the Markdown listing: "Aino vastasi", "Aino svarade", "reply by Aino".
  package func replyBy(_ name: String) -> String {
    switch language {
    case .fi: "\(name) vastasi"
    case .sv: "\(name) svarade"
    case .en: "reply by \(name)"
    }
  }

  /// "käsitelty (huomioitu)", "behandlad (beaktad)", "resolved (taken into account)".
  package func resolved(_ d: Disposition?) -> String {
    let head = language == .en ? "resolved" : statusLabel(.resolved)
    return head + (d.map { " (\(disposition($0)))" } ?? "")
  }

  /// "käsittely muutettu: ei huomioitu (aiemmin huomioitu)".
  package func dispositionChanged(to d: Disposition?, was: Disposition?) -> String {
    let to =
      d.map(disposition)
      ?? {
        switch language {
        case .fi: "ei merkintää"
        case .sv: "ingen"
        case .en: "none"
        }
      }()
    let before = was.map(disposition)
    return switch language {
    case .fi: "käsittely muutettu: \(to)" + (before.map { " (aiemmin \($0))" } ?? "")
    case .sv: "behandlingen ändrad: \(to)" + (before.map { " (tidigare \($0))" } ?? "")
    case .en: "disposition changed to \(to)" + (before.map { " (was \($0))" } ?? "")
    }
  }

  /// Who resolved or reopened, and at which version: " – Aino, versio v2", " by Aino at v2".
  package func byAt(_ name: String, _ revision: String) -> String {
    switch language {
    case .fi: " – \(name), versio \(revision)"
    case .sv: " – \(name), version \(revision)"
    case .en: " by \(name) at \(revision)"
    }
  }

  // MARK: `comment …` confirmations

  /// "k3v9x2qa  kohtaan §1 ¶1, doc.md, versiossa v1".
  package func commentAdded(_ kind: AnchorKind, _ label: String, path: String, revision: String) -> String {
    switch language {
    case .fi: "\(commentTarget(kind, label)), \(path), \(atVersion(revision))"
    case .sv: "\(commentTarget(kind, label)) i \(path), \(atVersion(revision))"
    case .en: "\(commentTarget(kind, label)) of \(path) \(atVersion(revision))"
    }
  }

  /// "1 vastaus", "2 vastausta"; "1 svar", "2 svar"; "1 reply", "2 replies".
  package func replies(_ n: Int) -> String {
    switch language {
    case .fi: n == 1 ? "1 vastaus" : "\(n) vastausta"
    case .sv: "\(n) svar"
    case .en: n == 1 ? "1 reply" : "\(n) replies"
    }
  }

  // MARK: `log` and `show`

  /// A commit's time in its own zone: "16.10.2023 klo 9.00", "16.10.2023 kl. 9.00",
  /// "2023-10-16 09:00".
  package func dateTime(_ t: Int64, offsetMinutes: Int) -> String {
    guard language != .en else { return DateText.isoMinute(t, offsetMinutes: offsetMinutes) }
    let local = t + Int64(offsetMinutes) * 60
    let (y, m, d) = DateText.civil(DateText.floorDiv(local, 86_400))
    let secs = local - DateText.floorDiv(local, 86_400) * 86_400
    let time = "\(secs / 3600).\(DateText.pad(secs % 3600 / 60, 2))"
    return "\(d).\(m).\(y) " + (language == .fi ? "klo " : "kl. ") + time
  }

  /// A version listed under its older file name: "[nimellä vanha.md]".
  package func asPath(_ path: String) -> String {
    switch language {
    case .fi: "[nimellä \(path)]"
    case .sv: "[som \(path)]"
    case .en: "[as \(path)]"
    }
  }

  /// "doc.md versiossa v2 (abc1234): 3 lukua, 5 lohkoa, 20 riviä".
  package func versionHeader(
    path: String, revision: String, id: String?, sections: Int, blocks: Int, lines: Int
  ) -> String {
    let at = id.map { " (\($0))" } ?? ""
    func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) \(k == 1 ? one : many)" }
    return switch language {
    case .fi:
      "\(path) versiossa \(revision)\(at): \(n(sections, "luku", "lukua")), \(n(blocks, "lohko", "lohkoa")), \(n(lines, "rivi", "riviä"))"
    case .sv:
      "\(path) i version \(revision)\(at): \(sections) kapitel, \(blocks) block, \(n(lines, "rad", "rader"))"
    case .en:
      "\(path) at \(revision)\(at): \(sections) sections, \(blocks) blocks, \(lines) lines"
    }
  }
}
