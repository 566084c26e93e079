import ParapetRuntime

/// Runs one of the pipeline executables: reads its settings, connects and migrates, serves
/// `/health`, `/ready` and `/metrics`, runs the service's own work, and shuts down cleanly.
public enum PipelineService {
    /// The whole life of the process; `work` returns the service's own long-running services.
    public static func run(
        name: String, defaultPort: Int,
        work: @escaping @Sendable (PipelineConnections, Logger) async throws -> [any Service] = { _, _ in [] }
    ) async -> Never {
        await ServiceRunner.run(name: name, defaultPort: defaultPort, configuration: PipelineSettings.init) { settings, context in
            let connections = try await PipelineConnections.open(settings: settings, name: name, logger: context.logger)
            for check in connections.readinessChecks() { context.addReadinessCheck(check) }
            return try await work(connections, context.logger) + [ConnectionsCloser(connections: connections)]
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
