import ParapetKafka
import ParapetModels

/// Makes the Kafka messages of one batch of `Payload`s as every Parapet producer sends them: on
/// the payload's topic, under its key, with the headers docs/architecture.md names: `schema` (made once and
/// shared by the batch's messages), a new W3C `traceparent`, and `replay: true` when an operator
/// replays. The value is the envelope, encoded by the caller (``EventPublisher`` through
/// ``EventPayload/encodedEnvelope(_:)``, the importer and the classifier with what they already
/// wrote). A value type; give each batch its own.
public struct EventMessages<Payload: EventPayload> {
    private var traces = TraceParentGenerator()
    private let schema = KafkaHeader(name: "schema", value: Payload.schema.description)

    public init() {}

    /// The message carrying `value`, an encoded ``Envelope`` of a `Payload`, under `key`.
    public mutating func message(key: String, value: [UInt8], replay: Bool = false) -> KafkaOutgoingMessage {
        var headers = [schema, KafkaHeader(name: "traceparent", value: traces.nextBytes())]
        if replay { headers.append(KafkaHeader(name: "replay", value: "true")) }
        return KafkaOutgoingMessage(topic: Payload.topic.name, key: key, value: value, headers: headers)
    }
}
