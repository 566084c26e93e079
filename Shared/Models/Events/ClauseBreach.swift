/// One policy clause a post breaks, with the evidence for it.
///
/// `parapet.verdict/2` added `about` and `child_at_risk`; a `parapet.verdict/1` breach reads
/// with neither (no one known, no child said to be at risk).
public struct ClauseBreach: Codable, Sendable, Hashable {
    /// The clause's id in the pack the verdict names (``PolicyClause/id``).
    public var clauseID: String
    public var behaviour: Behaviour
    /// The clause's severity.
    public var severity: Severity
    public var evidence: [Evidence]
    /// Who the breach is about, as far as the post says: the people named or pointed at in the
    /// sentences its evidence lies in, and for a member of staff's own conduct, that member of
    /// staff. Routing leaves them out of those told.
    public var about: [BreachSubject]
    /// The post says a child was harmed or is at risk (an allegation that a member of staff hurt
    /// a child, "a paedo"): with a member of staff among `about`, the allegations-management
    /// procedure (a referral to the LADO) applies.
    public var childAtRisk: Bool

    public init(
        clauseID: String, behaviour: Behaviour, severity: Severity, evidence: [Evidence], about: [BreachSubject] = [],
        childAtRisk: Bool = false
    ) {
        self.clauseID = clauseID
        self.behaviour = behaviour
        self.severity = severity
        self.evidence = evidence
        self.about = about
        self.childAtRisk = childAtRisk
    }

    /// A member of staff is said to have harmed a child, to have committed an offence against
    /// one, or to pose a risk to children (Keeping Children Safe in Education, part four).
    public var allegesHarmByStaff: Bool {
        guard childAtRisk, about.contains(where: { $0.kind == .staff }) else { return false }
        switch behaviour {
        case .allegation, .defamation, .safeguardingConcern, .threatOfViolence: return true
        default: return false
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clauseID = try container.decode(String.self, forKey: .clauseID)
        behaviour = try container.decode(Behaviour.self, forKey: .behaviour)
        severity = try container.decode(Severity.self, forKey: .severity)
        evidence = try container.decode([Evidence].self, forKey: .evidence)
        about = try container.decodeIfPresent([BreachSubject].self, forKey: .about) ?? []
        childAtRisk = try container.decodeIfPresent(Bool.self, forKey: .childAtRisk) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clauseID, forKey: .clauseID)
        try container.encode(behaviour, forKey: .behaviour)
        try container.encode(severity, forKey: .severity)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(about, forKey: .about)
        if childAtRisk { try container.encode(true, forKey: .childAtRisk) }
    }

    enum CodingKeys: String, CodingKey {
        case behaviour, severity, evidence, about
        case clauseID = "clause_id"
        case childAtRisk = "child_at_risk"
    }
}
