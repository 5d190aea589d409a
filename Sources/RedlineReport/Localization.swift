import Foundation

/// Labels and fixed phrases of the consultation summary in Finnish, Swedish and English,
/// and each language's usual date format.
public struct Localization: Sendable {
  public enum Language: String, Sendable, CaseIterable {
    case fi, sv, en
  }

  public let language: Language
  private let table: [String: String]

  public init(_ language: Language) {
    self.language = language
    table = Self.tables[language]!
  }

  /// The phrase for `key`; unknown keys come back as themselves (and a test checks there are none).
  public subscript(_ key: String) -> String { table[key] ?? key }

  /// Fills `{0}`, `{1}`, … in the phrase for `key`.
  public func format(_ key: String, _ args: String...) -> String {
    var s = self[key]
    for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
    return s
  }

  /// `27.11.2023` (fi), `27 november 2023` (sv), `27 November 2023` (en).
  public func date(_ t: Int64) -> String {
    let f = DateFormatter()
    f.timeZone = TimeZone(identifier: "Europe/Helsinki")
    switch language {
    case .fi:
      f.locale = Locale(identifier: "fi_FI")
      f.dateFormat = "d.M.yyyy"
    case .sv:
      f.locale = Locale(identifier: "sv_FI")
      f.dateFormat = "d MMMM yyyy"
    case .en:
      f.locale = Locale(identifier: "en_GB")
      f.dateFormat = "d MMMM yyyy"
    }
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  /// Every key any language defines.
  public static let keys: [String] = Array(Set(tables.values.flatMap(\.keys))).sorted()

  /// True when this language has a phrase for `key`.
  public func has(_ key: String) -> Bool { table[key] != nil }

  static let tables: [Language: [String: String]] = [
    .fi: [
      "title": "Muutosyhteenveto",
      "document": "Asiakirja",
      "compared": "Verratut versiot",
      "old": "Aiempi versio",
      "new": "Uusi versio",
      "changed_by": "Muutokset tekivät",
      "structure": "Rakenteen muutokset",
      "no_structure": "Lukujen rakenne ei muuttunut.",
      "sections": "Muutokset luvuittain",
      "comments": "Kommenttien käsittely",
      "comment_table": "Kommentit yhdellä silmäyksellä",
      "no_comments": "Versioon ei annettu kommentteja.",
      "renamed": "{0}: otsikko muutettu, nyt {1}",
      "moved": "{0}: siirretty, nyt {1}",
      "renamed_and_moved": "{0}: otsikko muutettu ja siirretty, nyt {1}",
      "renumbered": "{0}: numero muuttunut, nyt {1}",
      "added": "{0}: uusi",
      "deleted": "{0}: poistettu",
      "split": "{0}: uusi, jaettu luvusta {1}",
      "merged": "{0}: poistettu, yhdistetty lukuun {1}",
      "counts": "{0} lisätty, {1} poistettu, {2} muutettu, {3} siirretty",
      "added_block": "Lisätty",
      "deleted_block": "Poistettu",
      "modified_block": "Muutettu",
      "moved_block": "Siirretty kohdasta {0}",
      "moved_edited_block": "Siirretty kohdasta {0} ja muutettu",
      "section_added": "Uusi luku.",
      "section_deleted": "Luku poistettu.",
      "commenter": "Kommentoija",
      "on": "Kohta",
      "handling": "Käsittely",
      "reason": "Perustelu",
      "status_resolved": "ratkaistu",
      "status_addressed": "teksti muuttunut, vahvistamatta",
      "status_open": "avoin",
      "status_outdated": "kohta poistettu",
      "status_orphaned": "kohtaa ei löydy",
      "status_unreadable": "tiedosto ei luettavissa",
      "status_merged": "teksti yhdistetty toiseen kohtaan, vahvistamatta",
      "status_not_yet_made": "tehty myöhemmin",
      "disposition_accepted": "hyväksytty",
      "disposition_partly_accepted": "osittain hyväksytty",
      "disposition_not_accepted": "ei hyväksytty",
      "disposition_noted": "merkitty tiedoksi",
      "no_disposition": "ei kirjattu",
      "changed_in_response": "Kohtaan tehdyt muutokset kommentin jälkeen",
      "now_at": "nyt {0}",
      "was_deleted": "Kohta poistettiin",
      "replies": "Vastaukset",
      "inserted": "lisätty",
      "removed": "poistettu",
      "legend": "Merkinnät: lisätty teksti alleviivattuna, poistettu teksti yliviivattuna.",
      "generated": "Laadittu Redline-työkalulla {0}.",
      "summary_line": "Muuttuneita lukuja {0}; kappaleita lisätty {1}, poistettu {2}, muutettu {3}, siirretty {4}.",
      "before_first_heading": "Johdanto-osa",
    ],
    .sv: [
      "title": "Sammanfattning av ändringarna",
      "document": "Dokument",
      "compared": "Jämförda versioner",
      "old": "Tidigare version",
      "new": "Ny version",
      "changed_by": "Ändringarna gjordes av",
      "structure": "Ändringar i strukturen",
      "no_structure": "Kapitelstrukturen är oförändrad.",
      "sections": "Ändringar kapitel för kapitel",
      "comments": "Behandlingen av kommentarerna",
      "comment_table": "Kommentarerna i korthet",
      "no_comments": "Inga kommentarer lämnades på versionen.",
      "renamed": "{0}: rubriken ändrad, nu {1}",
      "moved": "{0}: flyttad, nu {1}",
      "renamed_and_moved": "{0}: rubriken ändrad och flyttad, nu {1}",
      "renumbered": "{0}: numret ändrat, nu {1}",
      "added": "{0}: ny",
      "deleted": "{0}: struken",
      "split": "{0}: ny, delad från {1}",
      "merged": "{0}: struken, sammanslagen med {1}",
      "counts": "{0} tillagda, {1} strukna, {2} ändrade, {3} flyttade",
      "added_block": "Tillagt",
      "deleted_block": "Struket",
      "modified_block": "Ändrat",
      "moved_block": "Flyttat från {0}",
      "moved_edited_block": "Flyttat från {0} och ändrat",
      "section_added": "Nytt kapitel.",
      "section_deleted": "Kapitlet struket.",
      "commenter": "Kommentator",
      "on": "Punkt",
      "handling": "Behandling",
      "reason": "Motivering",
      "status_resolved": "avgjord",
      "status_addressed": "texten ändrad, ej bekräftad",
      "status_open": "öppen",
      "status_outdated": "punkten struken",
      "status_orphaned": "punkten hittas inte",
      "status_unreadable": "filen kan inte läsas",
      "status_merged": "texten sammanslagen med en annan punkt, ej bekräftad",
      "status_not_yet_made": "gjord senare",
      "disposition_accepted": "godkänd",
      "disposition_partly_accepted": "delvis godkänd",
      "disposition_not_accepted": "inte godkänd",
      "disposition_noted": "antecknad",
      "no_disposition": "inte angiven",
      "changed_in_response": "Ändringar i punkten efter kommentaren",
      "now_at": "nu {0}",
      "was_deleted": "Punkten ströks",
      "replies": "Svar",
      "inserted": "tillagt",
      "removed": "struket",
      "legend": "Beteckningar: tillagd text understruken, struken text överstruken.",
      "generated": "Sammanställd med Redline {0}.",
      "summary_line": "Kapitel ändrade {0}; stycken tillagda {1}, strukna {2}, ändrade {3}, flyttade {4}.",
      "before_first_heading": "Inledande del",
    ],
    .en: [
      "title": "Summary of changes",
      "document": "Document",
      "compared": "Versions compared",
      "old": "Earlier version",
      "new": "New version",
      "changed_by": "Changes made by",
      "structure": "Changes to the structure",
      "no_structure": "The chapter structure is unchanged.",
      "sections": "Changes section by section",
      "comments": "How the comments were handled",
      "comment_table": "Comments at a glance",
      "no_comments": "No comments were made on this version.",
      "renamed": "{0}: renamed, now {1}",
      "moved": "{0}: moved, now {1}",
      "renamed_and_moved": "{0}: renamed and moved, now {1}",
      "renumbered": "{0}: renumbered, now {1}",
      "added": "{0}: new",
      "deleted": "{0}: deleted",
      "split": "{0}: new, split from {1}",
      "merged": "{0}: deleted, merged into {1}",
      "counts": "{0} added, {1} deleted, {2} changed, {3} moved",
      "added_block": "Added",
      "deleted_block": "Deleted",
      "modified_block": "Changed",
      "moved_block": "Moved from {0}",
      "moved_edited_block": "Moved from {0} and changed",
      "section_added": "New section.",
      "section_deleted": "Section deleted.",
      "commenter": "Commenter",
      "on": "On",
      "handling": "Handling",
      "reason": "Reason",
      "status_resolved": "resolved",
      "status_addressed": "text changed, not yet confirmed",
      "status_open": "open",
      "status_outdated": "paragraph deleted",
      "status_orphaned": "paragraph not found",
      "status_unreadable": "file unreadable",
      "status_merged": "merged into another paragraph, to be confirmed",
      "status_not_yet_made": "made later",
      "disposition_accepted": "accepted",
      "disposition_partly_accepted": "partly accepted",
      "disposition_not_accepted": "not accepted",
      "disposition_noted": "noted",
      "no_disposition": "not recorded",
      "changed_in_response": "Changes to the paragraph since the comment",
      "now_at": "now {0}",
      "was_deleted": "The paragraph was deleted",
      "replies": "Replies",
      "inserted": "inserted",
      "removed": "deleted",
      "legend": "Key: inserted text underlined, deleted text struck through.",
      "generated": "Prepared with Redline on {0}.",
      "summary_line": "Sections changed {0}; paragraphs added {1}, deleted {2}, changed {3}, moved {4}.",
      "before_first_heading": "Opening text",
    ],
  ]
}
