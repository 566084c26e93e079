import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// Runs a service process from configuration to graceful shutdown, so each `main` is a few lines:
///
/// ```swift
/// await ServiceRunner.run(name: "classifier", defaultPort: 8081,
///     configuration: { reader in try ClassifierConfig(reader) }
/// ) { config, context in
///     let db = try await Database.connect(config.databaseURL, logger: context.logger)
///     context.addReadinessCheck("postgres") { try await db.ping() }
///     return [ClassifierService(config: config, db: db, logger: context.logger)]
/// }
/// ```
///
/// In order:
/// 1. reads the configuration (file, shared ``ServiceSettings``, the service's own); on any problem
///    prints every one as `name: problem` on stderr and exits 78;
/// 2. sets up JSON (or text) logging and Prometheus metrics;
/// 3. runs the service's start-up code; if it throws, prints `name: <error description>` and exits 69;
/// 4. runs a `ServiceGroup` of the ``HealthServer`` and, once its port is bound, the service's own
///    services, until SIGTERM or SIGINT; then shuts down gracefully and exits 0. A port already in use
///    exits 69 with `name: cannot listen on 0.0.0.0:8080: address already in use`; a service failing
///    later exits 70 with `name: <error>`.
///
/// Use the static `run` in `main`; tests use an instance, whose `run` returns the exit code instead of exiting.
public final class ServiceRunner: Sendable {
    /// Process exit codes, from BSD `sysexits.h`.
    public enum ExitCode: Int32, Sendable {
        /// Shut down gracefully.
        case success = 0
        /// Start-up failed: a dependency is unreachable or the port cannot be bound (`EX_UNAVAILABLE`).
        case unavailable = 69
        /// A service failed while running (`EX_SOFTWARE`).
        case software = 70
        /// The configuration is invalid (`EX_CONFIG`).
        case configuration = 78
    }

    private enum GroupState {
        case notStarted(shutdownRequested: Bool)
        case running(ServiceGroup)
        case finished
    }

    public let name: String
    public let defaultPort: Int
    private let environment: [String: String]
    private let gracefulShutdownSignals: [UnixSignal]
    private let output: LineWriter
    private let bootstrapsGlobalSystems: Bool
    private let maximumShutdownDuration: Duration?
    private let onListening: @Sendable (_ port: Int) async -> Void
    private let state = Mutex(GroupState.notStarted(shutdownRequested: false))

    /// - Parameters:
    ///   - name: the service's name, e.g. `ingest`: prefixes error lines and fills `service` in logs.
    ///   - defaultPort: the HTTP port when `PARAPET_HTTP_PORT` is unset.
    ///   - environment: where configuration comes from.
    ///   - gracefulShutdownSignals: signals that start a graceful shutdown.
    ///   - output: where error lines and logs go.
    ///   - bootstrapsGlobalSystems: whether to install the logging and metrics backends process-wide;
    ///     tests pass `false` and get a private metrics registry.
    ///   - maximumShutdownDuration: how long a graceful shutdown may take before services are cancelled;
    ///     kept below Kubernetes' default 30 s grace period.
    ///   - onListening: called with the HTTP port once the server is listening.
    public init(
        name: String, defaultPort: Int,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        output: LineWriter = .standardError,
        bootstrapsGlobalSystems: Bool = true,
        maximumShutdownDuration: Duration? = .seconds(25),
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) {
        self.name = name
        self.defaultPort = defaultPort
        self.environment = environment
        self.gracefulShutdownSignals = gracefulShutdownSignals
        self.output = output
        self.bootstrapsGlobalSystems = bootstrapsGlobalSystems
        self.maximumShutdownDuration = maximumShutdownDuration
        self.onListening = onListening
    }

    // MARK: - Process entry points

    /// Runs the service and exits the process with the resulting ``ExitCode``.
    ///
    /// - Parameters:
    ///   - configuration: reads the service's own settings; throw ``ConfigurationError`` or ``ConfigurationErrors``.
    ///   - start: connects to dependencies, registers readiness checks and routes on the context, and
    ///     returns the services to run; any error it throws is printed by its `description`.
    public static func run<Configuration>(
        name: String, defaultPort: Int,
        configuration: (ConfigurationReader) throws -> Configuration,
        start: (Configuration, inout StartupContext) async throws -> [any Service]
    ) async -> Never {
        let code = await ServiceRunner(name: name, defaultPort: defaultPort).run(configuration: configuration, start: start)
        exit(code.rawValue)
    }

    /// Runs a service that has no settings of its own and exits the process with the resulting ``ExitCode``.
    public static func run(
        name: String, defaultPort: Int,
        start: (inout StartupContext) async throws -> [any Service]
    ) async -> Never {
        let code = await ServiceRunner(name: name, defaultPort: defaultPort).run(start: start)
        exit(code.rawValue)
    }

