import Foundation
import RedlineReview

/// The phrases of `redline comments`, `comment …`, `log` and `show` in Finnish, Swedish and
/// English: each phrase written once with its three languages side by side
/// (`Language.pick(fi:sv:en:)`), number agreement written out. A comment is
/// a *huomio* / *synpunkt* from a *lausunnonantaja* / *remissinstans*; dispositions are the
/// consultation's words (`disposition(_:)`), never the internal names.
extension Localization {
  // MARK: Statuses

  /// The short status of one thread in a listing: "käsittelemättä", "obehandlad", "open".
  /// English keeps the names `--status` takes, in words ("not yet made").
  package func statusLabel(_ s: ThreadStatus) -> String {
    switch s {
    case .resolved:
      language.pick(
        fi: "käsitelty",
        sv: "behandlad",
        en: "resolved")
    case .addressed:
      language.pick(
        fi: "teksti muuttunut",
        sv: "texten ändrad",
        en: "addressed")
    case .open:
      language.pick(
        fi: "käsittelemättä",
        sv: "obehandlad",
        en: "open")
    case .merged:
      language.pick(
        fi: "yhdistetty",
        sv: "sammanslagen",
        en: "merged")
    case .outdated:
      language.pick(
        fi: "kohta poistettu",
        sv: "punkten struken",
        en: "outdated")
    case .orphaned:
      language.pick(
        fi: "kohtaa ei löydy",
        sv: "punkten hittas inte",
        en: "orphaned")
    case .unreadable:
      language.pick(
        fi: "ei luettavissa",
        sv: "kan inte läsas",
        en: "unreadable")
    case .notYetMade:
      language.pick(
        fi: "ei vielä tehty",
        sv: "ännu inte gjord",
        en: "not yet made")
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
    let status = statusLabel(s)
    return language.pick(
      fi: "ei huomioita, joiden tila on ”\(status)” (\(total) kaikkiaan)",
      sv: "inga synpunkter med status ”\(status)” (\(total) totalt)",
      en: "no comments with status “\(status)” (\(total) in all)")
  }

  /// "12 huomiota 3 lausunnonantajalta (käsitelty 8, …)"; "1 synpunkt från 1 remissinstans (1 obehandlad)";
  /// "no comments" when there are none. `counts` are the non-zero counts in order.
  package func commentCounts(_ total: Int, respondents m: Int, _ counts: [(ThreadStatus, Int)]) -> String {
    let l = language
    guard total > 0 else {
      return l.pick(
        fi: "ei huomioita",
        sv: "inga synpunkter",
        en: "no comments")
    }
    let tail = counts.map { statusCount($0.0, $0.1) }.joined(separator: ", ")
    let from =
      m == 0
      ? ""
      : l.pick(
        fi: " \(m) lausunnonantajalta",
        sv: " från \(Self.counted(m, "remissinstans", "remissinstanser"))",
        en: " from \(Self.counted(m, "respondent", "respondents"))")
    let comments = l.counted(
      total,
      fi: "huomio", "huomiota",
      sv: "synpunkt", "synpunkter",
      en: "comment", "comments")
    return "\(comments)\(from) (\(tail))"
  }

  /// What a comment is on, with its preposition: "kohtaan §3.1 ¶2", "på rubriken §3.3",
  /// "on section §3.3".
  package func commentTarget(_ kind: AnchorKind, _ label: String) -> String {
    switch kind {
    case .block:
      language.pick(
        fi: "kohtaan \(label)",
        sv: "på \(label)",
        en: "on \(label)")
    case .heading:
      language.pick(
        fi: "otsikkoon \(label)",
        sv: "på rubriken \(label)",
        en: "on the heading \(label)")
    case .section:
      language.pick(
        fi: "lukuun \(label)",
        sv: "på kapitel \(label)",
        en: "on section \(label)")
    }
  }

  /// A comment on text not yet saved: "WORKTREE (tallentamaton teksti, pohjana 1a2b3c4)".
  package func unsaved(base: String?) -> String {
    let l = language
    let on = base.map { b in
      let b = String(b.prefix(7))
      return l.pick(
        fi: ", pohjana \(b)",
        sv: ", baserad på \(b)",
        en: ", based on \(b)")
    }
    return "WORKTREE ("
      + l.pick(
        fi: "tallentamaton teksti",
        sv: "osparad text",
        en: "unsaved text") + (on ?? "") + ")"
  }

  /// "§3.3 ¶1 (rivi 120)".
  package func onLine(_ label: String, _ line: Int) -> String { "\(label) (\(self[.outlineLine]) \(line))" }

  /// "[löydetty lainauksen perusteella, varmuus 0,93]": a place found by text search.
  package func foundBy(_ m: MatchedBy, confidence: Double) -> String {
    let l = language
    let c = String(format: "%.2f", confidence)
    let how: String =
      switch m {
      case .diff:
        l.pick(
          fi: "versioiden vertailulla",
          sv: "genom jämförelsen av versionerna",
          en: "by diff")
      case .exactText:
        l.pick(
          fi: "koko tekstin perusteella",
          sv: "genom hela texten",
          en: "by exact text")
      case .quote:
        l.pick(
          fi: "lainauksen perusteella",
          sv: "genom citatet",
          en: "by quote")
      case .containment:
        l.pick(
          fi: "sisällön perusteella",
          sv: "genom innehållet",
          en: "by containment")
      case .fuzzy:
        l.pick(
          fi: "samankaltaisuuden perusteella",
          sv: "genom likhet",
          en: "by fuzzy")
      case .none:
        l.pick(
          fi: "ei löytynyt",
          sv: "hittades inte",
          en: "by none")
      }
    let decimal = c.replacingOccurrences(of: ".", with: ",")
    return l.pick(
      fi: "[löydetty \(how), varmuus \(decimal)]",
      sv: "[hittad \(how), säkerhet \(decimal)]",
      en: "[found \(how), confidence \(c)]")
  }

  // MARK: Events

  /// "käsitelty (huomioitu)", "behandlad (beaktad)", "resolved (taken into account)".
  package func resolved(_ d: Disposition?) -> String {
    let head = language == .en ? "resolved" : statusLabel(.resolved)
    return head + (d.map { " (\(disposition($0)))" } ?? "")
  }

  /// "käsittely muutettu: ei huomioitu (aiemmin huomioitu)".
  package func dispositionChanged(to d: Disposition?, was: Disposition?) -> String {
    let l = language
    let to =
      d.map(disposition)
      ?? l.pick(
        fi: "ei merkintää",
        sv: "ingen",
        en: "none")
    let before = was.map(disposition).map {
      l.pick(
        fi: " (aiemmin \($0))",
        sv: " (tidigare \($0))",
        en: " (was \($0))")
    }
    return l.pick(
      fi: "käsittely muutettu: \(to)",
      sv: "behandlingen ändrad: \(to)",
      en: "disposition changed to \(to)")
      + (before ?? "")
  }

  // MARK: `comment …` confirmations

  /// "k3v9x2qa  kohtaan §1 ¶1, doc.md, versiossa v1".
  package func commentAdded(_ kind: AnchorKind, _ label: String, path: String, revision: String) -> String {
    let target = commentTarget(kind, label)
    let at = self[.atVersion, revision]
    return language.pick(
      fi: "\(target), \(path), \(at)",
      sv: "\(target) i \(path), \(at)",
      en: "\(target) of \(path) \(at)")
  }

  /// "1 vastaus", "2 vastausta"; "1 svar", "2 svar"; "1 reply", "2 replies".
  package func replies(_ n: Int) -> String {
    language.counted(
      n,
      fi: "vastaus", "vastausta",
      sv: "svar", "svar",
      en: "reply", "replies")
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

  /// "doc.md versiossa v2 (abc1234): 3 lukua, 5 lohkoa, 20 riviä".
  package func versionHeader(
    path: String, revision: String, id: String?, sections: Int, blocks: Int, lines: Int
  ) -> String {
    let at = id.map { " (\($0))" } ?? ""
    let n = Self.counted
    return language.pick(
      fi:
        "\(path) versiossa \(revision)\(at): \(n(sections, "luku", "lukua")), \(n(blocks, "lohko", "lohkoa")), \(n(lines, "rivi", "riviä"))",
      sv: "\(path) i version \(revision)\(at): \(sections) kapitel, \(blocks) block, \(n(lines, "rad", "rader"))",
      en: "\(path) at \(revision)\(at): \(sections) sections, \(blocks) blocks, \(lines) lines")
  }
}
