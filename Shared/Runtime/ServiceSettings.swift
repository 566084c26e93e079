import Logging

/// The settings every Parapet service shares: where its HTTP endpoints listen and how it logs.
///
/// | variable | default |
/// | --- | --- |
/// | `PARAPET_HTTP_HOST` | `0.0.0.0` |
/// | `PARAPET_HTTP_PORT` | the service's own (ingest 8080, classifier 8081, escalation 8082, notifier 8083) |
/// | `PARAPET_LOG_LEVEL` | `info` (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`) |
/// | `PARAPET_LOG_FORMAT` | `json` (or `text`) |
///
/// A service reads its own settings from the same ``ConfigurationReader``.
public struct ServiceSettings: Sendable, Equatable {
    /// The service's name, e.g. `ingest`; it appears in every log line and in `/health`.
    public var name: String
    /// `PARAPET_HTTP_HOST`: the address the HTTP server binds.
    public var httpHost: String
    /// `PARAPET_HTTP_PORT`: the port of `/health`, `/ready`, `/metrics` and the service's routes.
    public var httpPort: Int
    /// `PARAPET_LOG_LEVEL`.
    public var logLevel: Logger.Level
    /// `PARAPET_LOG_FORMAT`.
    public var logFormat: LogFormat

    public init(
        name: String, httpHost: String = "0.0.0.0", httpPort: Int,
        logLevel: Logger.Level = .info, logFormat: LogFormat = .json
    ) {
        self.name = name
        self.httpHost = httpHost
        self.httpPort = httpPort
        self.logLevel = logLevel
        self.logFormat = logFormat
    }

    /// Reads the shared settings, reporting every bad variable at once.
    public init(name: String, defaultPort: Int, reader: ConfigurationReader) throws(ConfigurationErrors) {
        let (host, port, level, format) = try reader.values(
            ConfigurationKey("PARAPET_HTTP_HOST", .string(expected: "a host name or IP address to listen on"), default: "0.0.0.0"),
            ConfigurationKey("PARAPET_HTTP_PORT", .port, default: defaultPort),
            ConfigurationKey("PARAPET_LOG_LEVEL", .logLevel, default: .info),
            ConfigurationKey("PARAPET_LOG_FORMAT", .choice(LogFormat.self), default: .json))
        self.init(name: name, httpHost: host, httpPort: port, logLevel: level, logFormat: format)
    }
}
