internal import CLibXML2

/// A `<form>` that wraps the page rather than asks for input. ASP.NET Web Forms puts a whole
/// page's body in one `<form id="aspnetForm">` (so do SharePoint and many older CMSs): read as
/// furniture, as forms are, such a page has no text, no headline and no date. A form is taken
/// for the page's wrapper when it holds the page's heading or article (`<h1>`, `<article>`,
/// `<main>`), or, without a text box to write in, three paragraphs of prose. A search box, a
/// newsletter sign-up or a comment form holds neither: a comment form's notes and consent
/// paragraphs can be long, but it has its `<textarea>`.
enum PageForm {
  /// Paragraphs this long are prose, not a form's instructions.
  static let proseParagraph = 80
  static let proseParagraphs = 3
  /// Elements looked at inside a form before it is judged a form.
  static let mostElements = 20_000

  static func wrapsPage(_ form: xmlNodePtr) -> Bool {
    var stack = form.children.filter(\.isElement)
    var visited = 0
    var prose = 0
    var writable = false
    while let node = stack.popLast(), visited < mostElements {
      visited += 1
      let name = node.elementName
      if name == "h1" || name == "article" || name == "main" { return true }
      if name == "textarea" { writable = true }
      // What a reader sees of it: a comment form's paragraph may hold its script.
      if name == "p",
        MetadataReader.collapsed(MetadataReader.spacedText(node)).count >= proseParagraph
      {
        prose += 1
      }
      stack.append(contentsOf: node.children.filter(\.isElement))
    }
    return prose >= proseParagraphs && !writable
  }
}