    // MARK: - Testable core

    /// Runs a service that has no settings of its own; returns the exit code instead of exiting.
    public func run(start: (inout StartupContext) async throws -> [any Service]) async -> ExitCode {
        await run(configuration: { _ in () }, start: { _, context in try await start(&context) })
    }

    /// Runs the service as described on ``ServiceRunner`` and returns the exit code instead of exiting.
    public func run<Configuration>(
        configuration: (ConfigurationReader) throws -> Configuration,
        start: (Configuration, inout StartupContext) async throws -> [any Service]
    ) async -> ExitCode {
        defer { state.withLock { $0 = .finished } }

        // Read everything before touching anything, and report every problem at once.
        let reader: ConfigurationReader
        do {
            reader = try ConfigurationReader(environment: environment)
        } catch {
            return fail(.configuration, error.errors.map(\.description))
        }
        var problems: [String] = []
        var settings: ServiceSettings?
        do {
            settings = try ServiceSettings(name: name, defaultPort: defaultPort, reader: reader)
        } catch {
            problems += error.errors.map(\.description)
        }
        var serviceConfiguration: Configuration?
        do {
            serviceConfiguration = try configuration(reader)
        } catch {
            problems += Self.configurationLines(error)
        }
        guard problems.isEmpty, let settings, let serviceConfiguration else {
            return fail(.configuration, problems)
        }

        let metrics: PrometheusCollectorRegistry
        if bootstrapsGlobalSystems {
            ParapetLogging.bootstrap(settings: settings, output: output)
            metrics = ParapetMetrics.bootstrap()
        } else {
            metrics = PrometheusCollectorRegistry()
        }

        var context = StartupContext(settings: settings, reader: reader, metrics: metrics, output: output)
        let services: [any Service]
        do {
            services = try await start(serviceConfiguration, &context)
        } catch let error as ConfigurationError {
            return fail(.configuration, [error.description])
        } catch let error as ConfigurationErrors {
            return fail(.configuration, error.errors.map(\.description))
        } catch {
            return fail(.unavailable, [Redaction.oneLine(error)])
        }

        return await serve(services, context: context)
    }

    /// Starts a graceful shutdown, as SIGTERM would; if the services are not running yet, they stop as soon as they start.
    public func triggerGracefulShutdown() async {
        let group = state.withLock { state -> ServiceGroup? in
            switch state {
            case .notStarted:
                state = .notStarted(shutdownRequested: true)
                return nil
            case .running(let group):
                return group
            case .finished:
                return nil
            }
        }
        await group?.triggerGracefulShutdown()
    }

    // MARK: - Internals

    private func serve(_ services: [any Service], context: StartupContext) async -> ExitCode {
        let settings = context.settings
        let onListening = self.onListening
        let groupBox = GroupBox()
        let server = HealthServer(
            service: settings.name, host: settings.httpHost, port: settings.httpPort,
            readinessChecks: context.readinessChecks, metrics: context.metrics, routes: context.routes,
            logger: context.logger("\(settings.name).http"),
            onListening: { port in
                // The service's own services start only once the port is bound: a port in use
                // then fails with one line, before any consumer has joined a group.
                for service in services {
                    await groupBox.group?.addServiceUnlessShutdown(service)
                }
                await onListening(port)
            })
        // Services added later shut down first, so the server answers /health until the end.
        var configuration = ServiceGroupConfiguration(
            services: [server], gracefulShutdownSignals: gracefulShutdownSignals, logger: context.logger)
        configuration.maximumGracefulShutdownDuration = maximumShutdownDuration
        let group = ServiceGroup(configuration: configuration)
        groupBox.group = group

        let shutdownRequested = state.withLock { state -> Bool in
            defer { state = .running(group) }
            if case .notStarted(true) = state { return true }
            return false
        }
        if shutdownRequested { await group.triggerGracefulShutdown() }

        do {
            try await group.run()
            context.logger.info("Stopped")
            return .success
        } catch let error as HealthServerError {
            return fail(.unavailable, [error.description])
        } catch {
            return fail(.software, [Redaction.oneLine(error)])
        }
    }

    private func fail(_ code: ExitCode, _ lines: [String]) -> ExitCode {
        for line in lines {
            output.write("\(name): \(line)")
        }
        return code
    }

    private static func configurationLines(_ error: any Error) -> [String] {
        switch error {
        case let error as ConfigurationErrors: error.errors.map(\.description)
        case let error as ConfigurationError: [error.description]
        default: [Redaction.oneLine(error)]
        }
    }
}

/// Lets the server's start-up callback reach the group it runs in, which is created after the server.
private final class GroupBox: Sendable {
    private let storage = Mutex<ServiceGroup?>(nil)
    var group: ServiceGroup? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
