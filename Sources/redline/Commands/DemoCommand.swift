import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Build a throwaway repository from the sample drafts and show what Redline does.",
    discussion: """
      Commits drafts/NAME-v1.md, -v2.md, -v3.md through libgit2 as one document, tagged v1, v2, v3, \
      then runs the other commands on it. The repository is left in a temporary folder (or --into) \
      so you can try the commands yourself; the files it writes (HTML diff, summaries) go \
      to a folder beside it, named like it with "-out".
      """)

  @Option(name: .long, help: "The folder of sample drafts.") var drafts: String = "drafts"
  @Option(name: .long, help: "Build the repository here (must not exist yet).") var into: String?
  @Option(name: .long, help: "The folder of sample review threads.") var reviews: String = "reviews"
  @Flag(name: .long, help: "Leave the sample review threads out.") var noReviews = false
  @OptionGroup var display: DisplayOptions

  func run() throws {
    try runReporting {
      let folder = into ?? NSTemporaryDirectory() + "redline-demo-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
      if FileManager.default.fileExists(atPath: folder) {
        throw RedlineError.invalidArgument("'\(folder)' already exists; pass --into a new folder")
      }
      let git = try Demo.build(drafts: drafts, into: folder)
      // Every step runs the command exactly as printed, in this process: what you see
      // under a command line is what that command prints.
      func step(_ title: String, _ args: [String]) throws {
        let line = (["redline", "--repo", folder] + args).map(Self.shellQuoted).joined(separator: " ")
        emit("\n━━ \(title)\n$ \(line)\n\n")
        var command = try Redline.parseAsRoot(Redline.hoistingGlobalOptions(["--repo", folder] + args))
        try command.run()
      }
      emit("Built a drafts repository at \(folder) through libgit2.\n")
      let last = "v\(try Demo.versions(in: drafts).last!.number)"
      try step("The versions of the decision", ["log"])
      try step("The outline of the last version (two levels)", ["outline", last, "--depth", "2"])
      try step("One section of the first version, with the labels reviewers cite", ["show", "v1", "--section", "5"])
      try step("What changed from v1 to v2: one line per changed section", ["diff", "v1", "v2", "--stat"])
      try step("The redline of section 3.3 (insertions {+…+}, deletions [-…-])", ["diff", "v1", "v2", "--section", "3.3", "--color", "never"])
      let outFolder = folder + "-out"
      try? FileManager.default.createDirectory(atPath: outFolder, withIntermediateDirectories: true)
      try step("The whole comparison as one HTML page", ["diff", "v1", "v2", "--format", "html", "-o", outFolder + "/muutokset-v1-v2.html"])
      if !noReviews {
        let n = try Demo.addReviews(from: reviews, to: git)
        if n > 0 {
          try step("Consultation comments on v1, followed into v2", ["comments", "--at", "v2"])
          try step("At \(last): the threads whose paragraph changed, waiting for a person", ["comments", "--at", last, "--status", "addressed"])
        }
      }
      // Issue 15: the demo shows the paragraph's history and blame (when the drafts have §3.3 ¶1).
      if (try? DraftRepository(path: folder).history(revision: last, block: "§3.3 ¶1")) != nil {
        try step("The history of one paragraph, with the comments made on it", ["history", last, "--block", "§3.3 ¶1"])
        try step(
          "Who last changed each paragraph, as one HTML page",
          ["blame", last, "--format", "html", "-o", outFolder + "/blame-\(last).html"])
      }
      try step("The consultation summary of v1 → v2, in Finnish", ["summary", "v1", "v2", "--lang", "fi", "--format", "html", "-o", outFolder + "/yhteenveto-v1-v2.html"])
      try step("The same in Swedish, as Markdown", ["summary", "v1", "v2", "--lang", "sv", "-o", outFolder + "/sammanfattning-v1-v2.md"])
      emit("\nWrote the pages to \(outFolder)\nTry: redline --repo \(Self.shellQuoted(folder)) diff v2 v3   ·   redline --repo \(Self.shellQuoted(folder)) diff v1 v3 --format json\n")
    }
  }

  /// `s` as a shell word: as is when safe, else in single quotes.
  static func shellQuoted(_ s: String) -> String {
    let safe = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=,:+@%".unicodeScalars.contains($0) }
    return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
