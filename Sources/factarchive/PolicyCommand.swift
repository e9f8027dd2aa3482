import ArgumentParser

struct PolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: "Show or change the staleness policy (kept in the database).",
    discussion: """
      Example: factarchive policy set elections --max-age 30 --words "election, ballot, vote"

      The policy has a default maximum age, a time-sensitive rule (wording that makes a \
      check fall due sooner, and by how much), and topic rules matched by words or a pattern \
      in the question or executive summary. When several topics match, the shortest maximum \
      age wins. Every change recomputes every check's due date.
      """,
    subcommands: [PolicyListCommand.self, PolicySetCommand.self, PolicyRemoveCommand.self],
    defaultSubcommand: PolicyListCommand.self)
}
