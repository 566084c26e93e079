import Foundation

/// A payload that travels on a Parapet topic inside an ``Envelope``.
///
/// Each conforming type is one version of one schema. The envelope takes its `schema`, `school`
/// and `occurred_at` from the payload, and producers take the topic and Kafka key from here, so
/// that every service writes them the same way.
public protocol EventPayload: Codable, Sendable {
    /// The schema and version this type encodes, such as `parapet.post/1`.
    static var schema: EventSchema { get }
    /// The topic this payload is produced to.
    static var topic: ParapetTopic { get }
    /// The school the payload belongs to; must equal the envelope's `school`.
    var school: String { get }
    /// When the thing the payload describes happened: the envelope's `occurred_at`.
    var occurredAt: Date { get }
    /// The Kafka message key, as the table in docs/architecture.md gives it for the payload's topic.
    var partitionKey: String { get }
    /// `envelope` as ``ParapetJSON`` encodes it. The default goes through `JSONEncoder`; a
    /// payload published in bulk writes the same bytes itself, faster.
    static func encodedEnvelope(_ envelope: Envelope<Self>) throws -> [UInt8]
}

extension EventPayload {
    public static func encodedEnvelope(_ envelope: Envelope<Self>) throws -> [UInt8] {
        Array(try ParapetJSON.encode(envelope))
    }
}
