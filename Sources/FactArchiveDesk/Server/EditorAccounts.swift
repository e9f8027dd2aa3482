import Foundation
import HummingbirdBcrypt

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The desk's accounts: an auth file of `name:bcrypt-hash` lines, or `name:bcrypt-hash:role`
/// (comments start with `#`), written by `factarchive serve --add-user NAME [--role R]`.
/// Passwords are never stored, only their bcrypt hashes (cost 12). A line without a role
/// (every file written before roles) is an editor's.
public struct EditorAccounts: Sendable {
  public let hashes: [String: String]
  public let roles: [String: Role]

  /// What an account may do: editors review, snooze and merge; viewers see every page and
  /// the JSON API, and change nothing.
  public enum Role: String, Sendable, CaseIterable {
    case editor, viewer
  }

  public enum Failure: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case badLine(path: String, line: Int)
    case badName(String)
    case emptyPassword

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): return "\(path): \(reason)"
      case .badLine(let path, let line):
        return "\(path):\(line): not a 'name:bcrypt-hash' or 'name:bcrypt-hash:role' line"
      case .badName(let name):
        return "'\(name)' is not a user name: letters, digits, '.', '-' and '_', up to 64"
      case .emptyPassword: return "the password is empty"
      }
    }
  }

  public init(hashes: [String: String], roles: [String: Role] = [:]) {
    self.hashes = hashes
    self.roles = roles
  }

  /// A user's role (an editor unless the file says otherwise).
  public func role(of user: String) -> Role { roles[user] ?? .editor }

  /// Reads an auth file.
  public static func load(path: String) throws -> EditorAccounts {
    let text = try readFile(path)
    var hashes: [String: String] = [:]
    var roles: [String: Role] = [:]
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      // A bcrypt hash holds no colon: name, hash and an optional role.
      let fields = trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard (2...3).contains(fields.count), isValidName(fields[0]), fields[1].hasPrefix("$2"),
        let role = fields.count == 3 ? Role(rawValue: fields[2]) : .editor
      else {
        throw Failure.badLine(path: path, line: offset + 1)
      }
      hashes[fields[0]] = fields[1]
      roles[fields[0]] = role
    }
    return EditorAccounts(hashes: hashes, roles: roles)
  }

  /// Adds (or replaces) a user's password in the auth file, creating it readable by its
  /// owner only.
  public static func add(
    user: String, password: String, role: Role = .editor, to path: String
  ) throws {
    guard isValidName(user) else { throw Failure.badName(user) }
    guard !password.isEmpty else { throw Failure.emptyPassword }
    var lines: [String] = []
    if access(path, F_OK) == 0 {
      lines = try readFile(path).split(separator: "\n").map(String.init).filter {
        !$0.hasPrefix(user + ":")
      }
    } else {
      lines = [
        "# FactArchive desk accounts: name:bcrypt-hash[:viewer] (factarchive serve --add-user NAME)"
      ]
    }
    lines.append(
      user + ":" + Bcrypt.hash(password, cost: 12) + (role == .editor ? "" : ":" + role.rawValue))
    try writeFile(path, lines.joined(separator: "\n") + "\n")
  }

  /// Whether `password` is `user`'s.
  public func verify(user: String, password: String) -> Bool {
    guard let hash = hashes[user] else {
      // Spend the same time whether or not the user exists.
      _ = Bcrypt.verify(password, hash: Self.decoyHash)
      return false
    }
    return Bcrypt.verify(password, hash: hash)
  }

  static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuDbHYQf1aHKXkWJ5O6x6HpcsN9iU0yqu"

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
          || $0 == "." || $0 == "-" || $0 == "_"
      }
  }

  private static func readFile(_ path: String) throws -> String {
    guard let file = fopen(path, "r") else {
      throw Failure.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
      if bytes.count > 1 << 20 {
        throw Failure.unreadable(path: path, reason: "larger than 1 MiB: not an auth file")
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func writeFile(_ path: String, _ text: String) throws {
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw Failure.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    var data = Array(text.utf8)
    let written = data.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == data.count, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw Failure.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    data.removeAll()
  }
}
