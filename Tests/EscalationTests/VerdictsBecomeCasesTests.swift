import Foundation
import ParapetEscalation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

/// The escalation service against real PostgreSQL and Tansu: verdicts in, cases, events and
/// notification requests out, once each however often a verdict comes.
@Suite("Verdicts become cases", .serialized)
struct VerdictsBecomeCasesTests {
    static let defamation = ("sw-defamatory", Behaviour.defamation, Severity.high)
    static let threat = ("sw-threats", Behaviour.threatOfViolence, Severity.critical)

    @Test("breaches open and join cases, benign verdicts change nothing, the cases rebuild from their events, and a replay adds nothing")
    func verdictsBecomeCases() async throws {
        let harness = try await EscalationHarness.prepare()
        let verdicts = [
            EscalationFixtures.verdict("v1", clauses: [Self.defamation]),
            EscalationFixtures.benign("b1"),
            EscalationFixtures.verdict("v2", clauses: [Self.defamation]),
            EscalationFixtures.verdict("v2-edit", post: "v2", revision: 2, clauses: [Self.defamation]),
            EscalationFixtures.verdict("t1", author: "facebook:angry.neighbour", clauses: [Self.threat]),
            EscalationFixtures.benign("b2", school: "levens-ce", author: "x:someone"),
        ]
        do {
            try await harness.withEscalation {
                try await harness.publish(verdicts)
                try await harness.waitForProcessed(verdicts.map(\.id))
                // The repeat author's alert is held for the group wait, gathering the repeat post.
                #expect(
                    try await harness.postgres.query("SELECT count(*) FROM case_notifications WHERE send_after IS NOT NULL")[0].decode(Int.self)
                        == 1)
                harness.advance(by: 31)
                // Every row published (marked) before looking at the topics.
                try await harness.wait(for: "the outbox to drain") {
                    try await harness.postgres.query(
                        "SELECT (SELECT count(*) FROM case_events WHERE published_at IS NULL) + (SELECT count(*) FROM case_notifications WHERE published_at IS NULL)"
                    )[0].decode(Int.self) == 0
                }
            }
            let stored = try await harness.store.cases()
            #expect(stored.count == 2)
            let repeatCase = try #require(stored.first { $0.case.authorKey.rawValue == "facebook:sam.parent" }?.case)
            #expect(repeatCase.verdictIDs.count == 3 && repeatCase.postIDs.count == 2 && repeatCase.rung == 1)
            let threatCase = try #require(stored.first { $0.case.authorKey.rawValue == "facebook:angry.neighbour" }?.case)
            #expect(threatCase.severity == .critical)
            #expect(try await harness.store.rebuiltCases() == stored, "the cases table is its events replayed")

            let events = try await harness.published(CaseEvent.self, expected: 4)
            #expect(events.map(\.payload.kind.name).sorted() == ["joined", "joined", "opened", "opened"])
            #expect(events.allSatisfy { $0.id == $0.payload.id }, "the envelope id is the event id")
            let notifications = try await harness.published(CaseNotification.self, expected: 2)
            #expect(notifications.count == 2, "opened twice; the repeat post joined the held alert; the edit tells no one")
            let repeatAlert = try #require(notifications.first { $0.payload.caseID == repeatCase.id }?.payload)
            #expect(repeatAlert.step == repeatCase.step, "the held alert went with the case as the repeat post left it")
            let threatAlert = try #require(notifications.first { $0.payload.caseID == threatCase.id }?.payload)
            #expect(threatAlert.mode == .immediate)
            #expect(Set(threatAlert.recipients.map(\.role)).isSuperset(of: [.designatedSafeguardingLead, .headteacher]))

            // The same verdicts again, as after a crash or an operator's replay.
            let before = try await harness.store.counts()
            try await harness.withEscalation {
                try await harness.publish(verdicts)
                let sentinels = verdicts.map { EscalationFixtures.benign("sentinel-\($0.id)", school: $0.school, author: $0.authorKey.rawValue) }
                try await harness.publish(sentinels)
                try await harness.waitForProcessed(sentinels.map(\.id))
            }
            let after = try await harness.store.counts()
            #expect(after.cases == before.cases && after.events == before.events && after.notifications == before.notifications)
            #expect(try await harness.published(CaseNotification.self).count == 2, "no second notification request")
            #expect(try await harness.store.cases() == stored)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    @Test("a case no one acknowledges within its deadline goes to the trust safeguarding lead, on the service's clock")
    func overdueCaseGoesToTheTrust() async throws {
        let harness = try await EscalationHarness.prepare()
        do {
            try await harness.withEscalation {
                let verdict = EscalationFixtures.verdict("late", clauses: [Self.defamation])
                try await harness.publish([verdict])
                try await harness.waitForProcessed([verdict.id])
                let caseID = try #require(try await harness.store.cases().first?.case.id)
                // Just short of four hours (a high-severity case's deadline): nothing happens.
                harness.advance(by: 4 * 3600 - 60)
                try await Task.sleep(for: .seconds(1))
                #expect(try await harness.store.events(case: caseID).map(\.kind.name) == ["opened"])
                harness.advance(by: 60)
                try await harness.wait(for: "the overdue escalation") {
                    try await harness.store.events(case: caseID).count == 2
                }
                #expect(try await harness.store.events(case: caseID).last?.kind == .overdueEscalated)
                let stored = try #require(try await harness.store.cases().first)
                #expect(stored.case.state == .escalated(at: harness.now))
                let notifications = try await harness.store.notifications(case: caseID)
                #expect(notifications.map(\.template) == [.caseOpened, .caseOverdue])
                #expect(notifications.last?.recipients.map(\.email) == ["safeguarding@oakfield.example.org"])
                // Nothing more is due, however long it waits.
                harness.advance(by: 7 * 24 * 3600)
                try await Task.sleep(for: .seconds(1))
                #expect(try await harness.store.events(case: caseID).count == 2)
            }
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
