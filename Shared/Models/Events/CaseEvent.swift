import Foundation

/// Something that happened to a case, for the audit trail and the notifier; payload of
/// `parapet.case-event/1` on `parapet.case-events`, keyed by case id.
///
/// On the wire the kind's details sit beside the common fields:
/// `{"id": …, "case_id": …, "school": …, "kind": "joined", "verdict_id": …, "severity": "high",
/// "step": "written_warning", "at": …, "actor": {"kind": "service", "name": "escalation"}}`.
public struct CaseEvent: EventPayload, Hashable, Identifiable {
    public static let schema = EventSchema.caseEventV1
    public static let topic = ParapetTopic.caseEvents

    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A verdict opened the case, on the first step of its ladder.
        case opened(verdictID: UUID, severity: Severity, step: LadderStep)
        /// A repeat post joined the open case; `severity` and `step` are the case's afterwards.
        case joined(verdictID: UUID, severity: Severity, step: LadderStep)
        /// A leader moved the case up its ladder to `step`.
        case escalated(step: LadderStep)
        /// A leader in `role` took the case on.
        case acknowledged(by: ContactRole)
        /// No one acknowledged the case in time, so it went to the trust safeguarding lead.
        case overdueEscalated
        /// The case was closed.
        case closed(reason: CaseState.Closure)

        /// The name of the kind on the wire.
        public var name: String {
            switch self {
            case .opened: "opened"
            case .joined: "joined"
            case .escalated: "escalated"
            case .acknowledged: "acknowledged"
            case .overdueEscalated: "overdue_escalated"
            case .closed: "closed"
            }
        }
    }

    public var id: UUID
    public var caseID: UUID
    public var school: String
    public var kind: Kind
    public var at: Date
    public var actor: CaseActor

    public init(id: UUID = UUID(), caseID: UUID, school: String, kind: Kind, at: Date, actor: CaseActor) {
        self.id = id
        self.caseID = caseID
        self.school = school
        self.kind = kind
        self.at = at
        self.actor = actor
    }

    public var occurredAt: Date { at }

    /// The case id, so that one case's events stay in order.
    public var partitionKey: String { caseID.lowercasedString }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        caseID = try container.decode(UUID.self, forKey: .caseID)
        school = try container.decode(String.self, forKey: .school)
        at = try container.decode(Date.self, forKey: .at)
        actor = try container.decode(CaseActor.self, forKey: .actor)
        let name = try container.decode(String.self, forKey: .kind)
        switch name {
        case "opened", "joined":
            let verdictID = try container.decode(UUID.self, forKey: .verdictID)
            let severity = try container.decode(Severity.self, forKey: .severity)
            let step = try container.decode(LadderStep.self, forKey: .step)
            kind =
                name == "opened"
                ? .opened(verdictID: verdictID, severity: severity, step: step)
                : .joined(verdictID: verdictID, severity: severity, step: step)
        case "escalated": kind = .escalated(step: try container.decode(LadderStep.self, forKey: .step))
        case "acknowledged": kind = .acknowledged(by: try container.decode(ContactRole.self, forKey: .role))
        case "overdue_escalated": kind = .overdueEscalated
        case "closed": kind = .closed(reason: try container.decode(CaseState.Closure.self, forKey: .reason))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "not a case event kind: \(name)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(school, forKey: .school)
        try container.encode(kind.name, forKey: .kind)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        switch kind {
        case .opened(let verdictID, let severity, let step), .joined(let verdictID, let severity, let step):
            try container.encode(verdictID, forKey: .verdictID)
            try container.encode(severity, forKey: .severity)
            try container.encode(step, forKey: .step)
        case .escalated(let step): try container.encode(step, forKey: .step)
        case .acknowledged(let role): try container.encode(role, forKey: .role)
        case .overdueEscalated: break
        case .closed(let reason): try container.encode(reason, forKey: .reason)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, school, kind, severity, step, role, reason, at, actor
        case caseID = "case_id"
        case verdictID = "verdict_id"
    }
}
