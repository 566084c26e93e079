/// One policy clause a post breaks, with the evidence for it.
public struct ClauseBreach: Codable, Sendable, Hashable {
    /// The clause's id in the pack the verdict names (``PolicyClause/id``).
    public var clauseID: String
    public var behaviour: Behaviour
    /// The clause's severity.
    public var severity: Severity
    public var evidence: [Evidence]

    public init(clauseID: String, behaviour: Behaviour, severity: Severity, evidence: [Evidence]) {
        self.clauseID = clauseID
        self.behaviour = behaviour
        self.severity = severity
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case behaviour, severity, evidence
        case clauseID = "clause_id"
    }
}
