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

      The desk listens on loopback (127.0.0.1) unless given --host; any other address \
      requires --auth-file, a file of user names and bcrypt password hashes made with \
      'factarchive serve --add-user NAME --auth-file FILE' (which asks for the password \
      without echo, or reads it from standard input when that is not a terminal). With \
      accounts, every page asks for a sign-in and reviews and snoozes carry the signed-in \
      name; on loopback without accounts they carry $USER, or the name the page sets.

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

  @Option(
    help: ArgumentHelp(
      "User names and bcrypt password hashes (required for a non-loopback --host).",
      valueName: "file"))
  var authFile: String?

  @Option(
    help: ArgumentHelp(
      "Add (or change) this user's password in --auth-file, then exit.", valueName: "name"))
  var addUser: String?

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
    if addUser != nil, authFile == nil {
      throw ValidationError("--add-user needs --auth-file: the file the account goes in.")
    }
  }

  func run() async throws {
    if let addUser, let authFile {
      try addAccount(addUser, to: authFile)
      return
    }
    guard Desk.isLoopback(host) || authFile != nil else {
      Terminal.writeError(
        "factarchive: refusing to serve on \(host) without accounts: anyone who can reach it "
          + "could change the archive. Give --auth-file (make one with --add-user NAME), or "
          + "listen on 127.0.0.1.")
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
      desk = try Desk(
        configuration: DeskConfiguration(
          archivePath: archive.path, readOnly: readOnly, accounts: accounts,
          defaultEditor: Terminal.userName),
        log: { Terminal.writeError($0) })
    } catch {
      throw CommandFailure.database(error, path: archive.path).exit()
    }
    let shown = host.contains(":") ? "[\(host)]" : host
    let details =
      "archive \(archive.path)" + (readOnly ? ", read-only" : "")
      + (accounts != nil ? ", sign-in required" : "")
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
      try EditorAccounts.add(user: name, password: password, to: path)
    } catch {
      Terminal.writeError("factarchive: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    Terminal.writeOut("\(name) can now sign in (\(path))\n")
  }
}

extension CommandFailure {
  /// Reports the failure as `runReportingFailures` would, as an exit code to throw.
  func exit() -> ExitCode {
    Terminal.writeError("factarchive: \(message)")
    return ExitCode(status)
  }
}
