import Foundation
import ParapetEscalation
import ParapetModels
import Testing

/// Keeping Children Safe in Education, part four: a post alleging that a member of staff harmed
/// a child opens an allegations-management step, a referral to the LADO due within one working
/// day, owned by the head (or the chair when it is about the head), with the reporting
/// restriction recorded, and section 141F flagged when the post names the teacher.
@Suite("Allegations against staff go to the LADO")
struct AllegationsAgainstStaffGoToTheLADOTests {
    /// 14:00 BST on the Thursday before Easter 2026.
    static let thursdayBeforeEaster = ISO8601DateFormatter().date(from: "2026-04-02T13:00:00Z")!
    /// The end of Tuesday 7 April, midnight BST.
    static let endOfTuesday = ISO8601DateFormatter().date(from: "2026-04-07T23:00:00Z")!

    static func allegation(_ name: String, about: [BreachSubject], author: String = "facebook:angry.parent") -> Verdict {
        EscalationFixtures.verdict(
            name, author: author, clauses: [("sw-allegations", .allegation, .high)], about: about + [BreachSubject(kind: .child)],
            childAtRisk: true)
    }

    @Test("a named teacher said to have hurt a child: the head owns a referral due across the Easter weekend, 141F flagged")
    func namedTeacher() throws {
        let driver = CaseDriver()
        let decision = try #require(
            try driver.receive(Self.allegation("hurt", about: [EscalationFixtures.stokesWoodTeacher]), at: Self.thursdayBeforeEaster))
        let allegation = try #require(decision.case.allegation)
        #expect(allegation.owner == .headteacher)
        #expect(allegation.referralDueAt == Self.endOfTuesday)
        #expect(allegation.reportingRestriction)
        #expect(allegation.identifiesAccusedTeacher, "the post names the teacher: section 141F")
        let alert = try #require(decision.notifications.first)
        #expect(alert.sendAfter == nil, "an allegation against staff is never held back")
        #expect(alert.mode == .immediate)
        #expect(alert.deadline == Self.endOfTuesday)
        let told = Set(alert.recipients.map(\.email))
        #expect(told.contains(try #require(EscalationFixtures.contact("stokes-wood", .headteacher)).email))
        #expect(told.contains(try #require(EscalationFixtures.contact("stokes-wood", .designatedSafeguardingLead)).email))
    }

    @Test("an allegation about the head is owned by the chair of governors, and the head is not told")
    func aboutTheHead() throws {
        let driver = CaseDriver()
        let decision = try #require(
            try driver.receive(Self.allegation("head", about: [EscalationFixtures.stokesWoodHead]), at: Self.thursdayBeforeEaster))
        #expect(decision.case.allegation?.owner == .chairOfGovernors)
        let told = Set(try #require(decision.notifications.first).recipients.map(\.email))
        #expect(told.contains(try #require(EscalationFixtures.contact("stokes-wood", .chairOfGovernors)).email))
        #expect(!told.contains(try #require(EscalationFixtures.contact("stokes-wood", .headteacher)).email))
    }

    @Test("closing a case about the head tells the chair, never the head")
    func closedAboutTheHead() throws {
        let driver = CaseDriver()
        try driver.receive(Self.allegation("closed-head", about: [EscalationFixtures.stokesWoodHead]), at: Self.thursdayBeforeEaster)
        try driver.act(.close(.upheld), role: .chairOfGovernors, at: Self.thursdayBeforeEaster.addingTimeInterval(3600))
        let closed = try #require(driver.notifications.last)
        #expect(closed.template == .caseClosed)
        let told = Set(closed.recipients.map(\.email))
        #expect(told.contains(try #require(EscalationFixtures.contact("stokes-wood", .chairOfGovernors)).email))
        #expect(!told.contains(try #require(EscalationFixtures.contact("stokes-wood", .headteacher)).email))
    }

    @Test("a referral not recorded by the end of the working day goes to the trust safeguarding lead and its owner")
    func referralOverdue() throws {
        let driver = CaseDriver()
        try driver.receive(Self.allegation("late", about: [EscalationFixtures.stokesWoodTeacher]), at: Self.thursdayBeforeEaster)
        try driver.act(.acknowledge, role: .headteacher, at: Self.thursdayBeforeEaster.addingTimeInterval(600))
        try driver.act(.record(.removalRequested), role: .headteacher, at: Self.thursdayBeforeEaster.addingTimeInterval(900))
        #expect(driver.tick(at: Self.endOfTuesday.addingTimeInterval(-1)) == nil, "not due over the bank holiday weekend")
        let decision = try #require(driver.tick(at: Self.endOfTuesday))
        #expect(decision.events.map(\.kind.name) == ["referral_overdue"])
        let alert = try #require(decision.notifications.first)
        #expect(alert.template == .referralOverdue)
        let told = Set(alert.recipients.map(\.email))
        #expect(told.contains(try #require(EscalationFixtures.contact(nil, .trustSafeguardingLead)).email))
        #expect(told.contains(try #require(EscalationFixtures.contact("stokes-wood", .headteacher)).email))
        #expect(driver.tick(at: Self.endOfTuesday.addingTimeInterval(60)) == nil, "escalated once")
        #expect(try Case.replaying(driver.events) == driver.current, "the events rebuild the case")
    }

    @Test("a referral recorded in time stops the clock")
    func referredInTime() throws {
        let driver = CaseDriver()
        try driver.receive(Self.allegation("prompt", about: [EscalationFixtures.stokesWoodTeacher]), at: Self.thursdayBeforeEaster)
        try driver.act(.acknowledge, role: .headteacher, at: Self.thursdayBeforeEaster.addingTimeInterval(600))
        try driver.act(
            .record(.ladoReferred(reference: "LADO-2026-0412")), role: .headteacher, at: Self.thursdayBeforeEaster.addingTimeInterval(3600))
        let referralDue = try #require(driver.current.map(driver.escalator.referralDueAt))
        #expect(referralDue == nil)
        let decision = driver.tick(at: Self.endOfTuesday)
        #expect(decision?.events.contains { $0.kind.name == "referral_overdue" } != true)
    }

    @Test("the same words about a child without staff, or about staff without a child, open no referral")
    func notAnAllegationAgainstStaff() throws {
        let driver = CaseDriver()
        let noStaff = EscalationFixtures.verdict(
            "no-staff", clauses: [("sw-allegations", .allegation, .high)], about: [BreachSubject(kind: .child)], childAtRisk: true)
        #expect(try driver.receive(noStaff, at: Self.thursdayBeforeEaster)?.case.allegation == nil)
        let other = CaseDriver()
        let noChild = EscalationFixtures.verdict(
            "no-child", clauses: [("sw-defamatory", .defamation, .high)], about: [EscalationFixtures.stokesWoodTeacher])
        #expect(try other.receive(noChild, at: Self.thursdayBeforeEaster)?.case.allegation == nil)
    }
}
