/// The output formats a command can write, and how one is chosen: `--format` wins, else
/// the output file's extension (`-o x.html`, `-o x.md`), else the command's default.
package enum OutputFormat: String, Sendable, CaseIterable {
  case text, markdown, html, json, docx

  /// The format a file name asks for: `.html`/`.htm`, `.md`/`.markdown`, `.json`,
  /// `.txt`, `.docx`; nil for any other name (case-insensitive).
  package static func fromFileName(_ path: String) -> OutputFormat? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "html", "htm": return .html
    case "md", "markdown": return .markdown
    case "json": return .json
    case "txt", "text": return .text
    case "docx": return .docx
    default: return nil
    }
  }

  /// `explicit` if given, else the format of `output`'s name, else `fallback`.
  package static func choose(explicit: OutputFormat?, output: String?, fallback: OutputFormat) -> OutputFormat {
    explicit ?? output.flatMap(fromFileName) ?? fallback
  }
}
