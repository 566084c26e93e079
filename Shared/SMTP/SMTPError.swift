/// Why an email was not accepted, with the server's own reply when it gave one.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The server refused this message or a recipient for good (a 5xx reply): sending it
        /// again cannot help.
        case rejected
        /// The server is down, unreachable, or answered 4xx: the same message may go later.
        case unavailable
        /// Parapet's own settings are wrong (a bad URL, TLS that cannot start, a login refused).
        case configuration
    }

    public var kind: Kind
    /// The server's last reply code, 0 when it gave none.
    public var code: Int
    /// The server's last reply line (`550 5.1.1 <x@example.org>: Recipient address rejected`).
    public var reply: String
    /// What libcurl said.
    public var detail: String

    public init(kind: Kind, code: Int, reply: String, detail: String) {
        self.kind = kind
        self.code = code
        self.reply = reply
        self.detail = detail
    }

    /// Whether sending the same message again later may succeed.
    public var isTransient: Bool { kind != .rejected }

    public var description: String {
        reply.isEmpty ? "SMTP \(kind.rawValue): \(detail)" : "SMTP \(kind.rawValue): \(detail) (server said: \(reply))"
    }
}
