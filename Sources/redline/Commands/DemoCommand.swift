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
      so you can try the commands yourself.
      """)

  @Option(name: .long, help: "The folder of sample drafts.") var drafts: String = "drafts"
  @Option(name: .long, help: "Build the repository here (must not exist yet).") var into: String?

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

      step("One section of the first version, with the labels reviewers cite", "show v1 --section 3")
      let v1 = try repo.load(nil, at: "v1")
      if let s = v1.document.section(labeled: "3") {
        emit(OutlineRenderer.labelledText(v1.document, sections: [s]))
      }
      emit("\nTry: redline --repo \(folder) outline v2   ·   redline show HEAD~1 --repo \(folder)\n")
    }
  }
}
