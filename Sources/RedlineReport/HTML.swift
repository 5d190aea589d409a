import RedlineDiff

/// Helpers for self-contained HTML pages: escaping and the shared stylesheet.
/// Pages make no external request: no scripts, fonts or images from elsewhere.
package enum HTML {
  /// Escapes text for element content and attribute values.
  package static func esc(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for c in s.unicodeScalars {
      if let e = entity(c) { out += e } else { out.unicodeScalars.append(c) }
    }
    return out
  }

  /// The entity for a character that HTML gives a meaning to; nil for any other.
  static func entity(_ c: Unicode.Scalar) -> String? {
    switch c {
    case "<": "&lt;"
    case ">": "&gt;"
    case "&": "&amp;"
    case "\"": "&quot;"
    case "'": "&#39;"
    default: nil
    }
  }

  /// Inline CSS: readable on screen, prints on A4, and marks changes by more than colour
  /// (insertions underlined, deletions struck through, with screen-reader text).
  package static let style = """
    @page { size: A4; margin: 18mm 16mm; }
    :root { --ins-bg: #e6f4ea; --ins-fg: #0b5d1e; --del-bg: #fde8e8; --del-fg: #8a1c1c; --muted: #555; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; line-height: 1.5; color: #111;
      max-width: 52rem; margin: 0 auto; padding: 1.5rem; font-size: 11pt; }
    h1, h2, h3 { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.25; }
    h1 { font-size: 1.6rem; margin-bottom: .25rem; }
    h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; break-after: avoid; }
    h3 { font-size: 1.05rem; margin-top: 1.5rem; break-after: avoid; }
    .meta, .muted { color: var(--muted); }
    .meta dt { font-weight: bold; float: left; clear: left; width: 11rem; }
    .meta dd { margin-left: 11.5rem; }
    ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; text-decoration-thickness: 2px; }
    del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
    del + ins, ins + del { margin-left: .25em; }
    ins::before, del::before, ins::after, del::after, .visually-hidden {
      position: absolute; clip-path: inset(100%); width: 1px; height: 1px; overflow: hidden; white-space: nowrap; }
    .block { margin: .6rem 0 .9rem; padding: .4rem .7rem; border-left: 4px solid #bbb; break-inside: avoid; }
    .block.added { border-left-color: #2e7d32; border-left-style: double; }
    .block.deleted { border-left-color: #c62828; border-left-style: dashed; }
    .block.modified { border-left-color: #b26a00; }
    .block.moved, .block.pointer { border-left-color: #1f5fa8; border-left-style: dotted; }
    .block.merged, .block.split { border-left-color: #6a1b9a; }
    .tag { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: .8rem; font-weight: bold;
      text-transform: uppercase; letter-spacing: .03em; color: var(--muted); display: block; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .95em; }
    th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left; vertical-align: top; }
    th { background: #f2f2f2; }
    tr { break-inside: avoid; }
    ul.toc { padding-left: 1.2rem; }
    .status { font-weight: bold; white-space: nowrap; }
    @media print { body { max-width: none; padding: 0; font-size: 10pt; } a { color: inherit; text-decoration: none; } }
    """

  /// Words a screen reader says around insertions and deletions, per language.
  static func cues(_ lang: String) -> String {
    let (i, d, end) =
      switch lang {
      case "sv": ("tillagt:", "struket:", "slut.")
      case "en": ("inserted:", "deleted:", "end.")
      default: ("lisätty:", "poistettu:", "loppu.")
      }
    return "ins::before { content: \" [\(i) \"; } del::before { content: \" [\(d) \"; } "
      + "ins::after, del::after { content: \" \(end)] \"; }"
  }

  /// A complete page around `body` (`extraStyle`: CSS for this page only).
  package static func page(title: String, lang: String, body: String, extraStyle: String = "") -> String {
    """
    <!DOCTYPE html>
    <html lang="\(esc(lang))">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(esc(title))</title>
    <style>
    \(style)
    \(cues(lang))
    \(extraStyle)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  /// Segments as inline HTML with `<ins>` and `<del>`.
  package static func segments(_ segs: [Segment]) -> String {
    segs.map { s in
      switch s.op {
      case .insert: return "<ins>" + esc(s.text) + "</ins>"
      case .delete: return "<del>" + esc(s.text) + "</del>"
      case .equal: return esc(s.text)
      }
    }.joined()
  }
}
