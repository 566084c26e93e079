import Foundation

/// Why a message could not be read; written to the dead-letter headers as its ``description``.
///
/// Paths are JSONPath-style from the root of the message: `$.payload.media[0].type`.
public enum EventDecodingError: Error, Hashable, CustomStringConvertible {
    /// Not an envelope: not JSON, not an object, or a header field (`schema`, `id`, `trust`,
    /// `school`, `occurred_at`) is missing or wrong. `schema` is the schema text when it was read.
    case malformedEnvelope(schema: String?, path: String, reason: String)
    /// The envelope names a schema this build does not accept, such as `parapet.post/3`.
    case unknownSchema(String)
    /// The schema is known but the payload does not match it.
    case malformedPayload(schema: EventSchema, path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedEnvelope(let schema, let path, let reason):
            "\(schema ?? "no schema"): malformed envelope at \(path): \(reason)"
        case .unknownSchema(let schema):
            "unknown schema \"\(schema)\" (accepted: \(IncomingEvent.acceptedSchemas.map(\.description).joined(separator: ", ")))"
        case .malformedPayload(let schema, let path, let reason):
            "\(schema): malformed payload at \(path): \(reason)"
        }
    }

    /// The error for `error`, thrown while decoding a message of a known `schema`: a payload
    /// error when it happened under `$.payload`, else an envelope error.
    init(_ error: any Error, schema: EventSchema) {
        let (path, reason) = Self.location(of: error)
        if path == "$.payload" || path.hasPrefix("$.payload.") || path.hasPrefix("$.payload[") {
            self = .malformedPayload(schema: schema, path: path, reason: reason)
        } else {
            self = .malformedEnvelope(schema: schema.description, path: path, reason: reason)
        }
    }

    /// Where in the document `error` (thrown by a `Decodable` init) happened, as a JSON path,
    /// and what went wrong there: `("$.reference", "missing")`.
    public static func location(of error: any Error) -> (path: String, reason: String) {
        guard let error = error as? DecodingError else { return ("$", "\(error)") }
        switch error {
        case .keyNotFound(let key, let context):
            return (jsonPath(context.codingPath + [key]), "missing")
        case .typeMismatch(let type, let context):
            return (jsonPath(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (jsonPath(context.codingPath), "null where \(type) was expected")
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return (jsonPath(context.codingPath), context.debugDescription + underlying)
        @unknown default:
            return ("$", "\(error)")
        }
    }

    /// `$`, then `.key` for each key (`['key']` when it is not a plain identifier) and `[n]` for each array index.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "$") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else if let first = key.stringValue.first, first.isLetter || first == "_",
                key.stringValue.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            {
                path += "." + key.stringValue
            } else {
                path += "['" + key.stringValue.replacingOccurrences(of: "'", with: "\\'") + "']"
            }
        }
    }
}
