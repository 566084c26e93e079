import Foundation
import ParapetModels
import ParapetPostgres

/// Loads a checked trust configuration into PostgreSQL.
///
/// The whole apply is one transaction under an advisory lock: it commits completely or not at
/// all, and two applies never interleave. Rows whose content is unchanged are not touched;
/// things no longer in the files are removed; a pack gets a new version only when its merged
/// content changed.
public struct TrustConfigurationStore: Sendable {
    /// Serialises concurrent applies ("parapet.config" in ASCII).
    static let lockKey: Int64 = 0x7061_7261_7065_7402

    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    @discardableResult
    public func apply(_ configuration: TrustConfiguration) async throws -> ConfigurationApplySummary {
        try await client.withTransaction { connection in
            _ = try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
            var summary = ConfigurationApplySummary()
            let trustID = configuration.trust.id
            summary.trust = try await upsertTrust(configuration.trust, connection)
            summary.schools = try await sync(
                "schools", trustID: trustID, rows: configuration.schools.map { ($0.id, $0) }, connection
            ) { school, connection in
                try await connection.query(
                    """
                    INSERT INTO schools (id, trust_id, document) VALUES (\(school.id), \(trustID), \(PostgresJSON(school)))
                    ON CONFLICT (id) DO UPDATE SET trust_id = EXCLUDED.trust_id, document = EXCLUDED.document, updated_at = now()
                    WHERE schools.document IS DISTINCT FROM EXCLUDED.document OR schools.trust_id IS DISTINCT FROM EXCLUDED.trust_id
                    RETURNING (xmax = 0) AS inserted
                    """)
            }
            summary.accounts = try await sync(
                "monitored_accounts", trustID: trustID, rows: configuration.accounts.map { ($0.id, $0) }, connection
            ) { account, connection in
                try await connection.query(
                    """
                    INSERT INTO monitored_accounts (id, trust_id, school_id, platform, external_id, document)
                    VALUES (\(account.id), \(trustID), \(account.school), \(account.platform.rawValue), \(account.externalID), \(PostgresJSON(account)))
                    ON CONFLICT (id) DO UPDATE SET trust_id = EXCLUDED.trust_id, school_id = EXCLUDED.school_id,
                        platform = EXCLUDED.platform, external_id = EXCLUDED.external_id, document = EXCLUDED.document, updated_at = now()
                    WHERE monitored_accounts.document IS DISTINCT FROM EXCLUDED.document
                        OR monitored_accounts.trust_id IS DISTINCT FROM EXCLUDED.trust_id
                    RETURNING (xmax = 0) AS inserted
                    """)
            }
            summary.people = try await sync(
                "roster_people", trustID: trustID, rows: try Self.people(configuration), connection
            ) { person, connection in
                try await connection.query(
                    """
                    INSERT INTO roster_people (id, trust_id, school_id, kind, document)
                    VALUES (\(person.id), \(trustID), \(person.school), \(person.kind), \(person.document)::jsonb)
                    ON CONFLICT (id) DO UPDATE SET trust_id = EXCLUDED.trust_id, school_id = EXCLUDED.school_id,
                        kind = EXCLUDED.kind, document = EXCLUDED.document, updated_at = now()
                    WHERE roster_people.document IS DISTINCT FROM EXCLUDED.document
                        OR roster_people.school_id IS DISTINCT FROM EXCLUDED.school_id
                        OR roster_people.kind IS DISTINCT FROM EXCLUDED.kind
                        OR roster_people.trust_id IS DISTINCT FROM EXCLUDED.trust_id
                    RETURNING (xmax = 0) AS inserted
                    """)
            }
            let contacts = (configuration.trust.contacts + configuration.contacts).map { contact in
                ("\(contact.school ?? trustID):\(contact.role.rawValue):\(contact.email.lowercased())", contact)
            }
            summary.contacts = try await sync("contacts", trustID: trustID, rows: contacts, connection) { contact, connection in
                let id = "\(contact.school ?? trustID):\(contact.role.rawValue):\(contact.email.lowercased())"
                return try await connection.query(
                    """
                    INSERT INTO contacts (id, trust_id, school_id, role, email, document)
                    VALUES (\(id), \(trustID), \(contact.school), \(contact.role.rawValue), \(contact.email), \(PostgresJSON(contact)))
                    ON CONFLICT (id) DO UPDATE SET trust_id = EXCLUDED.trust_id, document = EXCLUDED.document, updated_at = now()
                    WHERE contacts.document IS DISTINCT FROM EXCLUDED.document OR contacts.trust_id IS DISTINCT FROM EXCLUDED.trust_id
                    RETURNING (xmax = 0) AS inserted
                    """)
            }
            summary.packs.append(try await version(pack: "default", configuration.defaultPack, trustID: trustID, connection))
            for school in configuration.schools {
                guard let pack = configuration.effectivePack(for: school.id) else { continue }
                summary.packs.append(try await version(pack: school.id, pack, trustID: trustID, connection))
            }
            return summary
        }
    }

