internal import CLibXML2

/// A `<form>` or an `<aside>` that wraps the page's article, which all three readers of a page
/// (main text, metadata, the Factually reader's lines) otherwise set aside as furniture.
///
/// A `<form>` that wraps the page rather than asks for input: ASP.NET Web Forms puts a whole
/// page's body in one `<form id="aspnetForm">` (so do SharePoint and many older CMSs): read as
/// furniture, as forms are, such a page has no text, no headline and no date. A form is taken
/// for the page's wrapper when it holds the page's heading or article (`<h1>`, `<article>`,
/// `<main>`), or, without a text box to write in, three paragraphs of prose. A search box, a
/// newsletter sign-up or a comment form holds neither: a comment form's notes and consent
/// paragraphs can be long, but it has its `<textarea>`.
///
/// An `<aside>` that holds the page's `<h1>`: a German paper puts its whole article (its
/// `schema.org/Article` section and headline) in `<main><aside class="nfy-pa">`. A sidebar's
/// teasers may be `<article>`s, but it holds no `<h1>`.
///
/// A `<header>`, `<footer>` or `<nav>` that holds the page's article (`holdsPageArticle`):
/// libxml2's HTML parser predates HTML5's sections, and an end tag like `</section>` or
/// `</header>` does not close a `<div>` left open inside it (a browser's parser does), so a
/// page header with one unclosed `<div>` swallows the rest of the page, article and all (a
/// media magazine's page came out empty). A box inside it that is named like furniture
/// (`m-header`) is then passed over by the retry for a named article body, as any is.
enum PageWrapper {
  /// Whether `node`, named `name`, is a form, an aside, a header, a footer or a navigation
  /// block that wraps the page's article.
  static func wrapsArticle(_ node: xmlNodePtr, name: String) -> Bool {
    switch name {
    case "form": return wrapsPage(node)
    case "aside": return holds(node, anyOf: ["h1"])
    case "header", "footer", "nav": return holdsPageArticle(node)
    default: return false
    }
  }

  /// Whether `node` holds a `<main>`, or an `<article>` with an `<h1>`: the page's article,
  /// never inside its furniture as a browser reads the page (a sidebar's teasers are
  /// `<article>`s with smaller headings).
  static func holdsPageArticle(_ node: xmlNodePtr) -> Bool {
    node.firstDescendant(limit: mostElements) {
      let name = $0.elementName
      return name == "main" || (name == "article" && holds($0, anyOf: ["h1"]))
    } != nil
  }

  /// Whether an element named one of `names` stands anywhere inside `node`.
  static func holds(_ node: xmlNodePtr, anyOf names: Set<String>) -> Bool {
    node.firstDescendant(limit: mostElements) { names.contains($0.elementName) } != nil
  }

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
