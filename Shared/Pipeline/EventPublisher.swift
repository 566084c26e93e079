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
        let encoder = ParapetJSON.makeEncoder()
        let messages = try payloads.map { payload in
            let envelope = Envelope(id: messageID(payload), trust: trust, payload: payload)
            var headers = [
                KafkaHeader(name: "schema", value: envelope.schema.description),
                KafkaHeader(name: "traceparent", value: Self.traceparent()),
            ]
            if replay { headers.append(KafkaHeader(name: "replay", value: "true")) }
            return KafkaOutgoingMessage(
                topic: Payload.topic.name, key: envelope.partitionKey, value: Array(try encoder.encode(envelope)), headers: headers)
        }
        try await producer.send(messages)
    }

    /// A new W3C trace context: version 00, random trace and span ids, sampled.
    static func traceparent() -> String {
        func hex(_ count: Int) -> String {
            var generator = SystemRandomNumberGenerator()
            return (0..<count).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16).leftPadded(to: 2) }.joined()
        }
        return "00-\(hex(16))-\(hex(8))-01"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
