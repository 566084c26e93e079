import HTTPTypes
import Hummingbird
import ParapetCodecs

/// Why the case API refused a request: a status, a stable code and one line saying what was
/// wrong and where, answered as `{"error":{"code":"…","message":"…"}}`. Nothing was changed.
public struct CaseAPIError: HTTPResponseError, CustomStringConvertible {
    /// The stable codes a client can act on.
    public enum Code: String, Sendable, CaseIterable {
        /// No token, or one that is unknown, forged, expired or revoked.
        case unauthorized
        /// The token's role may not do this.
        case forbidden
        /// No such case, or one in a school the token does not cover (never told apart).
        case notFound = "not_found"
        /// The body is not JSON, or a field or query parameter is missing or wrong.
        case invalidRequest = "invalid_request"
        /// The case's state does not allow the action (closing twice, acting on a closed case).
        case conflict
        /// The action names something that is not there, such as an assignee who is not a contact.
        case unprocessable
        /// The service is starting and cannot answer yet.
        case unavailable

        var status: HTTPResponse.Status {
            switch self {
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .invalidRequest: .badRequest
            case .conflict: .conflict
            case .unprocessable: .unprocessableContent
            case .unavailable: .serviceUnavailable
            }
        }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = String(message.map { $0.isNewline ? " " : $0 })
    }

    public var status: HTTPResponse.Status { code.status }

    public var description: String { "\(code.rawValue) (\(status.code)): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = JSONWriter.object([
            (
                "error",
                JSONWriter.object([("code", JSONStringEscaping.quoted(code.rawValue)), ("message", JSONStringEscaping.quoted(message))])
            )
        ])
        var headers: HTTPFields = [.contentType: "application/json"]
        if code == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"parapet\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
