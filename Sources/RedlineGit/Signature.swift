import Foundation

/// Why a name or e-mail address cannot go into a commit or a thread file.
package struct SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
  /// One line naming the problem and the fix.
  package let description: String
}

/// Who made a commit or a comment, and when.
package struct Signature: Sendable, Hashable, Codable {
  /// Recorded when a person gives a name without an e-mail address (libgit2 needs one).
  package static let placeholderEmail = "unknown@redline.invalid"

  package var name: String
  package var email: String
  /// Seconds since 1970.
  package var time: Int64
  /// Offset from UTC in minutes.
  package var offsetMinutes: Int32

  package init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  /// The same, refusing what would corrupt a commit header: control characters (a
  /// newline would start a forged header line), `<` or `>` inside the name or e-mail,
  /// and a name that is empty once libgit2 trims it. An empty e-mail is allowed (the
  /// placeholder is recorded). Example: `Signature(validatingName: "Eve\n x", …)` throws.
  package init(validatingName name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) throws(SignatureError)
  {
    try Self.validate(name: name, email: email)
    self.init(name: name, email: email, time: time, offsetMinutes: offsetMinutes)
  }

  /// Throws when libgit2 would refuse the identity or write a malformed commit with it.
  package static func validate(name: String, email: String) throws(SignatureError) {
    for (what, value) in [("name", name), ("e-mail", email)] {
      if let bad = value.unicodeScalars.first(where: isControl) {
        throw SignatureError(
          description: String(
            format:
              "the author's %@ contains the control character U+%04X; give it on one line without control characters",
            what, bad.value))
      }
      if value.contains("<") || value.contains(">") {
        throw SignatureError(
          description:
            "the author's \(what) contains '<' or '>'; write the author as 'Name <email>' with neither inside the name or address"
        )
      }
    }
    if trimmedCrud(name).isEmpty {
      throw SignatureError(description: "the author needs a name, e.g. --author 'Aino Arvioija <aino@example.fi>'")
    }
  }

  /// Parses `Name <email>` or a bare name, stamped with the current time; nil when it is
  /// empty or invalid (see `parseAuthor` for the reason).
  package static func parse(_ text: String, now: Int64) -> Signature? {
    try? parseAuthor(text, now: now)
  }

  /// Parses `Name <email>` or a bare name, stamped with `now`, and validates both parts.
  package static func parseAuthor(_ text: String, now: Int64) throws(SignatureError) -> Signature {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let lt = t.firstIndex(of: "<"), let gt = t.lastIndex(of: ">"), lt < gt, t.index(after: gt) == t.endIndex {
      let name = t[..<lt].trimmingCharacters(in: .whitespaces)
      let email = t[t.index(after: lt)..<gt].trimmingCharacters(in: .whitespaces)
      return try Signature(validatingName: name, email: email, time: now)
    }
    return try Signature(validatingName: t, email: "", time: now)
  }

  /// C0 and C1 control characters and DEL.
  static func isControl(_ u: Unicode.Scalar) -> Bool {
    u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)
  }

  /// What libgit2 strips from both ends of a name (`git_signature_new`'s "crud").
  static func trimmedCrud(_ s: String) -> Substring {
    let crud: Set<Character> = [".", ",", ":", ";", "<", ">", "\"", "\\", "'", " ", "\t"]
    var t = Substring(s)
    while let f = t.first, crud.contains(f) { t = t.dropFirst() }
    while let l = t.last, crud.contains(l) { t = t.dropLast() }
    return t
  }
}
