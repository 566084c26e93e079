import Foundation
import ParapetModels
import ParapetPostgres

/// Case API tokens (migration 0008): issued and revoked by `parapet tokens`, checked by the case API.
public struct AccessTokenStore: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Issues a token and returns it with the text to hand to its holder (shown once; only
    /// its digest is kept).
    public func issue(
        trust: String, email: String, name: String, role: ContactRole, school: String?, validFor: Duration, now: Date = Date()
    ) async throws -> (token: AccessToken, text: String) {
        let secret = AccessToken.newSecret()
        let issued = ParapetJSON.wholeMilliseconds(now)
        let token = AccessToken(
            id: UUID(), trust: trust, email: email, name: name, role: role, school: school, issuedAt: issued,
            expiresAt: issued.addingTimeInterval(validFor / .seconds(1)))
        try await client.execute(
            """
            INSERT INTO api_tokens (id, secret_sha256, trust_id, email, name, role, school_id, issued_at, expires_at)
            VALUES (\(token.id), \(AccessToken.digest(secret)), \(trust), \(email), \(name), \(role.rawValue), \(school),
                \(token.issuedAt), \(token.expiresAt))
            """)
        return (token, AccessToken.text(id: token.id, secret: secret))
    }

    /// Why a presented token is refused.
    public enum Refusal: String, Error, Sendable, Hashable {
        /// Not shaped like a token, or no token has its id, or its secret does not match.
        case unknown
        case expired
        case revoked
    }

    /// The token `text` names, if it is valid at `now`; its last use is noted.
    public func verify(_ text: some StringProtocol, now: Date = Date()) async throws -> Result<AccessToken, Refusal> {
        guard let (id, secret) = AccessToken.parse(text) else { return .failure(.unknown) }
        let rows = try await client.query(
            """
            SELECT secret_sha256, id, trust_id, email, name, role, school_id, issued_at, expires_at, revoked_at, last_used_at
            FROM api_tokens WHERE id = \(id)
            """)
        guard let row = rows.first else { return .failure(.unknown) }
        guard AccessToken.matches(try row.decode([UInt8].self, column: "secret_sha256"), secret) else { return .failure(.unknown) }
        let token = try Self.token(row)
        if token.revokedAt != nil { return .failure(.revoked) }
        if token.expiresAt <= now { return .failure(.expired) }
        // Noted at most once a minute: a busy page should not write a row per request.
        try await client.execute(
            """
            UPDATE api_tokens SET last_used_at = now()
            WHERE id = \(id) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            """)
        return .success(token)
    }

    /// Revokes token `id`; false when there is no such token or it was revoked already.
    public func revoke(id: UUID) async throws -> Bool {
        try await client.execute("UPDATE api_tokens SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL") > 0
    }

    /// Revokes every token of `email`; returns how many.
    public func revokeAll(email: String) async throws -> Int {
        try await client.execute("UPDATE api_tokens SET revoked_at = now() WHERE lower(email) = lower(\(email)) AND revoked_at IS NULL")
    }

    /// Every token, newest first.
    public func list() async throws -> [AccessToken] {
        try await client.query(
            "SELECT id, trust_id, email, name, role, school_id, issued_at, expires_at, revoked_at, last_used_at FROM api_tokens ORDER BY issued_at DESC, id"
        ).map(Self.token)
    }

    private static func token(_ row: PostgresRow) throws -> AccessToken {
        let role = try row.decode(String.self, column: "role")
        guard let parsed = ContactRole(rawValue: role) else {
            throw PostgresError(code: .invalidUsage, message: "api_tokens.role holds \(role), which is not a role")
        }
        return AccessToken(
            id: try row.decode(UUID.self, column: "id"), trust: try row.decode(String.self, column: "trust_id"),
            email: try row.decode(String.self, column: "email"), name: try row.decode(String.self, column: "name"), role: parsed,
            school: try row.decode(String?.self, column: "school_id"), issuedAt: try row.decode(Date.self, column: "issued_at"),
            expiresAt: try row.decode(Date.self, column: "expires_at"), revokedAt: try row.decode(Date?.self, column: "revoked_at"),
            lastUsedAt: try row.decode(Date?.self, column: "last_used_at"))
    }
}
