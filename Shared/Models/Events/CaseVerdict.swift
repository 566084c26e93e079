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

    public init(verdictID: UUID, postID: UUID, postRevision: Int, severity: Severity, clauseIDs: [String], behaviours: [Behaviour]) {
        self.verdictID = verdictID
        self.postID = postID
        self.postRevision = postRevision
        self.severity = severity
        self.clauseIDs = clauseIDs
        self.behaviours = behaviours
    }

    /// The verdict as a case keeps it; nil for a benign verdict, which neither opens nor joins one.
    public init?(_ verdict: Verdict) {
        guard let severity = verdict.severity else { return nil }
        let breaches = verdict.breaches.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
        var behaviours: [Behaviour] = []
        for (_, breach) in breaches where !behaviours.contains(breach.behaviour) { behaviours.append(breach.behaviour) }
        self.init(
            verdictID: verdict.id, postID: verdict.postID, postRevision: verdict.postRevision, severity: severity,
            clauseIDs: breaches.map(\.element.clauseID), behaviours: behaviours)
    }

    enum CodingKeys: String, CodingKey {
        case severity, behaviours
        case verdictID = "verdict_id"
        case postID = "post_id"
        case postRevision = "post_revision"
        case clauseIDs = "clause_ids"
    }
}
