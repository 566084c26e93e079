import Foundation

/// Where and how to send mail.
public struct SMTPConfiguration: Sendable {
    /// How the connection is secured.
    public enum Security: String, Sendable {
        /// `smtps://`: TLS from the first byte (port 465).
        case implicitTLS = "implicit_tls"
        /// `smtp://` upgraded with STARTTLS, refusing to go on without it (port 587).
        case startTLS = "starttls"
        /// `smtp://` in the clear: only for a mail server on loopback.
        case none
    }

    /// `smtp://host:port` or `smtps://host:port`.
    public var url: URL
    public var security: Security
    /// The envelope sender (`MAIL FROM`), also the `From` of each email unless a message says otherwise.
    public var sender: String
    /// Both or neither; never logged.
    public var username: String?
    public var password: String?
    /// How long connecting, and each whole send, may take.
    public var connectTimeout: Duration
    public var sendTimeout: Duration

    public init(
        url: URL, security: Security? = nil, sender: String, username: String? = nil, password: String? = nil,
        connectTimeout: Duration = .seconds(10), sendTimeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.security = security ?? (url.scheme == "smtps" ? .implicitTLS : .none)
        self.sender = sender
        self.username = username
        self.password = password
        self.connectTimeout = connectTimeout
        self.sendTimeout = sendTimeout
    }
}
