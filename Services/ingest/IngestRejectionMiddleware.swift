import Hummingbird
import Logging
import Metrics
import ParapetIngest

/// Counts and logs every request ingest refuses, in `parapet_ingest_rejected_total{endpoint,code}`,
/// and answers it as an ``IngestRejection``: the routes only throw their ``IngestError``.
struct IngestRejectionMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as IngestError {
            let endpoint = Self.endpoint(request.uri.path)
            Counter(label: "parapet_ingest_rejected_total", dimensions: [("endpoint", endpoint), ("code", error.code)]).increment()
            logger.notice("request rejected", metadata: ["endpoint": "\(endpoint)", "code": "\(error.code)", "status": "\(error.status)"])
            throw IngestRejection(error: error)
        }
    }

    /// The endpoint label of a path: `meta`, `x`, `api`.
    static func endpoint(_ path: String) -> String {
        switch path {
        case "/webhooks/meta": "meta"
        case "/webhooks/x": "x"
        case "/v1/posts": "api"
        default: "other"
        }
    }
}

/// An ``IngestError`` as Hummingbird answers it: its status and `{"error":{"code","message"}}`.
struct IngestRejection: HTTPResponseError {
    let error: IngestError

    var status: HTTPResponse.Status { .init(code: error.status) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: error.jsonBody)))
    }
}
