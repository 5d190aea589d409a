import Foundation

/// The numbers of a text in a language-neutral form, so a Finnish paragraph and its
/// Swedish translation can be compared: `1 000 000 €`, `1 000 000 euroa` and
/// `1 milj. euroa` are all `1000000`; `16.10.2023`, `16. lokakuuta 2023` and
/// `16 oktober 2023` are all `2023-10-16`; `2024–2027` is `2024` and `2027`;
/// `12,0` is `12`.
package enum Numbers {
  /// One number found in a text: its normalized value and how it was written.
  package struct Fact: Sendable, Hashable {
    package var value: String
    package var written: String
  }

  static let months: [String: Int] = {
    var m: [String: Int] = [:]
    let fi = [
      "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta",
      "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
    ]
    let sv = [
      "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
      "december",
    ]
    for i in 0..<12 {
      m[fi[i]] = i + 1
      m[sv[i]] = i + 1
    }
    return m
  }()

  static let scales: [String: Double] = [
    "milj": 1e6, "milj.": 1e6, "miljoona": 1e6, "miljoonaa": 1e6, "miljoonan": 1e6, "miljon": 1e6, "miljoner": 1e6,
    "mn": 1e6, "mrd": 1e9, "mrd.": 1e9, "miljardi": 1e9, "miljardia": 1e9, "miljard": 1e9, "miljarder": 1e9,
  ]

  /// The numbers, dates and amounts in `text`, in order.
  package static func facts(_ text: String) -> [Fact] {
    let chars = Array(text)
    var out: [Fact] = []
    var i = 0
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    func isGroupSpace(_ c: Character) -> Bool { c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}" }
    while i < chars.count {
      guard isDigit(chars[i]), i == 0 || !(chars[i - 1].isLetter || isDigit(chars[i - 1])) else {
        i += 1
        continue
      }
      let start = i
      // Digits with space-grouped thousands (1 000 000) and a decimal comma or point.
      var j = i
      while j < chars.count, isDigit(chars[j]) { j += 1 }
      var digits = String(chars[i..<j])
      if digits.count <= 3 {
        while j + 3 < chars.count, isGroupSpace(chars[j]), isDigit(chars[j + 1]), isDigit(chars[j + 2]),
          isDigit(chars[j + 3]),
          j + 4 == chars.count || !isDigit(chars[j + 4])
        {
          digits += String(chars[(j + 1)...(j + 3)])
          j += 4
        }
      }
      // A date d.M.yyyy.
      if digits.count <= 2, j < chars.count, chars[j] == "." {
        var k = j + 1
        var month = ""
        while k < chars.count, isDigit(chars[k]) {
          month.append(chars[k])
          k += 1
        }
        if (1...2).contains(month.count), k < chars.count, chars[k] == "." {
          var y = ""
          var m = k + 1
          while m < chars.count, isDigit(chars[m]) {
            y.append(chars[m])
            m += 1
          }
          if y.count == 4, let d = Int(digits), let mo = Int(month), (1...31).contains(d), (1...12).contains(mo) {
            out.append(Fact(value: date(y, mo, d), written: String(chars[start..<m])))
            i = m
            continue
          }
        }
      }
      // A date `16 oktober 2023` / `16. lokakuuta 2023`.
      if digits.count <= 2, let d = Int(digits), (1...31).contains(d) {
        var k = j
        if k < chars.count, chars[k] == "." { k += 1 }
        if k < chars.count, isGroupSpace(chars[k]) {
          var w = k + 1
          var word = ""
          while w < chars.count, chars[w].isLetter {
            word.append(chars[w])
            w += 1
          }
          if let mo = months[word.lowercased()], w < chars.count, isGroupSpace(chars[w]) {
            var y = ""
            var m = w + 1
            while m < chars.count, isDigit(chars[m]) {
              y.append(chars[m])
              m += 1
            }
            if y.count == 4 {
              out.append(Fact(value: date(y, mo, d), written: String(chars[start..<m])))
              i = m
              continue
            }
          }
        }
      }
      var value = Double(digits) ?? 0
      if j + 1 < chars.count, chars[j] == "," || chars[j] == ".", isDigit(chars[j + 1]) {
        var k = j + 1
        var frac = ""
        while k < chars.count, isDigit(chars[k]) {
          frac.append(chars[k])
          k += 1
        }
        value = Double(digits + "." + frac) ?? value
        j = k
      }
      // A scale word after it: `1,5 miljoonaa`, `2 mrd.`.
      var end = j
      if j < chars.count, isGroupSpace(chars[j]) {
        var w = j + 1
        var word = ""
        while w < chars.count, chars[w].isLetter || chars[w] == "." {
          word.append(chars[w])
          w += 1
        }
        let key = word.lowercased()
        if let s = scales[key] ?? scales[key.hasSuffix(".") ? String(key.dropLast()) : key] {
          value *= s
          end = w
        }
      }
      out.append(Fact(value: format(value), written: String(chars[start..<end])))
      i = end
    }
    return out
  }

  static func date(_ y: String, _ m: Int, _ d: Int) -> String {
    y + "-" + (m < 10 ? "0" : "") + String(m) + "-" + (d < 10 ? "0" : "") + String(d)
  }

  /// `12`, `9.5`, `1000000`.
  static func format(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }

  /// The numbers of `a` not in `b` and of `b` not in `a`, as multisets (how they were written).
  package static func difference(_ a: String, _ b: String) -> (onlyA: [String], onlyB: [String]) {
    let fa = facts(a)
    let fb = facts(b)
    var count: [String: Int] = [:]
    for f in fb { count[f.value, default: 0] += 1 }
    var onlyA: [String] = []
    for f in fa {
      if let c = count[f.value], c > 0 { count[f.value] = c - 1 } else { onlyA.append(f.written) }
    }
    var countA: [String: Int] = [:]
    for f in fa { countA[f.value, default: 0] += 1 }
    var onlyB: [String] = []
    for f in fb {
      if let c = countA[f.value], c > 0 { countA[f.value] = c - 1 } else { onlyB.append(f.written) }
    }
    return (onlyA, onlyB)
  }
}
