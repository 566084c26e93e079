import Foundation

/// Something that happened to a case; payload of `parapet.case-event/1` on
/// `parapet.case-events`, keyed by case id, and a row of `case_events`.
///
/// Events are the record: a case is its events replayed in order (``Case/replaying(_:)``), so
/// each event carries what its transition needs. `sequence` numbers a case's events from 1.
///
/// On the wire the kind's details sit beside the common fields:
/// `{"id": …, "case_id": …, "sequence": 2, "school": …, "kind": "joined", "verdict": {…},
/// "step": "written_warning", "at": …, "actor": {"kind": "service", "name": "escalation"}}`.
public struct CaseEvent: EventPayload, Hashable, Identifiable {
    public static let schema = EventSchema.caseEventV1
    public static let topic = ParapetTopic.caseEvents

    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A verdict opened the case by `author`, on the first step of `ladder`.
        case opened(verdict: CaseVerdict, author: AuthorKey, ladder: [LadderStep])
        /// A repeat post (or an edit of one in the case) joined the open case; `step` is the
        /// case's step afterwards.
        case joined(verdict: CaseVerdict, step: LadderStep)
        /// A leader moved the case up its ladder to `step`.
        case escalated(step: LadderStep)
        /// A leader in `role` took the case on.
        case acknowledged(by: ContactRole)
        /// No one acknowledged the case in time, so it went to the trust safeguarding lead.
        case overdueEscalated
        /// The case was closed.
        case closed(reason: CaseState.Closure)
        /// A leader gave the case to the contact with this email address, or took it from
        /// whoever had it (nil).
        case assigned(to: String?)
        /// A leader recorded a step of the procedure as done.
        case stepTaken(CaseStepTaken)
        /// A leader added a note (the event's ``CaseEvent/note``).
        case noted
        /// A leader reopened a closed case.
        case reopened
        /// This case was merged into `into`, which carries it on; this case is closed.
        case merged(into: UUID)
        /// The case `from` was merged into this one, bringing its verdicts, posts and clauses.
        case mergedIn(from: UUID, contents: Case.Contents)
        /// The LADO referral was not recorded by its deadline, so it went to the trust safeguarding lead.
        case referralOverdue
        /// No step was recorded after the acknowledgement by the step's deadline, so the case went
        /// to the next person up the chain, `to`, and waits for an acknowledgement again.
        case stalled(to: ContactRole)

        /// The name of the kind on the wire.
        public var name: String {
            switch self {
            case .opened: "opened"
            case .joined: "joined"
            case .escalated: "escalated"
            case .acknowledged: "acknowledged"
            case .overdueEscalated: "overdue_escalated"
            case .closed: "closed"
            case .assigned(let to): to == nil ? "unassigned" : "assigned"
            case .stepTaken: "step_taken"
            case .noted: "noted"
            case .reopened: "reopened"
            case .merged: "merged"
            case .mergedIn: "merged_in"
            case .referralOverdue: "referral_overdue"
            case .stalled: "stalled"
            }
        }
    }

    public var id: UUID
    public var caseID: UUID
    /// The event's place in its case's history, from 1.
    public var sequence: Int
    public var school: String
    public var kind: Kind
    public var at: Date
    public var actor: CaseActor
    /// The reason or note a leader gave; every leader's action carries one, the service's none.
    public var note: String?

    public init(
        id: UUID = UUID(), caseID: UUID, sequence: Int, school: String, kind: Kind, at: Date, actor: CaseActor, note: String? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.sequence = sequence
        self.school = school
        self.kind = kind
        self.at = at
        self.actor = actor
        self.note = note
    }

    public var occurredAt: Date { at }

    /// The case id, so that one case's events stay in order.
    public var partitionKey: String { caseID.lowercasedString }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        caseID = try container.decode(UUID.self, forKey: .caseID)
        sequence = try container.decode(Int.self, forKey: .sequence)
        school = try container.decode(String.self, forKey: .school)
        at = try container.decode(Date.self, forKey: .at)
        actor = try container.decode(CaseActor.self, forKey: .actor)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        let name = try container.decode(String.self, forKey: .kind)
        switch name {
        case "opened":
            kind = .opened(
                verdict: try container.decode(CaseVerdict.self, forKey: .verdict),
                author: try container.decode(AuthorKey.self, forKey: .authorKey),
                ladder: try container.decode([LadderStep].self, forKey: .ladder))
        case "joined":
            kind = .joined(
                verdict: try container.decode(CaseVerdict.self, forKey: .verdict), step: try container.decode(LadderStep.self, forKey: .step))
        case "escalated": kind = .escalated(step: try container.decode(LadderStep.self, forKey: .step))
        case "acknowledged": kind = .acknowledged(by: try container.decode(ContactRole.self, forKey: .role))
        case "overdue_escalated": kind = .overdueEscalated
        case "closed": kind = .closed(reason: try container.decode(CaseState.Closure.self, forKey: .reason))
        case "assigned": kind = .assigned(to: try container.decode(String.self, forKey: .assignee))
        case "unassigned": kind = .assigned(to: nil)
        case "step_taken": kind = .stepTaken(try container.decode(CaseStepTaken.self, forKey: .stepTaken))
        case "noted": kind = .noted
        case "reopened": kind = .reopened
        case "merged": kind = .merged(into: try container.decode(UUID.self, forKey: .into))
        case "referral_overdue": kind = .referralOverdue
        case "stalled": kind = .stalled(to: try container.decode(ContactRole.self, forKey: .role))
        case "merged_in":
            kind = .mergedIn(
                from: try container.decode(UUID.self, forKey: .from), contents: try container.decode(Case.Contents.self, forKey: .contents))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription:
                    "\(JSONStringEscaping.excerpt(name)) is not one of opened, joined, escalated, acknowledged, overdue_escalated, closed, "
                    + "assigned, unassigned, step_taken, noted, reopened, merged, merged_in, referral_overdue, stalled")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(school, forKey: .school)
        try container.encode(kind.name, forKey: .kind)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encodeIfPresent(note, forKey: .note)
        switch kind {
        case .opened(let verdict, let author, let ladder):
            try container.encode(verdict, forKey: .verdict)
            try container.encode(author, forKey: .authorKey)
            try container.encode(ladder, forKey: .ladder)
            try container.encode(ladder[0], forKey: .step)
        case .joined(let verdict, let step):
            try container.encode(verdict, forKey: .verdict)
            try container.encode(step, forKey: .step)
        case .escalated(let step): try container.encode(step, forKey: .step)
        case .acknowledged(let role): try container.encode(role, forKey: .role)
        case .overdueEscalated: break
        case .closed(let reason): try container.encode(reason, forKey: .reason)
        case .assigned(let assignee): try container.encodeIfPresent(assignee, forKey: .assignee)
        case .stepTaken(let step): try container.encode(step, forKey: .stepTaken)
        case .noted, .reopened, .referralOverdue: break
        case .stalled(let role): try container.encode(role, forKey: .role)
        case .merged(let into): try container.encode(into, forKey: .into)
        case .mergedIn(let from, let contents):
            try container.encode(from, forKey: .from)
            try container.encode(contents, forKey: .contents)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, sequence, school, kind, verdict, ladder, step, role, reason, at, actor, note, assignee, into, from, contents
        case stepTaken = "step_taken"
        case caseID = "case_id"
        case authorKey = "author_key"
    }
}
