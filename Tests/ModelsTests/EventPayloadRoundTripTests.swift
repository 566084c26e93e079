import Foundation
import ParapetModels
import Testing

@Suite("Event payloads survive JSON, with snake_case keys")
struct EventPayloadRoundTripTests {
    @Test("a post with every optional field round-trips, in and out of its envelope")
    func fullPost() throws {
        #expect(try Fixture.roundTripped(Fixture.post) == Fixture.post)
        let envelope = Envelope(trust: Fixture.post.trust, payload: Fixture.post)
        #expect(try Fixture.roundTripped(envelope) == envelope)
        #expect(
            try Fixture.keys(of: Fixture.post) == [
                "id", "trust", "school", "account", "platform", "external_id", "author", "text", "media", "reply_to",
                "created_at", "received_at", "permalink", "revision",
            ])
        #expect(try Fixture.keys(of: Fixture.post.media[0]) == ["url", "type", "alt_text", "sha256", "tagged_people"])
        #expect(try Fixture.keys(of: Fixture.post.author) == ["handle", "display_name", "kind"])
    }

    @Test("a bare post, edited and then removed, round-trips")
    func barePostRevisions() throws {
        let bare = Post(
            trust: "t", school: "s", account: "a", platform: .x, externalID: "1", author: PostAuthor(handle: "@Someone"), text: "",
            createdAt: Fixture.date("2026-01-01T00:00:00Z"), receivedAt: Fixture.date("2026-01-01T00:00:01Z"))
        let edited = bare.revised(
            text: "now with words", editedAt: Fixture.date("2026-01-01T00:05:00Z"), receivedAt: Fixture.date("2026-01-01T00:05:01Z"))
        let removed = edited.removed(at: Fixture.date("2026-01-01T01:00:00Z"))
        for post in [bare, edited, removed] {
            #expect(try Fixture.roundTripped(post) == post)
        }
        #expect(try Fixture.keys(of: removed).isSuperset(of: ["edited_at", "removed_at"]))
    }

    @Test("verdicts round-trip; severity is the worst breach's, and nil for a benign one")
    func verdicts() throws {
        #expect(try Fixture.roundTripped(Fixture.verdict) == Fixture.verdict)
        #expect(Fixture.verdict.severity == .critical)
        #expect(!Fixture.verdict.isBenign)
        var benign = Fixture.verdict
        benign.breaches = []
        #expect(try Fixture.roundTripped(benign) == benign)
        #expect(benign.severity == nil)
        #expect(benign.isBenign)
        #expect(
            try Fixture.keys(of: Fixture.verdict) == [
                "id", "post_id", "post_revision", "school", "author_key", "ruleset_version", "pack_id", "pack_version",
                "decided_at", "breaches",
            ])
        #expect(try Fixture.keys(of: Fixture.verdict.breaches[0]) == ["clause_id", "behaviour", "severity", "evidence", "about"])
        #expect(try Fixture.keys(of: Fixture.verdict.breaches[0].evidence[0].span) == ["utf16_start", "utf16_end"])
    }

    @Test("a case round-trips in every state")
    func cases() throws {
        let opened = try Case.opening(Fixture.verdict, ladder: Fixture.ladder, at: Fixture.date("2026-09-21T08:16:00Z"))
        let acknowledged = try opened.acknowledged(by: .headteacher, at: Fixture.date("2026-09-21T08:30:00Z"))
        let escalated = try opened.escalatedOverdue(at: Fixture.date("2026-09-21T12:16:00Z"), deadline: 4 * 3600)
        let closed = try acknowledged.closed(.postRemoved, at: Fixture.date("2026-09-22T10:00:00Z"))
        for value in [opened, acknowledged, escalated, closed] {
            #expect(try Fixture.roundTripped(value) == value)
        }
        #expect(
            try Fixture.keys(of: opened) == [
                "id", "school", "author_key", "state", "ladder", "rung", "severity", "verdict_ids", "post_ids", "clause_ids", "behaviours",
                "opened_at", "updated_at", "steps_taken", "merged_from", "about", "stalls",
            ])
        #expect(try Fixture.keys(of: acknowledged.state) == ["status", "at", "by"])
        #expect(try Fixture.keys(of: closed.state) == ["status", "at", "reason"])
    }

    @Test("a stored case with a rung off its ladder or an empty history is refused")
    func impossibleCases() throws {
        let opened = try Case.opening(Fixture.verdict, ladder: Fixture.ladder, at: Fixture.date("2026-09-21T08:16:00Z"))
        var object = try #require(try JSONSerialization.jsonObject(with: ParapetJSON.encode(opened)) as? [String: Any])
        object["rung"] = 4
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try ParapetJSON.decode(Case.self, from: data) }
        #expect(
            Case(
                id: UUID(), school: "s", authorKey: Fixture.author, state: .open(since: .now), ladder: [], rung: 0, severity: .low,
                verdictIDs: [UUID()], postIDs: [UUID()], openedAt: .now, updatedAt: .now) == nil)
        #expect(
            Case(
                id: UUID(), school: "s", authorKey: Fixture.author, state: .open(since: .now), ladder: [.record], rung: 0, severity: .low,
                verdictIDs: [], postIDs: [UUID()], openedAt: .now, updatedAt: .now) == nil)
    }

    @Test("every kind of case event round-trips, its details beside the common fields")
    func caseEvents() throws {
        let kinds: [CaseEvent.Kind] = [
            .opened(verdict: Self.caseVerdict(.high), author: AuthorKey(rawValue: "facebook:dan.r.1984"), ladder: [.record, .police]),
            .joined(verdict: Self.caseVerdict(.critical), step: .writtenWarning),
            .escalated(step: .police),
            .acknowledged(by: .chairOfGovernors),
            .overdueEscalated,
            .closed(reason: .notABreach),
        ]
        let actors: [CaseActor] = [.service("escalation"), .leader("head@sp.example.sch.uk"), .operator("it-admin")]
        for (index, kind) in kinds.enumerated() {
            let event = CaseEvent(
                caseID: UUID(), sequence: index + 1, school: "stour-provost", kind: kind, at: Fixture.date("2026-09-21T08:16:00.125Z"),
                actor: actors[index % actors.count])
            #expect(try Fixture.roundTripped(event) == event)
            #expect(try Fixture.roundTripped(Envelope(trust: "t", payload: event)).payload == event)
        }
        let joined = CaseEvent(
            caseID: UUID(), sequence: 2, school: "s", kind: kinds[1], at: Fixture.date("2026-09-21T08:16:00Z"), actor: .service("escalation"))
        #expect(try Fixture.keys(of: joined) == ["id", "case_id", "sequence", "school", "kind", "at", "actor", "verdict", "step"])
    }

    static func caseVerdict(_ severity: Severity) -> CaseVerdict {
        CaseVerdict(
            verdictID: UUID(), postID: UUID(), postRevision: 1, severity: severity, clauseIDs: ["sp-respect"],
            behaviours: [.negativeCommentAboutIndividual])
    }

    @Test("a notification round-trips")
    func notifications() throws {
        let notification = CaseNotification(
            caseID: UUID(), school: "stour-provost",
            recipients: [
                .init(role: .headteacher, email: "head@sp.example.sch.uk"),
                .init(role: .designatedSafeguardingLead, email: "dsl@sp.example.sch.uk"),
            ],
            mode: .immediate, subject: "Serious post: threat of violence — Stour Provost Primary School", template: .caseOpened,
            createdAt: Fixture.date("2026-09-21T08:16:01.999Z"))
        #expect(try Fixture.roundTripped(notification) == notification)
        #expect(try Fixture.roundTripped(Envelope(trust: "t", payload: notification)).payload == notification)
        #expect(
            try Fixture.keys(of: notification) == [
                "id", "case_id", "school", "recipients", "mode", "subject", "template", "created_at",
            ])
    }
}
