import Foundation

/// Forgiving citable labels: `§3.1 ¶2`, `§3.1¶2`, `3.1 ¶2`, `3.1/2`, `3.1 kpl 2`,
/// `3.1 para 2` all name the second block of section 3.1; `§3.3` and `3.3` a section.
package enum Labels {
  /// The canonical form (`§3.1 ¶2`, or `§3.1` for a section), nil when `s` is not label-shaped.
  package static func canonical(_ s: String) -> String? {
    var t = s.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    if t.hasPrefix("§") { t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
    var section = t
    var number: String?
    let lower = t.lowercased()
    if let r = ["¶", "/", "kpl.", "kpl", "para.", "para"].lazy.compactMap({ lower.range(of: $0) }).first {
      let cut = lower.distance(from: lower.startIndex, to: r.lowerBound)
      let after = lower.distance(from: lower.startIndex, to: r.upperBound)
      section = String(t.prefix(cut))
      number = String(t.dropFirst(after))
    } else {
      let parts = t.split(whereSeparator: \.isWhitespace)
      if parts.count == 2 {
        section = String(parts[0])
        number = String(parts[1])
      } else if parts.count > 2 {
        return nil
      }
    }
    section = section.trimmingCharacters(in: .whitespaces)
    while section.hasSuffix(".") { section.removeLast() }
    guard !section.isEmpty, section.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "#" }) else {
      return nil
    }
    guard let number else { return "§" + section }
    guard let n = Int(number.trimmingCharacters(in: .whitespaces)), n > 0 else { return nil }
    return "§\(section) ¶\(n)"
  }

  /// Up to `limit` labels from `labels` nearest to `wanted`: the blocks of the same
  /// section first, then the labels with the smallest edit distance.
  package static func nearest(_ wanted: String, among labels: [String], limit: Int = 4) -> [String] {
    let w = canonical(wanted) ?? wanted
    let section = w.split(separator: " ").first.map(String.init) ?? w
    let same = labels.filter { $0.split(separator: " ").first.map(String.init) == section && $0 != w }
    if !same.isEmpty {
      return same.count <= limit ? same : Array(same.prefix(limit - 1)) + [same.last!]
    }
    return labels.map { ($0, distance(Array(w), Array($0))) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit)
      .map(\.0)
  }

  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    for i in 1...a.count {
      var cur = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      prev = cur
    }
    return prev[b.count]
  }
}
