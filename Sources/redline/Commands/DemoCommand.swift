import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Build a throwaway repository from the sample drafts and show what Redline does.",
    discussion: """
      Commits drafts/NAME-v1.md, -v2.md, -v3.md through libgit2 as one document, tagged v1, v2, v3 \
      (with the Swedish version drafts/regionutvecklingsbeslut.md from v2 on, replaced by \
      regionutvecklingsbeslut.vN.md at vN), then runs the other commands on it. The repository is left in a temporary folder (or --into) \
      so you can try the commands yourself; the files it writes (HTML and Word diff, summaries) go \
      to a folder beside it, named like it with "-out".
      """)

  @Option(name: .long, help: "The folder of sample drafts.") var drafts: String = "drafts"
  @Option(name: .long, help: "Build the repository here (must not exist yet).") var into: String?
  @Option(name: .long, help: "The folder of sample review threads.") var reviews: String = "reviews"
  @Flag(name: .long, help: "Leave the sample review threads out.") var noReviews = false
  @OptionGroup var display: DisplayOptions

  func run() throws {
    try runReporting {
      let folder =
        into ?? NSTemporaryDirectory() + "redline-demo-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
      if FileManager.default.fileExists(atPath: folder) {
        throw RedlineError.invalidArgument("'\(folder)' already exists; pass --into a new folder")
      }
      let git = try Demo.build(drafts: drafts, into: folder)
      // Every step runs the command exactly as printed, in this process: what you see
      // under a command line is what that command prints. A step that ends with another
      // exit status than 0 says so in its title.
      func step(_ title: String, _ args: [String], exitStatus: Int32 = 0) throws {
        let line = (["redline", "--repo", folder] + args).map(Self.shellQuoted).joined(separator: " ")
        let note = exitStatus == 0 ? "" : " (exit status \(exitStatus))"
        emit("\n━━ \(title)\(note)\n$ \(line)\n\n")
        var command = try Redline.parseAsRoot(Redline.hoistingGlobalOptions(["--repo", folder] + args))
        do { try command.run() } catch let e as ExitCode where e.rawValue == exitStatus && exitStatus != 0 {}
      }
      emit("Built a drafts repository at \(folder) through libgit2.\n")
      let last = "v\(try Demo.versions(in: drafts).last!.number)"
      // With the Swedish version beside it, every revision from v2 holds two documents:
      // each command names the Finnish one.
      let fi = Demo.documentPath
      let sv = Demo.hasSwedish(in: drafts) ? Demo.swedishPath : nil
      try step("The versions of the decision", ["log", fi])
      try step("The outline of the last version (two levels)", ["outline", last, fi, "--depth", "2"])
      try step(
        "One section of the first version, with the labels reviewers cite", ["show", "v1", fi, "--section", "5"])
      try step("What changed from v1 to v2: one line per changed section", ["diff", "v1", "v2", fi, "--stat"])
      try step(
        "The redline of section 3.3 (insertions {+…+}, deletions [-…-])",
        ["diff", "v1", "v2", fi, "--section", "3.3", "--color", "never"])
      let outFolder = folder + "-out"
      try? FileManager.default.createDirectory(atPath: outFolder, withIntermediateDirectories: true)
      var pages = [
        "muutokset-v1-v2.html", "muutokset-v1-v2.docx", "muutokset-v1-v2.json", "yhteenveto-v1-v2.html",
        "sammanfattning-v1-v2.md",
      ]
      try step(
        "The whole comparison as one HTML page",
        ["diff", "v1", "v2", fi, "--format", "html", "-o", outFolder + "/muutokset-v1-v2.html"])
      try step(
        "The same as a Word file with tracked changes (Review → Accept all gives v2)",
        ["diff", "v1", "v2", fi, "-o", outFolder + "/muutokset-v1-v2.docx"])
      try step(
        "For programs: only the changes, as one line of JSON (docs/json-diff.md)",
        ["diff", "v1", "v2", fi, "--context", "0", "--compact", "-o", outFolder + "/muutokset-v1-v2.json"])
      if !noReviews {
        let n = try Demo.addReviews(from: reviews, to: git)
        if n > 0 {
          try step("Consultation comments on v1, followed into v2", ["comments", "--at", "v2"])
          try step(
            "At \(last): the threads whose paragraph changed, waiting for a person",
            ["comments", "--at", last, "--status", "addressed"])
        }
      }
      try step(
        "The consultation summary of v1 → v2, in Finnish",
        ["summary", "v1", "v2", fi, "--lang", "fi", "--format", "html", "-o", outFolder + "/yhteenveto-v1-v2.html"])
      try step(
        "The same in Swedish, as Markdown",
        ["summary", "v1", "v2", fi, "--lang", "sv", "-o", outFolder + "/sammanfattning-v1-v2.md"])
      try step(
        "One paragraph's history: created, \(noReviews ? "" : "commented, ")changed, moved (v1 → \(last))",
        ["history", last, fi, "--block", Self.storyBlock, "--color", "never"])
      try step(
        "Blame of section 3.3: who last changed each paragraph, comments before",
        ["blame", last, fi, "--section", "3.3"])
      if let sv {
        try step(
          "The Swedish version, §2: what it has not caught up with",
          ["parallel", last, fi, sv, "--section", "2", "--color", "never"], exitStatus: 1)
        pages.append("yhteenveto-v2-\(last).md")
        try step(
          "The summary of v2 → \(last) ends with the Swedish version's status",
          ["summary", "v2", last, fi, "--lang", "fi", "--parallel", sv, "-o", outFolder + "/yhteenveto-v2-\(last).md"])
      }
      let me = Self.shellQuoted(Self.executablePath())
      let repo = Self.shellQuoted(folder)
      emit(
        """

        Wrote the pages to \(outFolder):
             \(pages.joined(separator: "\n     "))

        Try: redline --repo \(repo) diff v2 \(last) \(fi)
             redline --repo \(repo) diff v1 \(last) \(fi) --format json

        Inside git (git runs Redline; Redline never runs git):
             GIT_EXTERNAL_DIFF=\(me) git -C \(repo) diff v2 \(last) -- \(fi)
        or, only for Markdown files, once per repository:
             git -C \(repo) config diff.redline.command \(me)
             echo '*.md diff=redline' >> \(repo)/.gitattributes
             git -C \(repo) diff v2 \(last)

        """)
    }
  }

  /// The paragraph whose history the demo tells.
  static let storyBlock = "§2.3 ¶1"

  /// This program's path, for the git recipe (git must find the same binary).
  static func executablePath() -> String {
    let p = Bundle.main.executablePath ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: p).standardizedFileURL.path
  }

  /// `s` as a shell word: as is when safe, else in single quotes.
  static func shellQuoted(_ s: String) -> String {
    let safe = s.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_./=,:+@%".unicodeScalars.contains($0)
    }
    return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
