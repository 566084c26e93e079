import Foundation
import ParapetEscalation
import ParapetModels
import Testing

/// Ten posts by one author in two minutes are one case and one alert with an update, not ten
/// alerts (Alertmanager's group_wait, group_interval and repeat_interval); a critical case is
/// never held; an unacknowledged case is reminded of.
@Suite("Bursts make one alert")
struct BurstsMakeOneAlertTests {
    static let start = EscalationFixtures.start
    static let settings = EscalationSettings(groupWait: .seconds(30), groupInterval: .seconds(300), repeatInterval: .seconds(3600))

    static func post(_ index: Int, clause: (String, Behaviour, Severity) = ("sw-cyberbullying", .cyberbullying, .high)) -> Verdict {
        EscalationFixtures.verdict("burst-\(index)", author: "facebook:burst.poster", clauses: [clause])
    }

    @Test("ten posts in two minutes: one alert held for the group wait, then one update for the rest")
    func tenPostsTwoAlerts() throws {
        let driver = CaseDriver(escalator: Escalator(configuration: EscalationFixtures.configuration, settings: Self.settings))
        for index in 0..<10 {
            try driver.receive(Self.post(index), at: Self.start.addingTimeInterval(Double(index) * 12))
        }
        #expect(driver.events.count == 10, "every post is in the case's history")
        #expect(driver.notifications.count == 2, "\(driver.notifications.map(\.template))")
        let first = try #require(driver.notifications.first)
        #expect(first.template == .caseOpened)
        #expect(first.sendAfter == Self.start.addingTimeInterval(30), "held for the group wait")
        let ladder = try #require(driver.current?.ladder)
        #expect(first.step == ladder[min(2, ladder.count - 1)], "it goes with the two posts that joined while it was held")
        let update = try #require(driver.notifications.last)
        #expect(update.template == .caseJoined)
        #expect(update.sendAfter == Self.start.addingTimeInterval(330), "one update a group interval after the first alert")
        #expect(update.step == driver.current?.step, "the update carries the case as the last post left it")
    }

    @Test("a critical case is never held: each of its posts is told at once")
    func criticalAtOnce() throws {
        let driver = CaseDriver(escalator: Escalator(configuration: EscalationFixtures.configuration, settings: Self.settings))
        for index in 0..<5 {
            try driver.receive(
                Self.post(index, clause: ("sw-threats", .threatOfViolence, .critical)), at: Self.start.addingTimeInterval(Double(index) * 10))
        }
        #expect(driver.notifications.first?.sendAfter == nil, "sent at once")
        #expect(driver.notifications.count == 5)
        #expect(driver.notifications.allSatisfy { $0.sendAfter == nil }, "never held")
    }

    @Test("an unacknowledged case is reminded of at the repeat interval, once per interval, and not after it is acknowledged")
    func reminders() throws {
        let driver = CaseDriver(escalator: Escalator(configuration: EscalationFixtures.configuration, settings: Self.settings))
        try driver.receive(Self.post(0), at: Self.start)
        let sent = Self.start.addingTimeInterval(30)
        #expect(driver.wakeAt == sent.addingTimeInterval(3600), "the reminder before the acknowledgement deadline of four hours")
        #expect(driver.tick(at: sent.addingTimeInterval(3599)) == nil)
        let reminder = try #require(driver.tick(at: sent.addingTimeInterval(3600)))
        #expect(reminder.events.isEmpty, "a reminder changes nothing in the case")
        #expect(reminder.notifications.map(\.template) == [.caseReminder])
        #expect(driver.tick(at: sent.addingTimeInterval(3601)) == nil, "once per interval")
        try driver.act(.acknowledge, role: .headteacher, at: sent.addingTimeInterval(4000))
        #expect(driver.tick(at: sent.addingTimeInterval(3 * 3600)) == nil, "an acknowledged case is not reminded of")
    }

    @Test("a post after the group interval is sent at once")
    func afterTheInterval() throws {
        let driver = CaseDriver(escalator: Escalator(configuration: EscalationFixtures.configuration, settings: Self.settings))
        try driver.receive(Self.post(0), at: Self.start)
        let decision = try #require(try driver.receive(Self.post(1), at: Self.start.addingTimeInterval(1000)))
        #expect(decision.notifications.map(\.sendAfter) == [nil])
    }
}
