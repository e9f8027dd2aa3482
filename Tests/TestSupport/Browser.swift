import Foundation

/// Headless Chromium (Debian's `chromium` package), for checking rendered HTML.
public enum Browser {
  public static var chromium: URL? {
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    where FileManager.default.isExecutableFile(atPath: path) {
      return URL(fileURLWithPath: path)
    }
    return nil
  }

  static let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

  /// The DOM after the page loaded (scripts, had there been any, would have run).
  public static func dumpDOM(_ page: URL) throws -> String? {
    guard let chromium else { return nil }
    let result = try CommandRunner.run(
      executable: chromium, flags + ["--dump-dom", page.absoluteString])
    return result.status == 0 ? result.stdout : nil
  }

  /// Writes a PNG screenshot of the page.
  public static func screenshot(_ page: URL, to file: URL, width: Int = 1200, height: Int = 1600)
    throws -> Bool
  {
    guard let chromium else { return false }
    let result = try CommandRunner.run(
      executable: chromium,
      flags + [
        "--screenshot=\(file.path)", "--window-size=\(width),\(height)", page.absoluteString,
      ])
    return result.status == 0
  }
}
