import Foundation

/// A message read from any Parapet topic, by schema: what a consumer switches on.
///
/// ``init(json:)`` reads the envelope's `schema` first and hands the bytes to the reader for that
/// schema; every schema in ``acceptedSchemas`` is read side by side. To add `parapet.post/2`:
/// define its payload type (`PostV2: EventPayload` with `schema = .postV2`), then either add a
/// case (`postV2(Envelope<PostV2>)`) or upgrade it into the existing case, and add one line to
/// `readers`.
public enum IncomingEvent: Sendable {
    /// `parapet.post/1`
    case post(Envelope<Post>)
    /// `parapet.verdict/1` and `/2`
    case verdict(Envelope<Verdict>)
    /// `parapet.case-event/1`
    case caseEvent(Envelope<CaseEvent>)
    /// `parapet.notification/1`
    case notification(Envelope<CaseNotification>)

    private static let readers: [EventSchema: Reader] = [
        .postV1: Reader(Post.self) { .post($0) },
        // Version 2 only adds fields, so both read into one type.
        .verdictV1: Reader(Verdict.self) { .verdict($0) },
        .verdictV2: Reader(Verdict.self) { .verdict($0) },
        .caseEventV1: Reader(CaseEvent.self) { .caseEvent($0) },
        .notificationV1: Reader(CaseNotification.self) { .notification($0) },
    ]

    /// Every schema and version this build reads, in name then version order.
    public static var acceptedSchemas: [EventSchema] {
        readers.keys.sorted { ($0.name, $0.version) < ($1.name, $1.version) }
    }

    /// Reads one message (a Kafka record's value).
    ///
    /// - Throws: ``EventDecodingError/unknownSchema(_:)`` for a schema not in ``acceptedSchemas``;
    ///   ``EventDecodingError/malformedEnvelope(schema:path:reason:)`` when the bytes are not an
    ///   envelope; ``EventDecodingError/malformedPayload(schema:path:reason:)`` when the payload
    ///   does not match its schema, or names another school than the envelope.
    public init(json data: Data) throws(EventDecodingError) {
        let decoder = ParapetJSON.makeDecoder()
        let probe: SchemaProbe
        do {
            probe = try decoder.decode(SchemaProbe.self, from: data)
        } catch {
            let (path, reason) = EventDecodingError.location(of: error)
            throw .malformedEnvelope(schema: nil, path: path, reason: reason)
        }
        guard let schema = EventSchema(probe.schema), let reader = Self.readers[schema] else {
            throw .unknownSchema(probe.schema)
        }
        self = try reader.read(data, decoder, schema)
    }

    /// The envelope without its payload.
    public var header: EnvelopeHeader {
        switch self {
        case .post(let envelope): envelope.header
        case .verdict(let envelope): envelope.header
        case .caseEvent(let envelope): envelope.header
        case .notification(let envelope): envelope.header
        }
    }

    /// The schema the message was written in.
    public var schema: EventSchema { header.schema }

    /// The first thing read from a message: its schema, as text.
    private struct SchemaProbe: Decodable {
        var schema: String
    }

    /// Decodes the envelope of one schema and wraps it in its case.
    private struct Reader: Sendable {
        let read: @Sendable (Data, JSONDecoder, EventSchema) throws(EventDecodingError) -> IncomingEvent

        init<Payload: EventPayload>(_: Payload.Type, wrap: @escaping @Sendable (Envelope<Payload>) -> IncomingEvent) {
            read = { data, decoder, schema throws(EventDecodingError) in
                let envelope: Envelope<Payload>
                do {
                    envelope = try decoder.decode(Envelope<Payload>.self, from: data)
                } catch {
                    throw EventDecodingError(error, schema: schema)
                }
                guard envelope.payload.school == envelope.school else {
                    throw .malformedPayload(
                        schema: schema, path: "$.payload.school",
                        reason: "school \"\(envelope.payload.school)\" is not the envelope's \"\(envelope.school)\"")
                }
                return wrap(envelope)
            }
        }
    }
}
