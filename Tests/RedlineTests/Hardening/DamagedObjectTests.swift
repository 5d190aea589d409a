import Foundation
import Testing

/// Reads skip libgit2's re-hashing of every object only in commands that never write
/// (decision 58): a commit must not be built on an object whose content is not its id.
@Suite struct DamagedObjectTests {
  @Test func aCommitIsNotBuiltOnADamagedTree() throws {
    // Two documents, both changed in the second commit.
    let d = TempDir("damaged")
    git(d.path, "init", "-q", "-b", "main")
    for (v, text) in [("v1", "Vanha teksti."), ("v2", "Uusi teksti.")] {
      d.write("a.md", "# 1 Otsikko\n\n\(text)\n")
      d.write("other.md", "# 1 Muu\n\nmuu \(v)\n")
      git(d.path, "add", ".")
      git(d.path, "-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", v)
    }
    // HEAD's tree object now holds the first version's tree (a damaged or copied file).
    func objectPath(_ rev: String) -> String {
      let id = git(d.path, "rev-parse", rev)
      return d.path + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2)
    }
    let (old, new) = (objectPath("HEAD~1^{tree}"), objectPath("HEAD^{tree}"))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: new)
    try FileManager.default.removeItem(atPath: new)
    try FileManager.default.copyItem(atPath: old, toPath: new)
    let head = git(d.path, "rev-parse", "HEAD")

    let r = run(
      redlineBinary,
      ["comment", "add", "HEAD", "a.md", "--block", "§1 ¶1", "--author", "Aino <a@x>", "--message", "K", "--commit"],
      cwd: d.path)
    #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.contains("hash mismatch"), "\(r.stderr)")
    #expect(git(d.path, "rev-parse", "HEAD") == head, "no commit was made on the damaged tree")
  }
}
