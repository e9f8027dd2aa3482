import ArgumentParser
import FactArchiveCore
import FactArchiveWebPage
import Foundation

struct ExtractCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Show what the archive takes from a saved web page: its metadata and main text.",
    discussion: """
      Example: factarchive extract saved-page.html --format json

      The headline, authors, dates, site name, language and address the page gives, and its \
      main text without menus, related links, comments, share bars or banners, with the \
      links of that text. Nothing is written to any archive. A page with an error prints \
      path:line: message and exits 1; the other pages still print.
      """)

  @Argument(
    help: ArgumentHelp(
      "Saved web pages (HTML, or MHTML or Safari web archives).", valueName: "file"))
  var files: [String]

  @Option(
    help: ArgumentHelp(
      "The address the page came from (resolves relative links).", valueName: "url"))
  var url: String?

  @Option(help: "Output format: text or json (one document per page, as a JSON array).")
  var format: Format = .text

  func run() throws {
    var pages: [JSON] = []
    var failed = false
    for path in files {
      do {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let archive = try SavedArchive.open(bytes)
        let page: WebPage
        do throws(ParseError) {
          page = try WebPage(
            archive?.html ?? bytes, url: url ?? archive?.url, contentType: archive?.contentType)
        } catch {
          throw archive?.placed(error) ?? error
        }
        switch format {
        case .text: Terminal.writeOut(page.text)
        case .json: pages.append(page.json)
        }
      } catch let error as ParseError {
        Terminal.writeError(error.formatted(path: path))
        failed = true
      } catch {
        Terminal.writeError("\(path): \(error.localizedDescription)")
        failed = true
      }
    }
    if format == .json { Terminal.writeOut(JSON.array(pages).rendered() + "\n") }
    if failed { throw ExitCode(ExitStatus.partialFailure) }
  }
}
