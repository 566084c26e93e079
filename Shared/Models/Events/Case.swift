import Foundation

/// One author's run of breaches in one school, climbing the escalation ladder
/// (docs/architecture.md, "Escalation ladder").
///
/// A case is a value: its transitions (``opening(_:ladder:id:at:)``, ``joining(_:at:)``,
/// ``advanced(at:)``, ``acknowledged(by:at:)``, ``escalatedOverdue(at:deadline:)``,
/// ``closed(_:at:)``) return the next case or throw a ``CaseTransitionError``, and change
/// nothing else. Every change is recorded as a ``CaseEvent``, and a case is its events replayed
/// (``replaying(_:)``): the escalation service keeps the events and derives the case from them.
public struct Case: Codable, Sendable, Hashable, Identifiable {
    public let id: UUID
    public let school: String
    /// The author the case is about (``Post/authorKey``).
    public let authorKey: AuthorKey
    public internal(set) var state: CaseState
    /// The steps this case climbs, from the clause of the verdict that opened it; never empty.
    public let ladder: [LadderStep]
    /// The index in `ladder` of the current step.
    public internal(set) var rung: Int
    /// The most severe breach so far.
    public internal(set) var severity: Severity
    /// The verdicts that opened and joined the case, oldest first; never empty.
    public internal(set) var verdictIDs: [UUID]
    /// The posts those verdicts judged, oldest first, each once (an edit does not climb the ladder).
    public internal(set) var postIDs: [UUID]
    /// The clauses broken so far, in the order first broken.
    public internal(set) var clauseIDs: [String]
    /// The behaviours of those clauses, in the order first seen.
    public internal(set) var behaviours: [Behaviour]
    public let openedAt: Date
    /// When anything last happened to the case.
    public internal(set) var updatedAt: Date
    /// The contact (by email address) the case is assigned to, if anyone.
    public internal(set) var assignee: String?
    /// The steps of the procedure leaders recorded as done, oldest first.
    public internal(set) var stepsTaken: [CaseStepTaken]
    /// When a leader last recorded anything on the case; nil until one does.
    public internal(set) var lastActedAt: Date?
    /// The case this one was merged into, if it was.
    public internal(set) var mergedInto: UUID?
    /// The cases merged into this one, oldest first.
    public internal(set) var mergedFrom: [UUID]
    /// Who the case's posts are about (``ClauseBreach/about``), in the order first seen.
    public internal(set) var about: [BreachSubject]
    /// The allegations-management step, when a post alleges a member of staff harmed a child.
    public internal(set) var allegation: AllegationManagement?
    /// When a leader last recorded a step of the procedure; nil until one does.
    public internal(set) var lastStepAt: Date?
    /// How many times the case went up the chain because no step followed its acknowledgement.
    public internal(set) var stalls: Int

    /// What a case brings to another when merged into it.
    public struct Contents: Codable, Sendable, Hashable {
        public var severity: Severity
        public var verdictIDs: [UUID]
        public var postIDs: [UUID]
        public var clauseIDs: [String]
        public var behaviours: [Behaviour]

        public init(severity: Severity, verdictIDs: [UUID], postIDs: [UUID], clauseIDs: [String], behaviours: [Behaviour]) {
            self.severity = severity
            self.verdictIDs = verdictIDs
            self.postIDs = postIDs
            self.clauseIDs = clauseIDs
            self.behaviours = behaviours
        }

        enum CodingKeys: String, CodingKey {
            case severity, behaviours
            case verdictIDs = "verdict_ids"
            case postIDs = "post_ids"
            case clauseIDs = "clause_ids"
        }
    }

    /// What this case would bring to another if merged into it.
    public var contents: Contents {
        Contents(severity: severity, verdictIDs: verdictIDs, postIDs: postIDs, clauseIDs: clauseIDs, behaviours: behaviours)
    }

