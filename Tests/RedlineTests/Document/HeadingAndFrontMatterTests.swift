import RedlineDiff
import RedlineDocument
import RedlineReport
import Testing

/// Issue 8, items 6–8: front matter is metadata, heading ids pair sections, unnumbered
/// headings get the numbers a reader sees.
@Suite struct HeadingAndFrontMatterTests {
  /// The long kramdown-rfc kind, with blank lines and nested author lists.
  static let rfcFront = """
    ---
    title: "The Token Format"
    abbrev: Tokens
    docname: draft-ietf-example-tokens-03
    category: std
    ipr: trust200902

    author:
      -
        ins: A. Author
        name: Ann Author
        org: Example
        email: ann@example.org
      -
        name: Bo Bear
    normative:
      RFC2119:
      RFC8174:
    ---

    --- abstract

    This document defines a token format for examples.

    --- middle

    # Introduction

    Tokens are used for many purposes in the example protocol family.

    # Token Construction {#token-construction}

    A token is built from a header, a body and a signature over both.

    ## Header

    The header names the algorithm and the key that signed the token.

    --- back

    # Acknowledgments

    Thanks to everyone who reviewed the early drafts of this document.

    """

  @Test func kramdownFrontMatterIsMetadataNotText() {
    let d = md(Self.rfcFront)
    #expect(
      !d.blocks.contains {
        $0.text.contains("trust200902") || $0.text.contains("Ann Author") || $0.text.contains("---")
      })
    #expect(!d.sections.contains { $0.heading.contains("author") || $0.heading.contains("RFC2119") })
    #expect(d.metadata.first == MetadataEntry(key: "title", value: "The Token Format"))
    #expect(d.metadata.map(\.key) == ["title", "abbrev", "docname", "category", "ipr", "author", "normative"])
    #expect(d.metadata.first { $0.key == "author" }?.value.contains("name: Bo Bear") == true)
    #expect(d.blocks.first?.text == "This document defines a token format for examples.")
    #expect(d.blocks.first?.line == 23, "line numbers stay true")
  }

  @Test func mmarkTitleBlockIsMetadataToo() {
    let d = md(
      "%%%\ntitle = \"Selective Disclosure\"\nipr = \"trust200902\"\n\n[[author]]\ninitials=\"D.\"\nsurname=\"Fett\"\n    [author.address]\n    email = \"d@example.org\"\n\n[[author]]\nsurname=\"Yasuda\"\n%%%\n\n{mainmatter}\n\n# Introduction {#Introduction}\n\nJSON data is often secured.\n\n{backmatter}\n\n# Document History\n\nChanges.\n"
    )
    #expect(d.metadata.map(\.key) == ["title", "ipr", "author"])
    #expect(d.metadata[0].value == "Selective Disclosure")
    #expect(d.metadata[2].value.contains("Fett") && d.metadata[2].value.contains("Yasuda"))
    #expect(d.blocks.map(\.text) == ["JSON data is often secured.", "Changes."])
    #expect(d.sections.map(\.label) == ["§0", "§1", "§A"])
    #expect(d.sections[1].anchorID == "Introduction")
  }

  @Test func frontMatterChangesAreMetadataChanges() {
    let a = md("---\ntitle: Päätös\nversio: 1\npäivämäärä: 2023-10-13\n---\n\n## 1 A\n\nTeksti pysyy samana.\n")
    let b = md("---\ntitle: Päätös\nversio: 2\npäivämäärä: 2023-11-28\n---\n\n## 1 A\n\nTeksti pysyy samana.\n")
    let d = Differ.diff(a, b)
    checkInvariants(d)
    #expect(
      d.metadata == [
        MetadataChange(key: "versio", old: "1", new: "2"),
        MetadataChange(key: "päivämäärä", old: "2023-10-13", new: "2023-11-28"),
      ])
    #expect(d.sections.allSatisfy { $0.isUnchanged })
    #expect(!d.isUnchanged)
    let out = DiffText.render(
      d, old: VersionRef(revision: "a", commit: nil, path: "a"), new: VersionRef(revision: "b", commit: nil, path: "b"),
      style: .plain)
    #expect(out.contains("Metadata\n  versio: “1” → “2”"))
  }

  @Test func headingIDsAreTheStrongestEvidence() {
    let a = md(
      "# Intro\n\nTokens are used widely in the protocol family today.\n\n# Token Construction {#token-construction}\n\nA token is built from a header, a body and a signature.\n\n# Other\n\nSomething else entirely is written in this section.\n"
    )
    let b = md(
      "# Intro\n\nTokens are used widely in the protocol family today.\n\n# Other\n\nSomething else entirely is written in this section.\n\n## Building Tokens {#token-construction}\n\nTokens now have three parts that are concatenated with dots.\n"
    )
    #expect(a.sections[2].anchorID == "token-construction")
    #expect(a.sections[2].heading == "Token Construction")
    let d = Differ.diff(a, b)
    checkInvariants(d)
    let s = d.sections.first { $0.new.map { b.sections[$0].anchorID } == "token-construction" }
    #expect(s?.old == 2)
    #expect(s?.matchedBy == .id)
    #expect(s?.renamed == true)
  }

  @Test func gainingAnIDIsNeitherRenameNorMove() {
    let a = md("# Intro\n\nTokens are used widely.\n\n# Token Construction\n\nA token is built from parts.\n")
    let b = md(
      "# Intro\n\nTokens are used widely.\n\n# Token Construction {#token-construction}\n\nA token is built from parts.\n"
    )
    let d = Differ.diff(a, b)
    #expect(d.isUnchanged)
    #expect(d.structureChanges.isEmpty)
  }

  @Test func unnumberedHeadingsGetRenderedNumbers() {
    let d = md(Self.rfcFront)
    #expect(d.sections.map(\.label) == ["§0", "§1", "§2", "§2.1", "§A"])
    #expect(d.section(labeled: "2.1").map { d.sections[$0].heading } == "Header")
    #expect(d.blocks.first { $0.text.hasPrefix("The header") }?.label == "§2.1 ¶1")
    // A lone first heading holding all others is the title, not chapter 1.
    let t = md(
      "# Aluekehittämispäätös\n\n## Johdanto\n\nTeksti.\n\n## Painopisteet\n\nTeksti.\n\n### Elinvoima\n\nTeksti.\n\n## Liite: aikataulu\n\nTeksti.\n"
    )
    #expect(t.sections.map(\.label) == ["§0", "§#1", "§1", "§2", "§2.1", "§A"])
    // Explicit numbers are kept; positional labels only where a number repeats or is missing.
    let n = md("## 1 Johdanto\n\nTeksti.\n\n## Tiivistelmä\n\nTeksti.\n")
    #expect(n.sections.map(\.label) == ["§0", "§1", "§#2"])
  }
}
