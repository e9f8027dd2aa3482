internal import CLibXML2

extension MainTextExtractor {
  /// A container below this many visible characters is not taken for the article body on
  /// its class alone (it may be a teaser box named like one).
  static let smallestBody = 140
  /// Paragraphs shorter than this score nothing (Readability's 25).
  static let shortestScoredParagraph = 25

  /// The element(s) holding the main text, in document order.
  func chooseContainers(body: Node) -> [Node] {
    let scored = scores(body: body)
    let best = scored.max { $0.value < $1.value }
    if let hinted = bodyContainer(body: body) {
      // A body container named as such wins, unless the text it holds is a small part of
      // what the best-scored candidate holds (a teaser or lede box named like a body).
      let hintedText = stats[hinted]?.text ?? 0
      let bestText = best.flatMap { stats[$0.key]?.text } ?? 0
      if hintedText * 10 >= bestText * 3 { return leadBefore(hinted, body: body) + [hinted] }
    }
    guard let best else { return [body] }
    let top = refine(best.key, scores: scored, body: body)
    return withSiblings(of: top, scores: scored, body: body)
  }

  /// The lead paragraph a page sets just before its named article body, outside it (a
  /// class named `lead`, `standfirst`, `chapo`: `lead-token` in `page-hints.tsv`): among
  /// the few elements before the body or before its parent or grandparent, the nearest one
  /// that holds a sentence rather than links, and no picture or player (CNN's
  /// `image__lede` is the lead video).
  func leadBefore(_ container: Node, body: Node) -> [Node] {
    var current = container
    for _ in 0..<3 {
      var sibling = current.pointee.prev
      var seen = 0
      while let node = sibling, seen < 6 {
        sibling = node.pointee.prev
        guard node.isElement else { continue }
        seen += 1
        guard let own = stats[node], own.text >= Self.shortestScoredParagraph,
          own.linkDensity < 0.3, let classes = node.attribute("class")?.lowercased(),
          PageHints.hasToken(classes, in: hints.leadToken), !Self.holdsMedia(node)
        else { continue }
        return [node]
      }
      guard let parent = current.pointee.parent, parent != body, parent.isElement else { break }
      current = parent
    }
    return []
  }

  static let mediaTags: Set<String> = [
    "img", "picture", "video", "audio", "iframe", "figure", "object", "embed", "svg",
  ]

  /// Whether a picture, a player or an embed stands inside `node`.
  static func holdsMedia(_ node: Node) -> Bool {
    node.firstDescendant(limit: 2000) { mediaTags.contains($0.elementName) } != nil
  }

  /// The first element named as an article body (`itemprop=articleBody`, `article-body`,
  /// `entry-content`, …) that holds a real text.
  func bodyContainer(body: Node) -> Node? {
    var stack: [Node] = [body]
    while let node = stack.popLast() {
      guard isKept(node) else { continue }
      if node != body, (stats[node]?.text ?? 0) >= Self.smallestBody, isNamedBody(node) {
        return node
      }
      for child in node.children.reversed() where child.isElement { stack.append(child) }
    }
    return nil
  }

  /// The first element named as an article body (as `bodyContainer` names them) that holds a
  /// real text but was set aside inside a box named like furniture. Hidden elements and
  /// those never text (`drop-tag`) are not searched: what a page hides stays hidden.
  func findBodyInFurniture(body: Node) -> Node? {
    var stack: [Node] = [body]
    var visited = 0
    while let node = stack.popLast() {
      visited += 1
      if visited > HTMLDOM.mostNodes { break }
      let name = node.elementName
      if hints.dropTags.contains(name) && !PageWrapper.wrapsArticle(node, name: name) {
        continue
      }
      if Self.isHidden(node, landmarks: true) { continue }
      if !isKept(node), isNamedBody(node), visibleCharacters(node) >= Self.smallestBody {
        return node
      }
      for child in node.children.reversed() where child.isElement { stack.append(child) }
    }
    return nil
  }

  func isNamedBody(_ node: Node) -> Bool {
    if node.attribute("itemprop")?.lowercased().contains("articlebody") == true { return true }
    let words = classAndID(node)
    return !words.isEmpty && PageHints.contains(words, anyOf: hints.body)
  }

  /// Characters of the text inside `node` that a reader would see (not scripts or styles),
  /// counted as `measure` counts them, stopping at `smallestBody`.
  func visibleCharacters(_ node: Node) -> Int {
    var total = 0
    var stack: [Node] = [node]
    while let current = stack.popLast(), total < Self.smallestBody {
      if current.isText {
        total += Self.measure(current.text).characters
      } else if current.isElement, !hints.dropTags.contains(current.elementName) {
        stack.append(contentsOf: current.children.reversed())
      }
    }
    return total
  }

