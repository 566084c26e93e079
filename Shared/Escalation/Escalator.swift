import Foundation
import ParapetModels
import ParapetStore

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

    /// - Parameter settings: the service's defaults; the trust's own deadlines
    ///   (``Trust/acknowledgementDeadlines``) apply over them.
    public init(configuration: TrustConfiguration, settings: EscalationSettings = EscalationSettings()) {
        self.configuration = configuration
        self.settings = settings.applying(configuration.trust)
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
    /// numbered after `lastSequence`), the notifications to send, and the case's latest alert.
    public struct Decision: Sendable, Hashable {
        public var `case`: Case
        public var events: [CaseEvent]
        /// New notifications; one with a `sendAfter` is held until then.
        public var notifications: [CaseNotification]
        /// Held notifications rewritten before they go (a post joined a held alert).
        public var revised: [CaseNotification] = []
        /// The case's latest alert after the decision; nil when it did not change.
        public var alert: CaseStore.Alert? = nil
    }

    /// The row a decision leaves: the case, its deadlines and timers, its alert (`previous` when
    /// the decision made none), and what to publish.
    public func change(_ decision: Decision, trust: String, previous: CaseStore.Alert?) -> CaseStore.Change {
        let alert = decision.alert ?? previous
        return CaseStore.Change(
            trust: trust, case: decision.case, dueAt: dueAt(decision.case), wakeAt: wakeAt(decision.case, alert: alert), alert: alert,
            events: decision.events, notifications: decision.notifications, revised: decision.revised)
    }

    /// What `verdict` does, given the author's open case in its school (nil if none), the number
    /// of that case's last event and its latest alert. Nil for a benign verdict, and for a verdict
    /// the case holds already (a redelivery that slipped past the markers changes nothing either).
    ///
    /// A new case's alert is held for ``EscalationSettings/groupWait`` (never for a critical or
    /// safeguarding case); a post that climbs the case while an alert is held joins that alert,
    /// and one after it is gathered into an update no sooner than ``EscalationSettings/groupInterval``
    /// after it (Alertmanager's grouping), so a burst of posts is one alert and an update.
    ///
    /// - Throws: ``EscalationError/unknownSchool(_:)`` when the trust has no such school.
    public func decide(
        _ verdict: Verdict, open: Case?, lastSequence: Int, alert: CaseStore.Alert? = nil, at date: Date
    ) throws(EscalationError) -> Decision? {
        guard let recorded = CaseVerdict(verdict) else { return nil }
        guard let pack = packs[verdict.school], let router = routers[verdict.school] else { throw .unknownSchool(verdict.school) }
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
            guard climbs else { return Decision(case: joined, events: [event], notifications: []) }
            let route = self.route(joined, router: router, pack: pack)
            let hold = holdsAlerts(joined)
            if let alert, alert.sendAt > date {
                // The alert is still held: it goes with what this post adds, at its time (at once
                // if the case has become one that is never held).
                let sendAt = hold ? alert.sendAt : date
                let template: CaseNotification.Template = alert.notification == openingNotification(of: open.id) ? .caseOpened : .caseJoined
                var revised = notification(about: event, case: joined, template: template, route: route, pack: pack)
                revised.id = alert.notification
                revised.sendAfter = sendAt > date ? sendAt : nil
                return Decision(
                    case: joined, events: [event], notifications: [], revised: [revised],
                    alert: CaseStore.Alert(notification: alert.notification, sendAt: sendAt))
            }
            let sendAt = hold ? max(date, alert.map { $0.sendAt.addingTimeInterval(settings.groupInterval / .seconds(1)) } ?? date) : date
            var update = notification(about: event, case: joined, template: .caseJoined, route: route, pack: pack)
            update.sendAfter = sendAt > date ? sendAt : nil
            return Decision(
                case: joined, events: [event], notifications: [update], alert: CaseStore.Alert(notification: update.id, sendAt: sendAt))
        }
        // The most severe clause broken decides the ladder; a clause gone from the pack since
        // the verdict was made leaves the case on the first step only.
        let clauses = pack.clauses(recorded.clauseIDs)
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
        var first = notification(about: event, case: opened, template: .caseOpened, route: route(opened, router: router, pack: pack), pack: pack)
        let sendAt = holdsAlerts(opened) ? date.addingTimeInterval(settings.groupWait / .seconds(1)) : date
        first.sendAfter = sendAt > date ? sendAt : nil
        return Decision(case: opened, events: [event], notifications: [first], alert: CaseStore.Alert(notification: first.id, sendAt: sendAt))
    }

    /// Who is told about `case` as it stands: its clauses, the people it is about, its allegation.
    func route(_ case: Case, router: CaseRouter, pack: PolicyPack) -> CaseRouter.Route {
        let clauses = pack.clauses(`case`.clauseIDs)
        return router.route(clauses, subjects: `case`.about, allegation: `case`.allegation)
    }

    /// Whether alerts about `case` may be held to group a burst: not when it is critical, a
    /// safeguarding concern or an allegation against staff.
    func holdsAlerts(_ case: Case) -> Bool {
        guard settings.groupWait > .zero, `case`.severity != .critical, `case`.allegation == nil else { return false }
        return !`case`.behaviours.contains { $0 == .safeguardingConcern || $0 == .safeguardingExtremism }
    }

    /// The id of the notification a case's `opened` event asked for.
    func openingNotification(of caseID: UUID) -> UUID {
        CaseIdentity.notificationID(event: CaseIdentity.eventID(case: caseID, sequence: 1))
    }

    /// When `case` goes to the trust if no one acknowledges it; nil unless it is waiting for an
    /// acknowledgement.
    public func dueAt(_ case: Case) -> Date? {
        `case`.dueAt(deadline: settings.deadline(for: `case`.severity))
    }

    /// When an acknowledged case with no step recorded since goes up the chain; nil otherwise.
    public func stepDueAt(_ case: Case) -> Date? {
        guard case .acknowledged(_, let at) = `case`.state, (`case`.lastStepAt ?? .distantPast) < at else { return nil }
        return at.addingTimeInterval(settings.stepDeadline(for: `case`.severity))
    }

    /// When the LADO referral goes to the trust if it is not recorded; nil when there is none to make.
    public func referralDueAt(_ case: Case) -> Date? {
        guard let allegation = `case`.allegation, allegation.overdueAt == nil, !`case`.isReferredToLADO else { return nil }
        if case .closed = `case`.state { return nil }
        return allegation.referralDueAt
    }

    /// When an unacknowledged case is next reminded of; nil when it is acknowledged, closed, or
    /// told only in the digest.
    public func reminderDueAt(_ case: Case, alert: CaseStore.Alert?) -> Date? {
        guard let alert, settings.repeatInterval > .zero else { return nil }
        switch `case`.state {
        case .open, .escalated: break
        case .acknowledged, .closed: return nil
        }
        guard let pack = packs[`case`.school] else { return nil }
        let clauses = pack.clauses(`case`.clauseIDs)
        guard CaseRouter.mode(for: clauses, allegation: `case`.allegation) == .immediate else { return nil }
        return alert.sendAt.addingTimeInterval(settings.repeatInterval / .seconds(1))
    }

    /// When the sweep next looks at `case`: the earliest of its timers; nil when none runs.
    public func wakeAt(_ case: Case, alert: CaseStore.Alert?) -> Date? {
        [dueAt(`case`), stepDueAt(`case`), referralDueAt(`case`), reminderDueAt(`case`, alert: alert)].compactMap { $0 }.min()
    }

    /// The clock's decision about `case` at `date`, taking every timer that has run out: a LADO
    /// referral not recorded within its working day goes to the trust safeguarding lead and its
    /// owner; an unacknowledged case past its deadline goes to the trust safeguarding lead; an
    /// acknowledged case with no step by the step's deadline goes to the next person up the
    /// chain and waits for an acknowledgement again; an unacknowledged case is reminded of at
    /// the repeat interval. Nil when nothing is due.
    public func overdue(_ case: Case, lastSequence: Int, alert: CaseStore.Alert? = nil, at date: Date) -> Decision? {
        guard let pack = packs[`case`.school], let router = routers[`case`.school] else { return nil }
        var current = `case`
        var events: [CaseEvent] = []
        var notifications: [CaseNotification] = []
        var newAlert: CaseStore.Alert?
        let excluded = router.excludedNames(names: [], subjects: current.about)
        func recipients(_ roles: [ContactRole]) -> CaseRouter.Route {
            CaseRouter.Route(recipients: router.recipients(for: roles, excluding: excluded), mode: .immediate, roles: roles)
        }
        func record(_ kind: CaseEvent.Kind, _ next: Case, template: CaseNotification.Template, to route: CaseRouter.Route, deadline: Date?) {
            let event = makeEvent(case: current.id, sequence: lastSequence + events.count + 1, school: current.school, kind: kind, at: date)
            current = next
            events.append(event)
            var message = notification(about: event, case: next, template: template, route: route, pack: pack)
            message.deadline = deadline
            notifications.append(message)
        }
        if let due = referralDueAt(current), date >= due, let next = try? current.referralOverdue(at: date), let owner = current.allegation?.owner {
            record(.referralOverdue, next, template: .referralOverdue, to: recipients([.trustSafeguardingLead, owner]), deadline: due)
        }
        if let due = dueAt(current), date >= due, let next = try? current.escalatedOverdue(at: date) {
            record(.overdueEscalated, next, template: .caseOverdue, to: recipients([.trustSafeguardingLead]), deadline: due)
        }
        if let due = stepDueAt(current), date >= due, case .acknowledged(let role, _) = current.state, let next = try? current.stalled(at: date) {
            let above = role.chain.dropFirst().first ?? .trustSafeguardingLead
            record(
                .stalled(to: above), next, template: .caseStalled, to: recipients([above]),
                deadline: date.addingTimeInterval(settings.deadline(for: next.severity)))
        }
        // What the clock sent is the case's latest alert: reminders count from it.
        if let last = notifications.last { newAlert = CaseStore.Alert(notification: last.id, sendAt: date) }
        if events.isEmpty, let due = reminderDueAt(current, alert: alert), date >= due, let alert {
            // A reminder changes nothing in the case: no event, an id from the alert it follows.
            var reminder = notification(
                id: CaseIdentity.reminderID(case: current.id, after: alert.sendAt),
                eventID: CaseIdentity.eventID(case: current.id, sequence: lastSequence),
                at: date, case: current, template: .caseReminder, route: route(current, router: router, pack: pack), pack: pack)
            reminder.deadline = dueAt(current)
            notifications.append(reminder)
            newAlert = CaseStore.Alert(notification: reminder.id, sendAt: date)
        }
        guard !notifications.isEmpty else { return nil }
        return Decision(case: current, events: events, notifications: notifications, alert: newAlert)
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
        notification(
            id: CaseIdentity.notificationID(event: event.id), eventID: event.id, at: event.at, case: `case`, template: template,
            route: route, pack: pack)
    }

    func notification(
        id: UUID, eventID: UUID, at date: Date, case: Case, template: CaseNotification.Template, route: CaseRouter.Route, pack: PolicyPack
    ) -> CaseNotification {
        CaseNotification(
            id: id, caseID: `case`.id, school: `case`.school, recipients: route.recipients, mode: route.mode, subject: subject(for: `case`),
            template: template, createdAt: date, eventID: eventID, step: `case`.step, nextStep: pack.words(for: `case`.step),
            deadline: `case`.allegation.flatMap { $0.overdueAt == nil ? $0.referralDueAt : nil } ?? dueAt(`case`))
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
