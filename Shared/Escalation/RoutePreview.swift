import Foundation
import ParapetModels

/// Who would be told about a breach of one clause, how and when, worked out without opening
/// anything: what `parapet route test` prints, so trust IT can check a configuration before it
/// goes live (as Alertmanager's `amtool config routes test` does).
public struct RoutePreview: Sendable, Hashable, Encodable {
    /// Someone who would be told.
    public struct Person: Sendable, Hashable, Encodable {
        public var role: ContactRole
        public var name: String
        public var email: String
    }

    public var school: String
    public var clause: String
    public var behaviour: Behaviour
    public var severity: Severity
    /// The clause in the policy's words.
    public var quote: String?
    public var mode: NotifyMode
    /// The roles asked for, before anyone was left out.
    public var roles: [ContactRole]
    public var recipients: [Person]
    /// The people left out because the breach is about them.
    public var leftOut: [String]
    /// The first step of the clause's ladder, and the procedure's words for it.
    public var firstStep: LadderStep
    public var firstStepWords: String?
    public var ladder: [LadderStep]
    /// How long the case would wait for an acknowledgement before going to `overdueTo`.
    public var acknowledgeWithinSeconds: Int
    public var overdueTo: [Person]

    enum CodingKeys: String, CodingKey {
        case school, clause, behaviour, severity, quote, mode, roles, recipients, ladder
        case leftOut = "left_out"
        case firstStep = "first_step"
        case firstStepWords = "first_step_words"
        case acknowledgeWithinSeconds = "acknowledge_within_seconds"
        case overdueTo = "overdue_to"
    }
}

/// Why a route cannot be previewed.
public enum RoutePreviewError: Error, Hashable, CustomStringConvertible {
    case unknownSchool(String, known: [String])
    case unknownClause(String, school: String, known: [String])

    public var description: String {
        switch self {
        case .unknownSchool(let school, let known): "no school \"\(school)\"; the trust has \(known.joined(separator: ", "))"
        case .unknownClause(let clause, let school, let known):
            "\(school)'s pack has no clause \"\(clause)\"; it has \(known.joined(separator: ", "))"
        }
    }
}

extension Escalator {
    /// Who would be told about a breach of `clause` at `school` by a post about the people named
    /// in `about` (roster or contact names; none when the post names no one).
    ///
    /// - Throws: ``RoutePreviewError`` naming what the trust does have.
    public func preview(school: String, clause clauseID: String, about: [String] = []) throws(RoutePreviewError) -> RoutePreview {
        guard let pack = pack(for: school), let router = router(for: school) else {
            throw .unknownSchool(school, known: configuration.schools.map(\.id))
        }
        guard let clause = pack.clauses.first(where: { $0.id == clauseID }) else {
            throw .unknownClause(clauseID, school: school, known: pack.clauses.map(\.id))
        }
        let subjects = about.compactMap { router.subject(named: $0) }
        let route = router.route([clause], about: Set(about), subjects: subjects)
        func person(_ recipient: CaseNotification.Recipient) -> RoutePreview.Person {
            let contact = router.contacts.first { $0.email == recipient.email && $0.role == recipient.role }
            return RoutePreview.Person(role: recipient.role, name: contact?.name ?? "", email: recipient.email)
        }
        let excluded = router.excludedNames(names: Set(about), subjects: subjects)
        let leftOut = router.contacts.filter { excluded.contains(CaseRouter.comparable($0.name)) && route.roles.contains($0.role) }
        let trustLead = router.people(for: .trustSafeguardingLead, excluding: excluded).map {
            RoutePreview.Person(role: $0.role, name: $0.name, email: $0.email)
        }
        let ladder = clause.ladder.isEmpty ? [LadderStep.record] : clause.ladder
        return RoutePreview(
            school: school, clause: clause.id, behaviour: clause.behaviour, severity: clause.severity, quote: clause.quote,
            mode: route.mode, roles: route.roles, recipients: route.recipients.map(person), leftOut: leftOut.map(\.name),
            firstStep: ladder[0], firstStepWords: pack.words(for: ladder[0]), ladder: ladder,
            acknowledgeWithinSeconds: Int(settings.deadline(for: clause.severity)), overdueTo: trustLead)
    }
}
