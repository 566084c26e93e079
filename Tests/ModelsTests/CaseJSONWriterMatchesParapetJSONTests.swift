import Foundation
import ParapetModels
import Testing

/// Escalation writes case documents, events and notification requests by hand; the bytes must
/// be exactly ParapetJSON's, or a republished event would differ from the first publish and a
/// stored case from what the case API reads back.
@Suite struct CaseJSONWriterMatchesParapetJSONTests {
    private static let awkward = "quote \" backslash \\ slash / tab \t newline \n nul \u{0} del \u{7F} 🧒🏽 e\u{301} \u{2028}"
    private static let at = Date(timeIntervalSince1970: 1_790_000_000.25)
    private static let ids = (0..<6).map { _ in UUID() }
    private static let subjects = [
        BreachSubject(kind: .staff, id: "staff-3", role: "headteacher"), BreachSubject(kind: .child),
        BreachSubject(kind: .pupil, id: "p-\"1\""), BreachSubject(kind: .governor, role: "chair"),
    ]

    private static var verdicts: [CaseVerdict] {
        [
            CaseVerdict(
                verdictID: ids[0], postID: ids[1], postRevision: 1, severity: .high, clauseIDs: ["sw-1", awkward],
                behaviours: [.namingPupils, .pupilFullName]),
            CaseVerdict(
                verdictID: ids[2], postID: ids[3], postRevision: 7, severity: .critical, clauseIDs: [], behaviours: [], about: subjects,
                allegesHarmByStaff: true, identifiesAccusedTeacher: true),
        ]
    }

    private static var cases: [Case] {
        let ladder: [LadderStep] = [.record, .discussWithParent, .meetingWithHeadteacher, .police]
        let minimal = Case(
            id: ids[4], school: "stokes-wood", authorKey: AuthorKey(rawValue: "facebook:a.parent"), state: .open(since: at),
            ladder: [.record], rung: 0, severity: .low, verdictIDs: [ids[0]], postIDs: [ids[1]], openedAt: at, updatedAt: at)
        let full = Case(
            id: ids[5], school: awkward, authorKey: AuthorKey(rawValue: "x:\(awkward)"),
            state: .closed(reason: .resolvedWithParent, at: at.addingTimeInterval(60)), ladder: ladder, rung: 2, severity: .critical,
            verdictIDs: [ids[0], ids[2]], postIDs: [ids[1], ids[3]], clauseIDs: ["a", "b"], behaviours: [.namingPupils],
            openedAt: Date(timeIntervalSince1970: -0.5), updatedAt: at.addingTimeInterval(0.9996), assignee: "head@example.org",
            stepsTaken: [.policeContacted(reference: "CAD 1234/21SEP"), .removalRequested, .ladoReferred(reference: awkward)],
            lastActedAt: at, mergedInto: ids[3], mergedFrom: [ids[1], ids[2]], about: subjects,
            allegation: AllegationManagement(
                owner: .chairOfGovernors, referralDueAt: at, identifiesAccusedTeacher: true, overdueAt: at.addingTimeInterval(1)),
            lastStepAt: at, stalls: 2)
        let acknowledged = Case(
            id: ids[0], school: "levens", authorKey: AuthorKey(rawValue: "forum:x"), state: .acknowledged(by: .headteacher, at: at),
            ladder: ladder, rung: 1, severity: .medium, verdictIDs: [ids[0]], postIDs: [ids[1]], openedAt: at, updatedAt: at,
            allegation: AllegationManagement(owner: .headteacher, referralDueAt: at, reportingRestriction: false, identifiesAccusedTeacher: false))
        let escalated = Case(
            id: ids[1], school: "levens", authorKey: AuthorKey(rawValue: "forum:y"), state: .escalated(at: at), ladder: ladder, rung: 3,
            severity: .high, verdictIDs: [ids[0]], postIDs: [ids[1]], openedAt: at, updatedAt: at)
        return [minimal, full, acknowledged, escalated].compactMap { $0 }
    }

    private static var kinds: [CaseEvent.Kind] {
        let contents = Case.Contents(severity: .high, verdictIDs: [ids[0]], postIDs: [ids[1]], clauseIDs: ["c"], behaviours: [.namingPupils])
        return [
            .opened(verdict: verdicts[0], author: AuthorKey(rawValue: "facebook:p"), ladder: [.record, .police]),
            .joined(verdict: verdicts[1], step: .requestRemoval), .escalated(step: .police), .acknowledged(by: .designatedSafeguardingLead),
            .overdueEscalated, .closed(reason: .notABreach), .assigned(to: "dsl@example.org"), .assigned(to: nil),
            .stepTaken(.policeContacted(reference: awkward)), .stepTaken(.authorBlocked), .noted, .reopened, .merged(into: ids[2]),
            .mergedIn(from: ids[3], contents: contents), .referralOverdue, .stalled(to: .trustSafeguardingLead),
        ]
    }

    @Test func caseDocumentsAreParapetJSONs() throws {
        #expect(Self.cases.count == 4)
        for value in Self.cases {
            #expect(try CaseJSONWriter.encode(value) == Array(try ParapetJSON.encode(value)))
        }
    }

    @Test func everyKindOfEventIsParapetJSONs() throws {
        for (index, kind) in Self.kinds.enumerated() {
            let event = CaseEvent(
                caseID: Self.ids[4], sequence: index + 1, school: "stokes-wood", kind: kind, at: Self.at,
                actor: index.isMultiple(of: 2) ? .service("escalation") : .leader(Self.awkward), note: index.isMultiple(of: 3) ? Self.awkward : nil)
            #expect(try CaseJSONWriter.encode(event) == Array(try ParapetJSON.encode(event)), "\(kind.name)")
        }
    }

    @Test func notificationsAreParapetJSONs() throws {
        let bare = CaseNotification(
            caseID: Self.ids[0], school: "levens", recipients: [], mode: .digest, subject: "A case", template: .caseOpened, createdAt: Self.at)
        let full = CaseNotification(
            caseID: Self.ids[1], school: Self.awkward,
            recipients: [
                CaseNotification.Recipient(role: .headteacher, email: "head@example.org"),
                CaseNotification.Recipient(role: .chairOfGovernors, email: Self.awkward),
            ], mode: .immediate, subject: Self.awkward, template: .referralOverdue, createdAt: Self.at, eventID: Self.ids[2],
            step: .safeguardingReferral, nextStep: Self.awkward, sendAfter: Self.at.addingTimeInterval(30),
            deadline: Date(timeIntervalSince1970: -1))
        for notification in [bare, full] {
            #expect(CaseJSONWriter.encode(notification) == Array(try ParapetJSON.encode(notification)))
        }
    }
}
