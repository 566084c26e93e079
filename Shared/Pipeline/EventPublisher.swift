import Foundation
import ParapetKafka
import ParapetModels

/// Publishes events to their topics in the versioned envelope, with the headers DESIGN.md names:
/// `schema`, a W3C `traceparent`, and `replay` when an operator replays.
public struct EventPublisher: Sendable {
    public let producer: KafkaProducer
    public let trust: String

    public init(producer: KafkaProducer, trust: String) {
        self.producer = producer
        self.trust = trust
    }

    /// Sends the payloads, in order, and returns once the broker has acknowledged every one.
    /// `messageID` gives each envelope its id: derive it from the payload's identity so that a
    /// re-publish after a crash carries the same id and consumers can drop the duplicate.
    public func publish<Payload: EventPayload>(
        _ payloads: [Payload], replay: Bool = false, messageID: (Payload) -> UUID
    ) async throws {
        guard !payloads.isEmpty else { return }
        try await producer.send(try Self.messages(payloads, trust: trust, replay: replay, messageID: messageID))
    }

    /// The messages ``publish(_:replay:messageID:)`` sends: each payload in its envelope, keyed
    /// by its partition key, with the standard headers. For callers that encode on several
    /// cores at once and send the parts as one batch.
    public static func messages<Payload: EventPayload>(
        _ payloads: some Collection<Payload>, trust: String, replay: Bool = false, messageID: (Payload) -> UUID
    ) throws -> [KafkaOutgoingMessage] {
        var traces = TraceParentGenerator()
        // One schema header for all: its bytes are shared, not copied, by every message.
        let schema = KafkaHeader(name: "schema", value: Payload.schema.description)
        return try payloads.map { payload in
            let envelope = Envelope(id: messageID(payload), trust: trust, payload: payload)
            return KafkaOutgoingMessage(
                topic: Payload.topic.name, key: envelope.partitionKey, value: try Payload.encodedEnvelope(envelope),
                headers: headers(schema: schema, replay: replay, traces: &traces))
        }
    }

    /// The headers every Parapet message carries: its `schema`, a new W3C `traceparent`, and
    /// `replay: true` when an operator replays.
    public static func headers(schema: EventSchema, replay: Bool = false) -> [KafkaHeader] {
        var traces = TraceParentGenerator()
        return headers(schema: schema, replay: replay, traces: &traces)
    }

    /// ``headers(schema:replay:)`` with trace ids from `traces`, for many messages at once.
    public static func headers(schema: EventSchema, replay: Bool = false, traces: inout TraceParentGenerator) -> [KafkaHeader] {
        headers(schema: KafkaHeader(name: "schema", value: schema.description), replay: replay, traces: &traces)
    }

    private static func headers(schema: KafkaHeader, replay: Bool, traces: inout TraceParentGenerator) -> [KafkaHeader] {
        var headers = [schema, KafkaHeader(name: "traceparent", value: traces.nextBytes())]
        if replay { headers.append(KafkaHeader(name: "replay", value: "true")) }
        return headers
    }
}
