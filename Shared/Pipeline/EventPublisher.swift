import Foundation
import ParapetKafka
import ParapetModels

/// Publishes events to their topics in the versioned envelope, as ``EventMessages`` makes them.
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

    /// The messages ``publish(_:replay:messageID:)`` sends: each payload in its envelope, made
    /// by ``EventMessages``. For callers that encode on several cores at once and send the parts
    /// as one batch.
    public static func messages<Payload: EventPayload>(
        _ payloads: some Collection<Payload>, trust: String, replay: Bool = false, messageID: (Payload) -> UUID
    ) throws -> [KafkaOutgoingMessage] {
        var messages = EventMessages<Payload>()
        return try payloads.map { payload in
            let envelope = Envelope(id: messageID(payload), trust: trust, payload: payload)
            return messages.message(key: envelope.partitionKey, value: try Payload.encodedEnvelope(envelope), replay: replay)
        }
    }
}
