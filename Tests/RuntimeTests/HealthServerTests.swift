import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Metrics
import NIOCore
import ParapetRuntime
import Prometheus
import ServiceLifecycle
import Synchronization
import Testing

private struct DatabaseDown: Error, CustomStringConvertible {
    var description: String { "cannot connect to PostgreSQL at db:5432:\nconnection refused" }
}

@Suite("HealthServer")
struct HealthServerTests {
    private func server(
        checks: [ReadinessCheck] = [], metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        routes: [RouteInstaller] = []
    ) -> HealthServer {
        HealthServer(service: "ingest", port: 0, readinessChecks: checks, metrics: metrics, routes: routes, logger: quietLogger)
    }

    private func get(_ server: HealthServer, _ path: String) async throws -> TestResponse {
        try await Application(router: server.makeRouter()).test(.router) { client in
            try await client.execute(uri: path, method: .get)
        }
    }

    @Test func healthIsAlwaysOK() async throws {
        let response = try await get(server(checks: [ReadinessCheck("postgres") { throw DatabaseDown() }]), "/health")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        #expect(String(buffer: response.body) == #"{"status":"ok","service":"ingest"}"#)
    }

    @Test func readyWhenEveryCheckPasses() async throws {
        let response = try await get(
            server(checks: [ReadinessCheck("kafka") {}, ReadinessCheck("postgres") { try await Task.sleep(for: .milliseconds(10)) }]),
            "/ready")
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == #"{"status":"ready","checks":{"kafka":"ok","postgres":"ok"}}"#)
    }

    @Test func readyWithNoChecks() async throws {
        let response = try await get(server(), "/ready")
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == #"{"status":"ready","checks":{}}"#)
    }

    @Test func notReadyNamesTheFailingCheck() async throws {
        let response = try await get(
            server(checks: [ReadinessCheck("kafka") {}, ReadinessCheck("postgres") { throw DatabaseDown() }]), "/ready")
        #expect(response.status == .serviceUnavailable)
        let body = try jsonObject(String(buffer: response.body))
        #expect(body["status"] as? String == "not ready")
        #expect(
            body["checks"] as? [String: String] == [
                "kafka": "ok", "postgres": "cannot connect to PostgreSQL at db:5432: connection refused",
            ])
    }

    @Test(.timeLimit(.minutes(1))) func notReadyWhenACheckTimesOut() async throws {
        // The stuck check ignores cancellation, like a client in a blocking call, and stays stuck
        // until released after /ready has answered: /ready must not wait for it.
        let stuck = StuckCheck()
        let response = try await get(
            server(checks: [
                ReadinessCheck("kafka", timeout: .milliseconds(200)) { try await Task.sleep(for: .seconds(30)) },
                ReadinessCheck("postgres", timeout: .milliseconds(200)) { await stuck.wait() },
            ]),
            "/ready")
        let finishedBeforeAnswer = await stuck.finished
        await stuck.release()
        #expect(!finishedBeforeAnswer)
        #expect(response.status == .serviceUnavailable)
        let body = try jsonObject(String(buffer: response.body))
        #expect(body["checks"] as? [String: String] == ["kafka": "timed out after 200ms", "postgres": "timed out after 200ms"])
    }

    @Test func checksRunConcurrently() async throws {
        // Each check passes only once all three have started, which happens only if they run
        // at the same time; run one after another, the first would time out waiting.
        let started = StartedChecks()
        let rendezvous = { @Sendable in
            await started.arrive()
            while await started.count < 3 { try await Task.sleep(for: .milliseconds(5)) }
        }
        let response = try await get(
            server(checks: ["a", "b", "c"].map { ReadinessCheck($0, timeout: .seconds(5), check: rendezvous) }),
            "/ready")
        #expect(response.status == .ok)
    }

    /// A check that returns only when released; a continuation, unlike a sleep, ignores
    /// cancellation, as a client stuck in a blocking call does.
    actor StuckCheck {
        private var released = false
        private var waiter: CheckedContinuation<Void, Never>?
        private(set) var finished = false

        func wait() async {
            if !released { await withCheckedContinuation { waiter = $0 } }
            finished = true
        }

        func release() {
            released = true
            waiter?.resume()
            waiter = nil
        }
    }

    actor StartedChecks {
        private(set) var count = 0
        func arrive() { count += 1 }
    }

    @Test func metricsServesTheRegistry() async throws {
        let registry = PrometheusCollectorRegistry()
        let counter = Counter(
            label: "parapet_test_posts_total", dimensions: [("school", "levens")], factory: PrometheusMetricsFactory(registry: registry))
        counter.increment(by: 3)
        let response = try await get(server(metrics: registry), "/metrics")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/plain; version=0.0.4")
        let text = String(buffer: response.body)
        #expect(text.contains("# TYPE parapet_test_posts_total counter"))
        #expect(text.contains(#"parapet_test_posts_total{school="levens"} 3"#))
    }

    @Test func serviceRoutesAreAdded() async throws {
        let routes: RouteInstaller = { router in
            router.post("/webhooks/facebook") { _, _ in Response(status: .accepted) }
        }
        let response = try await Application(router: server(routes: [routes]).makeRouter()).test(.router) { client in
            try await client.execute(uri: "/webhooks/facebook", method: .post)
        }
        #expect(response.status == .accepted)
    }

    @Test func servesOnABoundPortAndRefusesAPortInUse() async throws {
        let ports = Signal<Int>()
        let first = HealthServer(
            service: "ingest", host: "127.0.0.1", port: 0, logger: quietLogger, onListening: { ports.send($0) })
        let group = ServiceGroup(configuration: .init(services: [first], logger: quietLogger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await ports.next()
            #expect(port > 0)

            let body = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                let response = try await client.get("/health")
                #expect(response.status == .ok)
                return response.body.map { String(buffer: $0) }
            }
            #expect(body == #"{"status":"ok","service":"ingest"}"#)

            let second = HealthServer(service: "ingest", host: "127.0.0.1", port: port, logger: quietLogger)
            let error = await #expect(throws: HealthServerError.self) { try await second.run() }
            #expect(error == .cannotListen(host: "127.0.0.1", port: port, reason: "address already in use"))
            #expect(error?.description == "cannot listen on 127.0.0.1:\(port): address already in use")

            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
