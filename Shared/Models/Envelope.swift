import Foundation

/// The versioned wrapper around every message on every Parapet topic.
///
/// `schema` names the payload's shape and version (`parapet.post/1`); a consumer decodes the
/// payload only for schemas it knows, so a new version can run side by side with the old one.
public struct Envelope<Payload: Codable & Sendable>: Codable, Sendable {
    /// Payload shape and version, for example `parapet.post/1`.
    public var schema: String
    /// Unique id of this message; consumers use it to drop duplicates.
    public var id: UUID
    /// The trust the message belongs to.
    public var trust: String
    /// The school the message belongs to.
    public var school: String
    /// When the thing the message describes happened.
    public var occurredAt: Date
    public var payload: Payload

    public init(schema: String, id: UUID = UUID(), trust: String, school: String, occurredAt: Date, payload: Payload) {
        self.schema = schema
        self.id = id
        self.trust = trust
        self.school = school
        self.occurredAt = occurredAt
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, trust, school, payload
        case occurredAt = "occurred_at"
    }
}
