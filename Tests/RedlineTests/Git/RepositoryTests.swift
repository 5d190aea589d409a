import Foundation
import RedlineGit
import RedlineKit
import Testing

@Suite struct RepositoryTests {
  @Test func resolvesTagsBranchesAncestorsAndShortIds() throws {
    let d = threeVersionRepo()
    let repo = try Repository(discoverFrom: d.path)
    let v1 = git(d.path, "rev-parse", "v1")
    let v2 = git(d.path, "rev-parse", "v2^{commit}")
    let v3 = git(d.path, "rev-parse", "v3")
    #expect(try repo.resolveCommit("v1")?.hex == v1)
    #expect(try repo.resolveCommit("v2")?.hex == v2, "annotated tag peels to its commit")
    #expect(try repo.resolveCommit("luonnos")?.hex == v2)
    #expect(try repo.resolveCommit("HEAD~1")?.hex == v2)
    #expect(try repo.resolveCommit("HEAD~2")?.hex == v1)
    #expect(try repo.resolveCommit(String(v3.prefix(7)))?.hex == v3)
    #expect(try repo.resolveCommit("v9") == nil)
    #expect(try repo.tagNames() == ["v1", "v2", "v3"])
  }

  @Test func unknownRevisionErrorListsTags() throws {
    let d = threeVersionRepo()
    let repo = try DraftRepository(path: d.path)
    #expect(throws: RedlineError.self) { try repo.load("doc.md", at: "v4") }
    do {
      _ = try repo.load("doc.md", at: "v4")
    } catch {
      #expect(error.description.contains("no revision 'v4'"))
      #expect(error.description.contains("tags are v1, v2, v3"))
    }
  }

  @Test func readsFilesAtRevisionsAndListsDocuments() throws {
    let d = threeVersionRepo()
    let repo = try DraftRepository(path: d.path)
    #expect(try repo.load("doc.md", at: "v1").document.blocks.map(\.text) == ["Ensimmäinen versio."])
    #expect(try repo.load("doc.md", at: "HEAD~1").document.blocks.map(\.text) == ["Toinen versio."])
    #expect(try repo.documentPaths(at: "v3") == ["doc.md", "notes.txt"])
    #expect(try repo.documentPaths(at: "v1") == ["doc.md"])
    // One document: PATH may be left out. Two: it must be named.
    #expect(try repo.load(nil, at: "v1").path == "doc.md")
    do {
      _ = try repo.load(nil, at: "v3")
      Issue.record("expected an ambiguity error")
    } catch {
      #expect(error.description.contains("doc.md, notes.txt"))
    }
    do {
      _ = try repo.load("notes.txt", at: "v1")
      Issue.record("expected a missing-path error")
    } catch {
      #expect(error.description == "'notes.txt' is not in revision v1; documents there: doc.md")
    }
  }

  @Test func worktreeIsAPseudoRevision() throws {
    let d = threeVersionRepo()
    d.write("doc.md", "# Päätös\n\n## 1 Johdanto\n\nTallentamaton muutos.\n")
    let repo = try DraftRepository(path: d.path)
    #expect(try repo.load("doc.md", at: "WORKTREE").document.blocks.map(\.text) == ["Tallentamaton muutos."])
    #expect(try repo.load("doc.md", at: "WORKTREE").commit == nil)
  }

  @Test func discoversFromSubfolderAndRejectsNonRepository() throws {
    let d = threeVersionRepo()
    try FileManager.default.createDirectory(atPath: d.path + "/sub/deep", withIntermediateDirectories: true)
    let repo = try DraftRepository(path: d.path + "/sub/deep")
    #expect(try repo.load("doc.md", at: "v3").document.blocks.count == 1)
    let plain = TempDir("plain")
    do {
      _ = try DraftRepository(path: plain.path)
      Issue.record("expected not-a-repository")
    } catch {
      #expect(error.description.contains("is not inside a git repository"))
    }
  }

