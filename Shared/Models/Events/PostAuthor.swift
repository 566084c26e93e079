/// The author of a post, as the platform shows them and as far as Parapet knows who they are.
public struct PostAuthor: Codable, Sendable, Hashable {
    /// The author's relation to the school, when ingest matched them against the roster.
    public enum Kind: String, NamedChoice {
        case parent, staff, pupil, governor
        /// Someone with no known relation to the school.
        case `public`
        /// Not matched against the roster (the JSON may also leave `kind` out).
        case unknown
    }

    /// The platform's handle or user id for the author.
    public var handle: String
    /// The name the platform shows, when it shows one.
    public var displayName: String?
    public var kind: Kind

    public init(handle: String, displayName: String? = nil, kind: Kind = .unknown) {
        self.handle = handle
        self.displayName = displayName
        self.kind = kind
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        handle = try container.decode(String.self, forKey: .handle)
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName)
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .unknown
    }

    enum CodingKeys: String, CodingKey {
        case handle, kind
        case displayName = "display_name"
    }
}
