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
            let headers = Self.headers(schema: envelope.schema, replay: replay)
            return KafkaOutgoingMessage(
                topic: Payload.topic.name, key: envelope.partitionKey, value: Array(try encoder.encode(envelope)), headers: headers)
        }
        try await producer.send(messages)
    }

    /// The headers every Parapet message carries: its `schema`, a new W3C `traceparent`, and
    /// `replay: true` when an operator replays.
    public static func headers(schema: EventSchema, replay: Bool = false) -> [KafkaHeader] {
        var headers = [KafkaHeader(name: "schema", value: schema.description), KafkaHeader(name: "traceparent", value: traceparent())]
        if replay { headers.append(KafkaHeader(name: "replay", value: "true")) }
        return headers
    }

    /// A new W3C trace context: version 00, random trace and span ids, sampled. Built from three
    /// random words, not one random call per byte: it is made for every message published.
    public static func traceparent() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 55)
        bytes[0] = UInt8(ascii: "0")
        bytes[1] = UInt8(ascii: "0")
        bytes[53] = UInt8(ascii: "0")
        bytes[54] = UInt8(ascii: "1")
        func fill(_ word: UInt64, at start: Int) {
            for index in 0..<16 { bytes[start + index] = digits[Int((word >> (60 - 4 * UInt64(index))) & 0xF)] }
        }
        fill(generator.next(), at: 3)
        fill(generator.next(), at: 19)
        fill(generator.next(), at: 36)
        return String(decoding: bytes, as: UTF8.self)
    }
}
