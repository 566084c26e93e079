import Logging
import ParapetCodecs

/// One readable line per event, for `PARAPET_LOG_FORMAT=text`:
///
/// ```
/// 2025-11-21T05:40:12.345Z info ingest [ingest.http] started port=8080 error="..."
/// ```
///
/// Line breaks inside a message or value are written as `\n` so one event stays one line.
public struct TextLogFormat: LogLineFormat {
    public init() {}

    public func line(for record: LogRecord) -> String {
        var line = "\(record.timestamp) \(record.level.rawValue) \(record.service) [\(record.label)] \(Self.escaped(record.message))"
        for (key, value) in record.metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.value(value.description))"
        }
        if let error = record.error {
            line += " error=\(Self.value(error))"
        }
        return line
    }

    /// A value, quoted only when it would otherwise be hard to read back.
    private static func value(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        return plain ? text : JSONStringEscaping.quoted(text)
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        let quoted = JSONStringEscaping.quoted(text)
        return String(quoted.dropFirst().dropLast())
    }
}
