import Foundation
import ParapetEscalation
import ParapetModels
import Testing

/// One scenario per seed school: an author's posts walk the school's ladder from the first post
/// to its last step, each alert to the right people with the procedure's words for the step,
/// through the routes the policies imply and the law adds.
@Suite("Seed schools walk their own ladders")
struct SeedSchoolsWalkTheirLaddersTests {
    static let configuration = EscalationFixtures.configuration
    static let settings = EscalationSettings(groupWait: .seconds(30), groupInterval: .seconds(300), repeatInterval: .zero)
    /// 09:00 BST on Monday 30 March 2026.
    static let monday = ISO8601DateFormatter().date(from: "2026-03-30T08:00:00Z")!

    static func email(_ school: String?, _ role: ContactRole) -> String {
        EscalationFixtures.contact(school, role)?.email ?? "missing \(role) at \(school ?? "the trust")"
    }

    static func pack(_ school: String) throws -> PolicyPack { try #require(configuration.effectivePack(for: school)) }

    static func clause(_ school: String, _ id: String) throws -> PolicyClause {
        try #require(try pack(school).clauses.first { $0.id == id }, "\(school) has no clause \(id)")
    }

    /// What one alert of the walk said.
    struct Step {
        var step: LadderStep
        var words: String?
        var told: Set<String>
        var mode: NotifyMode
    }

    /// Posts by one author at `school`, breaking `clauseID`, an hour apart from `start`, until the
    /// case is on the last step of its ladder; each post's alert.
    static func walk(
        _ school: String, _ clauseID: String, about: [BreachSubject] = [], childAtRisk: Bool = false, start: Date = monday,
        driver: CaseDriver
    ) throws -> [Step] {
        let clause = try clause(school, clauseID)
        var steps: [Step] = []
        for index in clause.ladder.indices {
            let verdict = EscalationFixtures.verdict(
                "\(school)-walk-\(index)", school: school, author: "facebook:\(school).walker",
                clauses: [(clause.id, clause.behaviour, clause.severity)], about: about, childAtRisk: childAtRisk)
            let decision = try #require(try driver.receive(verdict, at: start.addingTimeInterval(Double(index) * 3600)))
            let alert = try #require((decision.notifications + decision.revised).last, "post \(index) told no one")
            steps.append(Step(step: decision.case.step, words: alert.nextStep, told: Set(alert.recipients.map(\.email)), mode: alert.mode))
        }
        #expect(steps.map(\.step) == clause.ladder, "one step up per post, to the top")
        #expect(driver.current?.isAtTopOfLadder == true)
        let pack = try pack(school)
        for step in steps { #expect(step.words == pack.words(for: step.step), "the procedure's own words for \(step.step)") }
        #expect(try Case.replaying(driver.events) == driver.current, "the case is its events replayed")
        return steps
    }

    static func driver() -> CaseDriver { CaseDriver(escalator: Escalator(configuration: configuration, settings: settings)) }

    @Test("Stokes Wood: defamation of the head climbs to the top with the chair of governors told, never the head")
    func stokesWood() throws {
        let steps = try Self.walk("stokes-wood", "sw-defamatory", about: [EscalationFixtures.stokesWoodHead], driver: Self.driver())
        for step in steps {
            #expect(step.told.contains(Self.email("stokes-wood", .chairOfGovernors)), "\(step.step): \(step.told)")
            #expect(!step.told.contains(Self.email("stokes-wood", .headteacher)), "\(step.step): the head is what it is about")
        }
    }

    @Test("Stour Provost: a post about the head, who is also the safeguarding lead, goes to the chair and the deputy lead instead")
    func stourProvost() throws {
        let head = BreachSubject(kind: .staff, id: "sp-s-001", role: "headteacher")
        let steps = try Self.walk("stour-provost", "sp-confidential", about: [head], driver: Self.driver())
        #expect(steps.map(\.words).contains("The school will always request that any inaccurate or offensive postings are removed."))
        for step in steps {
            #expect(!step.told.contains("head@stourprovost.example.sch.uk") && !step.told.contains("j.stanford@stourprovost.example.sch.uk"))
            #expect(step.told.contains(Self.email("stour-provost", .chairOfGovernors)))
        }
    }

    @Test("Levens CE: a teacher said to have hurt a child opens the LADO step, due across the Easter weekend, then goes to the trust when missed")
    func levens() throws {
        let driver = Self.driver()
        // 14:00 BST on the Thursday before Easter.
        let thursday = ISO8601DateFormatter().date(from: "2026-04-02T13:00:00Z")!
        let teacher = BreachSubject(kind: .staff, id: "lc-s-003", role: "teacher")
        let steps = try Self.walk(
            "levens-ce", "lev-allegations", about: [teacher, BreachSubject(kind: .child)], childAtRisk: true, start: thursday, driver: driver)
        #expect(steps.allSatisfy { $0.mode == .immediate }, "an allegation against staff is never left for the digest")
        #expect(
            steps.allSatisfy {
                $0.told.contains(Self.email("levens-ce", .headteacher)) && $0.told.contains(Self.email("levens-ce", .designatedSafeguardingLead))
            })
        #expect(steps.map(\.words).contains { $0?.hasPrefix("as a first step the school will usually discuss the matter with the parent") == true })
        let allegation = try #require(driver.current?.allegation)
        let endOfTuesday = ISO8601DateFormatter().date(from: "2026-04-07T23:00:00Z")!
        #expect(allegation.referralDueAt == endOfTuesday && allegation.owner == .headteacher && allegation.identifiesAccusedTeacher)
        try driver.act(.acknowledge, role: .headteacher, at: thursday.addingTimeInterval(8 * 3600))
        try driver.act(.record(.removalRequested), role: .headteacher, at: thursday.addingTimeInterval(8 * 3600 + 60))
        #expect(driver.tick(at: endOfTuesday.addingTimeInterval(-60)) == nil, "Good Friday, the weekend and Easter Monday do not count")
        let late = try #require(driver.tick(at: endOfTuesday))
        #expect(late.notifications.first?.recipients.map(\.email).contains(Self.email(nil, .trustSafeguardingLead)) == true)
    }

    @Test("Trimley St Martin: cyberbullying no one acknowledges goes to the trust safeguarding lead at its deadline")
    func trimley() throws {
        let driver = Self.driver()
        let steps = try Self.walk("trimley-st-martin", "tsm-cyberbullying", driver: driver)
        #expect(steps.map(\.words).contains("We will meet with you and use the Governing Bodies policies and procedures to resolve concerns."))
        #expect(steps.allSatisfy { $0.told.contains(Self.email("trimley-st-martin", .headteacher)) })
        let due = try #require(driver.current.flatMap(driver.escalator.dueAt))
        #expect(driver.tick(at: due.addingTimeInterval(-1)) == nil)
        let overdue = try #require(driver.tick(at: due))
        #expect(overdue.events.map(\.kind) == [.overdueEscalated])
        #expect(overdue.notifications.first?.recipients.map(\.email) == [Self.email(nil, .trustSafeguardingLead)])
    }

    @Test("d'Auvergne: bullying on its own page goes to the head and the safeguarding lead; acknowledged and left, it goes to the chair")
    func dauvergne() throws {
        let driver = CaseDriver(
            escalator: Escalator(
                configuration: Self.configuration,
                settings: EscalationSettings(stepDeadlines: [.high: .seconds(2 * 3600)], groupWait: .seconds(30), repeatInterval: .zero)))
        let steps = try Self.walk("dauvergne", "dav-no-bullying-own-page", driver: driver)
        #expect(
            steps.allSatisfy {
                $0.told.isSuperset(of: [Self.email("dauvergne", .headteacher), Self.email("dauvergne", .designatedSafeguardingLead)])
            })
        #expect(steps.last?.words?.hasPrefix("We have the right to delete inappropriate comments") == true)
        let acknowledged = Self.monday.addingTimeInterval(3 * 3600)
        try driver.act(.acknowledge, role: .headteacher, at: acknowledged)
        let stalled = try #require(driver.tick(at: acknowledged.addingTimeInterval(2 * 3600)))
        #expect(stalled.events.map(\.kind) == [.stalled(to: .chairOfGovernors)])
        #expect(stalled.notifications.first?.recipients.map(\.email) == [Self.email("dauvergne", .chairOfGovernors)])
    }
}
