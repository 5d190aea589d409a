import Foundation
import Testing

/// Redline inside git: external diff (7 and 9 arguments), the diff driver with
/// .gitattributes, difftool, and standard input. The git CLI runs only in the test.
@Suite struct ExternalDiffTests {
  static let v1 =
    "# Päätös\n\n## 1 Johdanto\n\nRahoitusta on 1 000 000 euroa vuonna 2024 kaikille alueille.\n\nToinen kappale pysyy samana.\n"
  static let v2 =
    "# Päätös\n\n## 1 Johdanto\n\nRahoitusta on 1 500 000 euroa vuonna 2024 kaikille alueille.\n\nToinen kappale pysyy samana.\n"

  static func repo() -> TempDir {
    let d = TempDir("extdiff")
    git(d.path, "init", "-q", "-b", "main")
    d.write("paatos.md", v1)
    d.write("kuva.dat", "a\n")
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    d.write("paatos.md", v2)
    d.write("kuva.dat", "b\n")
    return d
  }

  @Test func gitExternalDiffPrintsRedlinesOutput() {
    let d = Self.repo()
    let r = run("/usr/bin/git", ["diff"], cwd: d.path, env: ["GIT_EXTERNAL_DIFF": redlineBinary])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Comparing paatos.md a/paatos.md"))
    #expect(r.stdout.contains("[-000-]{+500+}") || r.stdout.contains("[-1 000 000-]{+1 500 000+}"))
    #expect(r.stdout.contains("blocks: 0 added, 0 deleted, 1 modified") || r.stdout.contains("1 modified"))
    // A file that is not a document is named, not compared.
    #expect(r.stdout.contains("kuva.dat: not a document Redline compares"))
    #expect(!r.stdout.contains("diff --git"))
  }

  @Test func diffDriverThroughGitattributes() {
    let d = Self.repo()
    d.write(".gitattributes", "*.md diff=redline\n")
    let r = run("/usr/bin/git", ["-c", "diff.redline.command=" + redlineBinary, "diff"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Comparing paatos.md a/paatos.md"))
    #expect(r.stdout.contains("{+"))
    // Files without the attribute keep git's own diff.
    #expect(r.stdout.contains("diff --git a/kuva.dat b/kuva.dat"))
  }

  @Test func aRenamedDocumentGetsNineArguments() {
    let d = Self.repo()
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v2")
    git(d.path, "mv", "paatos.md", "aluepaatos.md")
    git(d.path, "commit", "-qm", "rename")
    let r = run(
      "/usr/bin/git", ["diff", "-M", "HEAD~1", "HEAD"], cwd: d.path, env: ["GIT_EXTERNAL_DIFF": redlineBinary])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("a/paatos.md"))
    #expect(r.stdout.contains("b/aluepaatos.md"))
    #expect(r.stdout.contains("No changes in the text."))
  }

  @Test func difftoolPassesLocalAndRemote() {
    let d = Self.repo()
    let r = run("/usr/bin/git", ["difftool", "-y", "-x", redlineBinary, "--", "paatos.md"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("{+"))
    #expect(r.stdout.contains("1 modified"))
  }

  @Test func diffReadsStandardInputAsDash() throws {
    let d = Self.repo()
    d.write("uusi.md", Self.v2)
    d.write("vanha.md", Self.v1)
    let r = runWithInput(redlineBinary, ["diff", "-", d.path + "/uusi.md"], input: Self.v1)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("(standard input)"))
    #expect(r.stdout.contains("1 modified"))
    let j = runWithInput(
      redlineBinary, ["diff", "--files", d.path + "/vanha.md", "-", "--format", "json"], input: Self.v2)
    #expect(j.status == 0, "\(j.stderr)")
    #expect(j.stdout.contains("\"modified\""))
    let both = runWithInput(redlineBinary, ["diff", "-", "-"], input: Self.v1)
    #expect(both.status == 2)
    #expect(both.stderr.hasPrefix("redline: error: only one side can be standard input"))
  }

  @Test func ordinaryCommandLinesAreNotTakenForGit() {
    // Two arguments that are not both files: the usual parser (and its error) runs.
    let r = run(redlineBinary, ["diff", "v1"])
    #expect(r.status != 0)
    #expect(r.status == 2)
    #expect(r.stderr == "redline: error: missing expected argument '<new>'; see 'redline diff --help'\n")
  }

  func runWithInput(_ exe: String, _ args: [String], input: String) -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let inp = Pipe()
    let out = Pipe()
    let err = Pipe()
    p.standardInput = inp
    p.standardOutput = out
    p.standardError = err
    try! p.run()
    inp.fileHandleForWriting.write(Data(input.utf8))
    try? inp.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }
}
