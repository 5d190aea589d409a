import Foundation
import RedlineReview
import Synchronization

/// What a signed-in person may do.
package enum Role: String, Sendable, Codable, CaseIterable, Comparable {
  /// Reads versions, comparisons, threads and summaries.
  case reader
  /// Also comments and replies.
  case reviewer
  /// Also resolves and reopens threads.
  case drafter

  var rank: Int { self == .reader ? 0 : self == .reviewer ? 1 : 2 }
  package static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// One invited person. Secrets are kept only as SHA-256 hashes.
package struct Reviewer: Sendable, Codable, Hashable {
  /// Short random id (for `reviewers remove` and logs).
  package var id: String
  package var name: String
  package var email: String
  package var role: Role
  /// Seconds since 1970.
  package var created: Int64
  /// Hash of the one-time sign-in token; nil once used.
  package var signInHash: String?
  /// When the sign-in link stops working.
  package var signInExpires: Int64
  /// Open sessions: hash of the cookie value and expiry.
  package var sessions: [Session]

  package struct Session: Sendable, Codable, Hashable {
    package var hash: String
    package var expires: Int64
  }
}

/// Why a reviewers operation failed: one line naming the fix.
package struct ServerError: Error, Sendable, CustomStringConvertible {
  package var description: String
  package init(_ d: String) { description = d }
}

/// The people who may use `redline serve`, in `<git dir>/redline/reviewers.json`: outside
/// the versioned tree, written atomically under a lock so the CLI and a running server
/// can both change it.
package final class ReviewerStore: Sendable {
  /// How long a sign-in link works (14 days).
  package static let linkLifetime: Int64 = 14 * 86_400
  /// How long a session lasts (12 hours).
  package static let sessionLifetime: Int64 = 12 * 3600

  package let folder: String
  package var file: String { folder + "/reviewers.json" }
  var lockFile: String { folder + "/reviewers.lock" }
  private let cache = Mutex<(stamp: String, people: [Reviewer])?>(nil)

  /// `gitdir` is the repository's git directory (`.git/`), with or without a trailing slash.
  package init(gitdir: String) {
    folder = (gitdir.hasSuffix("/") ? String(gitdir.dropLast()) : gitdir) + "/redline"
  }

  /// Everyone, in the order they were added.
  package func list() throws(ServerError) -> [Reviewer] {
    let stamp = Self.stamp(file)
    if let c = cache.withLock({ $0 }), c.stamp == stamp { return c.people }
    let people = try read()
    cache.withLock { $0 = (stamp, people) }
    return people
  }

  private static func stamp(_ path: String) -> String {
    var st = stat()
    guard stat(path, &st) == 0 else { return "none" }
    return "\(st.st_ino)-\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
  }

  private func read() throws(ServerError) -> [Reviewer] {
    guard let d = FileManager.default.contents(atPath: file) else { return [] }
    do {
      return try JSONDecoder().decode([Reviewer].self, from: d)
    } catch {
      throw ServerError("'\(file)' is not a valid reviewers file; fix or remove it")
    }
  }

  private func write(_ people: [Reviewer]) throws(ServerError) {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let d = try? enc.encode(people) else { throw ServerError("cannot encode the reviewers file") }
    do { try AtomicFile.write([UInt8](d), to: file) } catch { throw ServerError(error.description) }
    chmod(file, 0o600)
  }

  /// Runs `body` on the current list under the lock and writes what it returns.
  private func update<T>(_ body: (inout [Reviewer]) throws(ServerError) -> T) throws(ServerError) -> T {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ServerError("cannot create '\(folder)': \(error.localizedDescription)")
    }
    do {
      return try AtomicFile.withLock(lockFile) { () throws -> T in
        var people = try read()
        let out = try body(&people)
        try write(people)
        return out
      }
    } catch let e as ServerError {
      throw e
    } catch {
      throw ServerError("\(error)")
    }
  }

  /// Checks a display name: what a git signature and a page can carry.
  package static func validName(_ s: String) -> Bool {
    let t = s.trimmingCharacters(in: .whitespaces)
    return !t.isEmpty && t.count <= 120 && !t.contains("<") && !t.contains(">")
      && !t.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// Checks an e-mail address loosely: one @, no spaces or angle brackets.
  package static func validEmail(_ s: String) -> Bool {
    s.count <= 200 && s.split(separator: "@", omittingEmptySubsequences: false).count == 2
      && !s.hasPrefix("@") && !s.hasSuffix("@")
      && !s.unicodeScalars.contains {
        $0 == "<" || $0 == ">" || $0.properties.isWhitespace || $0.properties.generalCategory == .control
      }
  }

  /// Invites a person; returns them and the one-time sign-in token (shown once, never stored).
  /// Inviting an e-mail address again replaces that person's role and link.
  package func add(name: String, email: String, role: Role, now: Int64) throws(ServerError) -> (Reviewer, String) {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard Self.validName(name) else {
      throw ServerError("the name must be 1–120 characters without < > or control characters")
    }
    guard Self.validEmail(email) else { throw ServerError("'\(email)' is not an e-mail address like aino@example.fi") }
    let token = Secrets.token()
    let r = try update { (people: inout [Reviewer]) throws(ServerError) -> Reviewer in
      var r = Reviewer(
        id: String(Secrets.token().prefix(8)), name: name, email: email, role: role, created: now,
        signInHash: SHA256.hex(token), signInExpires: now + Self.linkLifetime, sessions: [])
      if let i = people.firstIndex(where: { $0.email.lowercased() == email.lowercased() }) {
        r.id = people[i].id
        r.created = people[i].created
        people[i] = r
      } else {
        people.append(r)
      }
      return r
    }
    return (r, token)
  }

  /// Removes a person by id or e-mail; their link and sessions stop working at once.
  package func remove(_ key: String) throws(ServerError) -> Reviewer {
    try update { (people: inout [Reviewer]) throws(ServerError) -> Reviewer in
      guard let i = people.firstIndex(where: { $0.id == key || $0.email.lowercased() == key.lowercased() }) else {
        throw ServerError("no reviewer '\(key)'; see `redline reviewers list`")
      }
      return people.remove(at: i)
    }
  }

  /// Uses a sign-in token: on success the link is spent and a new session starts; returns
  /// the person and the session's cookie value. A spent, expired or unknown token gives nil.
  package func redeem(_ token: String, now: Int64) throws(ServerError) -> (Reviewer, String)? {
    guard Secrets.isTokenShaped(token) else { return nil }
    let h = SHA256.hex(token)
    return try update { (people: inout [Reviewer]) throws(ServerError) -> (Reviewer, String)? in
      guard let i = people.firstIndex(where: { $0.signInHash.map { Secrets.equal($0, h) } ?? false }) else {
        return nil
      }
      guard people[i].signInExpires > now else { return nil }
      let session = Secrets.token()
      people[i].signInHash = nil
      people[i].sessions = people[i].sessions.filter { $0.expires > now }
      people[i].sessions.append(Reviewer.Session(hash: SHA256.hex(session), expires: now + Self.sessionLifetime))
      return (people[i], session)
    }
  }

  /// The person an unused, unexpired sign-in token belongs to (the link is not spent).
  package func invited(_ token: String, now: Int64) -> Reviewer? {
    guard Secrets.isTokenShaped(token), let people = try? list() else { return nil }
    let h = SHA256.hex(token)
    return people.first { p in p.signInExpires > now && (p.signInHash.map { Secrets.equal($0, h) } ?? false) }
  }

  /// The person a session cookie belongs to, while it has not expired.
  package func person(session: String, now: Int64) -> Reviewer? {
    guard Secrets.isTokenShaped(session), let people = try? list() else { return nil }
    let h = SHA256.hex(session)
    return people.first { $0.sessions.contains { $0.expires > now && Secrets.equal($0.hash, h) } }
  }

  /// Ends a session (sign out).
  package func endSession(_ session: String) throws(ServerError) {
    let h = SHA256.hex(session)
    try update { (people: inout [Reviewer]) throws(ServerError) in
      for i in people.indices { people[i].sessions.removeAll { $0.hash == h } }
    }
  }
}
