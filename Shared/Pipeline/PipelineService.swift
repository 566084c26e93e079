import ParapetRuntime

/// Runs one of the pipeline executables: reads its settings, connects and migrates, serves
/// `/health`, `/ready` and `/metrics`, runs the service's own work, and shuts down cleanly.
public enum PipelineService {
    /// The service's own start-up: given the open connections and the start-up context (to add
    /// routes or readiness checks), returns its long-running services.
    public typealias Work = (PipelineConnections, inout StartupContext) async throws -> [any Service]

    /// The whole life of the process.
    public static func run(name: String, defaultPort: Int, work: Work = { _, _ in [] }) async -> Never {
        await ServiceRunner.run(name: name, defaultPort: defaultPort, configuration: PipelineSettings.init) { settings, context in
            let connections = try await PipelineConnections.open(settings: settings, name: name, logger: context.logger)
            for check in connections.readinessChecks() { context.addReadinessCheck(check) }
            // The closer goes first: a service group shuts its services down in reverse order, one
            // after another, so the pool closes only once every service using it has stopped.
            let services = try await work(connections, &context)
            return [ConnectionsCloser(connections: connections)] + services
        }
    }
}

/// Closes the database pool once a graceful shutdown begins.
struct ConnectionsCloser: Service {
    let connections: PipelineConnections

    func run() async throws {
        try? await gracefulShutdown()
        await connections.close()
    }
}
