import Foundation
import RedlineGit
import RedlineReport

/// Small text views shared by the command line and the demo.
package enum Views {
  /// One line per commit: short id, tags, date, author, summary; the file's old name
  /// where it differed (before a rename). Dates and words in `language`.
  package static func log(_ commits: [CommitInfo], language: Localization.Language = .en) -> String {
    let l = Localization(language)
    var out = ""
    let current = commits.first?.path ?? ""
    for c in commits {
      let tags = c.tags.isEmpty ? "" : " (" + c.tags.joined(separator: ", ") + ")"
      out += "\(c.id.short)\(tags)  \(date(c.author, language: language))  \(c.author.name)  \(c.summary)"
      out += c.path == current ? "\n" : "  \(l[.asPath, c.path])\n"
      if c.isShallowBoundary {
        out += "(history stops here: this is a shallow clone; `git fetch --unshallow` fetches the rest)\n"
      }
    }
    return out
  }

  /// In the author's own time zone: `2023-10-16 09:00` (en), `16.10.2023 klo 9.00` (fi),
  /// `16.10.2023 kl. 9.00` (sv); written by `DateText`, no formatter per call.
  package static func date(_ s: Signature, language: Localization.Language = .en) -> String {
    Localization(language).dateTime(s.time, offsetMinutes: Int(s.offsetMinutes))
  }

  /// `path at rev (abc1234): N sections, N blocks, N lines`, in `language`.
  /// The path and revision are shown on one line (a file name may hold a newline).
  package static func header(_ v: DocumentVersion, language: Localization.Language = .en) -> String {
    let d = v.document
    return Localization(language).versionHeader(
      path: TerminalText.oneLine(v.path), revision: TerminalText.oneLine(v.revision), id: v.commit.map { $0.short },
      sections: d.sections.count - 1,
      blocks: d.blocks.count, lines: d.lineCount) + "\n"
  }
}
