import Foundation
import RedlineDocument
import RedlineReview

/// The words of Redline's reports in Finnish, Swedish and English, as a ministry writes
/// them for a consultation (lausuntokierros / remiss).
///
/// Every fixed phrase is a `Key`, and every phrase around a value (a label, a revision, a
/// name) a `Phrase`; each is written once with its three languages side by side
/// (`Language.pick(fi:sv:en:)`) in one exhaustive `switch`, so a phrase without all three
/// languages does not compile. Phrases that count are functions that handle number
/// agreement ("1 kappale", "2 kappaletta"; "1 ändrat stycke", "2 ändrade stycken").
package struct Localization: Sendable, Hashable {
  package enum Language: String, Sendable, CaseIterable, Hashable {
    case fi, sv, en

    /// The one of three translations that is in this language. Every phrase is written as
    /// `l.pick(fi:sv:en:)` with each language on a line of its own, so a translator reads
    /// the three together and changing one language's words changes one line; only the
    /// chosen one is built.
    package func pick<T>(fi: @autoclosure () -> T, sv: @autoclosure () -> T, en: @autoclosure () -> T) -> T {
      switch self {
      case .fi: fi()
      case .sv: sv()
      case .en: en()
      }
    }

    /// `n` and the noun that agrees with it in this language, each language's singular and
    /// plural side by side: `counted(n, fi: "kappale", "kappaletta", sv: "stycke", "stycken", …)`.
    package func counted(
      _ n: Int, fi: String, _ fiMany: String, sv: String, _ svMany: String, en: String, _ enMany: String
    ) -> String {
      let (one, many) = pick(fi: (fi, fiMany), sv: (sv, svMany), en: (en, enMany))
      return Localization.counted(n, one, many)
    }
  }

  /// Labels and fixed sentences without numbers.
  package enum Key: Sendable, CaseIterable, Hashable {
    /// Title of the whole report.
    case title
    /// Title when only the consultation part is written (`--comments-only`).
    case commentsTitle
    case contents
    case document
    case oldVersion
    case newVersion
    case legendTitle
    case legend
    case structure
    case noStructure
    case sections
    /// The consultation part: lausuntopalautteen käsittely.
    case comments
    case commentTable
    case noComments
    case addedBlock
    case deletedBlock
    case modifiedBlock
    case sectionAdded
    case sectionDeleted
    case respondent
    case paragraph
    case handling
    case reason
    case replies
    case changedInResponse
    case wasDeleted
    case beforeFirstHeading
    case notFound
    case outlineLine
    /// `comments`: before the words a comment quotes.
    case quoted
    /// `comments`: before a note on how a thread was placed.
    case note
    /// `comments` (terminal): before the word changes since the comment.
    case changedSince
    /// `comments` (terminal): before the text of a deleted paragraph.
    case deletedParagraph
    /// `comments` and `comment reopen`: a thread opened again.
    case reopened
    /// `comment …`: the change was also recorded as a git commit.
    case committed
    /// Before a section's old name: "aiemmin", "tidigare", "formerly".
    case formerly
    /// After a section's name when the new version no longer has it.
    case deletedMark
    /// The bodies that gave a response, listed once.
    case respondents
  }

  package let language: Language

  package init(_ language: Language) { self.language = language }

  /// The phrase for `key` in this language.
  package subscript(_ key: Key) -> String { Self.text(key, language) }

  /// Every fixed phrase with its Finnish, Swedish and English side by side.
  static func text(_ k: Key, _ l: Language) -> String {
    switch k {
    case .title:
      l.pick(
        fi: "Muutosyhteenveto",
        sv: "Sammanfattning av ändringarna",
        en: "Summary of changes")
    case .commentsTitle:
      l.pick(
        fi: "Lausuntopalautteen käsittely",
        sv: "Behandlingen av remissvaren",
        en: "Handling of the consultation responses")
    case .contents:
      l.pick(
        fi: "Sisällys",
        sv: "Innehåll",
        en: "Contents")
    case .document:
      l.pick(
        fi: "Asiakirja",
        sv: "Dokument",
        en: "Document")
    case .oldVersion:
      l.pick(
        fi: "Aiempi versio",
        sv: "Tidigare version",
        en: "Earlier version")
    case .newVersion:
      l.pick(
        fi: "Uusi versio",
        sv: "Ny version",
        en: "New version")
    case .legendTitle:
      l.pick(
        fi: "Merkinnät",
        sv: "Teckenförklaring",
        en: "Key")
    case .legend:
      l.pick(
        fi: "Lisätty teksti on alleviivattu ja poistettu teksti yliviivattu.",
        sv: "Tillagd text är understruken och struken text överstruken.",
        en: "Inserted text is underlined and deleted text struck through.")
    case .structure:
      l.pick(
        fi: "Rakenteen muutokset",
        sv: "Ändringar i strukturen",
        en: "Changes to the structure")
    case .noStructure:
      l.pick(
        fi: "Lukujen rakenne ei muuttunut.",
        sv: "Kapitelstrukturen är oförändrad.",
        en: "The chapter structure is unchanged.")
    case .sections:
      l.pick(
        fi: "Muutokset luvuittain",
        sv: "Ändringar kapitel för kapitel",
        en: "Changes section by section")
    case .comments:
      l.pick(
        fi: "Lausuntopalautteen käsittely",
        sv: "Behandlingen av remissvaren",
        en: "Handling of the consultation responses")
    case .commentTable:
      l.pick(
        fi: "Lausuntopalaute taulukkona",
        sv: "Remissvaren i tabellform",
        en: "Consultation responses in a table")
    case .noComments:
      l.pick(
        fi: "Versiosta ei annettu lausuntopalautetta.",
        sv: "Inga remissvar lämnades på versionen.",
        en: "No consultation responses were given on this version.")
    case .addedBlock:
      l.pick(
        fi: "Lisätty",
        sv: "Tillagt",
        en: "Added")
    case .deletedBlock:
      l.pick(
        fi: "Poistettu",
        sv: "Struket",
        en: "Deleted")
    case .modifiedBlock:
      l.pick(
        fi: "Muutettu",
        sv: "Ändrat",
        en: "Changed")
    case .sectionAdded:
      l.pick(
        fi: "Uusi luku.",
        sv: "Nytt kapitel.",
        en: "New section.")
    case .sectionDeleted:
      l.pick(
        fi: "Luku poistettiin.",
        sv: "Kapitlet ströks.",
        en: "The section was deleted.")
    case .respondent:
      l.pick(
        fi: "Lausunnonantaja",
        sv: "Remissinstans",
        en: "Respondent")
    case .paragraph:
      l.pick(
        fi: "Kohta",
        sv: "Punkt",
        en: "Paragraph")
    case .handling:
      l.pick(
        fi: "Käsittely",
        sv: "Behandling",
        en: "Handling")
    case .reason:
      l.pick(
        fi: "Perustelu",
        sv: "Motivering",
        en: "Reason")
    case .replies:
      l.pick(
        fi: "Vastaus",
        sv: "Svar",
        en: "Reply")
    case .changedInResponse:
      l.pick(
        fi: "Kohdan muutokset lausunnon jälkeen",
        sv: "Ändringar i punkten efter remissvaret",
        en: "Changes to the paragraph since the response")
    case .wasDeleted:
      l.pick(
        fi: "Kohta poistettiin",
        sv: "Punkten ströks",
        en: "The paragraph was deleted")
    case .beforeFirstHeading:
      l.pick(
        fi: "Johdanto-osa",
        sv: "Inledande del",
        en: "Opening text")
    case .notFound:
      l.pick(
        fi: "kohtaa ei löydy",
        sv: "punkten hittas inte",
        en: "paragraph not found")
    case .outlineLine:
      l.pick(
        fi: "rivi",
        sv: "rad",
        en: "line")
    case .quoted:
      l.pick(
        fi: "lainaus",
        sv: "citat",
        en: "quoted")
    case .note:
      l.pick(
        fi: "huomautus",
        sv: "anmärkning",
        en: "note")
    case .changedSince:
      l.pick(
        fi: "muutettu sen jälkeen",
        sv: "ändrat sedan dess",
        en: "changed since")
    case .deletedParagraph:
      l.pick(
        fi: "poistettu kohta",
        sv: "struken punkt",
        en: "deleted paragraph")
    case .reopened:
      l.pick(
        fi: "avattu uudelleen",
        sv: "återöppnad",
        en: "reopened")
    case .committed:
      l.pick(
        fi: "kirjattu versionhallintaan",
        sv: "incheckad i versionshanteringen",
        en: "committed")
    case .formerly:
      l.pick(
        fi: "aiemmin",
        sv: "tidigare",
        en: "formerly")
    case .deletedMark:
      l.pick(
        fi: "poistettu",
        sv: "struket",
        en: "deleted")
    case .respondents:
      l.pick(
        fi: "Lausunnonantajat",
        sv: "Remissinstanser",
        en: "Respondents")
    }
  }

  // MARK: Phrases around a value

  /// Phrases around one value (a label, a revision, a date, a name), read as
  /// `l[.nowAt, "§3 ¶1"]`: one exhaustive `switch` in `text(_:_:_:)` like the keys.
  package enum Phrase: Sendable, CaseIterable, Hashable {
    /// "annettu versioon v1": a response given on an earlier round, still waiting.
    case givenOn
    /// "nyt §3.3 ¶1": where the paragraph is now, when its label changed.
    case nowAt
    /// The closing line: "Laadittu Redline-työkalulla 27.11.2023."
    case generated
    /// The listing's title: "Lausuntopalaute versiossa v2".
    case commentsAt
    /// "versiossa v1", "i version v1", "at v1".
    case atVersion
    /// A comment made after the listed version: "tehty version v1 jälkeen".
    case madeAfter
    /// "yhdistetty kohtaan §2.2 ¶3": a thread whose paragraph was merged.
    case mergedInto
    /// "siirretty kohtaan §4 ¶1": a thread whose paragraph moved.
    case movedTo
    /// A version listed under its older file name: "[nimellä vanha.md]".
    case asPath
    /// A reply in the Markdown listing: "Aino vastasi".
    case replyBy
  }

  /// The phrase `phrase` around `value` in this language.
  package subscript(_ phrase: Phrase, _ value: String) -> String { Self.text(phrase, value, language) }

  /// Every phrase around a value with its Finnish, Swedish and English side by side.
  static func text(_ p: Phrase, _ value: String, _ l: Language) -> String {
    switch p {
    case .givenOn:
      l.pick(
        fi: "annettu versioon \(value)",
        sv: "lämnat på version \(value)",
        en: "given on version \(value)")
    case .nowAt:
      l.pick(
        fi: "nyt \(value)",
        sv: "nu \(value)",
        en: "now \(value)")
    case .generated:
      l.pick(
        fi: "Laadittu Redline-työkalulla \(value).",
        sv: "Sammanställd med Redline \(value).",
        en: "Prepared with Redline on \(value).")
    case .commentsAt:
      l.pick(
        fi: "Lausuntopalaute versiossa \(value)",
        sv: "Remissvar i version \(value)",
        en: "Comments at \(value)")
    case .atVersion:
      l.pick(
        fi: "versiossa \(value)",
        sv: "i version \(value)",
        en: "at \(value)")
    case .madeAfter:
      l.pick(
        fi: "tehty version \(value) jälkeen",
        sv: "gjord efter version \(value)",
        en: "made after \(value)")
    case .mergedInto:
      l.pick(
        fi: "yhdistetty kohtaan \(value)",
        sv: "sammanslagen med \(value)",
        en: "merged into \(value)")
    case .movedTo:
      l.pick(
        fi: "siirretty kohtaan \(value)",
        sv: "flyttad till \(value)",
        en: "moved to \(value)")
    case .asPath:
      l.pick(
        fi: "[nimellä \(value)]",
        sv: "[som \(value)]",
        en: "[as \(value)]")
    case .replyBy:
      l.pick(
        fi: "\(value) vastasi",
        sv: "\(value) svarade",
        en: "reply by \(value)")
    }
  }

  /// "Muutosten tekijä" for one person, "Muutosten tekijät" for several.
  package func changedBy(_ people: Int) -> String {
    language.pick(
      fi: people == 1 ? "Muutosten tekijä" : "Muutosten tekijät",
      sv: "Ändringarna gjordes av",
      en: "Changes made by")
  }

  /// "Siirretty kohdasta §3 ¶2" (and "ja muutettu" when also edited).
  package func movedFrom(_ label: String, edited: Bool) -> String {
    edited
      ? language.pick(
        fi: "Siirretty kohdasta \(label) ja muutettu",
        sv: "Flyttat från \(label) och ändrat",
        en: "Moved from \(label) and changed")
      : language.pick(
        fi: "Siirretty kohdasta \(label)",
        sv: "Flyttat från \(label)",
        en: "Moved from \(label)")
  }

  /// Who resolved or reopened, and at which version: " – Aino, versio v2", " by Aino at v2".
  package func byAt(_ name: String, _ revision: String) -> String {
    language.pick(
      fi: " – \(name), versio \(revision)",
      sv: " – \(name), version \(revision)",
      en: " by \(name) at \(revision)")
  }

  // MARK: Consultation words

  /// How a response was handled: huomioitu / beaktad / taken into account, …
  package func disposition(_ d: Disposition) -> String {
    switch d {
    case .accepted:
      language.pick(
        fi: "huomioitu",
        sv: "beaktad",
        en: "taken into account")
    case .partlyAccepted:
      language.pick(
        fi: "osittain huomioitu",
        sv: "delvis beaktad",
        en: "partly taken into account")
    case .notAccepted:
      language.pick(
        fi: "ei huomioitu",
        sv: "inte beaktad",
        en: "not taken into account")
    case .noted:
      language.pick(
        fi: "merkitty tiedoksi",
        sv: "för kännedom",
        en: "noted")
    }
  }

  /// Where a thread stands at the new version, in the reader's words. A thread still
  /// waiting for a person (`ThreadStatus.waitsForPerson`) says so: "käsittely kirjaamatta",
  /// "käsittelemättä".
  package func status(_ s: ThreadStatus) -> String {
    switch s {
    case .resolved:
      language.pick(
        fi: "käsitelty",
        sv: "behandlad",
        en: "handled")
    case .addressed:
      language.pick(
        fi: "teksti muuttunut, käsittely kirjaamatta",
        sv: "texten ändrad, behandlingen inte antecknad",
        en: "text changed, handling not recorded")
    case .open:
      language.pick(
        fi: "käsittelemättä",
        sv: "obehandlad",
        en: "not yet handled")
    case .outdated:
      language.pick(
        fi: "kohta poistettu, käsittely kirjaamatta",
        sv: "punkten struken, behandlingen inte antecknad",
        en: "paragraph deleted, handling not recorded")
    case .orphaned:
      language.pick(
        fi: "kohtaa ei löydy",
        sv: "punkten hittas inte",
        en: "paragraph not found")
    case .unreadable:
      language.pick(
        fi: "tiedostoa ei voi lukea",
        sv: "filen kan inte läsas",
        en: "file cannot be read")
    case .merged:
      language.pick(
        fi: "teksti yhdistetty toiseen kohtaan, käsittely kirjaamatta",
        sv: "texten sammanslagen med en annan punkt, behandlingen inte antecknad",
        en: "merged into another paragraph, handling not recorded")
    case .notYetMade:
      language.pick(
        fi: "tehty myöhemmin",
        sv: "gjord senare",
        en: "made later")
    }
  }

  // MARK: Structure changes

  /// One line of the structure list.
  package func structure(_ kind: StructureChange.Kind, old: String, new: String, related: String) -> String {
    switch kind {
    case .renamed:
      language.pick(
        fi: "\(old): otsikko muutettu, nyt \(new)",
        sv: "\(old): rubriken ändrad, nu \(new)",
        en: "\(old): renamed, now \(new)")
    case .moved:
      language.pick(
        fi: "\(old): siirretty, nyt \(new)",
        sv: "\(old): flyttat, nu \(new)",
        en: "\(old): moved, now \(new)")
    case .renamedAndMoved:
      language.pick(
        fi: "\(old): otsikko muutettu ja siirretty, nyt \(new)",
        sv: "\(old): rubriken ändrad och flyttat, nu \(new)",
        en: "\(old): renamed and moved, now \(new)")
    case .renumbered:
      language.pick(
        fi: "\(old): numero muuttunut, nyt \(new)",
        sv: "\(old): numret ändrat, nu \(new)",
        en: "\(old): renumbered, now \(new)")
    case .added:
      language.pick(
        fi: "\(new): uusi luku",
        sv: "\(new): nytt kapitel",
        en: "\(new): new section")
    case .deleted:
      language.pick(
        fi: "\(old): poistettu",
        sv: "\(old): struket",
        en: "\(old): deleted")
    case .split:
      language.pick(
        fi: "\(new): uusi, jaettu luvusta \(related)",
        sv: "\(new): nytt, delat från \(related)",
        en: "\(new): new, split from \(related)")
    case .merged:
      language.pick(
        fi: "\(old): poistettu, yhdistetty lukuun \(related)",
        sv: "\(old): struket, sammanslaget med \(related)",
        en: "\(old): deleted, merged into \(related)")
    }
  }

  // MARK: Numbers

  /// Paragraph counts of a change.
  package struct Tally: Sendable, Hashable {
    package var added: Int
    package var deleted: Int
    package var modified: Int
    package var moved: Int
    package init(added: Int = 0, deleted: Int = 0, modified: Int = 0, moved: Int = 0) {
      self.added = added
      self.deleted = deleted
      self.modified = modified
      self.moved = moved
    }
    package var total: Int { added + deleted + modified + moved }
  }

  /// "56 kappaletta lisättiin, 12 poistettiin ja 3 siirrettiin." — the paragraphs of a
  /// change as one sentence; only the counts that are not zero.
  package func paragraphSentence(_ t: Tally) -> String {
    let l = language
    let parts = [(t.added, 0), (t.deleted, 1), (t.modified, 2), (t.moved, 3)].filter { $0.0 > 0 }
    guard !parts.isEmpty else {
      return l.pick(
        fi: "Kappaleisiin ei tehty muutoksia.",
        sv: "Inga stycken ändrades.",
        en: "No paragraph changed.")
    }
    var words: [String] = []
    for (k, (n, verb)) in parts.enumerated() {
      let v = verbs[verb]
      if k == 0 {
        let noun = l.counted(
          n,
          fi: "kappale", "kappaletta",
          sv: "stycke", "stycken",
          en: "paragraph was", "paragraphs were")
        words.append("\(noun) \(v)")
      } else {
        words.append("\(n) \(v)")
      }
    }
    return join(words) + "."
  }

  /// "31 lukua muuttui: 56 kappaletta lisättiin, …" — the opening sentence of a summary.
  package func changeSentence(sections n: Int, _ t: Tally) -> String {
    let head =
      n == 0
      ? language.pick(
        fi: "Lukuihin ei tehty muutoksia",
        sv: "Inga kapitel ändrades",
        en: "No section changed")
      : language.pick(
        fi: Self.counted(n, "luku", "lukua") + " muuttui",
        sv: "\(n) kapitel ändrades",
        en: Self.counted(n, "section", "sections") + " changed")
    guard n > 0, t.total > 0 else { return head + "." }
    return head + ": " + paragraphSentence(t)
  }

  /// "1 muuttunut kappale", "2 muuttunutta kappaletta"; "1 ändrat stycke", "2 ändrade stycken".
  package func changedParagraphs(_ n: Int) -> String {
    language.counted(
      n,
      fi: "muuttunut kappale", "muuttunutta kappaletta",
      sv: "ändrat stycke", "ändrade stycken",
      en: "changed paragraph", "changed paragraphs")
  }

  /// "9 lausunnonantajaa esitti huomioita 12 kohtaan." — who responded, on how many points.
  package func responsesSentence(points n: Int, respondents m: Int) -> String {
    language.pick(
      fi: "\(Self.counted(m, "lausunnonantaja", "lausunnonantajaa")) esitti huomioita \(n) kohtaan.",
      sv:
        "\(Self.counted(m, "remissinstans", "remissinstanser")) lämnade synpunkter på \(Self.counted(n, "punkt", "punkter")).",
      en: "\(Self.counted(m, "respondent", "respondents")) commented on \(Self.counted(n, "point", "points")).")
  }

  /// "3 kappaletta", "1 luettelokohta" … for the outline.
  package func count(_ n: Int, _ kind: BlockKind) -> String {
    switch kind {
    case .paragraph:
      language.counted(
        n,
        fi: "kappale", "kappaletta",
        sv: "stycke", "stycken",
        en: "paragraph", "paragraphs")
    case .listItem:
      language.counted(
        n,
        fi: "luettelokohta", "luettelokohtaa",
        sv: "listpunkt", "listpunkter",
        en: "list item", "list items")
    case .table:
      language.counted(
        n,
        fi: "taulukko", "taulukkoa",
        sv: "tabell", "tabeller",
        en: "table", "tables")
    case .quote:
      language.counted(
        n,
        fi: "lainaus", "lainausta",
        sv: "citat", "citat",
        en: "quote", "quotes")
    case .code:
      language.counted(
        n,
        fi: "koodilohko", "koodilohkoa",
        sv: "kodblock", "kodblock",
        en: "code block", "code blocks")
    case .other:
      language.counted(
        n,
        fi: "muu", "muuta",
        sv: "annat", "andra",
        en: "other", "other")
    }
  }

  /// `1 kappale`, `2 kappaletta`: a count and its noun in number agreement.
  package static func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

  /// Past-tense passive verbs for added, deleted, modified, moved.
  var verbs: [String] {
    language.pick(
      fi: ["lisättiin", "poistettiin", "muutettiin", "siirrettiin"],
      sv: ["lades till", "ströks", "ändrades", "flyttades"],
      en: ["added", "deleted", "changed", "moved"])
  }

  /// "a, b ja c" / "a, b och c" / "a, b and c".
  package func join(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    let and = language.pick(
      fi: "ja",
      sv: "och",
      en: "and")
    return items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
  }

  // MARK: Dates

  /// `16.10.2023` in every language, the way Finnish authorities write dates in Finnish
  /// and in Swedish; the day in Helsinki time (`DateText`, no formatter built per call).
  package func date(_ t: Int64) -> String { Self.date(t) }

  /// `16.10.2023` for a Unix time, in Helsinki time.
  package static func date(_ t: Int64) -> String { DateText.finnish(t) }
}
