import Foundation

/// Reads the one front-matter field Redline needs before parsing: the document's language.
enum FrontMatter {
  /// `lang: sv` (or `language:`) in YAML front matter at the top of the file, as a
  /// lower-case language code of 2–3 letters with an optional region (`sv`, `fi`, `sv-FI`).
  static func language(_ bytes: [UInt8]) -> String? {
    let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
    guard let first = lines.next(), first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
    while let line = lines.next() {
      let l = line.trimmingCharacters(in: .whitespaces)
      if l == "---" || l == "..." { return nil }
      for key in ["lang:", "language:"] where l.lowercased().hasPrefix(key) {
        var v = l.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
        v = v.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let parts = v.split(separator: "-")
        guard let p = parts.first, (2...3).contains(p.count), p.allSatisfy({ $0.isASCII && $0.isLetter }),
          parts.count <= 2,
          parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } })
        else { return nil }
        return parts.count == 2 ? p.lowercased() + "-" + parts[1].uppercased() : p.lowercased()
      }
    }
    return nil
  }
}
