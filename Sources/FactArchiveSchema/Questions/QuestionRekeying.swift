import FactArchiveCore
import FactArchiveStore

/// Migration 012's step: every question keyed again with today's `QuestionKey`, per
/// publisher. Questions that come to share a publisher and key are merged into the one
/// with the lowest id; checks of another publisher filed under a question of ours (the same
/// wording, before questions had publishers) move to a question of their own publisher.
/// Every move is recorded in `question_merges`; every check and review is kept; the ids of
/// the questions that stay do not change.
enum QuestionRekeying {
  struct Target: Hashable {
    var publisherKey: String
    var key: String
  }

  struct Group {
    var publisherKey: String
    var checkIDs: [Int64]
  }

  @Sendable static func migrate(_ db: Connection) throws {
    let questions = try db.query(
      "SELECT id, text, normalized_key, first_seen_at FROM questions ORDER BY id"
    ) {
      (
        id: $0.int64("id"), text: $0.text("text") ?? "", oldKey: $0.text("normalized_key") ?? "",
        firstSeen: $0.text("first_seen_at") ?? ""
      )
    }
    var groups: [Int64: [Group]] = [:]
    let checks = try db.query("SELECT id, question_id, publisher FROM checks ORDER BY id") {
      ($0.int64("id"), $0.int64("question_id"), QuestionKey.publisher($0.text("publisher")))
    }
    for (checkID, questionID, publisherKey) in checks {
      var list = groups[questionID] ?? []
      if let index = list.firstIndex(where: { $0.publisherKey == publisherKey }) {
        list[index].checkIDs.append(checkID)
      } else {
        list.append(Group(publisherKey: publisherKey, checkIDs: [checkID]))
      }
      groups[questionID] = list
    }
    // Keys are set at the end: until then each question holds a placeholder, so no two
    // questions ever share a key on the way.
    try db.execute("UPDATE questions SET normalized_key = '#' || id")
    let now = Timestamp.nowUTC()
    var owners: [Target: Int64] = [:]
    var finalKeys: [Int64: Target] = [:]
    var touched: Set<Int64> = []
    for question in questions {
      let key = QuestionKey.normalize(question.text)
      var keptHere = false
      for group in groups[question.id] ?? [Group(publisherKey: "", checkIDs: [])] {
        let target = Target(publisherKey: group.publisherKey, key: key)
        if let owner = owners[target] {
          try move(group.checkIDs, to: owner, in: db)
          try record(
            into: owner, from: question, group: group, reason: "key", at: now, in: db)
          touched.formUnion([owner, question.id])
        } else if !keptHere {
          keptHere = true
          owners[target] = question.id
          finalKeys[question.id] = target
        } else {
          try db.execute(
            """
            INSERT INTO questions (text, normalized_key, first_seen_at, publisher_key)
            VALUES (?, '#new', ?, ?)
            """, [question.text, question.firstSeen, group.publisherKey])
          let created = db.lastInsertedRowID
          try db.execute(
            "UPDATE questions SET normalized_key = '#' || id WHERE id = ?", [created])
          try db.execute(
            "INSERT INTO questions_fts (rowid, text) VALUES (?, ?)", [created, question.text])
          owners[target] = created
          finalKeys[created] = target
          try move(group.checkIDs, to: created, in: db)
          try record(
            into: created, from: question, group: group, reason: "publisher", at: now, in: db)
          touched.formUnion([created, question.id])
        }
      }
      if !keptHere {
        try db.execute("DELETE FROM questions WHERE id = ?", [question.id])
        touched.remove(question.id)
      }
    }
    for (id, target) in finalKeys.sorted(by: { $0.key < $1.key }) {
      try db.execute(
        "UPDATE questions SET normalized_key = ?, publisher_key = ? WHERE id = ?",
        [target.key, target.publisherKey, id])
    }
    for id in touched.sorted() {
      // Migration 015, later, counts the queue from scratch.
      try QuestionSQL.markLatest(questionID: id, counting: false, in: db)
    }
  }

  static func move(_ checkIDs: [Int64], to questionID: Int64, in db: Connection) throws {
    for checkID in checkIDs {
      try db.execute("UPDATE checks SET question_id = ? WHERE id = ?", [questionID, checkID])
    }
  }

  static func record(
    into questionID: Int64,
    from question: (id: Int64, text: String, oldKey: String, firstSeen: String), group: Group,
    reason: String, at time: String, in db: Connection
  ) throws {
    try db.execute(
      """
      INSERT INTO question_merges
        (question_id, merged_id, merged_text, merged_key, merged_publisher_key,
         merged_first_seen_at, check_ids, reason, merged_by, merged_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'migration 12', ?)
      """,
      [
        questionID, question.id, question.text, question.oldKey, group.publisherKey,
        question.firstSeen, group.checkIDs.map(String.init).joined(separator: "|"), reason, time,
      ])
  }
}