    /// A case as stored; nil when it cannot be (an empty ladder or history, a rung off the ladder).
    /// Use ``opening(_:ladder:id:at:)`` to open a new one.
    public init?(
        id: UUID, school: String, authorKey: AuthorKey, state: CaseState, ladder: [LadderStep], rung: Int,
        severity: Severity, verdictIDs: [UUID], postIDs: [UUID], clauseIDs: [String] = [], behaviours: [Behaviour] = [],
        openedAt: Date, updatedAt: Date, assignee: String? = nil, stepsTaken: [CaseStepTaken] = [], lastActedAt: Date? = nil,
        mergedInto: UUID? = nil, mergedFrom: [UUID] = [], about: [BreachSubject] = [], allegation: AllegationManagement? = nil,
        lastStepAt: Date? = nil, stalls: Int = 0
    ) {
        guard Self.invalidField(ladder: ladder, rung: rung, verdictIDs: verdictIDs, postIDs: postIDs) == nil else {
            return nil
        }
        self.id = id
        self.school = school
        self.authorKey = authorKey
        self.state = state
        self.ladder = ladder
        self.rung = rung
        self.severity = severity
        self.verdictIDs = verdictIDs
        self.postIDs = postIDs
        self.clauseIDs = clauseIDs
        self.behaviours = behaviours
        self.openedAt = openedAt
        self.updatedAt = updatedAt
        self.assignee = assignee
        self.stepsTaken = stepsTaken
        self.lastActedAt = lastActedAt
        self.mergedInto = mergedInto
        self.mergedFrom = mergedFrom
        self.about = about
        self.allegation = allegation
        self.lastStepAt = lastStepAt
        self.stalls = stalls
    }

    /// Whether the LADO referral is recorded.
    public var isReferredToLADO: Bool {
        stepsTaken.contains { if case .ladoReferred = $0 { true } else { false } }
    }

    /// The step of the ladder the case is on.
    public var step: LadderStep { ladder[rung] }

    /// Whether the case is on the last step of its ladder.
    public var isAtTopOfLadder: Bool { rung == ladder.count - 1 }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ladder = try container.decode([LadderStep].self, forKey: .ladder)
        let rung = try container.decode(Int.self, forKey: .rung)
        let verdictIDs = try container.decode([UUID].self, forKey: .verdictIDs)
        let postIDs = try container.decode([UUID].self, forKey: .postIDs)
        if let field = Self.invalidField(ladder: ladder, rung: rung, verdictIDs: verdictIDs, postIDs: postIDs) {
            throw DecodingError.dataCorruptedError(forKey: field, in: container, debugDescription: "\(field.problem)")
        }
        self.init(
            id: try container.decode(UUID.self, forKey: .id), school: try container.decode(String.self, forKey: .school),
            authorKey: try container.decode(AuthorKey.self, forKey: .authorKey),
            state: try container.decode(CaseState.self, forKey: .state), ladder: ladder, rung: rung,
            severity: try container.decode(Severity.self, forKey: .severity), verdictIDs: verdictIDs, postIDs: postIDs,
            clauseIDs: try container.decodeIfPresent([String].self, forKey: .clauseIDs) ?? [],
            behaviours: try container.decodeIfPresent([Behaviour].self, forKey: .behaviours) ?? [],
            openedAt: try container.decode(Date.self, forKey: .openedAt),
            updatedAt: try container.decode(Date.self, forKey: .updatedAt),
            assignee: try container.decodeIfPresent(String.self, forKey: .assignee),
            stepsTaken: try container.decodeIfPresent([CaseStepTaken].self, forKey: .stepsTaken) ?? [],
            lastActedAt: try container.decodeIfPresent(Date.self, forKey: .lastActedAt),
            mergedInto: try container.decodeIfPresent(UUID.self, forKey: .mergedInto),
            mergedFrom: try container.decodeIfPresent([UUID].self, forKey: .mergedFrom) ?? [],
            about: try container.decodeIfPresent([BreachSubject].self, forKey: .about) ?? [],
            allegation: try container.decodeIfPresent(AllegationManagement.self, forKey: .allegation),
            lastStepAt: try container.decodeIfPresent(Date.self, forKey: .lastStepAt),
            stalls: try container.decodeIfPresent(Int.self, forKey: .stalls) ?? 0)!
    }

    /// The first field that makes a stored case impossible, if any.
    private static func invalidField(ladder: [LadderStep], rung: Int, verdictIDs: [UUID], postIDs: [UUID]) -> CodingKeys? {
        if ladder.isEmpty { return .ladder }
        if !ladder.indices.contains(rung) { return .rung }
        if verdictIDs.isEmpty { return .verdictIDs }
        if postIDs.isEmpty { return .postIDs }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case id, school, state, ladder, rung, severity, behaviours, assignee, about, allegation, stalls
        case lastStepAt = "last_step_at"
        case stepsTaken = "steps_taken"
        case lastActedAt = "last_acted_at"
        case mergedInto = "merged_into"
        case mergedFrom = "merged_from"
        case clauseIDs = "clause_ids"
        case authorKey = "author_key"
        case verdictIDs = "verdict_ids"
        case postIDs = "post_ids"
        case openedAt = "opened_at"
        case updatedAt = "updated_at"

        var problem: String {
            switch self {
            case .ladder: "a case's ladder has at least one step"
            case .rung: "the rung is not a step of the ladder"
            default: "a case has at least one verdict and post"
            }
        }
    }
}
