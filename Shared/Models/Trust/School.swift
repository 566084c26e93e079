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

    public init(id: String, name: String, phase: Phase, localAuthority: String? = nil, website: String? = nil) {
        self.id = id
        self.name = name
        self.phase = phase
        self.localAuthority = localAuthority
        self.website = website
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phase, website
        case localAuthority = "local_authority"
    }
}