  @Test func historyFollowsRenamesNewestFirst() throws {
    let d = threeVersionRepo()
    git(d.path, "mv", "doc.md", "paatos.md")
    git(d.path, "commit", "-qm", "rename")
    d.write("paatos.md", "# Päätös\n\n## 1 Johdanto\n\nNeljäs versio.\n")
    git(d.path, "commit", "-qam", "v4")
    d.write("notes.txt", "muuta\n")
    git(d.path, "commit", "-qam", "notes only")
    let repo = try Repository(discoverFrom: d.path)
    let log = try repo.history(of: "paatos.md", from: try #require(try repo.resolveCommit("HEAD")))
    #expect(log.map(\.summary) == ["v4", "rename", "v3", "v2", "v1"])
    #expect(log.map(\.path) == ["paatos.md", "paatos.md", "doc.md", "doc.md", "doc.md"])
    #expect(log[2].tags == ["v3"])
    #expect(log[0].author.name == "Testi Tekijä")
    let expected = git(d.path, "log", "--follow", "--format=%H", "--", "paatos.md").split(separator: "\n").map(
      String.init)
    #expect(log.map(\.id.hex) == expected)
  }

  @Test func commitThroughLibgit2IsSeenByGit() throws {
    let d = threeVersionRepo()
    let repo = try Repository(discoverFrom: d.path)
    let author = Signature(name: "Aino Arvioija", email: "aino@example.fi", time: 1_700_000_000, offsetMinutes: 120)
    d.write("reviews/t1.jsonl", "{\"a\":1}\n")
    let id = try repo.commit(
      [FileChange(path: "reviews/t1.jsonl", content: Array("{\"a\":1}\n".utf8))], message: "Kommentti\n", author: author
    )
    #expect(
      git(d.path, "log", "-1", "--format=%H %an <%ae> %s") == "\(id.hex) Aino Arvioija <aino@example.fi> Kommentti")
    #expect(git(d.path, "show", "HEAD:reviews/t1.jsonl") == "{\"a\":1}")
    #expect(git(d.path, "rev-parse", "HEAD~1") == git(d.path, "rev-parse", "v3"))
    #expect(git(d.path, "status", "--porcelain") == "", "the index follows the commit")
  }

  @Test func concurrentCommitsAreNeverLost() throws {
    let d = threeVersionRepo()
    let path = d.path
    // Eight threads of their own (not the cooperative pool, which has one per core),
    // each with its own Repository, all committing at once.
    let done = DispatchGroup()
    for w in 0..<8 {
      done.enter()
      Thread.detachNewThread {
        defer { done.leave() }
        let repo = try! Repository(discoverFrom: path)
        for i in 0..<10 {
          let sig = Signature(name: "W\(w)", email: "", time: 1_700_000_000 + Int64(i))
          _ = try! repo.commit(
            [FileChange(path: "reviews/w\(w)-\(i).jsonl", content: Array("x\n".utf8))], message: "c", author: sig)
        }
      }
    }
    done.wait()
    #expect(git(path, "rev-list", "--count", "HEAD") == "83")
    #expect(git(path, "ls-tree", "--name-only", "HEAD", "reviews/").split(separator: "\n").count == 80)
  }

  @Test func bareRepositoriesOpenAndRead() throws {
    let d = TempDir("bare")
    let repo = try Repository.create(at: d.path, bare: true)
    #expect(repo.isBare)
    let sig = Signature(name: "A", email: "a@example.fi", time: 1_700_000_000)
    let id = try repo.commit(
      [FileChange(path: "x.md", content: Array("# Otsikko\n\nTeksti.\n".utf8))], message: "m", author: sig)
    try repo.createTag("v1", at: id)
    let draft = try DraftRepository(path: d.path)
    #expect(try draft.load(nil, at: "v1").document.blocks.map(\.text) == ["Teksti."])
    do {
      _ = try draft.load("x.md", at: "WORKTREE")
      Issue.record("expected bare-repository error")
    } catch {
      #expect(error.description.contains("bare"))
    }
  }
}

/// libgit2 is loaded when a repository is first opened (CLibGit2Loader), not as the
/// program starts.
@Suite struct LibGit2LoaderTests {
  @Test func aMissingLibraryIsOneLineSayingWhatToInstall() throws {
    let reason = try #require(Repository.libgit2LoadError(trying: "libgit2.so.0.0-not-installed"))
    #expect(reason.hasPrefix("libgit2 1.5 cannot be loaded ("), "\(reason)")
    #expect(reason.hasSuffix("; install it (Debian: apt-get install libgit2-1.5)"), "\(reason)")
    #expect(!reason.contains("\n"))
  }

  @Test func aLibraryWithoutLibgit2sFunctionsIsRefusedAndTheLoadedOneStillWorks() throws {
    let reason = try #require(Repository.libgit2LoadError(trying: "libz.so.1"))
    #expect(reason == "libz.so.1 has no function git_blob_create_from_buffer; Redline was built for libgit2 1.5.1")
    #expect(Repository.libgit2LoadError(trying: "libgit2.so.1.5") == nil)
    // The stubs still reach the library in use.
    let d = TempDir("loader")
    let repo = try Repository.create(at: d.path)
    #expect(repo.workdir == d.path + "/")
  }

