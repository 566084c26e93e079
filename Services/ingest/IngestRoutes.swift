import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import ParapetIngest
import ParapetIntake

/// The webhook and API endpoints. Each request is verified and parsed in full before anything is
/// stored; the reply goes out only once its posts are stored and acknowledged by Kafka.
struct IngestRoutes: Sendable {
    let settings: IngestSettings
    let connectors: ConnectorDirectory?
    let intake: PostIntake
    let logger: Logger

    func install(on router: Router<BasicRequestContext>) {
        router.add(middleware: IngestRejectionMiddleware(logger: logger))
        if let token = settings.metaVerifyToken {
            router.get("/webhooks/meta") { request, _ in
                let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }) { first, _ in first }
                let challenge = try MetaWebhook.handshake(query: query, verifyToken: token)
                return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: challenge)))
            }
        }
        if let secret = settings.metaAppSecret {
            router.post("/webhooks/meta") { request, _ in
                try await self.accept(request, endpoint: "meta") { body, received in
                    try WebhookSignature.verifyMeta(body: body, header: request.headers[.hubSignature], appSecret: Array(secret.utf8))
                    return try MetaWebhook.parse(body, receivedAt: received).map { IntakeItem(account: nil, item: $0) }
                }
            }
        }
        if let secret = settings.xConsumerSecret {
            router.get("/webhooks/x") { request, _ in
                guard let token = request.uri.queryParameters.get("crc_token"), !token.isEmpty else {
                    throw IngestError(.invalidField, "crc_token: missing from the query")
                }
                let answer = WebhookSignature.xCRCResponse(crcToken: token, consumerSecret: Array(secret.utf8))
                return Self.json(200, #"{"response_token":"\#(answer)"}"#)
            }
            router.post("/webhooks/x") { request, _ in
                try await self.accept(request, endpoint: "x") { body, received in
                    try WebhookSignature.verifyX(body: body, header: request.headers[.xSignature], consumerSecret: Array(secret.utf8))
                    return try XWebhook.parse(body, receivedAt: received).map { IntakeItem(account: nil, item: $0) }
                }
            }
        }
        if let connectors {
            router.post("/v1/posts") { request, _ in
                try await self.accept(request, endpoint: "api") { body, received in
                    let connector = try connectors.authorize(request.headers[.authorization])
                    let items = try GenericPostRequest.decode(body, receivedAt: received)
                    for (index, entry) in items.enumerated() where !connector.accounts.contains(entry.account) {
                        throw IngestError(
                            .accountNotAllowed,
                            "posts[\(index)].account: connector \"\(connector.id)\" may not post for \"\(entry.account)\"")
                    }
                    return items.map { IntakeItem(account: $0.account, item: $0.item) }
                }
            }
        }
    }

    /// Reads the body within the limit, parses it with `parse`, stores and publishes the items.
    /// A bad request throws its ``IngestError``, which ``IngestRejectionMiddleware`` counts and
    /// answers.
    private func accept(
        _ request: Request, endpoint: String, parse: @Sendable ([UInt8], Date) throws -> [IntakeItem]
    ) async throws(IngestError) -> Response {
        let received = Date()
        var request = request
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.collectBody(upTo: settings.maxBodyBytes))
        } catch {
            throw IngestError(.tooLarge, "the body is larger than \(settings.maxBodyBytes) bytes")
        }
        let items: [IntakeItem]
        do {
            items = try parse(body, received)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(.invalidField, "\(error)")
        }
        do {
            let summary = try await intake.accept(items, receivedAt: received)
            let counters = AcceptedCounters.for(endpoint)
            counters.new.increment(by: summary.new)
            counters.revised.increment(by: summary.revised)
            counters.duplicates.increment(by: summary.duplicates)
            counters.removed.increment(by: summary.removed)
            return Self.json(200, summary.json)
        } catch let error as IngestError {
            throw error
        } catch {
            // The database or the broker failed: the sender must retry, so this is a 503.
            logger.error("ingest could not store or publish", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
            return Self.json(503, #"{"error":{"code":"unavailable","message":"Parapet cannot store posts right now; retry later"}}"#)
        }
    }

    static func json(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The posts each accepted request stored, by outcome: made once per endpoint rather than looked
/// up in the metrics factory four times per request. Requests themselves are counted and timed
/// by Hummingbird's `MetricsMiddleware`, rejections by ``IngestRejectionMiddleware``.
private struct AcceptedCounters: Sendable {
    let new: Counter
    let revised: Counter
    let duplicates: Counter
    let removed: Counter

    init(endpoint: String) {
        func posts(_ outcome: String) -> Counter {
            Counter(label: "parapet_ingest_posts_total", dimensions: [("endpoint", endpoint), ("outcome", outcome)])
        }
        new = posts("new")
        revised = posts("revised")
        duplicates = posts("duplicate")
        removed = posts("removed")
    }

    private static let byEndpoint = ["meta", "x", "api"].reduce(into: [String: AcceptedCounters]()) { $0[$1] = AcceptedCounters(endpoint: $1) }

    static func `for`(_ endpoint: String) -> AcceptedCounters {
        byEndpoint[endpoint] ?? AcceptedCounters(endpoint: endpoint)
    }
}

extension HTTPField.Name {
    static let hubSignature = HTTPField.Name("X-Hub-Signature-256")!
    static let xSignature = HTTPField.Name("x-twitter-webhooks-signature")!
}
