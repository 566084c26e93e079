import Foundation
import Logging
import ParapetModels
import ParapetPostgres
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration
import TestSupport
import Testing

@Suite("Loading a trust into PostgreSQL")
struct ApplyToPostgresTests {
    static let tables = ["trusts", "schools", "monitored_accounts", "roster_people", "contacts", "policy_pack_versions"]

    /// Every row of every configuration table, including update times, as one fingerprint per table.
    static func snapshot(_ client: PostgresClient) async throws -> [String: String] {
        var result: [String: String] = [:]
        for table in tables {
            let rows = try await client.query(
                "SELECT count(*)::int8 AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM \(identifier: table) t")
            let row = try #require(rows.first)
            result[table] = "\(try row.decode(Int.self, column: "n")):\(try row.decode(String.self, column: "digest"))"
        }
        return result
    }

    static func client(_ infrastructure: LocalInfrastructure) async throws -> PostgresClient {
        var logger = Logger(label: "config-test")
        logger.logLevel = .error
        let client = PostgresClient(configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: logger)
        try await ParapetSchema.migrate(client, logger: logger)
        return client
    }

    @Test("applying the example twice leaves the same rows; editing one pack bumps only that pack's version")
    func idempotentAndVersioned() async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            let client = try await Self.client(infrastructure)
            let store = TrustConfigurationStore(client: client)
            let first = try await store.apply(try TrustConfiguration.load(from: ExampleTrust.folder))
            #expect(first.people.added >= 300)
            #expect(first.packs.count == 6 && first.packs.allSatisfy { $0.version == 1 && $0.isNew })
            let afterFirst = try await Self.snapshot(client)

            let second = try await store.apply(try TrustConfiguration.load(from: ExampleTrust.folder))
            #expect(second.isUnchanged)
            #expect(try await Self.snapshot(client) == afterFirst)

            let folder = try ExampleTrust.copy()
            defer { try? FileManager.default.removeItem(at: folder) }
            try ExampleTrust.edit(folder, "packs/levens-ce.yaml", matching: "severity: [a-z]+", with: "severity: critical")
            let third = try await store.apply(try TrustConfiguration.load(from: folder))
            #expect(third.packs.filter(\.isNew).map(\.pack) == ["levens-ce"])
            let versions = try await store.currentPackVersions(trust: "oakfield-learning-trust")
            #expect(versions == ["default": 1, "stour-provost": 1, "stokes-wood": 1, "dauvergne": 1, "trimley-st-martin": 1, "levens-ce": 2])
            let afterEdit = try await Self.snapshot(client)
            for table in Self.tables where table != "policy_pack_versions" { #expect(afterEdit[table] == afterFirst[table], "\(table)") }
            await client.shutdown()
        }
    }

    @Test("a pupil removed from the roster is removed from the database, and only that row changes")
    func removedPupil() async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            let client = try await Self.client(infrastructure)
            let store = TrustConfigurationStore(client: client)
            try await store.apply(try TrustConfiguration.load(from: ExampleTrust.folder))
            let folder = try ExampleTrust.copy()
            defer { try? FileManager.default.removeItem(at: folder) }
            // Drop the last pupil entry of one roster: everything from its "- id:" up to "staff:".
            let id = try ExampleTrust.match(folder, "roster/trimley-st-martin.yaml", #"- id: tsm-p-[0-9]+"#)
            try ExampleTrust.edit(folder, "roster/trimley-st-martin.yaml", matching: #"  - id: tsm-p-[0-9]+\n(    [^\n]*\n)+"#, with: "")
            let summary = try await store.apply(try TrustConfiguration.load(from: folder))
            #expect(summary.people == .init(added: 0, updated: 0, removed: 1))
            #expect(summary.packs.allSatisfy { !$0.isNew })
            let rows = try await client.query("SELECT count(*)::int8 AS n FROM roster_people WHERE id = \(String(id.dropFirst(6)))")
            #expect(try rows.first?.decode(Int.self, column: "n") == 0)
            await client.shutdown()
        }
    }

    @Test("parapet config apply of a broken folder exits 65, prints the problem, and changes nothing")
    func brokenFolderChangesNothing() async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            let client = try await Self.client(infrastructure)
            let environment = ["PARAPET_DATABASE_URL": infrastructure.databaseURL]
            let applied = try await ChildProcessRunner.run(
                [ExampleTrust.parapet, "config", "apply", ExampleTrust.folder.path], environment: environment)
            #expect(applied.status == 0, "\(applied.output)")
            let before = try await Self.snapshot(client)

            let folder = try ExampleTrust.copy()
            defer { try? FileManager.default.removeItem(at: folder) }
            // A good edit and a bad one: the good one must not be loaded either.
            try ExampleTrust.edit(folder, "schools.yaml", matching: "name: [^\n]+", with: "name: Renamed School")
            let line = try ExampleTrust.edit(folder, "roster/dauvergne.yaml", matching: #"date_of_birth: [^\n]+"#, with: "date_of_birth: 2015-13-01")
            let broken = try await ChildProcessRunner.run([ExampleTrust.parapet, "config", "apply", folder.path], environment: environment)
            #expect(broken.status == 65)
            #expect(broken.output.contains("parapet: roster/dauvergne.yaml:\(line): pupils["))
            #expect(broken.output.contains(#"].date_of_birth: "2015-13-01" is not a date (expected YYYY-MM-DD)"#))
            #expect(try await Self.snapshot(client) == before)
            await client.shutdown()
        }
    }
}