  /// Debian's libgit2 parses every CA certificate of the system as it starts (mbedTLS);
  /// Redline, which never talks to a remote, has libgit2 call its own loaders, which load
  /// none while libgit2 starts (decision 83). Held in this test process (it links the
  /// loaders as `redline` does) and through the `redline` binary, whose profile counts the
  /// loads skipped. After the start a load is mbedTLS's own, as before.
  @Test func libgit2StartsWithoutReadingTheSystemsCertificates() throws {
    let d = threeVersionRepo()
    _ = try Repository(discoverFrom: d.path)
    let maps = try #require(Repository.mappedFiles())
    let withMbedTLS = maps.contains { $0.contains("libmbedx509.so") }
    // Debian's libgit2 1.5, which CI installs, is built with mbedTLS and asks for the bundle
    // at its default place when there is one (the ca-certificates package); another build,
    // or a system without the bundle, never asks at start.
    let bundle = FileManager.default.fileExists(atPath: "/etc/ssl/certs/ca-certificates.crt")
    let expected = withMbedTLS && bundle ? 1 : 0
    #expect(Repository.certificateLoadsSkipped == expected, "\(maps.filter { $0.contains(".so") })")
    let r = run(redlineBinary, ["log", "doc.md"], cwd: d.path, env: ["REDLINE_PROFILE": "1"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("[profile] libgit2 started: true"), "\(r.stderr)")
    #expect(r.stderr.contains("[profile] CA certificate loads skipped: \(expected)"), "\(r.stderr)")
    // And a repository is read as before.
    #expect(r.stdout.contains("v3"), "\(r.stdout)")
    // Once libgit2 has started, a load (a certificate location libgit2 is given) is
    // mbedTLS's own: a file it cannot read is mbedTLS's file error (MBEDTLS_ERR_PK_FILE_IO_ERROR;
    // the stand-in's own answer would be 0, or -1 without mbedTLS).
    if withMbedTLS {
      #expect(Repository.certificateFileLoad(d.path + "/no-such-bundle.pem") == -0x3E00)
      #expect(Repository.certificateLoadsSkipped == expected, "nothing more was skipped")
    }
  }

  /// Whether this machine lets a child hide a file in a mount namespace of its own (root,
  /// `unshare -m`); where it does not, the next test cannot take the library away.
  static let canHideFiles: Bool = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
    let probe = TempDir("unshare")
    probe.write("f", "x")
    return run("/usr/bin/unshare", ["-m", "sh", "-c", "mount --bind /dev/null '\(probe.path)/f'"]).status == 0
  }()

  /// With libgit2 taken away (its file hidden in the child's own mount namespace), two
  /// files are still compared and `--help` still shows, and a command that needs the
  /// repository says in one line what to install.
  @Test(.enabled(if: canHideFiles, "needs root and mount namespaces (unshare -m)"))
  func withoutTheLibraryFilesAreComparedAndRepositoryCommandsSayWhatToInstall() throws {
    let d = threeVersionRepo()
    _ = try Repository(discoverFrom: d.path)
    let library = try #require(
      Repository.mappedFiles()?.first { $0.contains("/libgit2.so") }, "libgit2 is mapped once a repository is open")
    d.write("a.md", "# 1 Tavoite\n\nAlueet kehittyvät.\n")
    d.write("b.md", "# 1 Tavoite\n\nAlueet kehittyvät nopeasti.\n")
    let redline = redlineBinary
    let script = """
      mount --bind /dev/null '\(library)' && cd '\(d.path)' || exit 99
      '\(redline)' diff --files a.md b.md --no-pager --color never; echo "diff=$?"
      '\(redline)' --help > /dev/null; echo "help=$?"
      '\(redline)' log doc.md; echo "log=$?"
      """
    let r = run("/usr/bin/unshare", ["-m", "sh", "-c", script])
    #expect(r.stdout.contains("diff=0") && r.stdout.contains("nopeasti"), "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.contains("help=0"), "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.contains("log=2"), "\(r.stdout) \(r.stderr)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(r.stderr)")
    #expect(lines.first?.hasPrefix("redline: error: libgit2 1.5 cannot be loaded (") == true, "\(r.stderr)")
    #expect(lines.first?.hasSuffix("install it (Debian: apt-get install libgit2-1.5)") == true, "\(r.stderr)")
  }
}
