import Foundation

/// Why a thread file could not be read. One line, naming the file.
package struct ThreadFileError: Error, Sendable, Hashable, CustomStringConvertible {
  package var file: String
  package var line: Int?
  package var reason: String

  package var description: String {
    guard let line else { return "\(file): \(reason)" }
    return "\(file) line \(line): \(reason); fix or remove that line (each line is one JSON event)"
  }
}

/// The storage format: JSON Lines, one event per line, keys sorted, UTF-8.
///
/// The first line is the opening comment with its anchor; replies, resolves and reopens
/// are appended as new lines and never rewrite earlier ones. Two reviewers appending to
/// the same thread therefore touch different lines, and `reviews/.gitattributes`
/// (`*.jsonl merge=union`) lets git merge them without a conflict.
///
/// ```
/// {"anchor":{…},"author":{"email":"…","name":"Aino"},"body":"…","id":"k3v9x2qa","time":1697443200,"type":"comment"}
/// {"author":{…},"body":"Korjattu.","commit":"…","disposition":"accepted","revision":"v2","time":…,"type":"resolve"}
/// ```
package enum ThreadFile {
  package static let fileExtension = "jsonl"

  /// CR LF and a lone CR become LF: a CR can never end a line of a rendering early
  /// (Markdown treats it as a line end, which would let a body start a heading).
  package static func foldCR(_ s: String) -> String {
    guard s.unicodeScalars.contains("\r") else { return s }
    return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// One event as one JSON line (sorted keys, no trailing newline).
  package static func encode(_ e: ThreadEvent, threadID: String? = nil, anchor: Anchor? = nil) -> String {
    var obj: [String: Any] = [
      "type": e.kind.rawValue, "time": e.time, "author": ["name": e.author.name, "email": e.author.email],
      "body": foldCR(e.body),
    ]
    if let threadID { obj["id"] = threadID }
    if let a = anchor {
      var ao: [String: Any] = [
        "path": a.path, "revision": a.revision, "section": a.section, "label": a.label, "index": a.index,
        "text": a.text, "prefix": a.prefix, "suffix": a.suffix,
      ]
      ao["commit"] = a.commit ?? NSNull()
      if let q = a.quote { ao["quote"] = q }
      if a.kind != .block { ao["kind"] = a.kind.rawValue }
      if let b = a.base { ao["base"] = b }
      obj["anchor"] = ao
    }
    if let r = e.revision { obj["revision"] = r }
    if let c = e.commit { obj["commit"] = c }
    if let d = e.disposition { obj["disposition"] = d.rawValue }
    if e.change { obj["change"] = true }
    let data = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads a whole thread file. `file` is only used in error messages.
  package static func decode(_ bytes: [UInt8], file: String) throws(ThreadFileError) -> ReviewThread {
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw ThreadFileError(file: file, line: nil, reason: "not UTF-8")
    }
    var id: String?
    var anchor: Anchor?
    var events: [ThreadEvent] = []
    for (n, line) in lines(bytes).enumerated() {
      if line.isEmpty { continue }
      guard let obj = try? JSONSerialization.jsonObject(with: Data(bytes[line])) as? [String: Any] else {
        throw ThreadFileError(file: file, line: n + 1, reason: "not a JSON object")
      }
      let event = try parseEvent(obj, file: file, line: n + 1)
      if event.kind == .comment {
        guard anchor == nil else { throw ThreadFileError(file: file, line: n + 1, reason: "a second opening comment") }
        guard let a = obj["anchor"] as? [String: Any] else {
          throw ThreadFileError(file: file, line: n + 1, reason: "the opening comment has no anchor")
        }
        anchor = try parseAnchor(a, file: file, line: n + 1)
        id = obj["id"] as? String
        events.insert(event, at: 0)
      } else {
        events.append(event)
      }
    }
    guard let anchor else { throw ThreadFileError(file: file, line: nil, reason: "no opening comment") }
    let fallbackID = (file.split(separator: "/").last.map(String.init) ?? file).replacingOccurrences(
      of: "." + fileExtension, with: "")
    // Replies and resolutions in time order (a union merge may interleave lines); stable for ties.
    let rest = events.dropFirst().enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
      .map(\.element)
    // The file name is the id: a copy of a thread under another name is not a second thread.
    if let id, id != fallbackID {
      throw ThreadFileError(
        file: file, line: nil,
        reason: "holds thread '\(id)' but is named '\(fallbackID)'; a thread file is named by its id")
    }
    return ReviewThread(id: fallbackID, anchor: anchor, events: [events[0]] + rest)
  }

  /// The lines of a thread file as byte ranges, without their blank margins: lines end at
  /// LF, CR LF or a lone CR (a JSON line holds no raw control character, so nothing inside
  /// an event can end one; U+2028 in a body is text, as JSON says). One pass over the
  /// bytes: a store of a thousand threads is read on every `comments` and `serve` request.
  static func lines(_ b: [UInt8]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = 0
    var i = 0
    func add(_ lo: Int, _ hi: Int) {
      var (lo, hi) = (lo, hi)
      while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
      while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
      out.append(lo..<hi)
    }
    while i < b.count {
      let c = b[i]
      if c == 0x0A || c == 0x0D {
        add(start, i)
        if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
        start = i + 1
      }
      i += 1
    }
    add(start, b.count)
    return out
  }

  static func parseEvent(_ o: [String: Any], file: String, line: Int) throws(ThreadFileError) -> ThreadEvent {
    guard let t = o["type"] as? String, let kind = ThreadEvent.Kind(rawValue: t) else {
      throw ThreadFileError(file: file, line: line, reason: "unknown or missing \"type\"")
    }
    guard let time = (o["time"] as? NSNumber)?.int64Value else {
      throw ThreadFileError(file: file, line: line, reason: "missing \"time\"")
    }
    guard let a = o["author"] as? [String: Any], let name = a["name"] as? String else {
      throw ThreadFileError(file: file, line: line, reason: "missing \"author\"")
    }
    var disposition: Disposition?
    if let d = o["disposition"] as? String {
      guard let dd = Disposition(lenient: d) else {
        throw ThreadFileError(file: file, line: line, reason: "unknown disposition '\(d)'")
      }
      disposition = dd
    }
    return ThreadEvent(
      kind: kind, time: time, author: Person(name: foldCR(name), email: a["email"] as? String ?? ""),
      body: foldCR(o["body"] as? String ?? "")
    ).at(
      revision: o["revision"] as? String, commit: o["commit"] as? String, disposition: disposition,
      change: (o["change"] as? Bool) ?? false)
  }

  static func parseAnchor(_ a: [String: Any], file: String, line: Int) throws(ThreadFileError) -> Anchor {
    guard let path = a["path"] as? String, let text = a["text"] as? String else {
      throw ThreadFileError(file: file, line: line, reason: "the anchor needs \"path\" and \"text\"")
    }
    var kind = AnchorKind.block
    if let k = a["kind"] as? String {
      guard let kk = AnchorKind(rawValue: k) else {
        throw ThreadFileError(file: file, line: line, reason: "unknown anchor kind '\(k)'")
      }
      kind = kk
    }
    let index = (a["index"] as? NSNumber)?.intValue ?? 0
    guard index >= 0 else {
      throw ThreadFileError(file: file, line: line, reason: "the anchor's \"index\" is negative")
    }
    return Anchor(
      path: path, commit: a["commit"] as? String, revision: a["revision"] as? String ?? "",
      section: a["section"] as? [String] ?? [],
      label: a["label"] as? String ?? "", index: index, text: text,
      prefix: a["prefix"] as? String ?? "", suffix: a["suffix"] as? String ?? "", quote: a["quote"] as? String,
      kind: kind, base: a["base"] as? String)
  }
}