    /// The latest version of each pack of the trust.
    public func currentPackVersions(trust: String) async throws -> [String: Int] {
        let rows = try await client.query(
            """
            SELECT pack_id, max(version) AS version FROM policy_pack_versions WHERE trust_id = \(trust) GROUP BY pack_id
            """)
        var versions: [String: Int] = [:]
        for row in rows { versions[try row.decode(String.self, column: "pack_id")] = try row.decode(Int.self, column: "version") }
        return versions
    }

    // MARK: - Steps

    private func upsertTrust(_ trust: Trust, _ connection: PostgresConnection) async throws -> ConfigurationApplySummary.Changes {
        let rows = try await connection.query(
            """
            INSERT INTO trusts (id, document) VALUES (\(trust.id), \(PostgresJSON(trust)))
            ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, updated_at = now()
            WHERE trusts.document IS DISTINCT FROM EXCLUDED.document
            RETURNING (xmax = 0) AS inserted
            """)
        return try Self.changes(from: [rows])
    }

    /// Upserts every row of one table for the trust and removes the trust's rows that are no
    /// longer in the files.
    private func sync<Row: Sendable>(
        _ table: String, trustID: String, rows: [(id: String, value: Row)], _ connection: PostgresConnection,
        upsert: (Row, PostgresConnection) async throws -> PostgresRows
    ) async throws -> ConfigurationApplySummary.Changes {
        var results: [PostgresRows] = []
        for row in rows { results.append(try await upsert(row.value, connection)) }
        var changes = try Self.changes(from: results)
        let existing = try await connection.query("SELECT id FROM \(identifier: table) WHERE trust_id = \(trustID)")
        let wanted = Set(rows.map(\.id))
        for row in existing {
            let id = try row.decode(String.self, column: "id")
            guard !wanted.contains(id) else { continue }
            changes.removed += try await connection.execute("DELETE FROM \(identifier: table) WHERE id = \(id)")
        }
        return changes
    }

    /// A new version of `pack` when its content differs from the latest stored one.
    private func version(
        pack id: String, _ pack: PolicyPack, trustID: String, _ connection: PostgresConnection
    ) async throws -> ConfigurationApplySummary.PackVersion {
        let document = PostgresJSON(pack)
        let latest = try await connection.query(
            """
            SELECT version, document = \(document) AS same FROM policy_pack_versions
            WHERE trust_id = \(trustID) AND pack_id = \(id) ORDER BY version DESC LIMIT 1
            """)
        if let row = latest.first, try row.decode(Bool.self, column: "same") {
            return .init(pack: id, version: try row.decode(Int.self, column: "version"), isNew: false)
        }
        let next = try latest.first.map { try $0.decode(Int.self, column: "version") + 1 } ?? 1
        try await connection.execute(
            """
            INSERT INTO policy_pack_versions (trust_id, pack_id, version, content_sha256, document)
            VALUES (\(trustID), \(id), \(next), encode(sha256(convert_to(\(document)::text, 'UTF8')), 'hex'), \(document))
            """)
        return .init(pack: id, version: next, isNew: true)
    }

    private static func changes(from results: [PostgresRows]) throws -> ConfigurationApplySummary.Changes {
        var changes = ConfigurationApplySummary.Changes()
        for rows in results {
            for row in rows {
                if try row.decode(Bool.self, column: "inserted") { changes.added += 1 } else { changes.updated += 1 }
            }
        }
        return changes
    }

    /// A roster entry as a row: its school, its kind, and its value as JSON text.
    private struct PersonRow: Sendable {
        var id: String
        var school: String
        var kind: String
        var document: String
    }

    private static func people(_ configuration: TrustConfiguration) throws -> [(id: String, value: PersonRow)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func row(_ id: String, _ school: String, _ kind: String, _ value: some Encodable) throws -> (id: String, value: PersonRow) {
            (id, PersonRow(id: id, school: school, kind: kind, document: String(decoding: try encoder.encode(value), as: UTF8.self)))
        }
        return try configuration.rosters.flatMap { roster in
            try roster.pupils.map { try row($0.id, roster.school, "pupil", $0) }
                + roster.staff.map { try row($0.id, roster.school, "staff", $0) }
                + roster.governors.map { try row($0.id, roster.school, "governor", $0) }
        }
    }
}
