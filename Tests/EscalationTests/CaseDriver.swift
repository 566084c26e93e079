import Foundation
import ParapetEscalation
import ParapetModels
import ParapetStore

/// One case driven through an ``Escalator`` the way the service drives it, without a database:
/// each decision's case, events, alert and notifications kept, held notifications replaced by
/// their revisions.
final class CaseDriver {
    let escalator: Escalator
    private(set) var current: Case?
    private(set) var events: [CaseEvent] = []
    private(set) var alert: CaseStore.Alert?
    /// Every notification asked for, by id, in its last revision, in the order first asked for.
    private(set) var notifications: [CaseNotification] = []

    init(escalator: Escalator = Escalator(configuration: EscalationFixtures.configuration)) {
        self.escalator = escalator
    }

    @discardableResult
    func receive(_ verdict: Verdict, at date: Date) throws -> Escalator.Decision? {
        let decision = try escalator.decide(verdict, open: current, lastSequence: events.last?.sequence ?? 0, alert: alert, at: date)
        if let decision { apply(decision) }
        return decision
    }

    @discardableResult
    func tick(at date: Date) -> Escalator.Decision? {
        guard let current, let decision = escalator.overdue(current, lastSequence: events.last?.sequence ?? 0, alert: alert, at: date)
        else { return nil }
        apply(decision)
        return decision
    }

    func act(_ action: CaseAction, role: ContactRole, at date: Date) throws {
        guard let current else { return }
        let decision = try escalator.act(
            action, on: current, lastSequence: events.last?.sequence ?? 0, by: .leader("leader@example.org"), role: role, note: "test",
            at: date)
        apply(decision)
    }

    /// When the sweep would next look at the case.
    var wakeAt: Date? { current.flatMap { escalator.wakeAt($0, alert: alert) } }

    private func apply(_ decision: Escalator.Decision) {
        current = decision.case
        events += decision.events
        alert = decision.alert ?? alert
        for notification in decision.notifications + decision.revised {
            if let index = notifications.firstIndex(where: { $0.id == notification.id }) {
                notifications[index] = notification
            } else {
                notifications.append(notification)
            }
        }
    }
}
