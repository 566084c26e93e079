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

extension EnvelopeHeader {
    /// The envelope this header opens around `payloadJSON` (a payload already as ParapetJSON
    /// wrote it), byte for byte as ParapetJSON writes the whole envelope: what a service that
    /// stored a payload's JSON sends without encoding it again.
    public func envelopeJSON(payloadJSON: [UInt8]) -> [UInt8] {
        var writer = JSONWriter(capacity: 160 + payloadJSON.count + trust.utf8.count + school.utf8.count)
        writer.raw("{\"id\":"); writer.uuid(id)
        writer.raw(",\"occurred_at\":"); writer.date(occurredAt)
        writer.raw(",\"payload\":"); writer.append(json: payloadJSON)
        writer.raw(",\"schema\":"); writer.string(schema.description)
        writer.raw(",\"school\":"); writer.string(school)
        writer.raw(",\"trust\":"); writer.string(trust)
        writer.raw("}")
        return writer.bytes
    }
}
