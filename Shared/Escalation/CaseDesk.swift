import Foundation
import ParapetModels
import ParapetStore

/// Where a leader's action is carried out: the case locked, the action checked against the
/// leader's rights and the case's state, its event and notifications written in one
/// transaction, then published.
public struct CaseDesk: Sendable {
    let cases: CaseStore
    let publisher: CasePublisher
    let now: @Sendable () -> Date
    let escalator: @Sendable (String) async -> Escalator?

    /// Who is acting: a token's holder.
    public struct Leader: Sendable, Hashable {
        public var trust: String
        public var email: String
        public var role: ContactRole
        /// The one school they may act in; nil for the whole trust.
        public var school: String?

        public init(trust: String, email: String, role: ContactRole, school: String?) {
            self.trust = trust
            self.email = email
            self.role = role
            self.school = school
        }

        /// Whether they may see `stored`: their trust's, and their school's unless they act for the whole trust.
        public func sees(_ stored: CaseStore.StoredCase) -> Bool {
            stored.trust == trust && (school == nil || school == stored.case.school)
        }
    }

    /// Why an action was not recorded; nothing was changed.
    public enum Refusal: Error, Hashable, CustomStringConvertible {
        /// No such case, or one the leader may not see (the two are not told apart).
        case notFound(UUID)
        /// The leader's role may not record this action.
        case forbidden(action: String, role: ContactRole)
        /// The case's state does not allow it, or the action does not fit the case.
        case conflict(String)
        /// The action names something that is not there (an assignee who is not a contact).
        case invalid(String)
        /// The trust's configuration is not loaded yet.
        case unavailable

        public var description: String {
            switch self {
            case .notFound(let id): "no case \(id)"
            case .forbidden(let action, let role):
                "the \(role.rawValue.replacingOccurrences(of: "_", with: " ")) may not record \(action)"
            case .conflict(let message), .invalid(let message): message
            case .unavailable: "the trust's configuration is not loaded yet; try again shortly"
            }
        }
    }

    /// Records `action` with `note` on case `id` for `leader`; returns the case afterwards.
    public func act(_ action: CaseAction, on id: UUID, by leader: Leader, note: String) async throws -> CaseStore.StoredCase {
        guard CaseRights.allows(leader.role, action) else { throw Refusal.forbidden(action: action.name, role: leader.role) }
        guard let escalator = await escalator(leader.trust) else { throw Refusal.unavailable }
        let date = ParapetJSON.wholeMilliseconds(now())
        let actor = CaseActor.leader(leader.email)
        var ids = [id]
        if case .merge(let target) = action {
            guard target != id else { throw Refusal.conflict(CaseTransitionError.mergeWithItself.description) }
            ids.append(target)
        }
        let (changes, result) = try await cases.withTransaction { transaction in
            let locked = try await transaction.lockedCases(ids).filter(leader.sees)
            guard let stored = locked.first(where: { $0.case.id == id }) else { throw Refusal.notFound(id) }
            var decisions: [(CaseStore.StoredCase, Escalator.Decision)] = []
            var target: CaseStore.StoredCase?
            if case .merge(let targetID) = action {
                target = locked.first { $0.case.id == targetID }
                if target == nil { throw Refusal.notFound(targetID) }
            }
            do throws(EscalationError) {
                if let target {
                    let (source, grown) = try escalator.merge(
                        stored.case, sourceSequence: stored.lastSequence, into: target.case, targetSequence: target.lastSequence, by: actor,
                        note: note, at: date)
                    decisions = [(stored, source), (target, grown)]
                } else {
                    decisions = [
                        (
                            stored,
                            try escalator.act(
                                action, on: stored.case, lastSequence: stored.lastSequence, by: actor, role: leader.role, note: note, at: date)
                        )
                    ]
                }
            } catch {
                switch error {
                case .unknownContact, .notAnOutcome: throw Refusal.invalid(error.description)
                case .refused(_, let reason): throw Refusal.conflict(reason.description)
                default: throw Refusal.conflict(error.description)
                }
            }
            let changes = decisions.map { stored, decision in escalator.change(decision, trust: stored.trust, previous: stored.alert) }
            let written = try await transaction.write(changes)
            let first = decisions[0]
            return (
                (changes, written),
                CaseStore.StoredCase(
                    trust: first.0.trust, case: first.1.case, lastSequence: first.1.events.last?.sequence ?? first.0.lastSequence,
                    alert: first.1.alert ?? first.0.alert)
            )
        }
        await publisher.publishOnce(changes.0, written: changes.1, now: date)
        return result
    }
}
