import Logging
import ParapetCodecs

/// One log event, ready to format: metadata merged (handler, provider, call site) and secrets redacted.
public struct LogRecord: Sendable {
    /// ISO 8601 UTC with milliseconds.
    public var timestamp: String
    public var level: Logger.Level
    /// The service writing the log, e.g. `ingest`.
    public var service: String
    /// The logger's label, e.g. `parapet.ingest.webhooks`.
    public var label: String
    public var message: String
    public var metadata: Logger.Metadata
    /// The module that logged.
    public var source: String
    public var file: String
    public var line: UInt
    /// The error attached to the event, if any, as text.
    public var error: String?
}

/// Turns a ``LogRecord`` into one line of text (without the newline).
public protocol LogLineFormat: Sendable {
    func line(for record: LogRecord) -> String
}

/// A swift-log handler that writes every event as one line, in the given ``LogLineFormat``.
///
/// Before formatting, it masks secrets: metadata under a secret-sounding key (see ``Redaction``)
/// and the password of any URL in the message or metadata.
public struct LineLogHandler<Format: LogLineFormat>: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let service: String
    public let format: Format
    public let output: LineWriter

    public init(
        label: String, service: String, format: Format, level: Logger.Level = .info,
        output: LineWriter = .standardError, metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.service = service
        self.format = format
        self.logLevel = level
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, new in new }
        }
        let record = LogRecord(
            timestamp: UTCTimestamp.now(),
            level: event.level,
            service: service,
            label: label,
            message: Redaction.redactingURLPasswords(in: event.message.description),
            metadata: Self.redacted(merged),
            source: event.source,
            file: event.file,
            line: event.line,
            error: event.error.map { Redaction.redactingURLPasswords(in: String(describing: $0)) })
        output.write(format.line(for: record))
    }

    private static func redacted(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var result = metadata
        for (key, value) in metadata {
            result[key] = Redaction.isSecret(name: key) ? .string(Redaction.placeholder) : redacted(value)
        }
        return result
    }

    private static func redacted(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(Redaction.redactingURLPasswords(in: text))
        case .stringConvertible(let convertible): .string(Redaction.redactingURLPasswords(in: convertible.description))
        case .dictionary(let dictionary): .dictionary(redacted(dictionary))
        case .array(let array): .array(array.map(redacted))
        }
    }
}

/// Writes one JSON object per line.
public typealias JSONLogHandler = LineLogHandler<JSONLogFormat>
/// Writes one human-readable line per event.
public typealias TextLogHandler = LineLogHandler<TextLogFormat>
