import Foundation

/// What a case keeps of one verdict that opened or joined it: enough to replay the case from its
/// events without reading the verdict again.
public struct CaseVerdict: Codable, Sendable, Hashable {
    public var verdictID: UUID
    public var postID: UUID
    public var postRevision: Int
    /// The most severe breach's severity.
    public var severity: Severity
    /// The clauses broken, most severe first.
    public var clauseIDs: [String]
    /// Their behaviours, in the same order, each once.
    public var behaviours: [Behaviour]
    /// Who the breaches are about (``ClauseBreach/about``), each once.
    public var about: [BreachSubject]
    /// A breach alleges that a member of staff harmed a child or poses a risk to children
    /// (``ClauseBreach/allegesHarmByStaff``).
    public var allegesHarmByStaff: Bool
    /// Such a breach names the teacher accused (section 141F of the Education Act 2002).
    public var identifiesAccusedTeacher: Bool

    public init(
        verdictID: UUID, postID: UUID, postRevision: Int, severity: Severity, clauseIDs: [String], behaviours: [Behaviour],
        about: [BreachSubject] = [], allegesHarmByStaff: Bool = false, identifiesAccusedTeacher: Bool = false
    ) {
        self.verdictID = verdictID
        self.postID = postID
        self.postRevision = postRevision
        self.severity = severity
        self.clauseIDs = clauseIDs
        self.behaviours = behaviours
        self.about = about
        self.allegesHarmByStaff = allegesHarmByStaff
        self.identifiesAccusedTeacher = identifiesAccusedTeacher
    }

    /// Whether the verdict is about the school's headteacher.
    public var isAboutHeadteacher: Bool { about.contains(where: \.isHeadteacher) }

    /// The verdict as a case keeps it; nil for a benign verdict, which neither opens nor joins one.
    public init?(_ verdict: Verdict) {
        guard let severity = verdict.severity else { return nil }
        let breaches = verdict.breaches.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
        var behaviours: [Behaviour] = []
        var about: [BreachSubject] = []
        for (_, breach) in breaches {
            if !behaviours.contains(breach.behaviour) { behaviours.append(breach.behaviour) }
            for subject in breach.about where !about.contains(subject) { about.append(subject) }
        }
        let allegations = verdict.breaches.filter(\.allegesHarmByStaff)
        self.init(
            verdictID: verdict.id, postID: verdict.postID, postRevision: verdict.postRevision, severity: severity,
            clauseIDs: breaches.map(\.element.clauseID), behaviours: behaviours, about: about, allegesHarmByStaff: !allegations.isEmpty,
            identifiesAccusedTeacher: allegations.contains { $0.about.contains { $0.isTeacher && $0.id != nil } })
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            verdictID: try container.decode(UUID.self, forKey: .verdictID), postID: try container.decode(UUID.self, forKey: .postID),
            postRevision: try container.decode(Int.self, forKey: .postRevision), severity: try container.decode(Severity.self, forKey: .severity),
            clauseIDs: try container.decode([String].self, forKey: .clauseIDs),
            behaviours: try container.decode([Behaviour].self, forKey: .behaviours),
            // Events written before verdicts said who they were about have none of these.
            about: try container.decodeIfPresent([BreachSubject].self, forKey: .about) ?? [],
            allegesHarmByStaff: try container.decodeIfPresent(Bool.self, forKey: .allegesHarmByStaff) ?? false,
            identifiesAccusedTeacher: try container.decodeIfPresent(Bool.self, forKey: .identifiesAccusedTeacher) ?? false)
    }

    enum CodingKeys: String, CodingKey {
        case severity, behaviours, about
        case allegesHarmByStaff = "alleges_harm_by_staff"
        case identifiesAccusedTeacher = "identifies_accused_teacher"
        case verdictID = "verdict_id"
        case postID = "post_id"
        case postRevision = "post_revision"
        case clauseIDs = "clause_ids"
    }
}
