import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParapetRuntime
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing

/// How the lead's start-up code reports an unreachable dependency.
private struct ConnectionError: Error, CustomStringConvertible {
    var description: String { "cannot connect to PostgreSQL at localhost:5432: connection refused" }
}

/// A service that runs until graceful shutdown and records that it saw it.
private struct WaitingService: Service {
    let stoppedSignal: Signal<Void>

    func run() async throws {
        try? await gracefulShutdown()
        stoppedSignal.send(())
    }
}

private struct IngestConfig {
    var brokers: [HostPort]

    init(_ reader: ConfigurationReader) throws(ConfigurationError) {
        brokers = try reader.value("PARAPET_KAFKA_BROKERS", .hostPorts)
    }
}

@Suite("ServiceRunner")
struct ServiceRunnerTests {
    private func runner(
        _ environment: [String: String], output: LineCapture, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> ServiceRunner {
        ServiceRunner(
            name: "ingest", defaultPort: 8080, environment: environment, output: output.writer,
            bootstrapsGlobalSystems: false, onListening: onListening)
    }

    @Test func configurationErrorExits78WithOneLine() async {
        let output = LineCapture()
        let started = Mutex(false)
        let code = await runner(["PARAPET_HTTP_PORT": "80x"], output: output).run { _ in
            started.withLock { $0 = true }
            return []
        }
        #expect(code == .configuration)
        #expect(code.rawValue == 78)
        #expect(output.lines == [#"ingest: PARAPET_HTTP_PORT: "80x" is not a whole number (expected 1...65535)"#])
        #expect(!started.withLock { $0 })
    }

    @Test func everyConfigurationProblemIsReportedAtOnce() async {
        let output = LineCapture()
        let code = await runner(["PARAPET_LOG_FORMAT": "xml", "PARAPET_LOG_LEVEL": "loud"], output: output).run(
            configuration: { reader in try IngestConfig(reader) },
            start: { _, _ in [] })
        #expect(code == .configuration)
        #expect(
            output.lines == [
                #"ingest: PARAPET_LOG_LEVEL: "loud" is not one of the allowed values (expected trace, debug, info, notice, warning, error or critical)"#,
                #"ingest: PARAPET_LOG_FORMAT: "xml" is not one of the allowed values (expected json or text)"#,
                "ingest: PARAPET_KAFKA_BROKERS is not set (expected host:port[,host:port...])",
            ])
    }

    @Test func unreadableConfigurationFileExits78() async {
        let output = LineCapture()
        let code = await runner(["PARAPET_CONFIG_FILE": "/nonexistent/ingest.env"], output: output).run { _ in [] }
        #expect(code == .configuration)
        #expect(
            output.lines == [#"ingest: PARAPET_CONFIG_FILE: "/nonexistent/ingest.env" does not exist (expected a readable file of KEY=VALUE lines)"#])
    }

    @Test func failingStartUpStepExits69WithItsDescription() async {
        let output = LineCapture()
        let code = await runner([:], output: output).run { _ in throw ConnectionError() }
        #expect(code == .unavailable)
        #expect(code.rawValue == 69)
        #expect(output.lines == ["ingest: cannot connect to PostgreSQL at localhost:5432: connection refused"])
    }

    @Test func configurationErrorDuringStartUpExits78() async {
        let output = LineCapture()
        let code = await runner([:], output: output).run { context in
            _ = try context.reader.value("PARAPET_DATABASE_URL", .url(schemes: ["postgres"]))
            return []
        }
        #expect(code == .configuration)
        #expect(output.lines == ["ingest: PARAPET_DATABASE_URL is not set (expected a URL starting postgres://)"])
    }

    @Test func runsUntilGracefulShutdownAndExits0() async throws {
        let port = try FreePort.next()
        let output = LineCapture()
        let listening = Signal<Int>()
        let stopped = Signal<Void>()
        let runner = runner(
            ["PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)", "PARAPET_KAFKA_BROKERS": "localhost:9092"],
            output: output, onListening: { listening.send($0) })

        try await withThrowingTaskGroup(of: ServiceRunner.ExitCode.self) { tasks in
            tasks.addTask {
                await runner.run(configuration: { try IngestConfig($0) }) { config, context in
                    #expect(config.brokers == [HostPort(host: "localhost", port: 9092)])
                    context.addReadinessCheck("kafka") {}
                    context.logger.info("Starting", metadata: ["brokers": "\(config.brokers.count)"])
                    return [WaitingService(stoppedSignal: stopped)]
                }
            }
            #expect(try await listening.next() == port)
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                let health = try await client.get("/health")
                #expect(health.status == .ok)
                #expect(health.body.map { String(buffer: $0) } == #"{"status":"ok","service":"ingest"}"#)
                let ready = try await client.get("/ready")
                #expect(ready.body.map { String(buffer: $0) } == #"{"status":"ready","checks":{"kafka":"ok"}}"#)
            }

            await runner.triggerGracefulShutdown()
            try await stopped.next()
            let code = try await tasks.next()
            #expect(code == .success)
        }
        // Logs are JSON lines from the service; nothing plain (no error line) was printed.
        #expect(output.plainLines == [])
        let messages = try output.lines.map { try jsonObject($0)["message"] as? String }
        #expect(messages.contains("Starting"))
        #expect(messages.contains("Stopped"))
    }

    @Test func serviceFailingWhileRunningExits70() async throws {
        struct Crash: Error, CustomStringConvertible {
            var description: String { "consumer lost its group:\nrebalance failed" }
        }
        let output = LineCapture()
        let code = await runner(["PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(try FreePort.next())"], output: output).run { _ in
            [ClosureService { throw Crash() }]
        }
        #expect(code == .software)
        #expect(output.plainLines == ["ingest: consumer lost its group: rebalance failed"])
    }

    @Test func shutdownRequestedDuringStartUpStillExits0() async throws {
        let runner = runner(["PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(try FreePort.next())"], output: LineCapture())
        let code = await runner.run { _ in
            await runner.triggerGracefulShutdown()
            return []
        }
        #expect(code == .success)
    }

    @Test func portInUseExits69WithOneLine() async throws {
        let ports = Signal<Int>()
        let occupant = HealthServer(service: "other", host: "127.0.0.1", port: 0, logger: quietLogger, onListening: { ports.send($0) })
        let group = ServiceGroup(configuration: .init(services: [occupant], logger: quietLogger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await ports.next()

            let output = LineCapture()
            let code = await runner(["PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)"], output: output).run { context in
                context.logger.debug("not logged at the default level")
                return [WaitingService(stoppedSignal: Signal())]
            }
            #expect(code == .unavailable)
            // The service's own services never started, so the error is the only line.
            #expect(output.lines == ["ingest: cannot listen on 127.0.0.1:\(port): address already in use"])

            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
