import Foundation

/// Splits a GFM table block's text (with its changes) into rows of cells.
enum TableCells {
  /// Rows of cells, header first, the delimiter row dropped; nil when the text is not a
  /// pipe table. Changes inside a cell stay marked; a `|` or line break inside a change
  /// still ends the cell.
  static func rows(_ spans: [Span]) -> [[[Span]]]? {
    var rows: [[[Span]]] = []
    var row: [[Span]] = []
    var cell: [Span] = []
    var run = ""
    var kind = 0  // 0 text, 1 ins, 2 del
    func flushRun() {
      guard !run.isEmpty else { return }
      cell.append(kind == 1 ? .ins(run) : kind == 2 ? .del(run) : .text(run))
      run = ""
    }
    func flushCell() {
      flushRun()
      row.append(cell)
      cell = []
    }
    func flushRow() {
      flushCell()
      rows.append(row)
      row = []
    }
    for s in spans {
      let (k, t): (Int, String)
      switch s {
      case .text(let x): (k, t) = (0, x)
      case .ins(let x): (k, t) = (1, x)
      case .del(let x): (k, t) = (2, x)
      default: return nil
      }
      flushRun()
      kind = k
      var escaped = false
      for ch in t {
        if ch == "|" && !escaped {
          flushCell()
        } else if ch == "|" {
          // `\|` is a pipe inside a cell: the backslash only escaped it.
          if run.last == "\\" { run.removeLast() }
          run.append(ch)
        } else if ch == "\n" {
          flushRow()
        } else {
          run.append(ch)
        }
        escaped = ch == "\\" && !escaped
      }
    }
    flushRow()
    // Trim each cell, drop the empty cells outside the first and last pipe, drop the
    // delimiter row and empty rows.
    func plain(_ c: [Span]) -> String {
      c.map { s -> String in
        switch s {
        case .text(let x), .ins(let x), .del(let x): x
        default: ""
        }
      }.joined().trimmingCharacters(in: .whitespaces)
    }
    var out: [[[Span]]] = []
    for var r in rows {
      if let f = r.first, plain(f).isEmpty { r.removeFirst() }
      if let l = r.last, plain(l).isEmpty { r.removeLast() }
      if r.isEmpty { continue }
      if r.allSatisfy({ plain($0).allSatisfy { "-:".contains($0) } && !plain($0).isEmpty }) { continue }
      out.append(r.map(trim))
    }
    guard out.count >= 1, rows.count >= 2 else { return nil }
    return out
  }

  /// Leading and trailing spaces of a cell removed (inside its first and last run).
  static func trim(_ c: [Span]) -> [Span] {
    var c = c
    func edit(_ s: Span, _ f: (String) -> String) -> Span {
      switch s {
      case .text(let x): .text(f(x))
      case .ins(let x): .ins(f(x))
      case .del(let x): .del(f(x))
      default: s
      }
    }
    if let f = c.first { c[0] = edit(f) { String($0.drop { $0 == " " }) } }
    if let l = c.last { c[c.count - 1] = edit(l) { String($0.reversed().drop { $0 == " " }.reversed()) } }
    return c.filter {
      switch $0 {
      case .text(let x), .ins(let x), .del(let x): !x.isEmpty
      default: true
      }
    }
  }
}
