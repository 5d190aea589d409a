/// The words of the review pages in Finnish, Swedish and English (the ministry's terms:
/// lausunto, kommentti, vastaa, ratkaise; remissvar, kommentar).
package struct Labels: Sendable {
  package enum Language: String, Sendable, CaseIterable { case fi, sv, en }
  package let language: Language

  package init(_ language: Language) { self.language = language }

  package subscript(_ key: String) -> String {
    let row = Self.table[key]
    switch language {
    case .fi: return row?.0 ?? key
    case .sv: return row?.1 ?? key
    case .en: return row?.2 ?? key
    }
  }

  /// Every key, for tests that each language has every word.
  package static var keys: [String] { Array(table.keys).sorted() }

  static let table: [String: (String, String, String)] = [
    "app": ("Redline – lausuntokierros", "Redline – remissrunda", "Redline – consultation review"),
    "versions": ("Versiot", "Versioner", "Versions"),
    "version": ("Versio", "Version", "Version"),
    "date": ("Päivämäärä", "Datum", "Date"),
    "author": ("Laatija", "Författare", "Author"),
    "message": ("Kuvaus", "Beskrivning", "Message"),
    "tags": ("Tunnisteet", "Taggar", "Tags"),
    "compare": ("Vertaa", "Jämför", "Compare"),
    "compareTitle": ("Muutokset", "Ändringar", "Changes"),
    "from": ("Mistä", "Från", "From"),
    "to": ("Mihin", "Till", "To"),
    "read": ("Lue", "Läs", "Read"),
    "contents": ("Sisällys", "Innehåll", "Contents"),
    "dashboard": ("Kommenttien tilanne", "Kommentarernas läge", "Comment dashboard"),
    "comment": ("Kommentoi", "Kommentera", "Comment"),
    "commentNoun": ("Kommentti", "Kommentar", "Comment"),
    "comments": ("Kommentit", "Kommentarer", "Comments"),
    "commentSection": ("Kommentoi lukua", "Kommentera avsnittet", "Comment on this section"),
    "commentHeading": ("Kommentoi otsikkoa", "Kommentera rubriken", "Comment on the heading"),
    "quote": ("Valittu kohta", "Markerad text", "Selected words"),
    "quoteHint": (
      "Valitse sanoja kappaleesta ennen kommentointia, niin kommentti kohdistuu niihin.",
      "Markera ord i stycket innan du kommenterar, så gäller kommentaren dem.",
      "Select words in the paragraph before commenting to anchor the comment to them."
    ),
    "send": ("Lähetä", "Skicka", "Send"),
    "reply": ("Vastaa", "Svara", "Reply"),
    "resolve": ("Ratkaise", "Avgör", "Resolve"),
    "reopen": ("Avaa uudelleen", "Öppna igen", "Reopen"),
    "reason": ("Perustelu", "Motivering", "Reason"),
    "disposition": ("Käsittely", "Behandling", "Disposition"),
    "accepted": ("Huomioitu", "Beaktad", "Taken into account"),
    "partly_accepted": ("Osittain huomioitu", "Delvis beaktad", "Partly taken into account"),
    "not_accepted": ("Ei huomioitu", "Inte beaktad", "Not taken into account"),
    "noted": ("Merkitty tiedoksi", "För kännedom", "Noted"),
    "status": ("Tila", "Status", "Status"),
    "open": ("Avoin", "Öppen", "Open"),
    "addressed": ("Käsitelty tekstissä", "Behandlad i texten", "Addressed"),
    "resolved": ("Ratkaistu", "Avgjord", "Resolved"),
    "outdated": ("Vanhentunut", "Föråldrad", "Outdated"),
    "orphaned": ("Kadonnut", "Förlorad", "Orphaned"),
    "merged": ("Yhdistetty toiseen kohtaan", "Sammanslagen med en annan punkt", "Merged into another paragraph"),
    "not_yet_made": ("Tehty myöhemmin", "Gjord senare", "Made later"),
    "unreadable": ("Lukukelvoton", "Oläslig", "Unreadable"),
    "statusNow": ("Tila uusimmassa versiossa", "Status i den senaste versionen", "Status in the latest version"),
    "section": ("Luku", "Avsnitt", "Section"),
    "respondent": ("Lausunnonantaja", "Remissinstans", "Respondent"),
    "all": ("Kaikki", "Alla", "All"),
    "filter": ("Suodata", "Filtrera", "Filter"),
    "thread": ("Keskustelu", "Tråd", "Thread"),
    "history": ("Historia", "Historik", "History"),
    "staleThread": (
      "Keskustelun tila muuttui sillä välin (joku ratkaisi tai avasi sen uudelleen). Lataa sivu uudelleen ja katso tilanne.",
      "Trådens status ändrades under tiden (någon avgjorde eller öppnade den igen). Ladda om sidan och se läget.",
      "The thread changed meanwhile (someone resolved or reopened it). Reload the page to see where it stands."
    ),
    "summary": ("Yhteenveto lausunnoista", "Sammanställning av remissvar", "Consultation summary"),
    "download": ("Lataa", "Ladda ner", "Download"),
    "signIn": ("Kirjaudu sisään", "Logga in", "Sign in"),
    "signOut": ("Kirjaudu ulos", "Logga ut", "Sign out"),
    "signInAs": ("Kirjaudu käyttäjänä", "Logga in som", "Sign in as"),
    "signInNeeded": (
      "Kirjaudu sisään kutsulinkillä, jonka sait valmistelijalta.",
      "Logga in med inbjudningslänken du fick av beredaren.",
      "Sign in with the invitation link you received from the drafters."
    ),
    "signedInAs": ("Kirjautuneena", "Inloggad som", "Signed in as"),
    "linkSpent": (
      "Linkki on jo käytetty, vanhentunut tai virheellinen. Pyydä uusi linkki valmistelijalta.",
      "Länken är redan använd, har gått ut eller är felaktig. Be beredaren om en ny länk.",
      "This link has been used, has expired or is wrong. Ask the drafters for a new link."
    ),
    "linkOnce": (
      "Linkki toimii kerran. Istunto kestää 12 tuntia.",
      "Länken fungerar en gång. Sessionen varar i 12 timmar.",
      "The link works once. The session lasts 12 hours."
    ),
    "reader": ("Lukija", "Läsare", "Reader"),
    "reviewer": ("Lausunnonantaja", "Remissinstans", "Reviewer"),
    "drafter": ("Valmistelija", "Beredare", "Drafter"),
    "forbidden": (
      "Sinulla ei ole oikeutta tähän toimintoon.",
      "Du har inte behörighet till den här åtgärden.",
      "You are not allowed to do this."
    ),
    "badForm": (
      "Lomakkeen tarkiste puuttuu tai on väärä. Lataa sivu uudelleen ja yritä uudestaan.",
      "Formulärets kontrollkod saknas eller är fel. Ladda om sidan och försök igen.",
      "The form's check code is missing or wrong. Reload the page and try again."
    ),
    "notFound": ("Sivua ei löydy.", "Sidan finns inte.", "Page not found."),
    "error": ("Virhe", "Fel", "Error"),
    "back": ("Etusivulle", "Till början", "Back to start"),
    "noThreads": ("Ei kommentteja.", "Inga kommentarer.", "No comments."),
    "threads": ("keskustelua", "trådar", "threads"),
    "language": ("Kieli", "Språk", "Language"),
    "paragraph": ("Kappale", "Stycke", "Paragraph"),
    "document": ("Asiakirja", "Dokument", "Document"),
    "onVersion": ("versiossa", "i version", "on version"),
    "nowAt": ("Nyt", "Nu", "Now"),
    "readOnly": (
      "Sinulla on lukuoikeus; kommentointi ei ole käytössä.",
      "Du har läsbehörighet; att kommentera är inte möjligt.",
      "You have read access; commenting is not available."
    ),
    "commentSaved": ("Kommentti tallennettu.", "Kommentaren sparad.", "Comment saved."),
  ]
}