  /// Readability's scores: each paragraph-like element scores `1 + commas +
  /// min(length / 100, 3)` to its parent, half to its grandparent, and a third per level
  /// above; an element's own start comes from its tag and class words; the total is
  /// discounted by its link density.
  func scores(body: Node) -> [Node: Double] {
    var scores: [Node: Double] = [:]
    var stack: [Node] = [body]
    while let node = stack.popLast() {
      guard let own = stats[node] else { continue }
      for child in node.children.reversed() where child.isElement { stack.append(child) }
      guard isParagraphLike(node, own), own.text >= Self.shortestScoredParagraph else { continue }
      let score = 1 + Double(own.commas) + min(Double(own.text / 100), 3)
      var ancestor = node.pointee.parent
      var level = 0
      while let current = ancestor, level < 5, current.isElement {
        if scores[current] == nil { scores[current] = initialScore(current) }
        let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
        scores[current, default: 0] += score / divider
        if current == body { break }
        ancestor = current.pointee.parent
        level += 1
      }
    }
    for (node, score) in scores {
      scores[node] = score * (1 - (stats[node]?.linkDensity ?? 0))
    }
    return scores
  }

  /// Paragraphs, preformatted text, table cells, and divisions that hold only inline text.
  func isParagraphLike(_ node: Node, _ own: Stats) -> Bool {
    switch node.elementName {
    case "p", "pre", "td", "blockquote": return true
    case "div", "section": return !own.hasBlockChild
    default: return false
    }
  }

  func initialScore(_ node: Node) -> Double {
    let weight = classWeight(node)
    switch node.elementName {
    case "div", "article", "main", "section": return 5 + weight
    case "pre", "td", "blockquote": return 3 + weight
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3 + weight
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5 + weight
    default: return weight
    }
  }

  /// Readability's corrections to the best scorer: the ancestor that holds three or more
  /// candidates scoring within a quarter of it; a parent that scores more; and a parent
  /// whose only child it is.
  func refine(_ best: Node, scores: [Node: Double], body: Node) -> Node {
    var top = best
    let topScore = scores[best] ?? 0
    let close = scores.filter { $0.key != best && $0.value >= topScore * 0.75 }.map(\.key)
    if close.count >= 2 {
      var ancestor = best.pointee.parent
      while let current = ancestor, current != body, current.isElement {
        let inside = close.filter { isDescendant($0, of: current) }.count
        if inside >= 2 {
          top = current
          break
        }
        ancestor = current.pointee.parent
      }
    }
    var lastScore = scores[top] ?? 0
    let threshold = lastScore / 3
    var parent = top.pointee.parent
    while let current = parent, current != body, current.isElement {
      guard let parentScore = scores[current] else {
        parent = current.pointee.parent
        continue
      }
      if parentScore < threshold { break }
      if parentScore > lastScore {
        top = current
        break
      }
      lastScore = parentScore
      parent = current.pointee.parent
    }
    while let current = top.pointee.parent, current != body, current.isElement,
      current.children.filter({ $0.isElement && isKept($0) }).count == 1
    {
      top = current
    }
    return top
  }

  func isDescendant(_ node: Node, of ancestor: Node) -> Bool {
    var current = node.pointee.parent
    while let next = current {
      if next == ancestor { return true }
      current = next.pointee.parent
    }
    return false
  }

  /// The best scorer with those of its siblings that score near it or read as paragraphs.
  func withSiblings(of top: Node, scores: [Node: Double], body: Node) -> [Node] {
    guard top != body, let parent = top.pointee.parent else { return [top] }
    let topScore = scores[top] ?? 0
    let threshold = max(10, topScore * 0.2)
    let topClass = top.attribute("class") ?? ""
    var chosen: [Node] = []
    for sibling in parent.children where sibling.isElement && isKept(sibling) {
      if sibling == top {
        chosen.append(sibling)
        continue
      }
      let bonus = !topClass.isEmpty && sibling.attribute("class") == topClass ? topScore * 0.2 : 0
      if let score = scores[sibling], score + bonus >= threshold {
        chosen.append(sibling)
        continue
      }
      guard let own = stats[sibling] else { continue }
      switch sibling.elementName {
      case "p":
        if own.text > 80, own.linkDensity < 0.25 {
          chosen.append(sibling)
        } else if own.text > 0, own.linkDensity == 0, Self.endsASentence(sibling.textContent) {
          chosen.append(sibling)
        }
      case "ul", "ol", "section", "div", "blockquote", "table", "dl":
        // A box of text beside the article's paragraphs (key points, a fact box), not of
        // links: Readability's rule for paragraphs, applied to blocks.
        if own.text > 80, own.linkDensity < 0.25, classWeight(sibling) >= 0 {
          chosen.append(sibling)
        }
      default:
        break
      }
    }
    return chosen
  }

  /// Whether text ends with sentence punctuation (in the scripts the archive meets).
  static func endsASentence(_ text: String) -> Bool {
    guard let last = text.unicodeScalars.last(where: { !$0.isSpace }) else {
      return false
    }
    return [".", "!", "?", "。", "！", "？", "؟", "।", "…", "\"", "”", "»"].contains(last)
  }
}
