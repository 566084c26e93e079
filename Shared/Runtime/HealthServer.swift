import Foundation
import Hummingbird
import Logging
// NIOCore comes with Hummingbird; it is needed for the bound port and the errno of a failed bind.
import NIOCore
import ParapetCodecs
import Prometheus
import ServiceLifecycle
import Synchronization

/// A function that adds a service's own routes (e.g. ingest's webhooks) to the HTTP router.
public typealias RouteInstaller = @Sendable (Router<BasicRequestContext>) -> Void

/// The HTTP server every service runs, as a swift-service-lifecycle `Service`:
///
/// - `GET /health`: 200 `{"status":"ok","service":"ingest"}` while the process runs (liveness);
/// - `GET /ready`: runs the readiness checks concurrently; 200 `{"status":"ready","checks":{"kafka":"ok"}}`
///   or 503 `{"status":"not ready","checks":{"kafka":"ok","postgres":"<one-line error>"}}`;
/// - `GET /metrics`: the Prometheus registry in text format;
/// - whatever routes the service installs.
///
/// Port 0 binds a free port; `onListening` learns which.
public struct HealthServer: Service {
    /// The service name reported by `/health`.
    public var service: String
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    public var readinessChecks: [ReadinessCheck]
    /// The registry `/metrics` serves.
    public var metrics: PrometheusCollectorRegistry
    /// The service's own routes, installed after the built-in ones.
    public var routes: [RouteInstaller]
    public var logger: Logger
    /// Called with the bound port once the server is listening.
    public var onListening: @Sendable (_ port: Int) async -> Void

    public init(
        service: String, host: String = "0.0.0.0", port: Int,
        readinessChecks: [ReadinessCheck] = [], metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        routes: [RouteInstaller] = [], logger: Logger,
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) {
        self.service = service
        self.host = host
        self.port = port
        self.readinessChecks = readinessChecks
        self.metrics = metrics
        self.routes = routes
        self.logger = logger
        self.onListening = onListening
    }

    /// The router with the built-in endpoints and the service's routes, for serving or for testing in-process.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        let service = self.service
        let checks = self.readinessChecks
        let metrics = self.metrics
        router.get("/health") { _, _ in
            Self.json(.ok, JSONWriter.object([("status", JSONStringEscaping.quoted("ok")), ("service", JSONStringEscaping.quoted(service))]))
        }
        router.get("/ready") { _, _ in
            let report = await ReadinessReport.run(checks)
            return Self.json(
                report.isReady ? .ok : .serviceUnavailable,
                JSONWriter.object([
                    ("status", JSONStringEscaping.quoted(report.isReady ? "ready" : "not ready")),
                    ("checks", JSONWriter.object(strings: report.results)),
                ]))
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: ParapetMetrics.contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        for install in routes {
            install(router)
        }
        return router
    }

    /// The Hummingbird application serving ``makeRouter()`` on ``host``:``port``.
    public func makeApplication() -> some ApplicationProtocol {
        let onListening = self.onListening
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until graceful shutdown.
    ///
    /// - Throws: ``HealthServerError/cannotListen(host:port:reason:)`` if the address cannot be bound.
    public func run() async throws {
        let listening = ListeningFlag()
        var server = self
        server.onListening = { port in
            listening.set()
            await self.onListening(port)
        }
        do {
            try await server.makeApplication().run()
        } catch {
            // Errors before the socket is bound are about the address; later ones are the server's own.
            guard !listening.isSet else { throw error }
            throw HealthServerError.cannotListen(host: host, port: port, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let ioError = error as? IOError, let cMessage = strerror(ioError.errnoCode) else {
            return Redaction.oneLine(error)
        }
        // "Address already in use" reads better mid-sentence as "address already in use".
        let message = String(cString: cMessage)
        return message.prefix(1).lowercased() + message.dropFirst()
    }

    private static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// Set once the server is listening; read after `run` fails.
private final class ListeningFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
