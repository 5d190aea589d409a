import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport
import RedlineServer

struct ReviewersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reviewers",
    abstract: "Invite people to the review site, list them, remove them.",
    discussion: """
      Roles: reader (reads), reviewer (also comments and replies), drafter (also resolves \
      and reopens). `add` prints a one-time sign-in link; send it to the person. Only a \
      SHA-256 hash of the link's token is kept, in the repository's git directory \
      (.git/redline/reviewers.json), never in the versioned files.

      Examples:
        redline reviewers add 'Aino Arvioija' --email aino@example.fi --role reviewer
        redline reviewers list
        redline reviewers remove aino@example.fi
      """,
    subcommands: [Add.self, List.self, Remove.self])

  enum RoleArg: String, ExpressibleByArgument, CaseIterable { case reader, reviewer, drafter }

  static func store(_ repo: RepositoryOptions) throws(RedlineError) -> ReviewerStore {
    ReviewerStore(gitdir: try repo.open().git.gitdir)
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Invite a person (or renew their link and role) and print their one-time sign-in link.")
    @OptionGroup var repository: RepositoryOptions
    @Option(name: .long, help: "E-mail address (identifies the person and goes into their commits).") var email: String
    @Option(name: .long, help: "reader, reviewer or drafter.") var role: RoleArg = .reviewer
    @Option(name: .long, help: "The site's address as people reach it.") var url = "http://127.0.0.1:8080"
    @Argument(help: "The person's name as it appears on comments and commits.") var name: String

    func run() throws {
      try runReporting {
        do {
          let (r, token) = try ReviewersCommand.store(repository).add(
            name: name, email: email, role: Role(rawValue: role.rawValue)!, now: Int64(Date().timeIntervalSince1970))
          let base = url.hasSuffix("/") ? String(url.dropLast()) : url
          emit("\(r.name) <\(r.email)> (\(r.role.rawValue)): send this one-time sign-in link, valid 14 days:\n")
          emit("\(base)/signin?token=\(token)\n")
        } catch let e as ServerError {
          throw RedlineError.invalidArgument(e.description)
        }
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List invited people.")
    @OptionGroup var repository: RepositoryOptions

    func run() throws {
      try runReporting {
        do {
          let now = Int64(Date().timeIntervalSince1970)
          for r in try ReviewersCommand.store(repository).list() {
            let link =
              r.signInHash == nil ? "link used" : (r.signInExpires > now ? "link not used yet" : "link expired")
            let sessions = r.sessions.filter { $0.expires > now }.count
            emit(
              "\(r.id)  \(r.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(r.name) <\(r.email)>  \(link), \(sessions) session\(sessions == 1 ? "" : "s")\n"
            )
          }
        } catch let e as ServerError {
          throw RedlineError.invalidArgument(e.description)
        }
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove a person: their link and sessions stop working at once.")
    @OptionGroup var repository: RepositoryOptions
    @Argument(help: "The person's id (from `list`) or e-mail address.") var who: String

    func run() throws {
      try runReporting {
        do {
          let r = try ReviewersCommand.store(repository).remove(who)
          emit("removed \(r.name) <\(r.email)>\n")
        } catch let e as ServerError {
          throw RedlineError.invalidArgument(e.description)
        }
      }
    }
  }
}
