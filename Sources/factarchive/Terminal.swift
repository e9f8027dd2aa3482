import FactArchiveCore
import FactArchiveIngest
import FactArchiveQuery
import FactArchiveSchema

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where output goes, and whether it is a terminal (for colour, width and progress bars).
enum Terminal {
  static func writeOut(_ text: String) {
    writeAll(text, to: STDOUT_FILENO)
  }

  static func writeError(_ text: String) {
    writeAll(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
  }

  static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(
          descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }

  /// Prints what a parse said beyond its outcome, on stderr: each warning as
  /// `path:line: warning: message` and each skipped ClaimReview entry as
  /// `path:line: message`. Returns how many entries were skipped (they fail the run).
  static func reportNotes(of document: PreparedDocument) -> Int {
    guard case .success(let parsed) = document.parsed else { return 0 }
    for warning in parsed.warnings {
      writeError(warning.formattedWarning(path: document.input.path))
    }
    for entry in parsed.skipped {
      writeError(entry.formatted(path: document.input.path))
    }
    return parsed.skipped.count
  }

  /// Who is running the command, for audit columns: `$USER`, else `$LOGNAME`, else `unknown`.
  static var userName: String {
    for name in ["USER", "LOGNAME"] {
      if let value = getenv(name), let text = String(validatingCString: value), !text.isEmpty {
        return text
      }
    }
    return "unknown"
  }

  static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }

  /// Colour only on a terminal, and never when `NO_COLOR` is set (<https://no-color.org>).
  static func style(for descriptor: Int32) -> TextStyle {
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    return TextStyle(enabled: isTerminal(descriptor) && !noColor)
  }

  /// The terminal's width, else `$COLUMNS`, else 100.
  static func width(of descriptor: Int32) -> Int {
    var size = winsize()
    if isTerminal(descriptor), ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
      return Int(size.ws_col)
    }
    if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 20 {
      return columns
    }
    return 100
  }
}

extension Terminal {
  /// Reads a line from the terminal without echoing it (a password); `nil` at end of input.
  static func readSecret(prompt: String) -> String? {
    writeAll(prompt, to: STDERR_FILENO)
    var saved = termios()
    let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if hasTerminal {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
    }
    defer {
      if hasTerminal {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
        writeAll("\n", to: STDERR_FILENO)
      }
    }
    return readLine(strippingNewline: true)
  }
}
