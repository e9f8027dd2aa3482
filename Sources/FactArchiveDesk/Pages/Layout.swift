import FactArchiveQuery
import Foundation

/// The frame of every page: head, navigation, who is editing, and the body.
enum Layout {
  static func page(title: String, context: DeskContext, body: HTML) -> HTML {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title) · FactArchive desk</title>
    <link rel="stylesheet" href="/style.css">
    </head>
    <body>
    <header class="top">
    <a class="brand" href="/">FactArchive desk</a>
    <nav><a href="/">Queue</a> <a href="/search">Search</a> <a href="/reports">Reports</a>\
    \(context.readOnly || context.role == .viewer ? "" : " <a href=\"/add\">Add</a>" as HTML)</nav>
    \(editorBox(context))
    </header>
    <main>
    \(body)
    </main>
    <footer><p>\(footer(context))</p></footer>
    </body>
    </html>

    """
  }

  static func footer(_ context: DeskContext) -> HTML {
    if context.readOnly { return "Read-only desk: nothing can be changed here." }
    if context.role == .viewer { return "Signed in as a viewer: every page, no changes." }
    return "Every review and snooze is recorded with the editor's name."
  }

  /// The editor's name (and role, with accounts), and how to change it: sign out with
  /// accounts, a name form without.
  static func editorBox(_ context: DeskContext) -> HTML {
    guard !context.editor.isEmpty else { return "" }
    if context.hasAccounts, context.session != nil {
      return """
        <form class="editor" method="post" action="/logout">\(csrfField(context))\
        <span>\(context.editor) <span class="role">(\(context.role.rawValue))</span></span> \
        <button type="submit">Sign out</button></form>
        """
    }
    if context.readOnly || (!context.hasAccounts && context.session == nil) {
      return "<p class=\"editor\">\(context.editor)</p>"
    }
    return """
      <form class="editor" method="post" action="/name">\(csrfField(context))\
      <label>Editor <input name="name" value="\(context.editor)" maxlength="80" required></label> \
      <button type="submit">Set</button></form>
      """
  }

  /// The hidden field every form carries.
  static func csrfField(_ context: DeskContext) -> HTML {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(context.session?.csrf ?? "")\">"
  }

  /// `path?name=value&…` with the values percent-encoded, empty ones left out.
  static func link(_ path: String, _ query: [(String, String?)]) -> String {
    let parts = query.compactMap { name, value -> String? in
      guard let value, !value.isEmpty else { return nil }
      return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? "")
    }
    return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
  }

  static let queryAllowed: CharacterSet = {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return allowed
  }()

  /// A date as the desk shows it: ISO, in a `<time>` element.
  static func day(_ text: String) -> HTML {
    "<time datetime=\"\(text)\">\(text)</time>"
  }

  /// Snippet text with FTS5's `**` markers as highlights, the rest escaped.
  static func highlighted(_ snippet: String) -> HTML {
    var html = HTML()
    for (offset, part) in snippet.components(separatedBy: "**").enumerated() {
      html += offset % 2 == 1 ? "<mark>\(part)</mark>" : HTML(text: part)
    }
    return html
  }
}

enum ErrorPage {
  static func body(_ error: DeskError) -> HTML {
    """
    <h1>\(error.status.code) \(error.status.reasonPhrase)</h1>
    <p class="message">\(error.message)</p>
    <p><a href="/">Back to the queue</a></p>
    """
  }
}
