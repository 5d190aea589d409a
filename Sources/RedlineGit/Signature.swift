import Foundation

/// Who made a commit or a comment, and when.
public struct Signature: Sendable, Hashable, Codable {
  /// Recorded when a person gives a name without an e-mail address (libgit2 needs one).
  public static let placeholderEmail = "unknown@redline.invalid"

  public var name: String
  public var email: String
  /// Seconds since 1970.
  public var time: Int64
  /// Offset from UTC in minutes.
  public var offsetMinutes: Int32

  public init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  /// Parses `Name <email>` or a bare name, stamped with the current time.
  public static func parse(_ text: String, now: Int64) -> Signature? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty else { return nil }
    if let lt = t.firstIndex(of: "<"), let gt = t.lastIndex(of: ">"), lt < gt {
      let name = t[..<lt].trimmingCharacters(in: .whitespaces)
      let email = t[t.index(after: lt)..<gt].trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else { return nil }
      return Signature(name: name, email: email, time: now)
    }
    return Signature(name: t, email: "", time: now)
  }
}

