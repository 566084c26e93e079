import Foundation
import ParapetModels
import ParapetPostgres

/// Leaders' sign-in to the case pages (migration 0012): a one-time link for a contact, valid
/// for a short while and once, which opens a session that ends after inactivity. Secrets are
/// shown once, as `parapet_<id>_<secret>` like API tokens, and only their SHA-256 is stored.
public struct SignInStore: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// A sign-in link as issued: its id and the token text the emailed link carries.
    public struct Link: Sendable, Hashable {
        public var id: UUID
        public var text: String
        public var expiresAt: Date
    }

    /// A signed-in person.
    public struct Session: Sendable, Hashable {
        public var id: UUID
        public var trust: String
        public var email: String
        /// The session's token text, for the cookie; only set when the session is made.
        public var text: String?
    }

    /// Why a link or a session is refused.
    public enum Refusal: String, Error, Sendable, Hashable {
        /// Not shaped like a token, no such id, or the secret does not match.
        case unknown
        case expired
        /// The link was used already.
        case used
        /// The session was signed out, or went idle.
        case ended
    }

    /// Issues a link for the contact with `email` of `trust`, valid for `validFor`.
    public func issueLink(trust: String, email: String, validFor: Duration = .seconds(15 * 60), now: Date = Date()) async throws -> Link {
        let (id, secret) = Self.newSecret()
        let created = ParapetJSON.wholeMilliseconds(now)
        let expires = created.addingTimeInterval(validFor / .seconds(1))
        try await client.execute(
            """
            INSERT INTO sign_in_links (id, secret_sha256, trust_id, email, created_at, expires_at)
            VALUES (\(id), \(AccessToken.digest(secret)), \(trust), \(email), \(created), \(expires))
            """)
        return Link(id: id, text: AccessToken.text(id: id, secret: secret), expiresAt: expires)
    }

    /// Uses the link `text` once: a session for its contact, or why not. Two redemptions of the
    /// same link racing each other make one session.
    public func redeem(_ text: some StringProtocol, now: Date = Date()) async throws -> Result<Session, Refusal> {
        guard let (id, secret) = AccessToken.parse(text) else { return .failure(.unknown) }
        let rows = try await client.query(
            "SELECT secret_sha256, trust_id, email, expires_at, used_at FROM sign_in_links WHERE id = \(id)")
        guard let row = rows.first, AccessToken.matches(try row.decode([UInt8].self, column: "secret_sha256"), secret) else {
            return .failure(.unknown)
        }
        if try row.decode(Date?.self, column: "used_at") != nil { return .failure(.used) }
        if try row.decode(Date.self, column: "expires_at") <= now { return .failure(.expired) }
        let (sessionID, sessionSecret) = Self.newSecret()
        let at = ParapetJSON.wholeMilliseconds(now)
        let trust = try row.decode(String.self, column: "trust_id")
        let email = try row.decode(String.self, column: "email")
        let made = try await client.withTransaction { connection in
            // The update decides a race: only one redemption sees the link unused.
            guard
                try await connection.execute(
                    "UPDATE sign_in_links SET used_at = \(at) WHERE id = \(id) AND used_at IS NULL AND expires_at > \(at)") == 1
            else { return false }
            try await connection.execute(
                """
                INSERT INTO page_sessions (id, secret_sha256, trust_id, email, link_id, created_at, last_seen_at)
                VALUES (\(sessionID), \(AccessToken.digest(sessionSecret)), \(trust), \(email), \(id), \(at), \(at))
                """)
            return true
        }
        guard made else { return .failure(.used) }
        return .success(Session(id: sessionID, trust: trust, email: email, text: AccessToken.text(id: sessionID, secret: sessionSecret)))
    }

    /// The session `text` names if it has been used within `idle`, noting this use.
    public func session(
        _ text: some StringProtocol, idle: Duration = .seconds(30 * 60), now: Date = Date()
    ) async throws -> Result<
        Session, Refusal
    > {
        guard let (id, secret) = AccessToken.parse(text) else { return .failure(.unknown) }
        let rows = try await client.query(
            "SELECT secret_sha256, trust_id, email, last_seen_at, ended_at FROM page_sessions WHERE id = \(id)")
        guard let row = rows.first, AccessToken.matches(try row.decode([UInt8].self, column: "secret_sha256"), secret) else {
            return .failure(.unknown)
        }
        if try row.decode(Date?.self, column: "ended_at") != nil { return .failure(.ended) }
        if try row.decode(Date.self, column: "last_seen_at").addingTimeInterval(idle / .seconds(1)) <= now { return .failure(.ended) }
        try await client.execute("UPDATE page_sessions SET last_seen_at = \(ParapetJSON.wholeMilliseconds(now)) WHERE id = \(id)")
        return .success(Session(id: id, trust: try row.decode(String.self, column: "trust_id"), email: try row.decode(String.self, column: "email")))
    }

    /// Signs session `id` out; false when it had ended already.
    public func end(_ id: UUID, now: Date = Date()) async throws -> Bool {
        try await client.execute("UPDATE page_sessions SET ended_at = \(now) WHERE id = \(id) AND ended_at IS NULL") > 0
    }

    private static func newSecret() -> (UUID, [UInt8]) { (UUID(), AccessToken.newSecret()) }
}

extension SignInStore {
    /// A sign-in link asked for on the sign-in page, for the notifier to make and email.
    public struct Request: Sendable, Hashable {
        public var id: UUID
        public var trust: String
        public var email: String
        /// The page to open once signed in.
        public var next: String?
        public var requestedAt: Date
    }

    /// Records that the contact with `email` of `trust` asked for a link.
    public func request(trust: String, email: String, next: String?, now: Date = Date()) async throws -> Request {
        let request = Request(id: UUID(), trust: trust, email: email, next: next, requestedAt: ParapetJSON.wholeMilliseconds(now))
        try await client.execute(
            """
            INSERT INTO sign_in_requests (id, trust_id, email, next_path, requested_at)
            VALUES (\(request.id), \(trust), \(email), \(next), \(request.requestedAt))
            """)
        return request
    }

    /// The requests not yet emailed, oldest first.
    public func pendingRequests(limit: Int = 100) async throws -> [Request] {
        try await client.query(
            """
            SELECT id, trust_id, email, next_path, requested_at FROM sign_in_requests
            WHERE handled_at IS NULL ORDER BY requested_at LIMIT \(limit)
            """
        ).map { row in
            Request(
                id: try row.decode(UUID.self, column: "id"), trust: try row.decode(String.self, column: "trust_id"),
                email: try row.decode(String.self, column: "email"), next: try row.decode(String?.self, column: "next_path"),
                requestedAt: try row.decode(Date.self, column: "requested_at"))
        }
    }

    /// Marks request `id` handled: emailed, or too old to send.
    public func markHandled(_ id: UUID, now: Date = Date()) async throws {
        try await client.execute("UPDATE sign_in_requests SET handled_at = \(now) WHERE id = \(id) AND handled_at IS NULL")
    }
}
