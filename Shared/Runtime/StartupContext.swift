import Logging
import Prometheus

/// What a service's start-up code receives from ``ServiceRunner``, and where it registers
/// its readiness checks and HTTP routes.
public struct StartupContext: Sendable {
    /// The shared settings (name, HTTP address, logging).
    public let settings: ServiceSettings
    /// The reader the settings came from, for anything the service reads late.
    public let reader: ConfigurationReader
    /// The service's main logger, labelled with the service name.
    public let logger: Logger
    /// The registry `GET /metrics` serves.
    public let metrics: PrometheusCollectorRegistry
    /// Readiness checks `GET /ready` will run.
    public private(set) var readinessChecks: [ReadinessCheck] = []
    /// Route installers the HTTP server will apply.
    public private(set) var routes: [RouteInstaller] = []
    private let output: LineWriter

    /// A context for `settings`; ``ServiceRunner`` makes it, tests may too. Logs go to `output`.
    public init(settings: ServiceSettings, reader: ConfigurationReader, metrics: PrometheusCollectorRegistry, output: LineWriter = .standardError) {
        self.settings = settings
        self.reader = reader
        self.metrics = metrics
        self.output = output
        self.logger = ParapetLogging.makeLogger(label: settings.name, settings: settings, output: output)
    }

    /// The service's name, e.g. `ingest`.
    public var name: String { settings.name }

    /// A swift-metrics factory on ``metrics``, for code that takes a `factory:` (tests need not bootstrap globally).
    public var metricsFactory: PrometheusMetricsFactory { PrometheusMetricsFactory(registry: metrics) }

    /// A logger for one part of the service, e.g. `logger("ingest.webhooks")`.
    public func logger(_ label: String) -> Logger {
        ParapetLogging.makeLogger(label: label, settings: settings, output: output)
    }

    /// Adds a check to `GET /ready`, e.g. `context.addReadinessCheck("postgres") { try await db.ping() }`.
    public mutating func addReadinessCheck(
        _ name: String, timeout: Duration = .seconds(2), _ check: @escaping @Sendable () async throws -> Void
    ) {
        readinessChecks.append(ReadinessCheck(name, timeout: timeout, check: check))
    }

    /// Adds a check to `GET /ready`.
    public mutating func addReadinessCheck(_ check: ReadinessCheck) {
        readinessChecks.append(check)
    }

    /// Adds routes to the HTTP server, e.g. `context.addRoutes { router in router.post("/webhooks/x") { ... } }`.
    public mutating func addRoutes(_ install: @escaping RouteInstaller) {
        routes.append(install)
    }
}
