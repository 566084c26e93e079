import Foundation
import ParapetEscalation
import ParapetModels
import Testing

/// What verdicts and the clock do to a case, as the pure ``Escalator`` decides it.
@Suite("Cases follow the ladder")
struct CasesFollowTheLadderTests {
    static let escalator = Escalator(configuration: EscalationFixtures.configuration)
    static let defamation = ("sw-defamatory", Behaviour.defamation, Severity.high)

    /// Applies each verdict in turn, as the service does, keeping the events.
    func run(_ verdicts: [Verdict], step: TimeInterval = 60) throws -> (case: Case?, events: [CaseEvent], notifications: [CaseNotification]) {
        var current: Case?
        var events: [CaseEvent] = []
        var notifications: [CaseNotification] = []
        for (index, verdict) in verdicts.enumerated() {
            let at = EscalationFixtures.start.addingTimeInterval(Double(index) * step)
            guard let decision = try Self.escalator.decide(verdict, open: current, lastSequence: events.last?.sequence ?? 0, at: at) else {
                continue
            }
            current = decision.case
            events += decision.events
            notifications += decision.notifications
        }
        return (current, events, notifications)
    }

    @Test("a breach opens a case on the first step of its clause's ladder and asks for an email")
    func opens() throws {
        let (opened, events, notifications) = try run([EscalationFixtures.verdict("v1", clauses: [Self.defamation])])
        let open = try #require(opened)
        #expect(open.step == .record)
        #expect(open.school == "stokes-wood" && open.severity == .high)
        #expect(events.map(\.kind.name) == ["opened"])
        #expect(events.map(\.sequence) == [1])
        #expect(notifications.count == 1)
        #expect(notifications.first?.template == .caseOpened)
        #expect(notifications.first?.subject == "A possibly defamatory post – Stokes Wood Primary School")
    }

    @Test("a benign verdict changes nothing")
    func benign() throws {
        let (opened, events, notifications) = try run([EscalationFixtures.benign("b1")])
        #expect(opened == nil && events.isEmpty && notifications.isEmpty)
    }

    @Test("a repeat post climbs the ladder and the case says the school's words for the step; an edit adds history without climbing")
    func climbs() throws {
        let (climbed, events, notifications) = try run([
            EscalationFixtures.verdict("v1", clauses: [Self.defamation]),
            EscalationFixtures.verdict("v2", clauses: [Self.defamation]),
            EscalationFixtures.verdict("v2-edit", post: "v2", revision: 2, clauses: [Self.defamation]),
            EscalationFixtures.verdict("v3", clauses: [Self.defamation]),
        ])
        let current = try #require(climbed)
        let ladder = current.ladder
        #expect(current.rung == 2, "two new posts after the first; the edit does not climb")
        #expect(current.verdictIDs.count == 4 && current.postIDs.count == 3)
        #expect(events.map(\.kind.name) == ["opened", "joined", "joined", "joined"])
        #expect(events.map(\.sequence) == [1, 2, 3, 4])
        #expect(notifications.map(\.template) == [.caseOpened, .caseJoined, .caseJoined], "the edit tells no one again")
        let last = try #require(notifications.last)
        #expect(last.step == ladder[2])
        let pack = try #require(EscalationFixtures.configuration.effectivePack(for: "stokes-wood"))
        #expect(last.nextStep == pack.words(for: ladder[2]))
        #expect(last.nextStep != nil, "Stokes Wood's policy has words for \(ladder[2].rawValue)")
    }

    @Test("the same decisions give the same ids, so doing the work again makes nothing new")
    func deterministic() throws {
        let verdicts = [
            EscalationFixtures.verdict("v1", clauses: [Self.defamation]), EscalationFixtures.verdict("v2", clauses: [Self.defamation]),
        ]
        let first = try run(verdicts)
        let second = try run(verdicts)
        #expect(first.events == second.events)
        #expect(first.notifications == second.notifications)
        #expect(Set(first.events.map(\.id)).count == first.events.count)
    }

    @Test("a verdict the case holds already changes nothing")
    func repeatIgnored() throws {
        let verdict = EscalationFixtures.verdict("v1", clauses: [Self.defamation])
        let (opened, _, _) = try run([verdict])
        #expect(try Self.escalator.decide(verdict, open: opened, lastSequence: 1, at: EscalationFixtures.start) == nil)
    }

    @Test("unacknowledged past its deadline, a case goes to the trust safeguarding lead, and only then")
    func overdue() throws {
        let (opened, events, _) = try run([EscalationFixtures.verdict("v1", clauses: [Self.defamation])])
        let open = try #require(opened)
        let due = try #require(Self.escalator.dueAt(open))
        #expect(due == EscalationFixtures.start.addingTimeInterval(4 * 3600), "high severity: four hours by default")
        #expect(Self.escalator.overdue(open, lastSequence: 1, at: due.addingTimeInterval(-1)) == nil)
        let decision = try #require(Self.escalator.overdue(open, lastSequence: events.count, at: due))
        #expect(decision.events.map(\.kind) == [.overdueEscalated])
        #expect(decision.events.map(\.sequence) == [2])
        #expect(decision.notifications.first?.template == .caseOverdue)
        #expect(decision.notifications.first?.recipients.map(\.role) == [.trustSafeguardingLead])
        #expect(Self.escalator.dueAt(decision.case) == nil, "escalated: nothing more is due")
        let acknowledged = try open.acknowledged(by: .headteacher, at: due.addingTimeInterval(-10))
        #expect(Self.escalator.overdue(acknowledged, lastSequence: 2, at: due) == nil, "an acknowledged case is not overdue")
    }

    @Test("a case is its events replayed: the fold gives the case the decisions left")
    func replay() throws {
        let (climbed, events, _) = try run([
            EscalationFixtures.verdict("v1", clauses: [Self.defamation]),
            EscalationFixtures.verdict("v2", clauses: [("sw-threats", .threatOfViolence, .critical)]),
            EscalationFixtures.verdict("v2-edit", post: "v2", revision: 2, clauses: [Self.defamation]),
        ])
        let current = try #require(climbed)
        #expect(try Case.replaying(events) == current)
        #expect(current.severity == .critical, "the most severe breach so far")
        #expect(current.behaviours == [.defamation, .threatOfViolence])
        // Through JSON, as the events are stored and published.
        let decoded = try events.map { try ParapetJSON.decode(CaseEvent.self, from: try ParapetJSON.encode($0)) }
        #expect(try Case.replaying(decoded) == current)
    }

    @Test("events that cannot follow each other are refused with the event named")
    func badHistory() throws {
        let (_, events, _) = try run([EscalationFixtures.verdict("v1", clauses: [Self.defamation])])
        #expect(throws: CaseHistoryError.noEvents) { try Case.replaying([CaseEvent]()) }
        #expect(throws: CaseHistoryError.outOfOrder(event: events[0].id, sequence: 1, kind: "opened")) {
            try Case.replaying(events + events)
        }
        var closing = events[0]
        closing.kind = .closed(reason: .resolved)
        closing.sequence = 2
        var closingAgain = closing
        closingAgain.sequence = 3
        #expect(throws: CaseHistoryError.refused(event: closingAgain.id, sequence: 3, .caseClosed(attempted: .close))) {
            try Case.replaying(events + [closing, closingAgain])
        }
    }
}
