import Foundation

/// An envelope without its payload: what a consumer can know about any message, even one whose
/// payload it cannot read (for logs and dead letters).
public struct EnvelopeHeader: Codable, Sendable, Hashable {
    /// Payload shape and version, for example `parapet.post/1`.
    public var schema: EventSchema
    /// Unique id of the message.
    public var id: UUID
    /// The trust the message belongs to.
    public var trust: String
    /// The school the message belongs to.
    public var school: String
    /// When the thing the message describes happened.
    public var occurredAt: Date

    public init(schema: EventSchema, id: UUID, trust: String, school: String, occurredAt: Date) {
        self.schema = schema
        self.id = id
        self.trust = trust
        self.school = school
        self.occurredAt = occurredAt
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, trust, school
        case occurredAt = "occurred_at"
    }
}
