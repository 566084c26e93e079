import Logging
import Synchronization

/// Makes Parapet's log handlers and installs them as swift-log's global backend.
public enum ParapetLogging {
    private static let bootstrapped = Mutex(false)

    /// A handler for `label` that writes `format` lines for `service` at `level` and above.
    public static func makeHandler(
        label: String, service: String, level: Logger.Level, format: LogFormat,
        output: LineWriter = .standardError, metadataProvider: Logger.MetadataProvider? = nil
    ) -> any LogHandler {
        switch format {
        case .json:
            JSONLogHandler(label: label, service: service, format: JSONLogFormat(), level: level, output: output, metadataProvider: metadataProvider)
        case .text:
            TextLogHandler(label: label, service: service, format: TextLogFormat(), level: level, output: output, metadataProvider: metadataProvider)
        }
    }

    /// A logger for `label` configured from `settings`, independent of the global bootstrap.
    public static func makeLogger(label: String, settings: ServiceSettings, output: LineWriter = .standardError) -> Logger {
        Logger(label: label) { label in
            makeHandler(label: label, service: settings.name, level: settings.logLevel, format: settings.logFormat, output: output)
        }
    }

    /// Makes every `Logger(label:)` in the process (libraries included) write through Parapet's handler.
    ///
    /// swift-log allows one bootstrap per process and traps on a second; this only bootstraps on
    /// the first call and ignores later ones, so it is safe to call from tests and from more than one place.
    /// - Returns: `true` if this call installed the handler, `false` if an earlier call had.
    @discardableResult
    public static func bootstrap(settings: ServiceSettings, output: LineWriter = .standardError) -> Bool {
        let first = bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return false }
        LoggingSystem.bootstrap { label in
            makeHandler(label: label, service: settings.name, level: settings.logLevel, format: settings.logFormat, output: output)
        }
        return true
    }
}
