import Foundation
import ParapetModels
import Testing

@Suite("Case state transitions")
struct CaseStateTransitionTests {
    static let openedAt = Fixture.date("2026-09-21T08:16:00Z")
    static let hour: TimeInterval = 3600

    static func opened() throws -> Case {
        try Case.opening(Fixture.verdict, ladder: Fixture.ladder, id: UUID(), at: openedAt)
    }

    static func later(_ hours: Double) -> Date { openedAt.addingTimeInterval(hours * hour) }

    @Test("a breach opens a case on the first step of its ladder, with the verdict's severity")
    func opening() throws {
        let opened = try Self.opened()
        #expect(opened.state == .open(since: Self.openedAt))
        #expect(opened.step == .record)
        #expect(opened.rung == 0)
        #expect(opened.severity == .critical)
        #expect(opened.school == "stour-provost")
        #expect(opened.authorKey == Fixture.author)
        #expect(opened.verdictIDs == [Fixture.verdict.id])
        #expect(opened.postIDs == [Fixture.post.id])
        #expect(opened.openedAt == Self.openedAt && opened.updatedAt == Self.openedAt)
    }

    @Test("a benign verdict or an empty ladder opens no case")
    func openingRefused() {
        var benign = Fixture.verdict
        benign.breaches = []
        #expect(throws: CaseTransitionError.benignVerdict(benign.id)) { try Case.opening(benign, ladder: Fixture.ladder, at: Self.openedAt) }
        #expect(throws: CaseTransitionError.emptyLadder) { try Case.opening(Fixture.verdict, ladder: [], at: Self.openedAt) }
    }

    @Test("repeat posts climb the ladder one step each and stop at the top; severity never falls")
    func repeatPostsClimb() throws {
        var current = try Self.opened()
        var steps: [LadderStep] = [current.step]
        for hours in 1...5 {
            current = try current.joining(Fixture.repeatVerdict(severity: .low), at: Self.later(Double(hours)))
            steps.append(current.step)
        }
        #expect(steps == [.record, .discussWithParent, .writtenWarning, .reportToPlatform, .reportToPlatform, .reportToPlatform])
        #expect(current.isAtTopOfLadder)
        #expect(current.severity == .critical)
        #expect(current.verdictIDs.count == 6)
        #expect(current.postIDs.count == 6)
        #expect(current.updatedAt == Self.later(5))
        #expect(current.state == .open(since: Self.openedAt), "a repeat post does not restart the overdue clock")
    }

    @Test("a verdict on an edit of a post already in the case joins without climbing")
    func editDoesNotClimb() throws {
        let opened = try Self.opened()
        let edit = Fixture.repeatVerdict(postID: Fixture.post.id)
        let joined = try opened.joining(edit, at: Self.later(1))
        #expect(joined.rung == 0)
        #expect(joined.verdictIDs == [Fixture.verdict.id, edit.id])
        #expect(joined.postIDs == [Fixture.post.id])
    }

    @Test("a repeat post reopens an acknowledged case, and leaves an escalated one with the trust lead")
    func joiningAfterAcknowledgement() throws {
        let acknowledged = try Self.opened().acknowledged(by: .headteacher, at: Self.later(1))
        let reopened = try acknowledged.joining(Fixture.repeatVerdict(), at: Self.later(2))
        #expect(reopened.state == .open(since: Self.later(2)))
        let escalated = try Self.opened().escalatedOverdue(at: Self.later(5), deadline: 4 * Self.hour)
        #expect(try escalated.joining(Fixture.repeatVerdict(), at: Self.later(6)).state == .escalated(at: Self.later(5)))
    }

    @Test("only this author's breaches in this school, each once, join the case")
    func joiningRefused() throws {
        let opened = try Self.opened()
        var otherSchool = Fixture.repeatVerdict()
        otherSchool.school = "levens"
        var otherAuthor = Fixture.repeatVerdict()
        otherAuthor.authorKey = AuthorKey(platform: .facebook, handle: "someone.else")
        var benign = Fixture.repeatVerdict()
        benign.breaches = []
        #expect(throws: CaseTransitionError.otherSchool("levens")) { try opened.joining(otherSchool, at: Self.later(1)) }
        #expect(throws: CaseTransitionError.otherAuthor(otherAuthor.authorKey)) { try opened.joining(otherAuthor, at: Self.later(1)) }
        #expect(throws: CaseTransitionError.benignVerdict(benign.id)) { try opened.joining(benign, at: Self.later(1)) }
        #expect(throws: CaseTransitionError.verdictAlreadyJoined(Fixture.verdict.id)) { try opened.joining(Fixture.verdict, at: Self.later(1)) }
    }

