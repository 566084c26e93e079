import Foundation
import ParapetModels

/// Escalation's decisions, as values: what a verdict or the clock does to a case, which events
/// record it, and who is told. Pure: no I/O and no clock of its own (every call says when), so
/// the same inputs give the same events, ids included.
public struct Escalator: Sendable {
    public let configuration: TrustConfiguration
    public let settings: EscalationSettings
    private let packs: [String: PolicyPack]
    private let schools: [String: School]
    private let routers: [String: CaseRouter]

    /// The actor escalation's own events name.
    public static let actor = CaseActor.service("escalation")

    public init(configuration: TrustConfiguration, settings: EscalationSettings = EscalationSettings()) {
        self.configuration = configuration
        self.settings = settings
        var packs: [String: PolicyPack] = [:]
        var routers: [String: CaseRouter] = [:]
        for school in configuration.schools {
            packs[school.id] = configuration.effectivePack(for: school.id)
            routers[school.id] = CaseRouter(school: school.id, configuration: configuration)
        }
        self.packs = packs
        self.routers = routers
        schools = Dictionary(configuration.schools.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What one decision changes: the case afterwards, the events that say so (in order, each
    /// numbered after `lastSequence`), and the notifications to send.
    public struct Decision: Sendable, Hashable {
        public var `case`: Case
        public var events: [CaseEvent]
        public var notifications: [CaseNotification]
    }

    /// What `verdict` does, given the author's open case in its school (nil if none) and the
    /// number of that case's last event. Nil for a benign verdict, and for a verdict the case
    /// holds already (a redelivery that slipped past the markers changes nothing either).
    ///
    /// - Throws: ``EscalationError/unknownSchool(_:)`` when the trust has no such school.
    public func decide(_ verdict: Verdict, open: Case?, lastSequence: Int, at date: Date) throws(EscalationError) -> Decision? {
        guard let recorded = CaseVerdict(verdict) else { return nil }
        guard let pack = packs[verdict.school], let router = routers[verdict.school] else { throw .unknownSchool(verdict.school) }
        let clauses = recorded.clauseIDs.compactMap { id in pack.clauses.first { $0.id == id } }
        if let open {
            guard !open.verdictIDs.contains(verdict.id) else { return nil }
            let climbs = open.wouldClimb(post: verdict.postID)
            let joined: Case
            do {
                joined = try open.joining(recorded, at: date)
            } catch {
                throw .refused(case: open.id, error)
            }
            let event = makeEvent(
                case: open.id, sequence: lastSequence + 1, school: verdict.school, kind: .joined(verdict: recorded, step: joined.step), at: date)
            // An edit of a post already in the case adds to its history and tells no one again.
            let notifications =
                climbs
                ? [notification(about: event, case: joined, template: .caseJoined, route: router.route(clauses), pack: pack)] : []
            return Decision(case: joined, events: [event], notifications: notifications)
        }
        // The most severe clause broken decides the ladder; a clause gone from the pack since
        // the verdict was made leaves the case on the first step only.
        let ladder = clauses.first?.ladder ?? [.record]
        let caseID = CaseIdentity.caseID(openedBy: verdict.id)
        let opened: Case
        do {
            opened = try Case.opening(recorded, school: verdict.school, authorKey: verdict.authorKey, ladder: ladder, id: caseID, at: date)
        } catch {
            throw .refused(case: caseID, error)
        }
        let event = makeEvent(
            case: caseID, sequence: 1, school: verdict.school, kind: .opened(verdict: recorded, author: verdict.authorKey, ladder: ladder),
            at: date)
        let route = router.route(clauses)
        return Decision(
            case: opened, events: [event],
            notifications: [notification(about: event, case: opened, template: .caseOpened, route: route, pack: pack)])
    }

    /// When `case` goes to the trust if no one acknowledges it; nil unless it is waiting for an
    /// acknowledgement.
    public func dueAt(_ case: Case) -> Date? {
        `case`.dueAt(deadline: settings.deadline(for: `case`.severity))
    }

    /// The clock's decision about `case` at `date`: past its deadline unacknowledged, it goes
    /// to the trust safeguarding lead. Nil when nothing is due.
    public func overdue(_ case: Case, lastSequence: Int, at date: Date) -> Decision? {
        guard let due = dueAt(`case`), date >= due, let escalated = try? `case`.escalatedOverdue(at: date) else { return nil }
        let event = makeEvent(case: `case`.id, sequence: lastSequence + 1, school: `case`.school, kind: .overdueEscalated, at: date)
        guard let pack = packs[`case`.school], let router = routers[`case`.school] else {
            return Decision(case: escalated, events: [event], notifications: [])
        }
        let trustLead = router.people(for: .trustSafeguardingLead, excluding: [])
            .map { CaseNotification.Recipient(role: $0.role, email: $0.email) }
        let route = CaseRouter.Route(recipients: trustLead, mode: .immediate, roles: [.trustSafeguardingLead])
        return Decision(
            case: escalated, events: [event],
            notifications: [notification(about: event, case: escalated, template: .caseOverdue, route: route, pack: pack)])
    }

    /// Event number `sequence` of a case, its id derived from the two; escalation's own unless
    /// a leader's `actor` and `note` are given.
    func makeEvent(
        case caseID: UUID, sequence: Int, school: String, kind: CaseEvent.Kind, at date: Date, actor: CaseActor = Self.actor,
        note: String? = nil
    ) -> CaseEvent {
        CaseEvent(
            id: CaseIdentity.eventID(case: caseID, sequence: sequence), caseID: caseID, sequence: sequence, school: school, kind: kind,
            at: date, actor: actor, note: note)
    }

    /// The school's pack, as the escalator holds it.
    public func pack(for school: String) -> PolicyPack? { packs[school] }

    /// The school's router.
    func router(for school: String) -> CaseRouter? { routers[school] }

    func notification(
        about event: CaseEvent, case: Case, template: CaseNotification.Template, route: CaseRouter.Route, pack: PolicyPack
    ) -> CaseNotification {
        CaseNotification(
            id: CaseIdentity.notificationID(event: event.id), caseID: `case`.id, school: `case`.school, recipients: route.recipients,
            mode: route.mode, subject: subject(for: `case`), template: template, createdAt: event.at, eventID: event.id,
            step: `case`.step, nextStep: pack.words(for: `case`.step))
    }

    /// The kind of concern and the school; never a name from the post.
    func subject(for case: Case) -> String {
        let concern = `case`.behaviours.first?.plainName ?? "A breach of the social media policy"
        let school = schools[`case`.school]?.name ?? `case`.school
        return "\(concern) – \(school)"
    }
}

/// Why escalation cannot act on a verdict.
public enum EscalationError: Error, Hashable, CustomStringConvertible {
    /// The verdict names a school the trust's configuration does not have.
    case unknownSchool(String)
    /// The case refused the change (a closed case, say).
    case refused(case: UUID, CaseTransitionError)
    /// The address is not a contact of the case's school or of the trust.
    case unknownContact(String)
    /// A leader closes a case with an outcome, never as merged (merging does that).
    case notAnOutcome(CaseState.Closure)
    /// A merge changes two cases, so it needs both.
    case mergeNeedsBothCases(UUID)
    /// Only cases of one school can be merged.
    case mergeAcrossSchools

    public var description: String {
        switch self {
        case .unknownSchool(let school): "no school \"\(school)\" in the trust's configuration"
        case .refused(let id, let error): "case \(id): \(error)"
        case .unknownContact(let email): "\(email) is not a contact of the case's school or of the trust"
        case .notAnOutcome(let closure):
            "\(closure.rawValue) is not an outcome; one of \(CaseState.Closure.outcomes.map(\.rawValue).joined(separator: ", "))"
        case .mergeNeedsBothCases(let id): "merging into case \(id) needs both cases"
        case .mergeAcrossSchools: "only cases of the same school can be merged"
        }
    }
}
