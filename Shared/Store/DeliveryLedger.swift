import Foundation
import ParapetModels
import ParapetPostgres

/// The notifier's record of each email (migration 0011, `notification_deliveries`): one row per
/// notification, or digest, and recipient, claimed before the email is sent and marked sent
/// right after the mail server accepts it, so each goes once.
public struct DeliveryLedger: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// One email to one recipient, as the notifier is about to send it.
    public struct Delivery: Sendable, Hashable {
        public var notificationID: UUID
        public var recipient: String
        public var trust: String
        /// Nil for a sign-in email to a trust-level contact.
        public var school: String?
        /// Nil for a digest.
        public var caseID: UUID?
        public var template: String
        public var messageID: String
        public var subject: String

        public init(
            notificationID: UUID, recipient: String, trust: String, school: String?, caseID: UUID?, template: String, messageID: String,
            subject: String
        ) {
            self.notificationID = notificationID
            self.recipient = recipient
            self.trust = trust
            self.school = school
            self.caseID = caseID
            self.template = template
            self.messageID = messageID
            self.subject = subject
        }
    }

    /// Where an email stands.
    public enum Status: String, Sendable, Hashable {
        case sending, sent, failed
    }

    /// What claiming an email found.
    public struct Claim: Sendable, Hashable {
        /// `sending` for an email to send now (new, or left unfinished by an earlier run);
        /// `sent` or `failed` for one already done, which must not go again.
        public var status: Status
        /// Above 1 when an earlier run claimed it and stopped before recording the outcome: the
        /// server may have accepted that copy.
        public var attempts: Int
        /// The case's first email to this recipient, which this one threads under; nil when
        /// this is the first (or a digest).
        public var threadRoot: ThreadRoot?
    }

    /// The first email of a case's thread to one recipient.
    public struct ThreadRoot: Sendable, Hashable {
        public var messageID: String
        public var subject: String
    }

    /// Claims `delivery` (committed when this returns, before anything is sent) and reads the
    /// thread it belongs to.
    public func claim(_ delivery: Delivery) async throws -> Claim {
        let rows = try await client.query(
            """
            WITH claimed AS (
                INSERT INTO notification_deliveries (notification_id, recipient, trust_id, school_id, case_id, template,
                    message_id, subject, status)
                VALUES (\(delivery.notificationID), \(delivery.recipient), \(delivery.trust), \(delivery.school), \(delivery.caseID),
                    \(delivery.template), \(delivery.messageID), \(delivery.subject), 'sending')
                ON CONFLICT (notification_id, recipient) DO UPDATE SET attempts = notification_deliveries.attempts + 1
                    WHERE notification_deliveries.status = 'sending'
                RETURNING status, attempts
            )
            SELECT coalesce(c.status, d.status) AS status, coalesce(c.attempts, d.attempts) AS attempts,
                root.message_id AS root_id, root.subject AS root_subject
            FROM (SELECT 1) one
            LEFT JOIN claimed c ON true
            LEFT JOIN notification_deliveries d
                ON c.status IS NULL AND d.notification_id = \(delivery.notificationID) AND d.recipient = \(delivery.recipient)
            LEFT JOIN LATERAL (
                SELECT r.message_id, r.subject FROM notification_deliveries r
                WHERE \(delivery.caseID)::uuid IS NOT NULL AND r.case_id = \(delivery.caseID) AND r.recipient = \(delivery.recipient)
                    AND r.notification_id <> \(delivery.notificationID)
                ORDER BY r.claimed_at, r.notification_id LIMIT 1
            ) root ON true
            """)
        guard let row = rows.first, let status = Status(rawValue: try row.decode(String.self, column: "status")) else {
            throw LedgerError(notification: delivery.notificationID, problem: "the claim returned no row")
        }
        let rootID = try row.decode(String?.self, column: "root_id")
        let rootSubject = try row.decode(String?.self, column: "root_subject")
        return Claim(
            status: status, attempts: try row.decode(Int.self, column: "attempts"),
            threadRoot: rootID.flatMap { id in rootSubject.map { ThreadRoot(messageID: id, subject: $0) } })
    }

    /// Records that the server accepted the email, with its reply.
    public func markSent(_ notificationID: UUID, recipient: String, reply: String) async throws {
        try await client.execute(
            """
            UPDATE notification_deliveries SET status = 'sent', sent_at = clock_timestamp(), reply = \(reply)
            WHERE notification_id = \(notificationID) AND recipient = \(recipient)
            """)
    }

    /// Records that the server refused the email for good, with its reply.
    public func markFailed(_ notificationID: UUID, recipient: String, reply: String) async throws {
        try await client.execute(
            """
            UPDATE notification_deliveries SET status = 'failed', reply = \(reply)
            WHERE notification_id = \(notificationID) AND recipient = \(recipient)
            """)
    }

    /// How many emails stand at each status.
    public func counts() async throws -> [Status: Int] {
        var counts: [Status: Int] = [:]
        for row in try await client.query("SELECT status, count(*) AS n FROM notification_deliveries GROUP BY status") {
            if let status = Status(rawValue: try row.decode(String.self, column: "status")) {
                counts[status] = try row.decode(Int.self, column: "n")
            }
        }
        return counts
    }
}

/// The ledger gave an answer it never should.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    public var notification: UUID
    public var problem: String

    public var description: String { "notification \(notification.lowercasedString): \(problem)" }
}
