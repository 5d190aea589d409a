import Foundation
import RedlineDocument
import RedlineReview

/// The words of Redline's reports in Finnish, Swedish and English, as a ministry writes
/// them for a consultation (lausuntokierros / remiss).
///
/// Every fixed phrase is a `Key`, and each language is one exhaustive `switch` over the
/// keys: a phrase missing in one language does not compile. Phrases with numbers are
/// functions that handle number agreement ("1 kappale", "2 kappaletta"; "1 ändrat stycke",
/// "2 ändrade stycken").
package struct Localization: Sendable, Hashable {
  package enum Language: String, Sendable, CaseIterable, Hashable {
    case fi, sv, en
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
  package subscript(_ key: Key) -> String {
    switch language {
    case .fi: Self.fi(key)
    case .sv: Self.sv(key)
    case .en: Self.en(key)
    }
  }

  static func fi(_ k: Key) -> String {
    switch k {
    case .title: "Muutosyhteenveto"
    case .commentsTitle: "Lausuntopalautteen käsittely"
    case .contents: "Sisällys"
    case .document: "Asiakirja"
    case .oldVersion: "Aiempi versio"
    case .newVersion: "Uusi versio"
    case .legendTitle: "Merkinnät"
    case .legend: "Lisätty teksti on alleviivattu ja poistettu teksti yliviivattu."
    case .structure: "Rakenteen muutokset"
    case .noStructure: "Lukujen rakenne ei muuttunut."
    case .sections: "Muutokset luvuittain"
    case .comments: "Lausuntopalautteen käsittely"
    case .commentTable: "Lausuntopalaute taulukkona"
    case .noComments: "Versiosta ei annettu lausuntopalautetta."
    case .addedBlock: "Lisätty"
    case .deletedBlock: "Poistettu"
    case .modifiedBlock: "Muutettu"
    case .sectionAdded: "Uusi luku."
    case .sectionDeleted: "Luku poistettiin."
    case .respondent: "Lausunnonantaja"
    case .paragraph: "Kohta"
    case .handling: "Käsittely"
    case .reason: "Perustelu"
    case .replies: "Vastaus"
    case .changedInResponse: "Kohdan muutokset lausunnon jälkeen"
    case .wasDeleted: "Kohta poistettiin"
    case .beforeFirstHeading: "Johdanto-osa"
    case .notFound: "kohtaa ei löydy"
    case .outlineLine: "rivi"
    case .quoted: "lainaus"
    case .note: "huomautus"
    case .changedSince: "muutettu sen jälkeen"
    case .deletedParagraph: "poistettu kohta"
    case .reopened: "avattu uudelleen"
    case .committed: "kirjattu versionhallintaan"
    case .formerly: "aiemmin"
    case .deletedMark: "poistettu"
    case .respondents: "Lausunnonantajat"
    }
  }

  static func sv(_ k: Key) -> String {
    switch k {
    case .title: "Sammanfattning av ändringarna"
    case .commentsTitle: "Behandlingen av remissvaren"
    case .contents: "Innehåll"
    case .document: "Dokument"
    case .oldVersion: "Tidigare version"
    case .newVersion: "Ny version"
    case .legendTitle: "Teckenförklaring"
    case .legend: "Tillagd text är understruken och struken text överstruken."
    case .structure: "Ändringar i strukturen"
    case .noStructure: "Kapitelstrukturen är oförändrad."
    case .sections: "Ändringar kapitel för kapitel"
    case .comments: "Behandlingen av remissvaren"
    case .commentTable: "Remissvaren i tabellform"
    case .noComments: "Inga remissvar lämnades på versionen."
    case .addedBlock: "Tillagt"
    case .deletedBlock: "Struket"
    case .modifiedBlock: "Ändrat"
    case .sectionAdded: "Nytt kapitel."
    case .sectionDeleted: "Kapitlet ströks."
    case .respondent: "Remissinstans"
    case .paragraph: "Punkt"
    case .handling: "Behandling"
    case .reason: "Motivering"
    case .replies: "Svar"
    case .changedInResponse: "Ändringar i punkten efter remissvaret"
    case .wasDeleted: "Punkten ströks"
    case .beforeFirstHeading: "Inledande del"
    case .notFound: "punkten hittas inte"
    case .outlineLine: "rad"
    case .quoted: "citat"
    case .note: "anmärkning"
    case .changedSince: "ändrat sedan dess"
    case .deletedParagraph: "struken punkt"
    case .reopened: "återöppnad"
    case .committed: "incheckad i versionshanteringen"
    case .formerly: "tidigare"
    case .deletedMark: "struket"
    case .respondents: "Remissinstanser"
    }
  }

  static func en(_ k: Key) -> String {
    switch k {
    case .title: "Summary of changes"
    case .commentsTitle: "Handling of the consultation responses"
    case .contents: "Contents"
    case .document: "Document"
    case .oldVersion: "Earlier version"
    case .newVersion: "New version"
    case .legendTitle: "Key"
    case .legend: "Inserted text is underlined and deleted text struck through."
    case .structure: "Changes to the structure"
    case .noStructure: "The chapter structure is unchanged."
    case .sections: "Changes section by section"
    case .comments: "Handling of the consultation responses"
    case .commentTable: "Consultation responses in a table"
    case .noComments: "No consultation responses were given on this version."
    case .addedBlock: "Added"
    case .deletedBlock: "Deleted"
    case .modifiedBlock: "Changed"
    case .sectionAdded: "New section."
    case .sectionDeleted: "The section was deleted."
    case .respondent: "Respondent"
    case .paragraph: "Paragraph"
    case .handling: "Handling"
    case .reason: "Reason"
    case .replies: "Reply"
    case .changedInResponse: "Changes to the paragraph since the response"
    case .wasDeleted: "The paragraph was deleted"
    case .beforeFirstHeading: "Opening text"
    case .notFound: "paragraph not found"
    case .outlineLine: "line"
    case .quoted: "quoted"
    case .note: "note"
    case .changedSince: "changed since"
    case .deletedParagraph: "deleted paragraph"
    case .reopened: "reopened"
    case .committed: "committed"
    case .formerly: "formerly"
    case .deletedMark: "deleted"
    case .respondents: "Respondents"
    }
  }

  // MARK: Consultation words

  /// How a response was handled: huomioitu / beaktad / taken into account, …
  package func disposition(_ d: Disposition) -> String {
    switch (language, d) {
    case (.fi, .accepted): "huomioitu"
    case (.fi, .partlyAccepted): "osittain huomioitu"
    case (.fi, .notAccepted): "ei huomioitu"
    case (.fi, .noted): "merkitty tiedoksi"
    case (.sv, .accepted): "beaktad"
    case (.sv, .partlyAccepted): "delvis beaktad"
    case (.sv, .notAccepted): "inte beaktad"
    case (.sv, .noted): "för kännedom"
    case (.en, .accepted): "taken into account"
    case (.en, .partlyAccepted): "partly taken into account"
    case (.en, .notAccepted): "not taken into account"
    case (.en, .noted): "noted"
    }
  }

  /// Where a thread stands at the new version, in the reader's words. A thread still
  /// waiting for a person (`ThreadStatus.waitsForPerson`) says so: "käsittely kirjaamatta",
  /// "käsittelemättä".
  package func status(_ s: ThreadStatus) -> String {
    switch (language, s) {
    case (.fi, .resolved): "käsitelty"
    case (.fi, .addressed): "teksti muuttunut, käsittely kirjaamatta"
    case (.fi, .open): "käsittelemättä"
    case (.fi, .outdated): "kohta poistettu, käsittely kirjaamatta"
    case (.fi, .orphaned): "kohtaa ei löydy"
    case (.fi, .unreadable): "tiedostoa ei voi lukea"
    case (.fi, .merged): "teksti yhdistetty toiseen kohtaan, käsittely kirjaamatta"
    case (.fi, .notYetMade): "tehty myöhemmin"
    case (.sv, .resolved): "behandlad"
    case (.sv, .addressed): "texten ändrad, behandlingen inte antecknad"
    case (.sv, .open): "obehandlad"
    case (.sv, .outdated): "punkten struken, behandlingen inte antecknad"
    case (.sv, .orphaned): "punkten hittas inte"
    case (.sv, .unreadable): "filen kan inte läsas"
    case (.sv, .merged): "texten sammanslagen med en annan punkt, behandlingen inte antecknad"
    case (.sv, .notYetMade): "gjord senare"
    case (.en, .resolved): "handled"
    case (.en, .addressed): "text changed, handling not recorded"
    case (.en, .open): "not yet handled"
    case (.en, .outdated): "paragraph deleted, handling not recorded"
    case (.en, .orphaned): "paragraph not found"
    case (.en, .unreadable): "file cannot be read"
    case (.en, .merged): "merged into another paragraph, handling not recorded"
    case (.en, .notYetMade): "made later"
    }
  }

  /// "Muutosten tekijä" for one person, "Muutosten tekijät" for several.
  package func changedBy(_ people: Int) -> String {
    switch language {
    case .fi: people == 1 ? "Muutosten tekijä" : "Muutosten tekijät"
    case .sv: "Ändringarna gjordes av"
    case .en: "Changes made by"
    }
  }

  /// Marks a response given on an earlier round that is still waiting: "annettu versioon v1".
  package func givenOn(_ revision: String) -> String {
    switch language {
    case .fi: "annettu versioon \(revision)"
    case .sv: "lämnat på version \(revision)"
    case .en: "given on version \(revision)"
    }
  }

  /// Where the paragraph is now, when its label changed: "nyt §3.3 ¶1".
  package func nowAt(_ label: String) -> String {
    switch language {
    case .fi: "nyt \(label)"
    case .sv: "nu \(label)"
    case .en: "now \(label)"
    }
  }

  /// The closing line: "Laadittu Redline-työkalulla 27.11.2023."
  package func generated(_ date: String) -> String {
    switch language {
    case .fi: "Laadittu Redline-työkalulla \(date)."
    case .sv: "Sammanställd med Redline \(date)."
    case .en: "Prepared with Redline on \(date)."
    }
  }

  /// "Siirretty kohdasta §3 ¶2" (and "ja muutettu" when also edited).
  package func movedFrom(_ label: String, edited: Bool) -> String {
    switch language {
    case .fi: edited ? "Siirretty kohdasta \(label) ja muutettu" : "Siirretty kohdasta \(label)"
    case .sv: edited ? "Flyttat från \(label) och ändrat" : "Flyttat från \(label)"
    case .en: edited ? "Moved from \(label) and changed" : "Moved from \(label)"
    }
  }

  // MARK: Structure changes

  /// One line of the structure list.
  package func structure(_ kind: StructureChange.Kind, old: String, new: String, related: String) -> String {
    switch (language, kind) {
    case (.fi, .renamed): "\(old): otsikko muutettu, nyt \(new)"
    case (.fi, .moved): "\(old): siirretty, nyt \(new)"
    case (.fi, .renamedAndMoved): "\(old): otsikko muutettu ja siirretty, nyt \(new)"
    case (.fi, .renumbered): "\(old): numero muuttunut, nyt \(new)"
    case (.fi, .added): "\(new): uusi luku"
    case (.fi, .deleted): "\(old): poistettu"
    case (.fi, .split): "\(new): uusi, jaettu luvusta \(related)"
    case (.fi, .merged): "\(old): poistettu, yhdistetty lukuun \(related)"
    case (.sv, .renamed): "\(old): rubriken ändrad, nu \(new)"
    case (.sv, .moved): "\(old): flyttat, nu \(new)"
    case (.sv, .renamedAndMoved): "\(old): rubriken ändrad och flyttat, nu \(new)"
    case (.sv, .renumbered): "\(old): numret ändrat, nu \(new)"
    case (.sv, .added): "\(new): nytt kapitel"
    case (.sv, .deleted): "\(old): struket"
    case (.sv, .split): "\(new): nytt, delat från \(related)"
    case (.sv, .merged): "\(old): struket, sammanslaget med \(related)"
    case (.en, .renamed): "\(old): renamed, now \(new)"
    case (.en, .moved): "\(old): moved, now \(new)"
    case (.en, .renamedAndMoved): "\(old): renamed and moved, now \(new)"
    case (.en, .renumbered): "\(old): renumbered, now \(new)"
    case (.en, .added): "\(new): new section"
    case (.en, .deleted): "\(old): deleted"
    case (.en, .split): "\(new): new, split from \(related)"
    case (.en, .merged): "\(old): deleted, merged into \(related)"
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
    let parts = [(t.added, 0), (t.deleted, 1), (t.modified, 2), (t.moved, 3)].filter { $0.0 > 0 }
    guard !parts.isEmpty else {
      switch language {
      case .fi: return "Kappaleisiin ei tehty muutoksia."
      case .sv: return "Inga stycken ändrades."
      case .en: return "No paragraph changed."
      }
    }
    var words: [String] = []
    for (k, (n, verb)) in parts.enumerated() {
      let v = verbs[verb]
      if k == 0 {
        switch language {
        case .fi: words.append("\(n) \(n == 1 ? "kappale" : "kappaletta") \(v)")
        case .sv: words.append("\(n) \(n == 1 ? "stycke" : "stycken") \(v)")
        case .en: words.append("\(n) \(n == 1 ? "paragraph was" : "paragraphs were") \(v)")
        }
      } else {
        words.append("\(n) \(v)")
      }
    }
    return join(words) + "."
  }

  /// "31 lukua muuttui: 56 kappaletta lisättiin, …" — the opening sentence of a summary.
  package func changeSentence(sections n: Int, _ t: Tally) -> String {
    let head: String
    switch language {
    case .fi: head = n == 0 ? "Lukuihin ei tehty muutoksia" : "\(n) \(n == 1 ? "luku" : "lukua") muuttui"
    case .sv: head = n == 0 ? "Inga kapitel ändrades" : "\(n) kapitel ändrades"
    case .en: head = n == 0 ? "No section changed" : "\(n) \(n == 1 ? "section" : "sections") changed"
    }
    guard n > 0, t.total > 0 else { return head + "." }
    return head + ": " + paragraphSentence(t)
  }

  /// "1 muuttunut kappale", "2 muuttunutta kappaletta"; "1 ändrat stycke", "2 ändrade stycken".
  package func changedParagraphs(_ n: Int) -> String {
    switch language {
    case .fi: n == 1 ? "1 muuttunut kappale" : "\(n) muuttunutta kappaletta"
    case .sv: n == 1 ? "1 ändrat stycke" : "\(n) ändrade stycken"
    case .en: n == 1 ? "1 changed paragraph" : "\(n) changed paragraphs"
    }
  }

  /// "9 lausunnonantajaa esitti huomioita 12 kohtaan." — who responded, on how many points.
  package func responsesSentence(points n: Int, respondents m: Int) -> String {
    switch language {
    case .fi: "\(m) \(m == 1 ? "lausunnonantaja" : "lausunnonantajaa") esitti huomioita \(n) kohtaan."
    case .sv:
      "\(m) \(m == 1 ? "remissinstans" : "remissinstanser") lämnade synpunkter på \(n) \(n == 1 ? "punkt" : "punkter")."
    case .en: "\(m) \(m == 1 ? "respondent" : "respondents") commented on \(n) \(n == 1 ? "point" : "points")."
    }
  }

  /// "3 kappaletta", "1 luettelokohta" … for the outline.
  package func count(_ n: Int, _ kind: BlockKind) -> String {
    let (one, many): (String, String) =
      switch (language, kind) {
      case (.fi, .paragraph): ("kappale", "kappaletta")
      case (.fi, .listItem): ("luettelokohta", "luettelokohtaa")
      case (.fi, .table): ("taulukko", "taulukkoa")
      case (.fi, .quote): ("lainaus", "lainausta")
      case (.fi, .code): ("koodilohko", "koodilohkoa")
      case (.fi, .other): ("muu", "muuta")
      case (.sv, .paragraph): ("stycke", "stycken")
      case (.sv, .listItem): ("listpunkt", "listpunkter")
      case (.sv, .table): ("tabell", "tabeller")
      case (.sv, .quote): ("citat", "citat")
      case (.sv, .code): ("kodblock", "kodblock")
      case (.sv, .other): ("annat", "andra")
      case (.en, .paragraph): ("paragraph", "paragraphs")
      case (.en, .listItem): ("list item", "list items")
      case (.en, .table): ("table", "tables")
      case (.en, .quote): ("quote", "quotes")
      case (.en, .code): ("code block", "code blocks")
      case (.en, .other): ("other", "other")
      }
    return "\(n) \(n == 1 ? one : many)"
  }

  /// Past-tense passive verbs for added, deleted, modified, moved.
  var verbs: [String] {
    switch language {
    case .fi: ["lisättiin", "poistettiin", "muutettiin", "siirrettiin"]
    case .sv: ["lades till", "ströks", "ändrades", "flyttades"]
    case .en: ["added", "deleted", "changed", "moved"]
    }
  }

  /// "a, b ja c" / "a, b och c" / "a, b and c".
  package func join(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    let and =
      switch language {
      case .fi: "ja"
      case .sv: "och"
      case .en: "and"
      }
    return items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
  }

  // MARK: Dates

  /// `16.10.2023` in every language, the way Finnish authorities write dates in Finnish
  /// and in Swedish; the day in Helsinki time (`DateText`, no formatter built per call).
  package func date(_ t: Int64) -> String { Self.date(t) }

  /// `16.10.2023` for a Unix time, in Helsinki time.
  package static func date(_ t: Int64) -> String { DateText.finnish(t) }
}
