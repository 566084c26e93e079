import Foundation
import ParapetModels
import ParapetPostgres

/// A trust's configuration as `config apply` stored it, with each pack's current version.
public struct StoredTrustConfiguration: Sendable, Hashable {
    /// The configuration, whose ``TrustConfiguration/effectivePack(for:)`` gives each school the
    /// merged pack stored for it.
    public var configuration: TrustConfiguration
    /// The latest version of each pack: `default`, and each school's merged pack by school id.
    public var packVersions: [String: Int]

    public init(configuration: TrustConfiguration, packVersions: [String: Int]) {
        self.configuration = configuration
        self.packVersions = packVersions
    }
}

/// Something that changes whenever `config apply` changes anything (a row added, changed or
/// removed, a new pack version): compare two to know whether to load the configuration again.
public struct ConfigurationStamp: Sendable, Hashable, CustomStringConvertible {
    var parts: [String]

    public var description: String { parts.joined(separator: " ") }
}

extension TrustConfigurationStore {
    /// The ids of every trust applied, in order.
    public func trustIDs() async throws -> [String] {
        try await client.query("SELECT id FROM trusts ORDER BY id").map { try $0.decode(String.self, column: "id") }
    }

    /// The trust's configuration as it was last applied, read in one snapshot; nil if the trust
    /// was never applied.
    ///
    /// The tables hold each school's pack merged onto the default, not the school's own file, so
    /// each school pack comes back as the merged pack with every default clause it does not keep
    /// disabled: merging it onto the default again gives exactly the stored pack.
    public func load(trust id: String) async throws -> StoredTrustConfiguration? {
        try await client.withTransaction { connection in
            // One snapshot for every table, so an apply committing meanwhile is seen whole or not at all.
            try await connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            guard let trustRow = try await connection.query("SELECT document FROM trusts WHERE id = \(id)").first else {
                return nil
            }
            let trust = try trustRow.decode(PostgresJSON<Trust>.self, column: "document").value
            let schools = try await connection.query("SELECT document FROM schools WHERE trust_id = \(id) ORDER BY id").map {
                try $0.decode(PostgresJSON<School>.self, column: "document").value
            }
            let accounts = try await connection.query(
                "SELECT document FROM monitored_accounts WHERE trust_id = \(id) ORDER BY id"
            ).map { try $0.decode(PostgresJSON<MonitoredAccount>.self, column: "document").value }
            let contacts = try await connection.query(
                "SELECT document FROM contacts WHERE trust_id = \(id) AND school_id IS NOT NULL ORDER BY id"
            ).map { try $0.decode(PostgresJSON<Contact>.self, column: "document").value }

            var rosters = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, Roster(school: $0.id, pupils: [], staff: [], governors: [])) })
            for row in try await connection.query(
                "SELECT school_id, kind, document FROM roster_people WHERE trust_id = \(id) ORDER BY school_id, id")
            {
                let school = try row.decode(String.self, column: "school_id")
                var roster = rosters[school] ?? Roster(school: school, pupils: [], staff: [], governors: [])
                switch try row.decode(String.self, column: "kind") {
                case "pupil": roster.pupils.append(try row.decode(PostgresJSON<Pupil>.self, column: "document").value)
                case "staff": roster.staff.append(try row.decode(PostgresJSON<StaffMember>.self, column: "document").value)
                default: roster.governors.append(try row.decode(PostgresJSON<Governor>.self, column: "document").value)
                }
                rosters[school] = roster
            }

            var packs: [String: PolicyPack] = [:]
            var versions: [String: Int] = [:]
            for row in try await connection.query(
                """
                SELECT DISTINCT ON (pack_id) pack_id, version, document FROM policy_pack_versions
                WHERE trust_id = \(id) ORDER BY pack_id, version DESC
                """)
            {
                let pack = try row.decode(String.self, column: "pack_id")
                packs[pack] = try row.decode(PostgresJSON<PolicyPack>.self, column: "document").value
                versions[pack] = try row.decode(Int.self, column: "version")
            }
            guard let defaultPack = packs["default"] else {
                throw StoredConfigurationError(trust: id, problem: "no default policy pack is stored")
            }
            let schoolPacks = schools.compactMap { school -> PolicyPack? in
                guard var pack = packs[school.id] else { return nil }
                let kept = Set(pack.clauses.map(\.id))
                pack.disable = defaultPack.clauses.map(\.id).filter { !kept.contains($0) }
                return pack
            }
            let configuration = TrustConfiguration(
                trust: trust, schools: schools, accounts: accounts, contacts: contacts,
                rosters: schools.compactMap { rosters[$0.id] }, defaultPack: defaultPack, schoolPacks: schoolPacks)
            return StoredTrustConfiguration(configuration: configuration, packVersions: versions)
        }
    }

    /// The current ``ConfigurationStamp`` of every trust: one cheap query over the
    /// configuration tables' row counts and latest changes, and the pack versions.
    public func stamp() async throws -> ConfigurationStamp {
        let rows = try await client.query(
            """
            SELECT 'trusts' AS part, count(*) AS rows, max(updated_at) AS latest FROM trusts
            UNION ALL SELECT 'schools', count(*), max(updated_at) FROM schools
            UNION ALL SELECT 'accounts', count(*), max(updated_at) FROM monitored_accounts
            UNION ALL SELECT 'people', count(*), max(updated_at) FROM roster_people
            UNION ALL SELECT 'contacts', count(*), max(updated_at) FROM contacts
            UNION ALL SELECT 'packs', count(*), max(created_at) FROM policy_pack_versions
            """)
        return ConfigurationStamp(
            parts: try rows.map { row in
                let latest = try row.decode(Date?.self, column: "latest")
                return
                    "\(try row.decode(String.self, column: "part"))=\(try row.decode(Int.self, column: "rows"))@\(latest.map { "\($0.timeIntervalSince1970)" } ?? "-")"
            })
    }
}

/// The stored configuration of a trust cannot be read back.
public struct StoredConfigurationError: Error, Sendable, CustomStringConvertible {
    public var trust: String
    public var problem: String

    public var description: String { "the stored configuration of trust \"\(trust)\" is incomplete: \(problem)" }
}
