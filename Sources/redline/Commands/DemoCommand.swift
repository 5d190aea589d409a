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
      let repo = DraftRepository(repository: git)
      func step(_ title: String, _ command: String) {
        emit("\n━━ \(title)\n$ redline --repo \(folder) \(command)\n\n")
      }
      emit("Built a drafts repository at \(folder) through libgit2.\n")

      step("The versions of the decision", "log")
      emit(Views.log(try repo.log(nil)))

      let last = "v\(try Demo.versions(in: drafts).last!.number)"
      step("The outline of the last version (two levels)", "outline \(last) --depth 2")
      let lastVersion = try repo.load(nil, at: last)
      emit(Views.header(lastVersion) + "\n" + OutlineRenderer.outline(lastVersion.document, maxDepth: 2))

      step("One section of the first version, with the labels reviewers cite", "show v1 --section 5")
      let v1 = try repo.load(nil, at: "v1")
      if let s = v1.document.section(labeled: "5") {
        emit(OutlineRenderer.labelledText(v1.document, sections: [s]))
      }

      let c = try repo.compare("v1", "v2", path: nil)
      step("What changed from v1 to v2: the structure, then one line per changed section", "diff v1 v2 --stat")
      let structure = DiffText.render(c.diff, old: c.oldRef, new: c.newRef, style: .plain, sections: [])
      emit(structure.components(separatedBy: "\nNo changes in the text.").first ?? structure)
      emit("\n" + StatView.render(c.diff))

      for label in ["3.3", "5"] {
        step("The redline of section \(label) (insertions {+…+}, deletions [-…-])", "diff v1 v2 --section \(label)")
        if let sections = c.diff.sections(under: label) {
          let text = DiffText.render(c.diff, old: c.oldRef, new: c.newRef, style: .plain, sections: sections)
          emit(text.components(separatedBy: "\n── ").dropFirst().map { "── " + $0 }.joined(separator: "\n"))
        }
      }

      let outFolder = folder + "-out"
      try? FileManager.default.createDirectory(atPath: outFolder, withIntermediateDirectories: true)
      let html = outFolder + "/muutokset-v1-v2.html"
      try writeAtomically(Array(DiffHTML.render(c.diff, old: c.oldRef, new: c.newRef).utf8), to: html)
      step("The whole comparison as one HTML page", "diff v1 v2 --format html -o \(html)")
      emit("Wrote \(html)\n")
      if !noReviews {
        let n = try Demo.addReviews(from: reviews, to: git)
        if n > 0 {
          step("Consultation comments on v1, followed into v2", "comments --at v2")
          emit(CommentsRenderer.text(try repo.comments(at: "v2"), markdown: false))
          step("At \(last): the threads still waiting for a person (addressed and open)", "comments --at \(last)")
          var at3 = try repo.comments(at: last)
          let counts = CommentsRenderer.text(at3, markdown: false).split(separator: "\n").first.map(String.init) ?? ""
          at3.threads = at3.threads.filter { $0.placement.status == .addressed || $0.placement.status == .open }
          emit(counts + "\n" + CommentsRenderer.text(at3, markdown: false).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
        }
      }
      step("The consultation summary of v1 → v2, in Finnish, Swedish and English", "summary v1 v2 --lang fi --format html -o …")
      let input = try repo.summaryInput("v1", "v2", path: nil)
      for (lang, name) in [(Localization.Language.fi, "yhteenveto-v1-v2"), (.sv, "sammanfattning-v1-v2"), (.en, "summary-v1-v2")] {
        for format in [SummaryRenderer.Format.html, .markdown] {
          let file = outFolder + "/" + name + (format == .html ? ".html" : ".md")
          try writeAtomically(Array(SummaryRenderer.render(input, language: lang, format: format).utf8), to: file)
          emit("Wrote \(file)\n")
        }
      }
      emit("\nTry: redline --repo \(folder) diff v2 v3   ·   redline --repo \(folder) diff v1 v3 --format json\n")
    }
  }
}
