import RedlineReport

/// The words of the review pages in Finnish, Swedish and English (the ministry's terms:
/// lausunto, kommentti, vastaa, ratkaise; remissvar, kommentar), each written once with its
/// three languages side by side (decision 55).
package struct Labels: Sendable {
  /// The page languages are the reports' languages.
  package typealias Language = Localization.Language
  package let language: Language

  package init(_ language: Language) { self.language = language }

  /// Every word of the pages; the raw value is the name a status, disposition or role has
  /// in files and JSON (`partly_accepted`), so those look their word up by name.
  package enum Key: String, Sendable, CaseIterable, Hashable {
    case app
    case versions
    case version
    case date
    case author
    case message
    case tags
    case compare
    case compareTitle
    case from
    case to
    case read
    case contents
    case dashboard
    case comment
    case commentNoun
    case comments
    case commentSection
    case commentHeading
    case quote
    case quoteHint
    case send
    case reply
    case resolve
    case reopen
    case reason
    case disposition
    case accepted
    case partlyAccepted = "partly_accepted"
    case notAccepted = "not_accepted"
    case noted
    case status
    case open
    case addressed
    case resolved
    case outdated
    case orphaned
    case merged
    case notYetMade = "not_yet_made"
    case unreadable
    case statusNow
    case section
    case respondent
    case all
    case filter
    case thread
    case history
    case staleThread
    case summary
    case download
    case signIn
    case signOut
    case signInAs
    case signInNeeded
    case signedInAs
    case linkSpent
    case linkOnce
    case reader
    case reviewer
    case drafter
    case forbidden
    case badForm
    case notFound
    case error
    case back
    case noThreads
    case threads
    case language
    case paragraph
    case document
    case onVersion
    case nowAt
    case readOnly
    case commentSaved
  }

  /// The word for `key` in this language.
  package subscript(_ key: Key) -> String { Self.text(key, language) }

  /// The word for a status, disposition or role by its name in files and JSON
  /// (`not_yet_made`); a name without a word is shown as it is.
  package subscript(name name: String) -> String { Key(rawValue: name).map { self[$0] } ?? name }

  /// Every word with its Finnish, Swedish and English side by side.
  static func text(_ k: Key, _ l: Language) -> String {
    switch k {
    case .app:
      l.pick(
        fi: "Redline – lausuntokierros",
        sv: "Redline – remissrunda",
        en: "Redline – consultation review")
    case .versions:
      l.pick(
        fi: "Versiot",
        sv: "Versioner",
        en: "Versions")
    case .version:
      l.pick(
        fi: "Versio",
        sv: "Version",
        en: "Version")
    case .date:
      l.pick(
        fi: "Päivämäärä",
        sv: "Datum",
        en: "Date")
    case .author:
      l.pick(
        fi: "Laatija",
        sv: "Författare",
        en: "Author")
    case .message:
      l.pick(
        fi: "Kuvaus",
        sv: "Beskrivning",
        en: "Message")
    case .tags:
      l.pick(
        fi: "Tunnisteet",
        sv: "Taggar",
        en: "Tags")
    case .compare:
      l.pick(
        fi: "Vertaa",
        sv: "Jämför",
        en: "Compare")
    case .compareTitle:
      l.pick(
        fi: "Muutokset",
        sv: "Ändringar",
        en: "Changes")
    case .from:
      l.pick(
        fi: "Mistä",
        sv: "Från",
        en: "From")
    case .to:
      l.pick(
        fi: "Mihin",
        sv: "Till",
        en: "To")
    case .read:
      l.pick(
        fi: "Lue",
        sv: "Läs",
        en: "Read")
    case .contents:
      l.pick(
        fi: "Sisällys",
        sv: "Innehåll",
        en: "Contents")
    case .dashboard:
      l.pick(
        fi: "Kommenttien tilanne",
        sv: "Kommentarernas läge",
        en: "Comment dashboard")
    case .comment:
      l.pick(
        fi: "Kommentoi",
        sv: "Kommentera",
        en: "Comment")
    case .commentNoun:
      l.pick(
        fi: "Kommentti",
        sv: "Kommentar",
        en: "Comment")
    case .comments:
      l.pick(
        fi: "Kommentit",
        sv: "Kommentarer",
        en: "Comments")
    case .commentSection:
      l.pick(
        fi: "Kommentoi lukua",
        sv: "Kommentera avsnittet",
        en: "Comment on this section")
    case .commentHeading:
      l.pick(
        fi: "Kommentoi otsikkoa",
        sv: "Kommentera rubriken",
        en: "Comment on the heading")
    case .quote:
      l.pick(
        fi: "Valittu kohta",
        sv: "Markerad text",
        en: "Selected words")
    case .quoteHint:
      l.pick(
        fi: "Valitse sanoja kappaleesta ennen kommentointia, niin kommentti kohdistuu niihin.",
        sv: "Markera ord i stycket innan du kommenterar, så gäller kommentaren dem.",
        en: "Select words in the paragraph before commenting to anchor the comment to them.")
    case .send:
      l.pick(
        fi: "Lähetä",
        sv: "Skicka",
        en: "Send")
    case .reply:
      l.pick(
        fi: "Vastaa",
        sv: "Svara",
        en: "Reply")
    case .resolve:
      l.pick(
        fi: "Ratkaise",
        sv: "Avgör",
        en: "Resolve")
    case .reopen:
      l.pick(
        fi: "Avaa uudelleen",
        sv: "Öppna igen",
        en: "Reopen")
    case .reason:
      l.pick(
        fi: "Perustelu",
        sv: "Motivering",
        en: "Reason")
    case .disposition:
      l.pick(
        fi: "Käsittely",
        sv: "Behandling",
        en: "Disposition")
    case .accepted:
      l.pick(
        fi: "Huomioitu",
        sv: "Beaktad",
        en: "Taken into account")
    case .partlyAccepted:
      l.pick(
        fi: "Osittain huomioitu",
        sv: "Delvis beaktad",
        en: "Partly taken into account")
    case .notAccepted:
      l.pick(
        fi: "Ei huomioitu",
        sv: "Inte beaktad",
        en: "Not taken into account")
    case .noted:
      l.pick(
        fi: "Merkitty tiedoksi",
        sv: "För kännedom",
        en: "Noted")
    case .status:
      l.pick(
        fi: "Tila",
        sv: "Status",
        en: "Status")
    case .open:
      l.pick(
        fi: "Avoin",
        sv: "Öppen",
        en: "Open")
    case .addressed:
      l.pick(
        fi: "Käsitelty tekstissä",
        sv: "Behandlad i texten",
        en: "Addressed")
    case .resolved:
      l.pick(
        fi: "Ratkaistu",
        sv: "Avgjord",
        en: "Resolved")
    case .outdated:
      l.pick(
        fi: "Vanhentunut",
        sv: "Föråldrad",
        en: "Outdated")
    case .orphaned:
      l.pick(
        fi: "Kadonnut",
        sv: "Förlorad",
        en: "Orphaned")
    case .merged:
      l.pick(
        fi: "Yhdistetty toiseen kohtaan",
        sv: "Sammanslagen med en annan punkt",
        en: "Merged into another paragraph")
    case .notYetMade:
      l.pick(
        fi: "Tehty myöhemmin",
        sv: "Gjord senare",
        en: "Made later")
    case .unreadable:
      l.pick(
        fi: "Lukukelvoton",
        sv: "Oläslig",
        en: "Unreadable")
    case .statusNow:
      l.pick(
        fi: "Tila uusimmassa versiossa",
        sv: "Status i den senaste versionen",
        en: "Status in the latest version")
    case .section:
      l.pick(
        fi: "Luku",
        sv: "Avsnitt",
        en: "Section")
    case .respondent:
      l.pick(
        fi: "Lausunnonantaja",
        sv: "Remissinstans",
        en: "Respondent")
    case .all:
      l.pick(
        fi: "Kaikki",
        sv: "Alla",
        en: "All")
    case .filter:
      l.pick(
        fi: "Suodata",
        sv: "Filtrera",
        en: "Filter")
    case .thread:
      l.pick(
        fi: "Keskustelu",
        sv: "Tråd",
        en: "Thread")
    case .history:
      l.pick(
        fi: "Historia",
        sv: "Historik",
        en: "History")
    case .staleThread:
      l.pick(
        fi:
          "Keskustelun tila muuttui sillä välin (joku ratkaisi tai avasi sen uudelleen). Lataa sivu uudelleen ja katso tilanne.",
        sv: "Trådens status ändrades under tiden (någon avgjorde eller öppnade den igen). Ladda om sidan och se läget.",
        en: "The thread changed meanwhile (someone resolved or reopened it). Reload the page to see where it stands.")
    case .summary:
      l.pick(
        fi: "Yhteenveto lausunnoista",
        sv: "Sammanställning av remissvar",
        en: "Consultation summary")
    case .download:
      l.pick(
        fi: "Lataa",
        sv: "Ladda ner",
        en: "Download")
    case .signIn:
      l.pick(
        fi: "Kirjaudu sisään",
        sv: "Logga in",
        en: "Sign in")
    case .signOut:
      l.pick(
        fi: "Kirjaudu ulos",
        sv: "Logga ut",
        en: "Sign out")
    case .signInAs:
      l.pick(
        fi: "Kirjaudu käyttäjänä",
        sv: "Logga in som",
        en: "Sign in as")
    case .signInNeeded:
      l.pick(
        fi: "Kirjaudu sisään kutsulinkillä, jonka sait valmistelijalta.",
        sv: "Logga in med inbjudningslänken du fick av beredaren.",
        en: "Sign in with the invitation link you received from the drafters.")
    case .signedInAs:
      l.pick(
        fi: "Kirjautuneena",
        sv: "Inloggad som",
        en: "Signed in as")
    case .linkSpent:
      l.pick(
        fi: "Linkki on jo käytetty, vanhentunut tai virheellinen. Pyydä uusi linkki valmistelijalta.",
        sv: "Länken är redan använd, har gått ut eller är felaktig. Be beredaren om en ny länk.",
        en: "This link has been used, has expired or is wrong. Ask the drafters for a new link.")
    case .linkOnce:
      l.pick(
        fi: "Linkki toimii kerran. Istunto kestää 12 tuntia.",
        sv: "Länken fungerar en gång. Sessionen varar i 12 timmar.",
        en: "The link works once. The session lasts 12 hours.")
    case .reader:
      l.pick(
        fi: "Lukija",
        sv: "Läsare",
        en: "Reader")
    case .reviewer:
      l.pick(
        fi: "Lausunnonantaja",
        sv: "Remissinstans",
        en: "Reviewer")
    case .drafter:
      l.pick(
        fi: "Valmistelija",
        sv: "Beredare",
        en: "Drafter")
    case .forbidden:
      l.pick(
        fi: "Sinulla ei ole oikeutta tähän toimintoon.",
        sv: "Du har inte behörighet till den här åtgärden.",
        en: "You are not allowed to do this.")
    case .badForm:
      l.pick(
        fi: "Lomakkeen tarkiste puuttuu tai on väärä. Lataa sivu uudelleen ja yritä uudestaan.",
        sv: "Formulärets kontrollkod saknas eller är fel. Ladda om sidan och försök igen.",
        en: "The form's check code is missing or wrong. Reload the page and try again.")
    case .notFound:
      l.pick(
        fi: "Sivua ei löydy.",
        sv: "Sidan finns inte.",
        en: "Page not found.")
    case .error:
      l.pick(
        fi: "Virhe",
        sv: "Fel",
        en: "Error")
    case .back:
      l.pick(
        fi: "Etusivulle",
        sv: "Till början",
        en: "Back to start")
    case .noThreads:
      l.pick(
        fi: "Ei kommentteja.",
        sv: "Inga kommentarer.",
        en: "No comments.")
    case .threads:
      l.pick(
        fi: "keskustelua",
        sv: "trådar",
        en: "threads")
    case .language:
      l.pick(
        fi: "Kieli",
        sv: "Språk",
        en: "Language")
    case .paragraph:
      l.pick(
        fi: "Kappale",
        sv: "Stycke",
        en: "Paragraph")
    case .document:
      l.pick(
        fi: "Asiakirja",
        sv: "Dokument",
        en: "Document")
    case .onVersion:
      l.pick(
        fi: "versiossa",
        sv: "i version",
        en: "on version")
    case .nowAt:
      l.pick(
        fi: "Nyt",
        sv: "Nu",
        en: "Now")
    case .readOnly:
      l.pick(
        fi: "Sinulla on lukuoikeus; kommentointi ei ole käytössä.",
        sv: "Du har läsbehörighet; att kommentera är inte möjligt.",
        en: "You have read access; commenting is not available.")
    case .commentSaved:
      l.pick(
        fi: "Kommentti tallennettu.",
        sv: "Kommentaren sparad.",
        en: "Comment saved.")
    }
  }
}
