import Foundation
import ParapetPostgres

/// The case API's audit log (migration 0008): who read or changed what, or was refused, when
/// and from where. Append-only.
public struct AuditLog: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// One request, as recorded.
    public struct Entry: Sendable, Hashable {
        public enum Outcome: String, Sendable, Hashable {
            case read, write, denied
        }

        public var at: Date
        public var tokenID: UUID?
        /// The case pages' session, for a page view or a form posted.
        public var sessionID: UUID?
        public var email: String?
        public var role: String?
        public var outcome: Outcome
        public var method: String
        public var path: String
        public var caseID: UUID?
        /// The action recorded, or why the request was refused.
        public var detail: String?
        public var status: Int
        public var remoteAddress: String?

        public init(
            at: Date = Date(), tokenID: UUID?, email: String?, role: String?, outcome: Outcome, method: String, path: String,
            caseID: UUID? = nil, detail: String? = nil, status: Int, remoteAddress: String?, sessionID: UUID? = nil
        ) {
            self.sessionID = sessionID
            self.at = at
            self.tokenID = tokenID
            self.email = email
            self.role = role
            self.outcome = outcome
            self.method = method
            self.path = path
            self.caseID = caseID
            self.detail = detail
            self.status = status
            self.remoteAddress = remoteAddress
        }
    }

    /// Appends `entry`.
    public func append(_ entry: Entry) async throws {
        try await client.execute(
            """
            INSERT INTO audit_log (at, token_id, session_id, email, role, outcome, method, path, case_id, detail, status, remote_address)
            VALUES (\(entry.at), \(entry.tokenID), \(entry.sessionID), \(entry.email), \(entry.role), \(entry.outcome.rawValue),
                \(entry.method), \(entry.path), \(entry.caseID), \(entry.detail), \(Int32(entry.status)), \(entry.remoteAddress))
            """)
    }

    /// The newest `limit` entries, newest first.
    public func recent(limit: Int = 100) async throws -> [Entry] {
        try await client.query(
            """
            SELECT at, token_id, session_id, email, role, outcome, method, path, case_id, detail, status, remote_address
            FROM audit_log ORDER BY id DESC LIMIT \(limit)
            """
        ).map { row in
            Entry(
                at: try row.decode(Date.self, column: "at"), tokenID: try row.decode(UUID?.self, column: "token_id"),
                email: try row.decode(String?.self, column: "email"), role: try row.decode(String?.self, column: "role"),
                outcome: Entry.Outcome(rawValue: try row.decode(String.self, column: "outcome")) ?? .denied,
                method: try row.decode(String.self, column: "method"), path: try row.decode(String.self, column: "path"),
                caseID: try row.decode(UUID?.self, column: "case_id"), detail: try row.decode(String?.self, column: "detail"),
                status: Int(try row.decode(Int32.self, column: "status")),
                remoteAddress: try row.decode(String?.self, column: "remote_address"),
                sessionID: try row.decode(UUID?.self, column: "session_id"))
        }
    }
}
