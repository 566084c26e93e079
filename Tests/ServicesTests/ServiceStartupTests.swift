import Foundation
import TestSupport
import Testing

/// The built executables, run as trust IT would run them.
@Suite("Starting and stopping the services")
struct ServiceStartupTests {
    /// Executables sit beside the test bundle in SwiftPM's build folder.
    static func executable(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    static let basePath = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

    @Test("missing and malformed variables give one line each naming the variable, and exit 78")
    func badConfiguration() async throws {
        let missing = try ChildProcess.start([Self.executable("classifier")], environment: Self.basePath)
        let (status, output) = await missing.wait()
        #expect(status == 78)
        #expect(
            output.split(separator: "\n") == [
                "classifier: PARAPET_KAFKA_BROKERS is not set (expected host:port[,host:port...])",
                "classifier: PARAPET_DATABASE_URL is not set (expected a URL starting postgresql:// or postgres://)",
            ])

        let malformed = try ChildProcess.start(
            [Self.executable("ingest")],
            environment: Self.basePath.merging([
                "PARAPET_KAFKA_BROKERS": "127.0.0.1:9092", "PARAPET_DATABASE_URL": "postgresql://parapet:hunter2@127.0.0.1/parapet",
                "PARAPET_HTTP_PORT": "80x",
            ]) { $1 })
        let (malformedStatus, malformedOutput) = await malformed.wait()
        #expect(malformedStatus == 78)
        #expect(malformedOutput == "ingest: PARAPET_HTTP_PORT: \"80x\" is not a whole number (expected 1...65535)\n")
    }

    @Test("an unreachable database gives one line naming it, without its password, and exit 69")
    func unreachableDatabase() async throws {
        let port = try FreePort.next()
        let process = try ChildProcess.start(
            [Self.executable("escalation")],
            environment: Self.basePath.merging([
                "PARAPET_KAFKA_BROKERS": "127.0.0.1:\(port)", "PARAPET_DATABASE_URL": "postgresql://parapet:hunter2@127.0.0.1:\(port)/parapet",
                "PARAPET_CONNECT_TIMEOUT": "2s",
            ]) { $1 })
        let (status, output) = await process.wait()
        #expect(status == 69)
        #expect(output == "escalation: migrating failed: cannot connect to PostgreSQL at 127.0.0.1:\(port): connection refused\n")
        #expect(!output.contains("hunter2"))
    }

    @Test("an unreachable broker gives one line naming it and exit 69, within the connect timeout")
    func unreachableBroker() async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            let port = try FreePort.next()
            // Timed on a thread of its own, so the bound measures the child, not the shared pool's queue.
            let ((status, output), elapsed) = try await timed {
                let process = try ChildProcess.start(
                    [Self.executable("notifier")],
                    environment: Self.basePath.merging([
                        "PARAPET_KAFKA_BROKERS": "127.0.0.1:\(port)", "PARAPET_DATABASE_URL": infrastructure.databaseURL,
                        "PARAPET_CONNECT_TIMEOUT": "2s", "PARAPET_LOG_LEVEL": "warning",
                    ]) { $1 })
                return await process.wait()
            }
            #expect(status == 69)
            // The message names the 2 s timeout; the bound only rules out a hang on two shared cores.
            #expect(elapsed < .seconds(30))
            #expect(output == "notifier: cannot reach Kafka at 127.0.0.1:\(port) within 2.0 seconds: Local: Broker transport failure\n")
        }
    }

    @Test("a started service is healthy and ready, and SIGTERM stops it cleanly with exit 0")
    func healthyAndGracefulShutdown() async throws {
        try await LocalInfrastructure.with([.postgres, .kafka]) { infrastructure in
            let port = try FreePort.next()
            let process = try ChildProcess.start(
                [Self.executable("classifier")],
                environment: Self.basePath.merging(infrastructure.environment) { $1 }.merging([
                    "PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)",
                ]) { $1 })
            var ready: (Int, String)?
            for _ in 0..<150 {
                if let answer = try? await HTTPProbe.get("http://127.0.0.1:\(port)/ready"), answer.0 == 200 {
                    ready = answer
                    break
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            let health = try await HTTPProbe.get("http://127.0.0.1:\(port)/health")
            process.send(SIGTERM)
            let (status, output) = await process.wait()
            #expect(ready?.1 == #"{"status":"ready","checks":{"kafka":"ok","postgres":"ok"}}"#)
            #expect(health.0 == 200)
            #expect(status == 0, "output: \(output)")
            // Every log line is JSON.
            for line in output.split(separator: "\n") {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
            }
        }
    }
}
