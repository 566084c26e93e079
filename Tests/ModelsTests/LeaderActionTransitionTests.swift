import Foundation
import ParapetModels
import Testing

@Suite("What leaders record moves a case as its procedure says")
struct LeaderActionTransitionTests {
    static let openedAt = Fixture.date("2026-09-21T08:16:00Z")

    static func later(_ minutes: Double) -> Date { openedAt.addingTimeInterval(minutes * 60) }

    static func opened(_ id: UUID = UUID()) throws -> Case {
        try Case.opening(Fixture.verdict, ladder: Fixture.ladder, id: id, at: openedAt)
    }

    @Test("assigning, recording steps and noting keep the state; unassigning needs an assignee; the last action is remembered")
    func assignAndRecord() throws {
        let opened = try Self.opened()
        #expect(throws: CaseTransitionError.notAssigned) { try opened.assigned(to: nil, at: Self.later(1)) }
        let assigned = try opened.assigned(to: "dsl@school.example", at: Self.later(1))
        #expect(assigned.assignee == "dsl@school.example" && assigned.state == opened.state)
        let recorded = try assigned.recording(.policeContacted(reference: "CAD 1234"), at: Self.later(2)).noted(at: Self.later(3))
        #expect(recorded.stepsTaken == [.policeContacted(reference: "CAD 1234")])
        #expect(recorded.lastActedAt == Self.later(3))
        #expect(try recorded.assigned(to: nil, at: Self.later(4)).assignee == nil)
        #expect(CaseStepTaken(.ladoReferred, reference: "  ") == nil, "a LADO referral needs its reference")
        #expect(CaseStepTaken(.removalRequested, reference: nil) == .removalRequested)
    }

    @Test("a closed case takes no action but a reopen, and a reopened case waits for an acknowledgement again")
    func closedAndReopened() throws {
        let closed = try Self.opened().acknowledged(by: .headteacher, at: Self.later(1)).closed(.upheld, at: Self.later(2))
        #expect(throws: CaseTransitionError.caseClosed(attempted: .note)) { try closed.noted(at: Self.later(3)) }
        #expect(throws: CaseTransitionError.caseClosed(attempted: .recordStep)) { try closed.recording(.authorBlocked, at: Self.later(3)) }
        #expect(throws: CaseTransitionError.caseClosed(attempted: .assign)) { try closed.assigned(to: "x@y", at: Self.later(3)) }
        #expect(throws: CaseTransitionError.notClosed) { try Self.opened().reopened(at: Self.later(3)) }
        let reopened = try closed.reopened(at: Self.later(3))
        #expect(reopened.state == .open(since: Self.later(3)))
        #expect(reopened.dueAt(deadline: 3600) == Self.later(63))
    }

    @Test("merging closes one case into the other, which gains its posts; the merged case cannot be reopened")
    func merging() throws {
        let target = try Self.opened()
        var otherVerdict = Fixture.verdict
        otherVerdict.id = UUID()
        otherVerdict.postID = UUID()
        let source = try Case.opening(otherVerdict, ladder: Fixture.ladder, id: UUID(), at: Self.later(5))
        #expect(throws: CaseTransitionError.mergeWithItself) { try source.merged(into: source.id, at: Self.later(6)) }
        let closed = try source.merged(into: target.id, at: Self.later(6))
        let grown = try target.absorbing(source.contents, from: source.id, at: Self.later(6))
        #expect(closed.state == .closed(reason: .merged, at: Self.later(6)) && closed.mergedInto == target.id)
        #expect(grown.postIDs == target.postIDs + source.postIDs && grown.mergedFrom == [source.id])
        #expect(grown.rung == target.rung, "a merge does not climb the ladder")
        #expect(throws: CaseTransitionError.mergedAway(into: target.id)) { try closed.reopened(at: Self.later(7)) }
    }

    @Test("leaders' events replay to the same case, and round-trip with their notes")
    func replaying() throws {
        let id = UUID()
        let opened = try Self.opened(id)
        let actor = CaseActor.leader("head@school.example")
        let kinds: [CaseEvent.Kind] = [
            .acknowledged(by: .headteacher), .assigned(to: "dsl@school.example"), .stepTaken(.ladoReferred(reference: "LADO-77")),
            .noted, .closed(reason: .resolvedWithParent), .reopened, .assigned(to: nil),
        ]
        var events = [
            CaseEvent(
                caseID: id, sequence: 1, school: opened.school,
                kind: .opened(verdict: CaseVerdict(Fixture.verdict)!, author: opened.authorKey, ladder: Fixture.ladder), at: Self.openedAt,
                actor: .service("escalation"))
        ]
        var expected = opened
        for (index, kind) in kinds.enumerated() {
            let event = CaseEvent(
                caseID: id, sequence: index + 2, school: opened.school, kind: kind, at: Self.later(Double(index + 1)), actor: actor,
                note: "note \(index)")
            events.append(event)
            expected = try Case.applying(event, to: expected)
            #expect(try Fixture.roundTripped(event) == event)
        }
        #expect(try Case.replaying(events) == expected)
        #expect(expected.assignee == nil && expected.stepsTaken == [.ladoReferred(reference: "LADO-77")] && expected.state.status == .open)
    }
}
