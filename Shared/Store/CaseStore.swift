import Foundation
import ParapetModels
import ParapetPostgres

/// Cases, their events and the notifications asked for (migration 0007), with escalation's
/// processed-message markers.
///
/// Events are the record; `cases` is derived from them in the same transaction
/// (``CaseStore/Transaction/write(_:)``) and can be rebuilt from them (``rebuiltCases()``).
/// Both outgoing tables are an outbox: rows are published after their transaction commits and
/// marked once Kafka acknowledged them (``markPublished(events:notifications:)``); what a crash
/// left unmarked comes back from ``unpublished(olderThan:limit:now:)``.
public struct CaseStore: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// A case as stored: the case, its trust, the sequence of its last event and its latest alert.
    public struct StoredCase: Sendable, Hashable {
        public var trust: String
        public var `case`: Case
        public var lastSequence: Int
        public var alert: Alert?

        public init(trust: String, case: Case, lastSequence: Int, alert: Alert? = nil) {
            self.trust = trust
            self.case = `case`
            self.lastSequence = lastSequence
            self.alert = alert
        }
    }

    /// A case's latest alert to leaders: its notification and when it is (or was) sent. Kept
    /// beside the case, not in it: grouping alerts is escalation's bookkeeping, not the case's.
    public struct Alert: Sendable, Hashable {
        public var notification: UUID
        public var sendAt: Date

        public init(notification: UUID, sendAt: Date) {
            self.notification = notification
            self.sendAt = sendAt
        }
    }

    /// What one transaction writes: events with the cases they leave, and notifications.
    public struct Change: Sendable {
        public var trust: String
        /// The case after `events`.
        public var `case`: Case
        /// When the case goes to the trust if still unacknowledged; nil when nothing is due.
        public var dueAt: Date?
        /// When the sweep next looks at the case; nil when no timer runs.
        public var wakeAt: Date?
        /// The case's latest alert after this change.
        public var alert: Alert?
        public var events: [CaseEvent]
        /// New notifications.
        public var notifications: [CaseNotification]
        /// Held notifications rewritten before they were sent (a post joined a held alert).
        public var revised: [CaseNotification]

        public init(
            trust: String, case: Case, dueAt: Date?, wakeAt: Date? = nil, alert: Alert? = nil, events: [CaseEvent],
            notifications: [CaseNotification], revised: [CaseNotification] = []
        ) {
            self.trust = trust
            self.case = `case`
            self.dueAt = dueAt
            self.wakeAt = wakeAt ?? dueAt
            self.alert = alert
            self.events = events
            self.notifications = notifications
            self.revised = revised
        }
    }

    /// Runs `body` in one transaction.
    public func withTransaction<Value: Sendable>(_ body: (Transaction) async throws -> Value) async throws -> Value {
        try await client.withTransaction { connection in try await body(Transaction(connection: connection)) }
    }

    /// The statements escalation runs inside one transaction.
    public struct Transaction: Sendable {
        let connection: PostgresConnection

        /// Inserts a marker per id for `consumer` and returns the ids that had none: the
        /// messages not seen before. The rest are repeats and change nothing.
        public func markProcessed(_ ids: [UUID], consumer: String) async throws -> Set<UUID> {
            guard !ids.isEmpty else { return [] }
            let rows = try await connection.query(
                """
                INSERT INTO processed_messages (consumer, message_id)
                SELECT \(consumer), id FROM unnest(\(PostgresArray(ids))) AS b(id)
                ON CONFLICT DO NOTHING
                RETURNING message_id
                """)
            return Set(try rows.decode(UUID.self))
        }

        /// The open cases of these authors (school, author key), locked until the transaction
        /// ends, so nothing else changes them meanwhile.
        public func openCases(_ authors: [(school: String, author: AuthorKey)]) async throws -> [StoredCase] {
            guard !authors.isEmpty else { return [] }
            let rows = try await connection.query(
                """
                SELECT c.trust_id, c.document::text AS document, c.last_sequence, c.alert_id, c.alert_at
                FROM cases c
                JOIN unnest(\(PostgresArray(authors.map(\.school))), \(PostgresArray(authors.map(\.author.rawValue)))) AS a(school_id, author_key)
                    ON c.school_id = a.school_id AND c.author_key = a.author_key
                WHERE c.status <> 'closed'
                FOR UPDATE OF c
                """)
            return try rows.map(CaseStore.storedCase)
        }

        /// Cases whose timers are due at or before `date` (an acknowledgement, a step or a LADO
        /// referral past its deadline, a reminder), locked, skipping any another transaction holds.
        public func dueCases(at date: Date, limit: Int) async throws -> [StoredCase] {
            let rows = try await connection.query(
                """
                SELECT trust_id, document::text AS document, last_sequence, alert_id, alert_at
                FROM cases WHERE wake_at <= \(date)
                ORDER BY wake_at LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
                """)
            return try rows.map(CaseStore.storedCase)
        }

        /// Writes the changes: every event and notification appended, and each case's row set to
        /// its last change. Returns the payloads' JSON as written, by id, so that publishing them
        /// does not encode them again.
        @discardableResult
        public func write(_ changes: [Change]) async throws -> Written {
            guard !changes.isEmpty else { return Written() }
            let encoded = try changes.map { change in
                (
                    change,
                    try change.events.map { try CaseJSONWriter.encode($0) },
                    change.notifications.map { CaseJSONWriter.encode($0) }
                )
            }
            let revised = changes.flatMap { change in
                change.revised.map { (change, $0, String(decoding: CaseJSONWriter.encode($0), as: UTF8.self)) }
            }
            try await connection.copy(
                into: "case_events", columns: ["id", "case_id", "sequence", "trust_id", "school_id", "kind", "event", "at"]
            ) { writer in
                for (change, events, _) in encoded {
                    for (event, json) in zip(change.events, events) {
                        try writer.append(
                            event.id, event.caseID, Int32(event.sequence), change.trust, event.school, event.kind.name,
                            JSONDocument(bytes: json), event.at)
                    }
                }
            }
            if encoded.contains(where: { !$0.2.isEmpty }) {
                try await connection.copy(
                    into: "case_notifications",
                    columns: ["id", "case_id", "event_id", "trust_id", "school_id", "notification", "created_at", "send_after"]
                ) { writer in
                    for (change, _, notifications) in encoded {
                        for (notification, json) in zip(change.notifications, notifications) {
                            try writer.append(
                                notification.id, notification.caseID, notification.eventID, change.trust, notification.school,
                                JSONDocument(bytes: json), notification.createdAt, notification.sendAfter)
                        }
                    }
                }
            }
            // A revision replaces a held notification only while it is unsent; one already sent
            // stays as it went. The last revision of each, in one statement.
            var lastRevision: [UUID: Int] = [:]
            for (index, item) in revised.enumerated() { lastRevision[item.1.id] = index }
            let revisions = lastRevision.values.sorted().map { revised[$0] }
            if !revisions.isEmpty {
                try await connection.execute(
                    """
                    UPDATE case_notifications n SET notification = r.notification::jsonb, event_id = r.event_id, send_after = r.send_after
                    FROM unnest(
                        \(PostgresArray(revisions.map(\.1.id))), \(PostgresArray(revisions.map(\.2))),
                        \(PostgresArray(revisions.map(\.1.eventID))), \(PostgresArray(revisions.map(\.1.sendAfter)))
                    ) AS r(id, notification, event_id, send_after)
                    WHERE n.id = r.id AND n.published_at IS NULL
                    """)
            }
            // One row per case: its last change in this batch. A change without events (a
            // reminder, a timer reset) keeps the stored sequence: GREATEST below.
            var last: [UUID: (Change, Int)] = [:]
            for change in changes {
                last[change.case.id] = (change, max(change.events.last?.sequence ?? 1, last[change.case.id]?.1 ?? 1))
            }
            let rows = try last.values.map { ($0, $0.0.case.id.lowercasedString) }.sorted { $0.1 < $1.1 }.map(\.0).map { change, sequence in
                (change, sequence, String(decoding: try CaseJSONWriter.encode(change.case), as: UTF8.self))
            }
            try await connection.execute(
                """
                INSERT INTO cases (id, trust_id, school_id, author_key, status, severity, step, last_sequence, opened_at, updated_at,
                    due_at, wake_at, alert_id, alert_at, document)
                SELECT id, trust_id, school_id, author_key, status, severity, step, last_sequence, opened_at, updated_at, due_at,
                    wake_at, alert_id, alert_at, document::jsonb
                FROM unnest(
                    \(PostgresArray(rows.map(\.0.case.id))), \(PostgresArray(rows.map(\.0.trust))),
                    \(PostgresArray(rows.map(\.0.case.school))), \(PostgresArray(rows.map(\.0.case.authorKey.rawValue))),
                    \(PostgresArray(rows.map(\.0.case.state.status.rawValue))), \(PostgresArray(rows.map(\.0.case.severity.rawValue))),
                    \(PostgresArray(rows.map(\.0.case.step.rawValue))), \(PostgresArray(rows.map { Int32($0.1) })),
                    \(PostgresArray(rows.map(\.0.case.openedAt))), \(PostgresArray(rows.map(\.0.case.updatedAt))),
                    \(PostgresArray(rows.map(\.0.dueAt))), \(PostgresArray(rows.map(\.0.wakeAt))),
                    \(PostgresArray(rows.map(\.0.alert?.notification))), \(PostgresArray(rows.map(\.0.alert?.sendAt))),
                    \(PostgresArray(rows.map(\.2)))
                ) AS b(id, trust_id, school_id, author_key, status, severity, step, last_sequence, opened_at, updated_at, due_at, wake_at,
                    alert_id, alert_at, document)
                ON CONFLICT (id) DO UPDATE SET
                    status = EXCLUDED.status, severity = EXCLUDED.severity, step = EXCLUDED.step,
                    last_sequence = GREATEST(cases.last_sequence, EXCLUDED.last_sequence), updated_at = EXCLUDED.updated_at, due_at = EXCLUDED.due_at,
                    wake_at = EXCLUDED.wake_at, alert_id = EXCLUDED.alert_id, alert_at = EXCLUDED.alert_at,
                    document = EXCLUDED.document
                """)
            var written = Written()
            for (change, events, notifications) in encoded {
                for (event, json) in zip(change.events, events) { written.events[event.id] = json }
                for (notification, json) in zip(change.notifications, notifications) { written.notifications[notification.id] = json }
            }
            for (_, notification, json) in revised { written.notifications[notification.id] = Array(json.utf8) }
            return written
        }
    }

    // MARK: Outbox

    /// Payloads' JSON as ``Transaction/write(_:)`` wrote it, by id.
    public struct Written: Sendable {
        public var events: [UUID: [UInt8]] = [:]
        public var notifications: [UUID: [UInt8]] = [:]

        public init() {}
    }

    /// An outbox row to publish again: its envelope header, Kafka key (the case id) and the
    /// payload's JSON as PostgreSQL returns it (the same JSON, spaced as jsonb spaces it), so
    /// republishing decodes and encodes nothing.
    public struct OutboxRow: Sendable, Hashable {
        public var header: EnvelopeHeader
        public var key: String
        public var json: [UInt8]
    }

    /// Events and notifications written at least `age` ago and not yet marked published, oldest
    /// first (what a crash between commit and publish left behind), with held notifications
    /// whose time to be sent has come by `now`.
    public func unpublished(
        olderThan age: Duration, limit: Int, now: Date = Date()
    ) async throws -> (events: [OutboxRow], notifications: [OutboxRow]) {
        let cutoff = Date().addingTimeInterval(-(age / .seconds(1)))
        func row(_ row: PostgresRow, schema: EventSchema) throws -> OutboxRow {
            let (id, trust, school, caseID, json, at) = try row.decode((UUID, String, String, UUID, String, Date).self)
            return OutboxRow(
                header: EnvelopeHeader(schema: schema, id: id, trust: trust, school: school, occurredAt: at), key: caseID.lowercasedString,
                json: Array(json.utf8))
        }
        let events = try await client.query(
            """
            SELECT id, trust_id, school_id, case_id, event::text, at FROM case_events
            WHERE published_at IS NULL AND recorded_at <= \(cutoff)
            ORDER BY recorded_at, case_id, sequence LIMIT \(limit)
            """
        ).map { try row($0, schema: CaseEvent.schema) }
        let notifications = try await client.query(
            """
            SELECT id, trust_id, school_id, case_id, notification::text, created_at FROM case_notifications
            WHERE published_at IS NULL AND (send_after IS NULL AND recorded_at <= \(cutoff) OR send_after <= \(now))
            ORDER BY recorded_at, created_at LIMIT \(limit)
            """
        ).map { try row($0, schema: CaseNotification.schema) }
        return (events, notifications)
    }

    /// Notes that Kafka acknowledged these events and notifications.
    public func markPublished(events: [UUID], notifications: [UUID]) async throws {
        if !events.isEmpty {
            try await client.execute(
                "UPDATE case_events SET published_at = now() WHERE id = ANY(\(PostgresArray(events))) AND published_at IS NULL")
        }
        if !notifications.isEmpty {
            try await client.execute(
                """
                UPDATE case_notifications SET published_at = now()
                WHERE id = ANY(\(PostgresArray(notifications))) AND published_at IS NULL
                """)
        }
    }

    // MARK: Reading

    /// Every stored case, by id.
    public func cases() async throws -> [StoredCase] {
        try await client.query("SELECT trust_id, document::text AS document, last_sequence FROM cases ORDER BY id").map(Self.storedCase)
    }

    /// One case's events, in order.
    public func events(case id: UUID) async throws -> [CaseEvent] {
        try await client.query("SELECT event::text FROM case_events WHERE case_id = \(id) ORDER BY sequence").map { row in
            try ParapetJSON.decode(CaseEvent.self, from: Data(try row.decode(String.self, at: 0).utf8))
        }
    }

    /// The notifications asked for about one case, oldest first.
    public func notifications(case id: UUID) async throws -> [CaseNotification] {
        try await client.query(
            "SELECT notification::text FROM case_notifications WHERE case_id = \(id) ORDER BY created_at, id"
        ).map { row in
            try ParapetJSON.decode(CaseNotification.self, from: Data(try row.decode(String.self, at: 0).utf8))
        }
    }

    /// Counts of stored cases, events and notifications.
    public func counts() async throws -> (cases: Int, events: Int, notifications: Int) {
        let row = try await client.query(
            """
            SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_events), (SELECT count(*) FROM case_notifications)
            """)[0]
        let (cases, events, notifications) = try row.decode((Int, Int, Int).self)
        return (cases, events, notifications)
    }

    /// Every case rebuilt from `case_events` alone, by id: what `cases` must equal.
    public func rebuiltCases() async throws -> [StoredCase] {
        var rebuilt: [StoredCase] = []
        var current: (trust: String, events: [CaseEvent])?
        func finish() throws {
            guard let (trust, events) = current, let last = events.last else { return }
            rebuilt.append(StoredCase(trust: trust, case: try Case.replaying(events), lastSequence: last.sequence))
        }
        for row in try await client.query("SELECT trust_id, event::text FROM case_events ORDER BY case_id, sequence") {
            let (trust, json) = try row.decode((String, String).self)
            let event = try ParapetJSON.decode(CaseEvent.self, from: Data(json.utf8))
            if current?.events.first?.caseID != event.caseID {
                try finish()
                current = (trust, [])
            }
            current?.events.append(event)
        }
        try finish()
        return rebuilt.sorted { $0.case.id.uuidString < $1.case.id.uuidString }
    }

    static func storedCase(_ row: PostgresRow) throws -> StoredCase {
        let trust = try row.decode(String.self, column: "trust_id")
        let document = try row.decode(String.self, column: "document")
        let sequence = try row.decode(Int32.self, column: "last_sequence")
        var alert: Alert?
        if row[column: "alert_id"] != nil, let id = try row.decode(UUID?.self, column: "alert_id"),
            let at = try row.decode(Date?.self, column: "alert_at")
        {
            alert = Alert(notification: id, sendAt: at)
        }
        return StoredCase(
            trust: trust, case: try ParapetJSON.decode(Case.self, from: Data(document.utf8)), lastSequence: Int(sequence), alert: alert)
    }
}
