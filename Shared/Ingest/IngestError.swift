import ParapetCodecs

/// Why ingest refused a request or an item: an HTTP status, a stable machine-readable code and a
/// one-line message saying what was wrong and where.
///
/// Every parser and verifier in ParapetIngest throws only this type, and only with a 4xx status:
/// a bad request is the sender's problem, never a crash or a 5xx.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable codes a client can act on; the raw value is the `code` in the JSON body.
    public enum Code: String, Sendable, CaseIterable {
        /// A webhook arrived without its signature header.
        case unsigned
        /// The signature header is malformed or does not match the body.
        case badSignature = "bad_signature"
        /// The body, or a batch in it, is larger than ingest accepts.
        case tooLarge = "too_large"
        /// The body is not JSON.
        case malformedJSON = "malformed_json"
        /// The body is not UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// The item names an account Parapet does not monitor.
        case unknownAccount = "unknown_account"
        /// A connector's bearer token is missing or not a known connector's.
        case badToken = "bad_token"
        /// Meta's subscription handshake offered the wrong verify token or mode.
        case badVerifyToken = "bad_verify_token"
        /// The bearer token is not scoped to the account the item names.
        case accountNotAllowed = "account_not_allowed"
        /// The request is well formed but asks for something ingest does not do.
        case unsupported
        /// A field is missing, of the wrong type or has a value ingest cannot use.
        case invalidField = "invalid_field"

        /// The HTTP status a response with this code carries.
        public var status: Int {
            switch self {
            case .unsigned, .badSignature, .badToken: 401
            case .tooLarge: 413
            case .malformedJSON, .invalidUTF8, .invalidField: 400
            case .unknownAccount, .unsupported: 422
            case .badVerifyToken, .accountNotAllowed: 403
            }
        }
    }

    /// Which of the stable codes this is.
    public let kind: Code
    /// What was wrong and where, on one line.
    public let message: String

    /// An error with `kind`'s code and status; line breaks in `message` become spaces so that
    /// it stays one line.
    public init(_ kind: Code, _ message: String) {
        self.kind = kind
        self.message = String(message.map { $0.isNewline ? " " : $0 })
    }

    /// The HTTP status to reply with (4xx for everything ParapetIngest throws).
    public var status: Int { kind.status }
    /// The stable machine-readable code, e.g. `invalid_field`.
    public var code: String { kind.rawValue }

    /// The response body: `{"error":{"code":"…","message":"…"}}`, UTF-8.
    public var jsonBody: [UInt8] {
        Array("{\"error\":{\"code\":\(JSONStringEscaping.quoted(code)),\"message\":\(JSONStringEscaping.quoted(message))}}".utf8)
    }

    public var description: String { "\(code) (\(status)): \(message)" }

    /// The same error with `prefix` before its message, e.g. `line 12: `.
    func prefixed(_ prefix: String) -> IngestError {
        IngestError(kind, prefix + message)
    }
}
