/// A school of the trust.
public struct School: Codable, Sendable, Hashable {
    public enum Phase: String, NamedChoice {
        case primary, secondary
        case allThrough = "all_through"
    }

    public var id: String
    public var name: String
    public var phase: Phase
    public var localAuthority: String?
    public var website: String?
    /// Other names people use for the school ("Stokesy"), matched as its name is
    /// (`also_known_as` in `schools.yaml`).
    public var alsoKnownAs: [String]

    public init(
        id: String, name: String, phase: Phase, localAuthority: String? = nil, website: String? = nil, alsoKnownAs: [String] = []
    ) {
        self.id = id
        self.name = name
        self.phase = phase
        self.localAuthority = localAuthority
        self.website = website
        self.alsoKnownAs = alsoKnownAs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        phase = try container.decode(Phase.self, forKey: .phase)
        localAuthority = try container.decodeIfPresent(String.self, forKey: .localAuthority)
        website = try container.decodeIfPresent(String.self, forKey: .website)
        // Schools stored before they had other names have none.
        alsoKnownAs = try container.decodeIfPresent([String].self, forKey: .alsoKnownAs) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(phase, forKey: .phase)
        try container.encodeIfPresent(localAuthority, forKey: .localAuthority)
        try container.encodeIfPresent(website, forKey: .website)
        if !alsoKnownAs.isEmpty { try container.encode(alsoKnownAs, forKey: .alsoKnownAs) }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phase, website
        case localAuthority = "local_authority"
        case alsoKnownAs = "also_known_as"
    }
}
