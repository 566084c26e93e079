import Foundation
import ParapetModels
import ParapetPostgres

/// Verdicts in PostgreSQL (`verdicts`, migration 0004) and the classifier's processed-message
/// markers (`processed_messages`), written together a batch at a time.
///
/// Exactly-once effects: a verdict is inserted with `ON CONFLICT DO NOTHING` on its id and its
/// unique key (post id and revision, ruleset, pack and pack version), so a message delivered
/// again, or a post revision sent twice, leaves the first verdict in place and gets it back to
/// re-emit; a revision judged under a new ruleset or pack version gets a verdict of its own.
/// Every message (removed posts too, which get no verdict) leaves a marker in the same
/// transaction.
public struct VerdictStore: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Records every entry of `batch` in one transaction: the verdicts and a
    /// `processed_messages` row per message id for `consumer`. Returns one outcome per entry,
    /// in order.
    ///
    /// The same verdict twice in one batch is stored once: its first entry is `.new`, the
    /// others `.duplicate` of it.
    public func record(_ batch: [VerdictEntry], consumer: String) async throws -> [VerdictOutcome] {
        guard !batch.isEmpty else { return [] }
        // Most batches hold nothing seen before: copied straight into the tables, they cost
        // PostgreSQL a third less than through a staging table. A duplicate makes the copy fail
        // on a unique key, and the batch is then recorded again through the staging table.
        var messageIDs = Set<UUID>()
        var verdictIDs = Set<UUID>()
        messageIDs.reserveCapacity(batch.count)
        verdictIDs.reserveCapacity(batch.count)
        let distinct = batch.allSatisfy { entry in
            messageIDs.insert(entry.messageID).inserted && (entry.verdict.map { verdictIDs.insert($0.id).inserted } ?? true)
        }
        if distinct {
            do {
                try await copy(batch, consumer: consumer)
                return batch.map { $0.verdict == nil ? .noVerdict : .new }
            } catch let error as PostgresError where error.sqlState == .uniqueViolation {
                // Seen before: nothing of the copy remains.
            }
        }
        return try await recordStaged(batch, consumer: consumer)
    }

    /// Copies every verdict and marker straight into their tables, in one transaction; fails
    /// with a unique violation, writing nothing, if any was there already.
    private func copy(_ batch: [VerdictEntry], consumer: String) async throws {
        let staged = batch
        try await client.withTransaction { connection in
            try await connection.copy(into: "verdicts", columns: Self.verdictColumns) { writer in
                for entry in staged {
                    guard let verdict = entry.verdict else { continue }
                    try writer.append(
                        verdict.id, verdict.postID, Int32(verdict.postRevision), entry.trust, verdict.school, verdict.authorKey.rawValue,
                        verdict.rulesetVersion, verdict.packID, Int32(verdict.packVersion), verdict.severity?.rawValue,
                        JSONDocument(bytes: entry.breachesJSON), verdict.decidedAt)
                }
            }
            try await connection.copy(into: "processed_messages", columns: ["consumer", "message_id"]) { writer in
                for entry in staged { try writer.append(consumer, entry.messageID) }
            }
        }
    }

    static let verdictColumns = [
        "id", "post_id", "post_revision", "trust_id", "school_id", "author_key", "ruleset_version", "pack_id", "pack_version",
        "severity", "breaches", "decided_at",
    ]

    /// ``record(_:consumer:)`` through a staging table: verdicts inserted unless stored, the
    /// stored ones returned, markers inserted unless there.
    private func recordStaged(_ batch: [VerdictEntry], consumer: String) async throws -> [VerdictOutcome] {
        let staged = batch
        let stored = try await client.withTransaction { connection in
            try await connection.execute(
                """
                CREATE TEMPORARY TABLE verdict_batch (
                    ord integer NOT NULL, message_id uuid NOT NULL, id uuid, post_id uuid, post_revision integer,
                    trust_id text, school_id text, author_key text, ruleset_version text, pack_id text,
                    pack_version integer, severity text, breaches jsonb, decided_at timestamptz
                ) ON COMMIT DROP
                """)
            try await connection.copy(into: "verdict_batch", columns: VerdictEntry.columns) { writer in
                for (ord, entry) in staged.enumerated() {
                    guard let verdict = entry.verdict else {
                        let none: String? = nil
                        let noID: UUID? = nil
                        let noNumber: Int32? = nil
                        let noDate: Date? = nil
                        let noJSON: JSONDocument? = nil
                        try writer.append(
                            Int32(ord), entry.messageID, noID, noID, noNumber, none, none, none, none, none, noNumber, none,
                            noJSON, noDate)
                        continue
                    }
                    try writer.append(
                        Int32(ord), entry.messageID, verdict.id, verdict.postID, Int32(verdict.postRevision), entry.trust,
                        verdict.school, verdict.authorKey.rawValue, verdict.rulesetVersion, verdict.packID,
                        Int32(verdict.packVersion), verdict.severity?.rawValue, JSONDocument(bytes: entry.breachesJSON),
                        verdict.decidedAt)
                }
            }
            // ON CONFLICT DO NOTHING also skips a repeat within the statement: no DISTINCT needed.
            try await connection.execute(
                """
                INSERT INTO processed_messages (consumer, message_id)
                SELECT \(consumer), message_id FROM verdict_batch
                ON CONFLICT DO NOTHING
                """)
            // Rows come back only for entries whose verdict was not inserted now: with the stored
            // verdict when this statement's snapshot shows it, else (a concurrent writer committed
            // it meanwhile) with NULLs, read again below.
            var stored: [Int: Verdict?] = [:]
            for row in try await connection.query(Self.insertQuery) {
                stored[try row.decode(Int.self, column: "ord")] = try Self.storedVerdict(row)
            }
            for (ord, verdict) in stored where verdict == nil {
                guard let verdict = staged[ord].verdict else { continue }
                let rows = try await connection.query(
                    """
                    SELECT v.id AS stored_id, v.post_id, v.post_revision, v.school_id, v.author_key, v.ruleset_version,
                        v.pack_id, v.pack_version, v.breaches::text AS breaches, v.decided_at
                    FROM verdicts v
                    WHERE v.post_id = \(verdict.postID) AND v.post_revision = \(Int32(verdict.postRevision))
                        AND v.ruleset_version = \(verdict.rulesetVersion) AND v.pack_id = \(verdict.packID)
                        AND v.pack_version = \(Int32(verdict.packVersion))
                    """)
                guard let row = rows.first else {
                    throw PostgresError(code: .invalidUsage, message: "verdict \(verdict.id) was neither inserted nor found")
                }
                stored[ord] = try Self.storedVerdict(row)
            }
            return stored
        }
        var seen = Set<UUID>()
        seen.reserveCapacity(batch.count)
        return batch.enumerated().map { ord, entry in
            guard let verdict = entry.verdict else { return .noVerdict }
            if let existing = stored[ord], let existing { return .duplicate(existing) }
            // Inserted now; a second entry with the same verdict in the batch is its duplicate.
            return seen.insert(verdict.id).inserted ? .new : .duplicate(verdict)
        }
    }

    /// The number of verdicts stored.
    public func count() async throws -> Int {
        let rows = try await client.query("SELECT count(*) FROM verdicts")
        return try rows.first?.decode(Int.self, at: 0) ?? 0
    }

    /// Every stored verdict of post `id`, oldest first.
    public func verdicts(post id: UUID) async throws -> [Verdict] {
        let rows = try await client.query(
            """
            SELECT v.id AS stored_id, v.post_id, v.post_revision, v.school_id, v.author_key, v.ruleset_version,
                v.pack_id, v.pack_version, v.breaches::text AS breaches, v.decided_at
            FROM verdicts v WHERE v.post_id = \(id) ORDER BY v.post_revision, v.decided_at, v.id
            """)
        return try rows.map { row in try Self.storedVerdict(row)! }
    }

    // MARK: - SQL

    /// Inserts the staged verdicts that are not stored yet (the first of each id) and returns
    /// the entries whose verdict was already there, with the stored row where it is visible.
    private static let insertQuery = PostgresQuery(
        stringLiteral: """
            WITH inserted AS (
                INSERT INTO verdicts (id, post_id, post_revision, trust_id, school_id, author_key, ruleset_version,
                    pack_id, pack_version, severity, breaches, decided_at)
                SELECT id, post_id, post_revision, trust_id, school_id, author_key, ruleset_version,
                    pack_id, pack_version, severity, breaches, decided_at
                FROM verdict_batch WHERE id IS NOT NULL ORDER BY ord
                ON CONFLICT DO NOTHING
                RETURNING id
            )
            SELECT b.ord, v.id AS stored_id, v.post_id, v.post_revision, v.school_id, v.author_key, v.ruleset_version,
                v.pack_id, v.pack_version, v.breaches::text AS breaches, v.decided_at
            FROM verdict_batch b
            LEFT JOIN verdicts v ON v.post_id = b.post_id AND v.post_revision = b.post_revision
                AND v.ruleset_version = b.ruleset_version AND v.pack_id = b.pack_id AND v.pack_version = b.pack_version
            WHERE b.id IS NOT NULL AND b.id NOT IN (SELECT id FROM inserted)
            """)

    /// The verdict in a row with the stored verdict's columns (`stored_id`, ...); nil when the row's verdict columns are NULL.
    private static func storedVerdict(_ row: PostgresRow) throws -> Verdict? {
        guard let id = try row.decode(UUID?.self, column: "stored_id") else { return nil }
        let breaches = try ParapetJSON.decode([ClauseBreach].self, from: Data(try row.decode(String.self, column: "breaches").utf8))
        return Verdict(
            id: id, postID: try row.decode(UUID.self, column: "post_id"),
            postRevision: try row.decode(Int.self, column: "post_revision"),
            school: try row.decode(String.self, column: "school_id"),
            authorKey: AuthorKey(rawValue: try row.decode(String.self, column: "author_key")),
            rulesetVersion: try row.decode(String.self, column: "ruleset_version"),
            packID: try row.decode(String.self, column: "pack_id"),
            packVersion: try row.decode(Int.self, column: "pack_version"),
            decidedAt: try row.decode(Date.self, column: "decided_at"), breaches: breaches)
    }
}

