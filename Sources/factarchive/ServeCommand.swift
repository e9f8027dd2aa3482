import ArgumentParser
import FactArchiveCore
import FactArchiveDesk
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "The editors' desk: the stale queue, checks, reviews and search in a browser.",
    discussion: """
      Example: factarchive serve --port 8080      (then open http://127.0.0.1:8080/)

      The desk listens on loopback (127.0.0.1) unless given --host. Any other address needs \
      two things: accounts (--auth-file, a file of user names and bcrypt password hashes \
      made with 'factarchive serve --add-user NAME [--role editor|viewer] --auth-file \
      FILE', which asks for the password without echo, or reads it from standard input \
      when that is not a terminal), and HTTPS in front of it: a TLS-terminating proxy such \
      as Caddy or nginx, named with --behind-proxy ADDRESS (its X-Forwarded-For and \
      X-Forwarded-Proto are believed from that address only; plain HTTP through it is \
      redirected to HTTPS, cookies are Secure and responses carry Strict-Transport-Security). \
      The desk does not serve HTTPS itself: README, "Running the desk for a newsroom". With \
      accounts, every page asks for a sign-in and reviews and snoozes carry the signed-in \
      name; viewers see every page and change nothing. On loopback without accounts they \
      carry $USER, or the name the page sets.

      After 5 failed sign-ins within 15 minutes for one account or from one address, \
      further attempts are refused (429) for a minute, twice as long at each lock-out, up \
      to an hour; 'factarchive serve --auth-file FILE --unlock NAME' ends an account's \
      lock-out (the running desk reads it at the next attempt).

      --read-only opens the archive read-only: pages work, forms are not shown, and any \
      POST answers 405. Ingests, reports and researchers' SQL keep running against the same \
      file. One line per request goes to standard error; SIGINT or SIGTERM stops the desk.
      """)

  @OptionGroup var archive: ArchiveOptions

  @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
  var host = "127.0.0.1"

  @Option(help: ArgumentHelp("The port to listen on.", valueName: "port"))
  var port = 8080

  @Flag(help: "Open the archive read-only: no forms, POST answers 405.")
  var readOnly = false

  @Flag(
    help: ArgumentHelp(
      "Let the Add page fetch loopback and private addresses too (refused by default, after "
        + "name resolution and at every redirect)."))
  var allowPrivateFetch = false

  @Option(
    help: ArgumentHelp(
      "User names and bcrypt password hashes (required for a non-loopback --host).",
      valueName: "file"))
  var authFile: String?

  @Option(
    help: ArgumentHelp(
      "Add (or change) this user's password in --auth-file, then exit.", valueName: "name"))
  var addUser: String?

  @Option(help: "The role of --add-user: editor (the default) or viewer.")
  var role: EditorAccounts.Role = .editor

  @Option(
    help: ArgumentHelp(
      "End this account's sign-in lock-out on the desk running with --auth-file, then exit.",
      valueName: "name"))
  var unlock: String?

  @Option(
    help: ArgumentHelp(
      "The address of the TLS-terminating proxy in front of the desk (its forwarding "
        + "headers are believed, nobody else's).", valueName: "address"))
  var behindProxy: String?

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
    if addUser != nil, authFile == nil {
      throw ValidationError("--add-user needs --auth-file: the file the account goes in.")
    }
    if unlock != nil, authFile == nil {
      throw ValidationError("--unlock needs --auth-file: the desk's accounts.")
    }
    if role != .editor, addUser == nil {
      throw ValidationError("--role goes with --add-user.")
    }
    if let behindProxy, !Self.isAddress(behindProxy) {
      throw ValidationError("--behind-proxy takes an IP address (127.0.0.1, ::1, 10.0.0.5).")
    }
  }

  func run() async throws {
    if let addUser, let authFile {
      try addAccount(addUser, to: authFile)
      return
    }
    if let unlock, let authFile {
      do {
        try SignInThrottle.requestUnlock(of: unlock, authFile: authFile)
      } catch {
        Terminal.writeError("factarchive: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
      Terminal.writeOut(
        "\(unlock) may sign in again: the desk reads \(SignInThrottle.unlockFile(for: authFile)) "
          + "at the next attempt\n")
      return
    }
    if let refusal = Self.refusal(host: host, authFile: authFile, behindProxy: behindProxy) {
      Terminal.writeError("factarchive: " + refusal)
      throw ExitCode(ExitStatus.usage)
    }
    var accounts: EditorAccounts?
    if let authFile {
      do {
        accounts = try EditorAccounts.load(path: authFile)
      } catch {
        Terminal.writeError("factarchive: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
      if accounts?.hashes.isEmpty == true {
        Terminal.writeError(
          "factarchive: \(authFile) has no accounts: add one with --add-user NAME")
        throw ExitCode(ExitStatus.usage)
      }
    }
    let desk: Desk
    do {
      var configuration = DeskConfiguration(
        archivePath: archive.path, readOnly: readOnly, accounts: accounts,
        trustedProxy: behindProxy, unlockFile: authFile.map(SignInThrottle.unlockFile(for:)),
        defaultEditor: Terminal.userName)
      configuration.allowsPrivateFetch = allowPrivateFetch
      desk = try Desk(configuration: configuration, log: { Terminal.writeError($0) })
    } catch {
      throw CommandFailure.database(error, path: archive.path).exit()
    }
    let shown = host.contains(":") ? "[\(host)]" : host
    let details =
      "archive \(archive.path)" + (readOnly ? ", read-only" : "")
      + (accounts != nil ? ", sign-in required" : "")
      + (behindProxy.map { ", behind the proxy at \($0)" } ?? "")
    try await desk.application(host: host, port: port) { listening in
      Terminal.writeError(
        "factarchive desk on http://\(shown):\(listening)/ (\(details)); stop with Ctrl-C")
    }.runService()
  }

  private func addAccount(_ name: String, to path: String) throws {
    let password: String
    if isatty(STDIN_FILENO) == 1 {
      guard let first = Terminal.readSecret(prompt: "Password for \(name): "),
        let second = Terminal.readSecret(prompt: "Again: ")
      else { throw ExitCode(ExitStatus.usage) }
      guard first == second else {
        Terminal.writeError("factarchive: the passwords differ; nothing was changed")
        throw ExitCode(ExitStatus.usage)
      }
      password = first
    } else {
      password = readLine(strippingNewline: true) ?? ""
    }
    do {
      try EditorAccounts.add(user: name, password: password, role: role, to: path)
    } catch {
      Terminal.writeError("factarchive: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    Terminal.writeOut(
      "\(name) can now sign in as \(role == .editor ? "an editor" : "a viewer") (\(path))\n")
  }

  /// Why the desk must not start as asked, if it must not: off loopback, passwords and
  /// session cookies would cross the network in clear without a TLS-terminating proxy, and
  /// anyone who can reach it could change the archive without accounts.
  static func refusal(host: String, authFile: String?, behindProxy: String?) -> String? {
    if behindProxy != nil, authFile == nil {
      return "--behind-proxy needs --auth-file: a desk reachable through a proxy needs "
        + "accounts (make one with --add-user NAME)."
    }
    guard !Desk.isLoopback(host) else { return nil }
    if authFile == nil {
      return "refusing to serve on \(host) without accounts: anyone who can reach it "
        + "could change the archive. Give --auth-file (make one with --add-user NAME), or "
        + "listen on 127.0.0.1."
    }
    if behindProxy == nil {
      return "refusing to serve on \(host) over plain HTTP: passwords and session cookies "
        + "would cross the network in clear. Put a TLS-terminating proxy (Caddy, nginx) in "
        + "front and name it with --behind-proxy ADDRESS, or listen on 127.0.0.1; serving "
        + "HTTPS directly (--tls-cert/--tls-key) is not built into this version (README, "
        + "\"Running the desk for a newsroom\")."
    }
    return nil
  }

  /// An IPv4 or IPv6 literal.
  static func isAddress(_ text: String) -> Bool {
    var v4 = in_addr()
    var v6 = in6_addr()
    return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
  }
}

extension EditorAccounts.Role: ExpressibleByArgument {}

extension CommandFailure {
  /// Reports the failure as `runReportingFailures` would, as an exit code to throw.
  func exit() -> ExitCode {
    Terminal.writeError("factarchive: \(message)")
    return ExitCode(status)
  }
}
