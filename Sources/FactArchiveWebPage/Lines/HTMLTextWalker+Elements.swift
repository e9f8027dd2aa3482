extension HTMLTextWalker {
  /// Text never shown as the article's: scripts, styles, navigation, forms.
  static let dropped: Set<String> = [
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "option", "textarea", "iframe", "svg", "canvas", "object", "embed", "dialog", "menu",
  ]

  /// A page's own header and footer are furniture; an article's header (inside `<article>`
  /// or `<main>`) holds its title.
  static let furnitureOutsideArticles: Set<String> = ["header", "footer"]

  static let blocks: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "blockquote",
    "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "pre",
    "hr", "table", "thead", "tbody", "tfoot", "caption", "address", "header", "footer", "body",
    "html", "details", "summary", "center",
  ]

  /// Blocks followed by a blank line, as paragraphs are in a text copy.
  static let paragraphs: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "figure",
    "pre", "section", "article", "address", "details",
  ]
}
