import Foundation

/// The versioned wrapper around every message on every Parapet topic.
///
/// On the wire: `{"schema": "parapet.post/1", "id": …, "trust": …, "school": …, "occurred_at": …,
/// "payload": {…}}`. `schema` names the payload's shape and version; a consumer reads it first
/// (``IncomingEvent``) and decodes the payload only for schemas it knows, so a new version can run
/// side by side with the old one. Encode and decode with ``ParapetJSON``.
public struct Envelope<Payload: Codable & Sendable>: Codable, Sendable {
    /// Payload shape and version, for example `parapet.post/1`.
    public var schema: EventSchema
    /// Unique id of this message; consumers use it to drop duplicates.
    public var id: UUID
    /// The trust the message belongs to.
    public var trust: String
    /// The school the message belongs to.
    public var school: String
    /// When the thing the message describes happened.
    public var occurredAt: Date
    /// The message itself, in the shape `schema` names.
    public var payload: Payload

    /// An envelope with every header field given; prefer ``init(id:trust:payload:)`` for an ``EventPayload``.
    public init(schema: EventSchema, id: UUID = UUID(), trust: String, school: String, occurredAt: Date, payload: Payload) {
        self.schema = schema
        self.id = id
        self.trust = trust
        self.school = school
        self.occurredAt = occurredAt
        self.payload = payload
    }

    /// Everything but the payload.
    public var header: EnvelopeHeader {
        EnvelopeHeader(schema: schema, id: id, trust: trust, school: school, occurredAt: occurredAt)
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, trust, school, payload
        case occurredAt = "occurred_at"
    }
}

extension Envelope: Equatable where Payload: Equatable {}
extension Envelope: Hashable where Payload: Hashable {}

extension Envelope where Payload: EventPayload {
    /// Wraps `payload`, taking the schema, school and time from it.
    public init(id: UUID = UUID(), trust: String, payload: Payload) {
        self.init(
            schema: Payload.schema, id: id, trust: trust, school: payload.school, occurredAt: payload.occurredAt,
            payload: payload)
    }

    /// The topic this envelope is produced to.
    public static var topic: ParapetTopic { Payload.topic }

    /// The Kafka message key.
    public var partitionKey: String { payload.partitionKey }
}
