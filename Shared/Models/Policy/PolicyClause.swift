/// One rule of a school's policy: the policy's own words, what they cover, and what follows a breach.
public struct PolicyClause: Codable, Sendable, Hashable {
    public var id: String
    /// The policy's words, verbatim; nil in the trust default, which quotes no school.
    public var quote: String?
    /// Why the trust default has this clause, where it quotes no policy.
    public var rationale: String?
    public var behaviour: Behaviour
    public var appliesTo: [Audience]
    public var scope: ClauseScope
    public var severity: Severity
    public var notify: NotifyMode
    public var recipients: [ContactRole]
    public var ladder: [LadderStep]

    public init(
        id: String, quote: String?, rationale: String? = nil, behaviour: Behaviour, appliesTo: [Audience], scope: ClauseScope = .anywhere,
        severity: Severity, notify: NotifyMode, recipients: [ContactRole], ladder: [LadderStep]
    ) {
        self.id = id
        self.quote = quote
        self.rationale = rationale
        self.behaviour = behaviour
        self.appliesTo = appliesTo
        self.scope = scope
        self.severity = severity
        self.notify = notify
        self.recipients = recipients
        self.ladder = ladder
    }

    enum CodingKeys: String, CodingKey {
        case id, quote, rationale, behaviour, severity, notify, recipients, ladder
        case appliesTo = "applies_to"
        case scope = "where"
    }
}
