import Foundation
import ParapetModels
import ParapetPostgres

/// Notifications in digest mode waiting for the day's digest (migration 0011, `digest_entries`):
/// one row per notification and recipient, gathered once into a digest.
public struct DigestStore: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// A notification waiting for one recipient's digest.
    public struct Entry: Sendable, Hashable {
        public var recipient: String
        public var trust: String
        public var notification: CaseNotification

        public init(recipient: String, trust: String, notification: CaseNotification) {
            self.recipient = recipient
            self.trust = trust
            self.notification = notification
        }
    }

    /// Keeps `notification` for each of its recipients' digests; a notification kept before
    /// (redelivered, replayed) is kept once.
    public func keep(_ notification: CaseNotification, trust: String) async throws {
        let json = String(decoding: try ParapetJSON.encode(notification), as: UTF8.self)
        for recipient in Set(notification.recipients.map(\.email)).sorted() {
            try await client.execute(
                """
                INSERT INTO digest_entries (notification_id, recipient, trust_id, school_id, case_id, notification, created_at)
                VALUES (\(notification.id), \(recipient), \(trust), \(notification.school), \(notification.caseID),
                    \(json)::jsonb, \(notification.createdAt))
                ON CONFLICT DO NOTHING
                """)
        }
    }

    /// One recipient's digest for one school and day.
    public struct Digest: Sendable, Hashable {
        public var id: UUID
        public var trust: String
        public var school: String
        public var recipient: String
        /// What it lists, oldest first; never empty.
        public var entries: [CaseNotification]
    }

    /// Gathers every entry of `trust` created before `cutoff` and not yet in a digest into the
    /// digest of its school and recipient, whose id `id(school, recipient)` gives (the same for
    /// the same day, so gathering twice makes no second digest).
    public func gather(trust: String, before cutoff: Date, id: (String, String) -> UUID) async throws {
        let waiting = try await client.query(
            """
            SELECT DISTINCT school_id, recipient FROM digest_entries
            WHERE trust_id = \(trust) AND digest_id IS NULL AND created_at < \(cutoff)
            """)
        for row in waiting {
            let school = try row.decode(String.self, column: "school_id")
            let recipient = try row.decode(String.self, column: "recipient")
            try await client.execute(
                """
                UPDATE digest_entries SET digest_id = \(id(school, recipient))
                WHERE trust_id = \(trust) AND school_id = \(school) AND recipient = \(recipient) AND digest_id IS NULL
                    AND created_at < \(cutoff)
                """)
        }
    }

    /// The gathered digests of `trust` not yet sent or refused, each with the entries whose case
    /// the recipient was not already emailed about at once (nothing in a digest was also an
    /// immediate alert); a digest left with nothing is not returned, so an empty one is never sent.
    public func unsent(trust: String, limit: Int = 200) async throws -> [Digest] {
        let rows = try await client.query(
            """
            SELECT e.digest_id, e.school_id, e.recipient, e.notification::text AS notification
            FROM digest_entries e
            WHERE e.trust_id = \(trust) AND e.digest_id IS NOT NULL
                AND NOT EXISTS (
                    SELECT 1 FROM notification_deliveries d
                    WHERE d.notification_id = e.digest_id AND d.recipient = e.recipient AND d.status <> 'sending')
                AND NOT EXISTS (
                    SELECT 1 FROM notification_deliveries d
                    WHERE d.case_id = e.case_id AND d.recipient = e.recipient AND d.status = 'sent')
            ORDER BY e.digest_id, e.created_at, e.notification_id
            LIMIT \(limit * 50)
            """)
        var digests: [Digest] = []
        for row in rows {
            let id = try row.decode(UUID.self, column: "digest_id")
            let notification = try ParapetJSON.decode(
                CaseNotification.self, from: Data(try row.decode(String.self, column: "notification").utf8))
            if digests.last?.id == id {
                digests[digests.count - 1].entries.append(notification)
            } else {
                guard digests.count < limit else { break }
                digests.append(
                    Digest(
                        id: id, trust: trust, school: try row.decode(String.self, column: "school_id"),
                        recipient: try row.decode(String.self, column: "recipient"), entries: [notification]))
            }
        }
        // A full page may have cut its last digest short: that one waits for the next call.
        if rows.count == limit * 50, digests.count > 1 { digests.removeLast() }
        return digests
    }

    /// How many entries wait for a digest.
    public func waitingCount() async throws -> Int {
        try await client.query("SELECT count(*) FROM digest_entries WHERE digest_id IS NULL")[0].decode(Int.self)
    }
}
