import Foundation
import ZIPFoundation

/// Why a .docx file could not be read or written. Each message names the file and the fix.
package struct WordError: Error, Sendable, Equatable, CustomStringConvertible {
  package var message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}

/// The parts of a Word package (a ZIP file) that Redline reads, as parsed XML.
package struct DocxPackage: Sendable {
  /// Largest part read (uncompressed): 64 MiB, like the document limit.
  package static let partLimit: UInt64 = 64 * 1_048_576

  /// Part name → raw bytes, for the parts read.
  package var parts: [String: Data]
  /// Path of the main document part (`word/document.xml`).
  package var mainPart: String
  /// The file's name, for messages.
  package var name: String
  /// Largest total of the parts read: 256 MiB.
  package static let totalLimit: UInt64 = 256 * 1_048_576

  /// Opens a package from its bytes; `name` is used in messages.
  package init(bytes: [UInt8], name: String) throws(WordError) {
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw WordError("'\(name)' is not a Word .docx file (not a ZIP package); save it as .docx (Word 2007 or later)")
    }
    var parts: [String: Data] = [:]
    var total: UInt64 = 0
    self.name = name
    for entry in archive where entry.type == .file {
      let p = entry.path
      guard p.hasSuffix(".xml") || p.hasSuffix(".rels") else { continue }
      if entry.uncompressedSize > Self.partLimit {
        throw WordError("'\(name)': part \(p) is over \(Self.partLimit / 1_048_576) MiB; Redline does not read it")
      }
      var d = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          d.append(chunk)
          if UInt64(d.count) > Self.partLimit { throw WordError("part too large") }
        }
      } catch {
        throw WordError("'\(name)': part \(p) is damaged (\(error)); open and save the file in Word again")
      }
      total += UInt64(d.count)
      if total > Self.totalLimit {
        throw WordError("'\(name)' unpacks to over \(Self.totalLimit / 1_048_576) MiB of XML; Redline does not read it")
      }
      parts[p] = d
    }
    self.parts = parts
    var main = "word/document.xml"
    if let rels = parts["_rels/.rels"], let tree = try? XMLTree.parse(rels, part: "_rels/.rels") {
      for r in tree.children("Relationship") where (r["Type"] ?? "").hasSuffix("/officeDocument") {
        if var t = r["Target"] {
          while t.hasPrefix("/") { t.removeFirst() }
          main = t
        }
      }
    }
    guard parts[main] != nil else {
      throw WordError("'\(name)' has no Word document part (\(main)); is it a .docx text document?")
    }
    mainPart = main
  }

  /// The folder of the main part (`word/`), where styles, numbering and comments live.
  var folder: String {
    guard let i = mainPart.lastIndex(of: "/") else { return "" }
    return String(mainPart[...i])
  }

  /// Targets of the main part's relationships by type suffix (`styles`, `numbering`, `comments`).
  func related(_ typeSuffix: String) -> [String] {
    let relsPath =
      folder + "_rels/" + (mainPart.split(separator: "/").last.map(String.init) ?? "document.xml") + ".rels"
    guard let d = parts[relsPath], let tree = try? XMLTree.parse(d, part: relsPath) else { return [] }
    return tree.children("Relationship").compactMap { r -> String? in
      guard let type = r["Type"], type.hasSuffix("/" + typeSuffix), r["TargetMode"] != "External", let t = r["Target"]
      else {
        return nil
      }
      return t.hasPrefix("/") ? String(t.dropFirst()) : folder + t
    }
  }

  /// Relationship id → target, for hyperlinks and images.
  func relationshipTargets() -> [String: String] {
    let relsPath =
      folder + "_rels/" + (mainPart.split(separator: "/").last.map(String.init) ?? "document.xml") + ".rels"
    guard let d = parts[relsPath], let tree = try? XMLTree.parse(d, part: relsPath) else { return [:] }
    var out: [String: String] = [:]
    for r in tree.children("Relationship") { if let id = r["Id"], let t = r["Target"] { out[id] = t } }
    return out
  }

  /// The parsed part related by `typeSuffix`, or the conventional file name when no relationship names it.
  func part(_ typeSuffix: String, fallback: String) throws(WordError) -> XMLElement? {
    let path = related(typeSuffix).first ?? folder + fallback
    guard let d = parts[path] else { return nil }
    do { return try XMLTree.parse(d, part: path) } catch { throw WordError("'\(name)': \(error.description)") }
  }

  /// The main document part, parsed.
  func document() throws(WordError) -> XMLElement {
    do { return try XMLTree.parse(parts[mainPart]!, part: mainPart) } catch {
      throw WordError("'\(name)': \(error.description); open and save it in Word again")
    }
  }
}