    @Test("a leader moves the case up its ladder, but not past the top")
    func advancing() throws {
        let acknowledged = try Self.opened().acknowledged(by: .headteacher, at: Self.later(1))
        let advanced = try acknowledged.advanced(at: Self.later(2))
        #expect(advanced.step == .discussWithParent)
        #expect(advanced.state == acknowledged.state)
        let top = try advanced.advanced(at: Self.later(3)).advanced(at: Self.later(4))
        #expect(top.step == .reportToPlatform)
        #expect(throws: CaseTransitionError.topOfLadder(.reportToPlatform)) { try top.advanced(at: Self.later(5)) }
    }

    @Test("acknowledging takes an open or escalated case; a second acknowledgement is refused")
    func acknowledging() throws {
        let acknowledged = try Self.opened().acknowledged(by: .designatedSafeguardingLead, at: Self.later(1))
        #expect(acknowledged.state == .acknowledged(by: .designatedSafeguardingLead, at: Self.later(1)))
        let escalated = try Self.opened().escalatedOverdue(at: Self.later(4), deadline: 4 * Self.hour)
        #expect(try escalated.acknowledged(by: .trustSafeguardingLead, at: Self.later(5)).state.status == .acknowledged)
        #expect(throws: CaseTransitionError.alreadyAcknowledged(by: .designatedSafeguardingLead)) {
            try acknowledged.acknowledged(by: .headteacher, at: Self.later(2))
        }
    }

    @Test("an open case goes to the trust safeguarding lead once its deadline passes, and only then")
    func overdueEscalation() throws {
        let opened = try Self.opened()
        #expect(opened.dueAt(deadline: 4 * Self.hour) == Self.later(4))
        #expect(throws: CaseTransitionError.notYetOverdue(dueAt: Self.later(4))) {
            try opened.escalatedOverdue(at: Self.later(3.9), deadline: 4 * Self.hour)
        }
        let escalated = try opened.escalatedOverdue(at: Self.later(4), deadline: 4 * Self.hour)
        #expect(escalated.state == .escalated(at: Self.later(4)))
        #expect(escalated.dueAt(deadline: 4 * Self.hour) == nil)
        #expect(throws: CaseTransitionError.alreadyEscalated) { try escalated.escalatedOverdue(at: Self.later(9), deadline: 4 * Self.hour) }
        let acknowledged = try opened.acknowledged(by: .headteacher, at: Self.later(1))
        #expect(throws: CaseTransitionError.alreadyAcknowledged(by: .headteacher)) {
            try acknowledged.escalatedOverdue(at: Self.later(9), deadline: 4 * Self.hour)
        }
    }

    @Test("any case that is not closed can be closed; nothing moves a closed case")
    func closing() throws {
        let opened = try Self.opened()
        let closed = try opened.closed(.resolved, at: Self.later(2))
        #expect(closed.state == .closed(reason: .resolved, at: Self.later(2)))
        #expect(
            try opened.escalatedOverdue(at: Self.later(5), deadline: 4 * Self.hour).closed(.resolvedWithParent, at: Self.later(6)).state.status
                == .closed)
        #expect(throws: CaseTransitionError.caseClosed(attempted: .acknowledge)) { try closed.acknowledged(by: .headteacher, at: Self.later(3)) }
        #expect(throws: CaseTransitionError.caseClosed(attempted: .join)) { try closed.joining(Fixture.repeatVerdict(), at: Self.later(3)) }
        #expect(throws: CaseTransitionError.caseClosed(attempted: .advance)) { try closed.advanced(at: Self.later(3)) }
        #expect(throws: CaseTransitionError.caseClosed(attempted: .escalateOverdue)) {
            try closed.escalatedOverdue(at: Self.later(9), deadline: 4 * Self.hour)
        }
        #expect(throws: CaseTransitionError.caseClosed(attempted: .close)) { try closed.closed(.resolved, at: Self.later(3)) }
        #expect(CaseTransitionError.caseClosed(attempted: .acknowledge).description == "cannot acknowledge a closed case")
    }

    @Test("a refused transition leaves the case as it was, and a late message never moves updated_at back")
    func purity() throws {
        // A caller applies a transition only when it succeeds, so a refused one leaves the case
        // exactly as the last accepted transition made it.
        var current = try Self.opened().closed(.resolved, at: Self.later(2))
        let attempts: [(Case) throws -> Case] = [
            { try $0.acknowledged(by: .headteacher, at: Self.later(3)) },
            { try $0.joining(Fixture.repeatVerdict(), at: Self.later(3)) },
            { try $0.advanced(at: Self.later(3)) },
        ]
        for attempt in attempts {
            if let next = try? attempt(current) { current = next }
        }
        #expect(current.state == .closed(reason: .resolved, at: Self.later(2)))
        #expect(current.updatedAt == Self.later(2))
        #expect(current.rung == 0 && current.verdictIDs == [Fixture.verdict.id])
        let opened = try Self.opened().acknowledged(by: .headteacher, at: Self.later(2))
        #expect(try opened.advanced(at: Self.later(1)).updatedAt == Self.later(2))
    }
}
