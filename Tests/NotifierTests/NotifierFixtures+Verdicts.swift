import Foundation
import ParapetModels
import ParapetPostgres

extension NotifierFixtures {
    /// A post by `author` and its verdict breaking `clause`, with the evidence at `evidence`.
    static func breach(
        _ text: String, author: String = "sam.parent", clause: (String, Behaviour, Severity), evidence: String? = nil,
        about: [BreachSubject] = [about], at offset: TimeInterval = 0
    ) -> (Post, Verdict) {
        var post = post(text)
        post.author = PostAuthor(handle: author)
        post.createdAt = start.addingTimeInterval(offset)
        post.receivedAt = post.createdAt
        let spans =
            evidence.flatMap { text.range(of: $0) }.map { [Evidence(span: TextSpan($0, in: text), matched: evidence ?? "", detector: "test")] } ?? []
        let verdict = Verdict(
            postID: post.id, postRevision: 1, school: "stokes-wood", authorKey: post.authorKey, rulesetVersion: "test", packID: "stokes-wood",
            packVersion: 1, decidedAt: post.createdAt,
            breaches: [ClauseBreach(clauseID: clause.0, behaviour: clause.1, severity: clause.2, evidence: spans, about: about)])
        return (post, verdict)
    }

    static let threat = ("sw-threats", Behaviour.threatOfViolence, Severity.high)
    static let complaint = ("sw-complaints", Behaviour.misplacedComplaint, Severity.low)
    static let negative = ("sw-negative-comments", Behaviour.negativeCommentAboutIndividual, Severity.medium)

    /// Every notification escalation asked for, oldest first.
    static func notifications(in postgres: PostgresClient) async throws -> [CaseNotification] {
        try await postgres.query("SELECT notification::text FROM case_notifications ORDER BY created_at, id").map { row in
            try ParapetJSON.decode(CaseNotification.self, from: Data(try row.decode(String.self, at: 0).utf8))
        }
    }

    /// Every name on Stokes Wood's roster, in lower case.
    static var pupilNames: [String] {
        stokesWoodPupils.flatMap { [$0.name.lowercased()] + $0.name.split(separator: " ").map { $0.lowercased() } }
    }
}
