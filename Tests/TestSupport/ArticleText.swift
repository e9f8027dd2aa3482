/// Small Factually-style pages written by tests, for precise control over dates and wording.
public enum ArticleText {
  public static func factCheck(
    question: String, checkedOn: String? = nil,
    summary: String = "The claim is partly accurate [1].",
    banner: Bool = false, sections: [String] = ["The details are in the ministry's notice [1] [2]."]
  ) -> String {
    var page = question + "\n\n"
    if let checkedOn { page += "Checked on \(checkedOn)\n" }
    page +=
      "Disclaimer: Factually can make mistakes. Please verify important information or breaking news. Learn more.\n\n"
    if banner {
      page +=
        "This fact-check may be outdated. Consider refreshing it to get the most current information.\n\n"
    }
    page += "Executive summary\n\n\(summary)\n\n"
    for (offset, section) in sections.enumerated() {
      page += "\(offset + 1). Section \(offset + 1)\n\n\(section)\n\n"
    }
    page += "Want to dive deeper?\nWhat happens next?\n"
    return page
  }

  public static func source(title: String, published: String, body: String) -> String {
    "Test Desk\n\n\(title)\n\nPublished on \(published)\n\n\(body)\n"
  }
}
