import Foundation
import ParapetModels

/// Leaders' actions, as values: what each does to a case, the event that records it, and who
/// is told.
extension Escalator {
    /// What `action`, asked for by `actor` in `role` with `note`, does to `case` (whose last
    /// event is number `lastSequence`). A merge needs both cases: use ``merge(_:sourceSequence:into:targetSequence:by:note:at:)``.
    ///
    /// - Throws: ``EscalationError/refused(case:_:)`` when the case's state does not allow it,
    ///   ``EscalationError/unknownContact(_:)`` for an assignee who is not a contact of the school
    ///   or the trust, ``EscalationError/notAnOutcome(_:)`` for a closure a leader cannot choose.
    public func act(
        _ action: CaseAction, on case: Case, lastSequence: Int, by actor: CaseActor, role: ContactRole, note: String, at date: Date
    ) throws(EscalationError) -> Decision {
        var action = action
        switch action {
        case .assign(let email):
            // The address as the configuration spells it.
            guard let contact = contact(email, school: `case`.school) else { throw .unknownContact(email) }
            action = .assign(to: contact.email)
        case .close(let outcome) where !CaseState.Closure.outcomes.contains(outcome):
            throw .notAnOutcome(outcome)
        case .merge(let target):
            // Both cases change; the caller holds only one here.
            throw .mergeNeedsBothCases(target)
        default:
            break
        }
        let kind: CaseEvent.Kind
        let next: Case
        do throws(CaseTransitionError) {
            switch action {
            case .acknowledge:
                kind = .acknowledged(by: role)
                next = try `case`.acknowledged(by: role, at: date)
            case .assign(let address):
                kind = .assigned(to: address)
                next = try `case`.assigned(to: address, at: date)
            case .unassign:
                kind = .assigned(to: nil)
                next = try `case`.assigned(to: nil, at: date)
            case .record(let step):
                kind = .stepTaken(step)
                next = try `case`.recording(step, at: date)
            case .note:
                kind = .noted
                next = try `case`.noted(at: date)
            case .notABreach:
                kind = .closed(reason: .notABreach)
                next = try `case`.closed(.notABreach, at: date)
            case .close(let outcome):
                kind = .closed(reason: outcome)
                next = try `case`.closed(outcome, at: date)
            case .reopen:
                kind = .reopened
                next = try `case`.reopened(at: date)
            case .merge:
                throw .mergeWithItself  // answered above; never reached
            }
        } catch {
            throw .refused(case: `case`.id, error)
        }
        let event = makeEvent(
            case: `case`.id, sequence: lastSequence + 1, school: `case`.school, kind: kind, at: date, actor: actor, note: note)
        var notifications: [CaseNotification] = []
        if case .closed = kind, let pack = pack(for: `case`.school), let router = router(for: `case`.school) {
            // The same people as the case's alerts: never the person it is about.
            notifications.append(
                notification(about: event, case: next, template: .caseClosed, route: route(next, router: router, pack: pack), pack: pack))
        }
        return Decision(case: next, events: [event], notifications: notifications)
    }

    /// Merging `source` into `target` (both of one school): `source` closes and links to
    /// `target`, which gains its verdicts, posts and clauses; both timelines record it.
    ///
    /// - Throws: ``EscalationError/refused(case:_:)``, ``EscalationError/mergeAcrossSchools``.
    public func merge(
        _ source: Case, sourceSequence: Int, into target: Case, targetSequence: Int, by actor: CaseActor, note: String, at date: Date
    ) throws(EscalationError) -> (source: Decision, target: Decision) {
        guard source.school == target.school else { throw .mergeAcrossSchools }
        let closed: Case
        let grown: Case
        do throws(CaseTransitionError) {
            grown = try target.absorbing(source.contents, from: source.id, at: date)
        } catch {
            throw .refused(case: target.id, error)
        }
        do throws(CaseTransitionError) {
            closed = try source.merged(into: target.id, at: date)
        } catch {
            throw .refused(case: source.id, error)
        }
        let closing = makeEvent(
            case: source.id, sequence: sourceSequence + 1, school: source.school, kind: .merged(into: target.id), at: date, actor: actor,
            note: note)
        let absorbing = makeEvent(
            case: target.id, sequence: targetSequence + 1, school: target.school,
            kind: .mergedIn(from: source.id, contents: source.contents), at: date, actor: actor, note: note)
        return (Decision(case: closed, events: [closing], notifications: []), Decision(case: grown, events: [absorbing], notifications: []))
    }

    /// The contact of `school` or of the trust with address `email`, compared without case.
    func contact(_ email: String, school: String) -> Contact? {
        let wanted = email.lowercased()
        return router(for: school)?.contacts.first { $0.email.lowercased() == wanted }
    }
}
