/// The name and version of a payload's shape, written `parapet.post/1` in an envelope's `schema`
/// field and in the Kafka `schema` header (docs/architecture.md, "Topics and contracts").
///
/// Changing a payload's shape means a new version: add a constant here (`postV2`), a payload type
/// for it, and a reader in ``IncomingEvent``, so that consumers accept both side by side.
public struct EventSchema: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The payload's family, such as `parapet.post`.
    public var name: String
    /// The payload's version within its family, counting from 1.
    public var version: Int

    /// A payload schema; `version` counts from 1.
    public init(name: String, version: Int) {
        precondition(version >= 1, "schema versions count from 1")
        self.name = name
        self.version = version
    }

    /// Parses `name/version`, as in `parapet.post/1`: a non-empty name, one `/`, and a version
    /// written in decimal digits from 1 without leading zeros. Nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let first = parts[1].first, first != "0",
            parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let version = Int(parts[1])
        else { return nil }
        self.init(name: String(parts[0]), version: version)
    }

    /// `name/version`, as it is written on the wire.
    public var description: String { "\(name)/\(version)" }

    /// A post as ingest normalised it; topic `parapet.posts`.
    public static let postV1 = EventSchema(name: "parapet.post", version: 1)
    /// The classifier's verdict on one revision of a post; topic `parapet.verdicts`.
    public static let verdictV1 = EventSchema(name: "parapet.verdict", version: 1)
    /// ``verdictV1`` with who each breach is about and whether a child is said to be at risk
    /// (``ClauseBreach/about``, ``ClauseBreach/childAtRisk``); what the classifier writes now.
    public static let verdictV2 = EventSchema(name: "parapet.verdict", version: 2)
    /// Something that happened to a case; topic `parapet.case-events`.
    public static let caseEventV1 = EventSchema(name: "parapet.case-event", version: 1)
    /// An email the notifier must send once; topic `parapet.notifications`.
    public static let notificationV1 = EventSchema(name: "parapet.notification", version: 1)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let schema = EventSchema(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a schema (name/version): \(text)")
        }
        self = schema
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
