import Foundation
import ParapetEscalation
import ParapetModels
import Testing

/// A case acknowledged and then left without any recorded step past its step's deadline goes
/// to the next person up the chain and waits for an acknowledgement again (PagerDuty's
/// acknowledgement timeout); a trust's own deadlines apply over the defaults.
@Suite("Stalled cases go up the chain")
struct StalledCasesGoUpTheChainTests {
    static let start = EscalationFixtures.start
    static let settings = EscalationSettings(stepDeadlines: [.high: .seconds(7200)], repeatInterval: .zero)

    static func post(_ name: String) -> Verdict {
        EscalationFixtures.verdict(name, author: "facebook:stall.author", clauses: [("sw-cyberbullying", .cyberbullying, .high)])
    }

    @Test("acknowledged by the head, no step in two hours: the chair of governors is told and the case waits again")
    func stalls() throws {
        let driver = CaseDriver(escalator: Escalator(configuration: EscalationFixtures.configuration, settings: Self.settings))
        try driver.receive(Self.post("stall"), at: Self.start)
        try driver.act(.acknowledge, role: .headteacher, at: Self.start.addingTimeInterval(60))
        #expect(driver.wakeAt == Self.start.addingTimeInterval(60 + 7200))
        #expect(driver.tick(at: Self.start.addingTimeInterval(60 + 7199)) == nil)
        let decision = try #require(driver.tick(at: Self.start.addingTimeInterval(60 + 7200)))
        #expect(decision.events.map(\.kind) == [.stalled(to: .chairOfGovernors)])
        #expect(decision.notifications.map(\.template) == [.caseStalled])
        #expect(
            decision.notifications.first?.recipients.map(\.email) == [
                try #require(EscalationFixtures.contact("stokes-wood", .chairOfGovernors)).email
            ])
        guard case .open = decision.case.state else {
            Issue.record("a stalled case waits for an acknowledgement again, not \(decision.case.state)")
            return
        }
        #expect(try Case.replaying(driver.events) == driver.current)
    }

    @Test("a step recorded after the acknowledgement keeps the case where it is")
    func stepRecorded() throws {
        let driver = CaseDriver(escalator: Escalator(configuration: EscalationFixtures.configuration, settings: Self.settings))
        try driver.receive(Self.post("busy"), at: Self.start)
        try driver.act(.acknowledge, role: .designatedSafeguardingLead, at: Self.start.addingTimeInterval(60))
        try driver.act(.record(.parentSpokenTo), role: .designatedSafeguardingLead, at: Self.start.addingTimeInterval(600))
        #expect(driver.tick(at: Self.start.addingTimeInterval(86_400)) == nil)
        #expect(driver.wakeAt == nil, "no timer runs")
    }

    @Test("a trust's own acknowledgement deadline replaces the default")
    func trustDeadlines() throws {
        var configuration = EscalationFixtures.configuration
        configuration.trust.acknowledgementDeadlines = [.high: 600]
        let escalator = Escalator(configuration: configuration)
        let driver = CaseDriver(escalator: escalator)
        try driver.receive(Self.post("trust-deadline"), at: Self.start)
        #expect(driver.current.flatMap(escalator.dueAt) == Self.start.addingTimeInterval(600))
    }
}