/// One consumed message for ``VerdictStore/record(_:consumer:)``: its envelope id and, unless it
/// was a removed post (which gets no verdict), the verdict with its breaches already encoded.
public struct VerdictEntry: Sendable {
    static let columns = [
        "ord", "message_id", "id", "post_id", "post_revision", "trust_id", "school_id", "author_key",
        "ruleset_version", "pack_id", "pack_version", "severity", "breaches", "decided_at",
    ]

    /// The consumed message's envelope id: the `processed_messages` marker.
    public var messageID: UUID
    /// The post's trust.
    public var trust: String
    public var verdict: Verdict?
    /// `verdict.breaches` as ParapetJSON writes them (`[]` when benign).
    public var breachesJSON: [UInt8]

    /// - Parameter breachesJSON: the breaches as ParapetJSON encodes them; computed here when nil.
    public init(messageID: UUID, trust: String, verdict: Verdict?, breachesJSON: [UInt8]? = nil) throws {
        self.messageID = messageID
        self.trust = trust
        self.verdict = verdict
        if let breachesJSON {
            self.breachesJSON = breachesJSON
        } else if let verdict {
            self.breachesJSON = Array(try ParapetJSON.encode(verdict.breaches))
        } else {
            self.breachesJSON = []
        }
    }
}

/// What recording one ``VerdictEntry`` did.
public enum VerdictOutcome: Sendable, Hashable {
    /// The verdict was stored now: publish it.
    case new
    /// The verdict was already stored (an earlier delivery, or earlier in this batch): the
    /// stored verdict, to publish again, since its first publish may have been lost.
    case duplicate(Verdict)
    /// A message without a verdict (a removed post): only its marker was written.
    case noVerdict
}
