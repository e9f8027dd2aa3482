internal import CLibXML2

/// A `<form>` that wraps the page rather than asks for input. ASP.NET Web Forms puts a whole
/// page's body in one `<form id="aspnetForm">` (so do SharePoint and many older CMSs): read as
/// furniture, as forms are, such a page has no text, no headline and no date. A form is taken
/// for the page's wrapper when it holds the page's heading or article (`<h1>`, `<article>`,
/// `<main>`) or two paragraphs of prose; a search box, a comment form or a newsletter sign-up
/// holds neither.
enum PageForm {
  /// Paragraphs this long are prose, not a form's instructions.
  static let proseParagraph = 80
  /// Elements looked at inside a form before it is judged a form.
  static let mostElements = 20_000

  static func wrapsPage(_ form: xmlNodePtr) -> Bool {
    var stack = form.children.filter(\.isElement)
    var visited = 0
    var prose = 0
    while let node = stack.popLast(), visited < mostElements {
      visited += 1
      let name = node.elementName
      if name == "h1" || name == "article" || name == "main" { return true }
      if name == "p", MetadataReader.collapsed(node.textContent).count >= proseParagraph {
        prose += 1
        if prose >= 2 { return true }
        continue
      }
      stack.append(contentsOf: node.children.filter(\.isElement))
    }
    return false
  }
}
