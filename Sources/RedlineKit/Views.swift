import Foundation
import RedlineGit

/// Small text views shared by the command line and the demo.
public enum Views {
  /// One line per commit: short id, tags, date, author, summary; the file's old name
  /// where it differed (before a rename).
  public static func log(_ commits: [CommitInfo]) -> String {
    var out = ""
    let current = commits.first?.path ?? ""
    for c in commits {
      let tags = c.tags.isEmpty ? "" : " (" + c.tags.joined(separator: ", ") + ")"
      out += "\(c.id.short)\(tags)  \(date(c.author))  \(c.author.name)  \(c.summary)"
      out += c.path == current ? "\n" : "  [as \(c.path)]\n"
      if c.isShallowBoundary { out += "(history stops here: this is a shallow clone; `git fetch --unshallow` fetches the rest)\n" }
    }
    return out
  }

  /// `2023-10-16 09:00` in the author's own time zone.
  public static func date(_ s: Signature) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(secondsFromGMT: Int(s.offsetMinutes) * 60)
    f.dateFormat = "yyyy-MM-dd HH:mm"
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(s.time)))
  }

  /// `path at rev (abc1234): N sections, N blocks, N lines`.
  public static func header(_ v: DocumentVersion) -> String {
    let id = v.commit.map { " (\($0.short))" } ?? ""
    let d = v.document
    return "\(v.path) at \(v.revision)\(id): \(d.sections.count - 1) sections, \(d.blocks.count) blocks, \(d.lineCount) lines\n"
  }
}
