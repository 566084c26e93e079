import Logging
import ParapetCodecs

/// One JSON object per line:
///
/// ```json
/// {"ts":"2025-11-21T05:40:12.345Z","level":"info","service":"ingest","logger":"ingest","message":"started","source":"ingest","file":"ingest/main.swift:12","metadata":{"port":"8080"}}
/// ```
///
/// `source` and `file` are left out when ``includeSourceLocation`` is false, `error` and `metadata` when empty.
/// Nested metadata becomes nested JSON objects and arrays; all scalar values are strings.
public struct JSONLogFormat: LogLineFormat {
    public var includeSourceLocation: Bool

    public init(includeSourceLocation: Bool = true) {
        self.includeSourceLocation = includeSourceLocation
    }

    public func line(for record: LogRecord) -> String {
        var fields: [(key: String, json: String)] = [
            ("ts", JSONStringEscaping.quoted(record.timestamp)),
            ("level", JSONStringEscaping.quoted(record.level.rawValue)),
            ("service", JSONStringEscaping.quoted(record.service)),
            ("logger", JSONStringEscaping.quoted(record.label)),
            ("message", JSONStringEscaping.quoted(record.message)),
        ]
        if includeSourceLocation {
            fields.append(("source", JSONStringEscaping.quoted(record.source)))
            fields.append(("file", JSONStringEscaping.quoted("\(record.file):\(record.line)")))
        }
        if let error = record.error {
            fields.append(("error", JSONStringEscaping.quoted(error)))
        }
        if !record.metadata.isEmpty {
            fields.append(("metadata", Self.json(record.metadata)))
        }
        return JSONWriter.object(fields)
    }

    private static func json(_ metadata: Logger.Metadata) -> String {
        JSONWriter.object(metadata.sorted { $0.key < $1.key }.map { (key: $0.key, json: json($0.value)) })
    }

    private static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): JSONStringEscaping.quoted(text)
        case .stringConvertible(let convertible): JSONStringEscaping.quoted(convertible.description)
        case .dictionary(let dictionary): json(dictionary)
        case .array(let array): "[" + array.map(json).joined(separator: ",") + "]"
        }
    }
}
