import Foundation

/// A case rebuilt from its events: the events are the record, the case is what they add up to.
extension Case {
    /// The case `events` (one case's, in sequence order from its `opened` event) add up to.
    ///
    /// - Throws: ``CaseHistoryError`` naming the first event that does not follow.
    public static func replaying(_ events: some Sequence<CaseEvent>) throws(CaseHistoryError) -> Case {
        var current: Case?
        for event in events {
            current = try applying(event, to: current)
        }
        guard let current else { throw .noEvents }
        return current
    }

    /// `event` applied to `current` (nil before the case's first event).
    ///
    /// - Throws: ``CaseHistoryError`` when the event cannot follow.
    public static func applying(_ event: CaseEvent, to current: Case?) throws(CaseHistoryError) -> Case {
        do throws(CaseTransitionError) {
            switch (event.kind, current) {
            case (.opened(let verdict, let author, let ladder), nil):
                return try Case.opening(verdict, school: event.school, authorKey: author, ladder: ladder, id: event.caseID, at: event.at)
            case (.joined(let verdict, _), let current?): return try current.joining(verdict, at: event.at)
            case (.escalated, let current?): return try current.advanced(at: event.at)
            case (.acknowledged(let role), let current?): return try current.acknowledged(by: role, at: event.at)
            case (.overdueEscalated, let current?): return try current.escalatedOverdue(at: event.at)
            case (.closed(let reason), let current?): return try current.closed(reason, at: event.at)
            case (.assigned(let assignee), let current?): return try current.assigned(to: assignee, at: event.at)
            case (.stepTaken(let step), let current?): return try current.recording(step, at: event.at)
            case (.noted, let current?): return try current.noted(at: event.at)
            case (.reopened, let current?): return try current.reopened(at: event.at)
            case (.merged(let target), let current?): return try current.merged(into: target, at: event.at)
            case (.mergedIn(let source, let contents), let current?): return try current.absorbing(contents, from: source, at: event.at)
            case (.referralOverdue, let current?): return try current.referralOverdue(at: event.at)
            case (.stalled, let current?): return try current.stalled(at: event.at)
            case (.opened, .some), (_, nil): break
            }
        } catch {
            throw .refused(event: event.id, sequence: event.sequence, error)
        }
        throw .outOfOrder(event: event.id, sequence: event.sequence, kind: event.kind.name)
    }
}

/// Why events do not add up to a case.
public enum CaseHistoryError: Error, Hashable, CustomStringConvertible {
    /// There were no events.
    case noEvents
    /// An `opened` event after the first, or another kind first.
    case outOfOrder(event: UUID, sequence: Int, kind: String)
    /// The event's transition is not allowed in the state the earlier events left.
    case refused(event: UUID, sequence: Int, CaseTransitionError)

    public var description: String {
        switch self {
        case .noEvents: "a case needs at least its opened event"
        case .outOfOrder(let id, let sequence, let kind): "event \(id) (#\(sequence)) is \(kind), which cannot come there"
        case .refused(let id, let sequence, let error): "event \(id) (#\(sequence)) does not follow: \(error)"
        }
    }
}
