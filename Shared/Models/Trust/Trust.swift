/// A multi-academy trust: the charity that runs the schools Parapet watches.
public struct Trust: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// IANA time zone for digests and "today", e.g. `Europe/London`.
    public var timezone: String
    /// Trust-level contacts, such as the trust safeguarding lead.
    public var contacts: [Contact]
    /// The trust's own acknowledgement deadlines in seconds, by severity, over escalation's
    /// defaults (`deadlines.acknowledge_within_minutes` in `trust.yaml`).
    public var acknowledgementDeadlines: [Severity: Int]
    /// The trust's own deadlines for a step after acknowledging, in seconds
    /// (`deadlines.act_within_minutes`).
    public var stepDeadlines: [Severity: Int]
    /// The trust's own words for the policy engine, by behaviour (`words` in `trust.yaml`).
    public var words: [TrustWords]

    public init(
        id: String, name: String, timezone: String, contacts: [Contact], acknowledgementDeadlines: [Severity: Int] = [:],
        stepDeadlines: [Severity: Int] = [:], words: [TrustWords] = []
    ) {
        self.id = id
        self.name = name
        self.timezone = timezone
        self.contacts = contacts
        self.acknowledgementDeadlines = acknowledgementDeadlines
        self.stepDeadlines = stepDeadlines
        self.words = words
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        timezone = try container.decode(String.self, forKey: .timezone)
        contacts = try container.decode([Contact].self, forKey: .contacts)
        // Configurations stored before trusts had deadlines have none.
        acknowledgementDeadlines = try Self.bySeverity(container, .acknowledgementDeadlines)
        stepDeadlines = try Self.bySeverity(container, .stepDeadlines)
        words = try container.decodeIfPresent([TrustWords].self, forKey: .words) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(timezone, forKey: .timezone)
        try container.encode(contacts, forKey: .contacts)
        if !acknowledgementDeadlines.isEmpty {
            try container.encode(
                Dictionary(uniqueKeysWithValues: acknowledgementDeadlines.map { ($0.rawValue, $1) }), forKey: .acknowledgementDeadlines)
        }
        if !stepDeadlines.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: stepDeadlines.map { ($0.rawValue, $1) }), forKey: .stepDeadlines)
        }
        if !words.isEmpty { try container.encode(words, forKey: .words) }
    }

    private static func bySeverity(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [Severity: Int] {
        var result: [Severity: Int] = [:]
        for (name, seconds) in try container.decodeIfPresent([String: Int].self, forKey: key) ?? [:] {
            guard let severity = Severity(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(name) is not a severity")
            }
            result[severity] = seconds
        }
        return result
    }

    enum CodingKeys: String, CodingKey {
        case id, name, timezone, contacts, words
        case acknowledgementDeadlines = "acknowledgement_deadlines"
        case stepDeadlines = "step_deadlines"
    }
}
