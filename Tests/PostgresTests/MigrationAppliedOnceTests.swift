import Foundation
import ParapetPostgres
import ParapetSchema
import Testing

/// Running the migrator again applies nothing: each migration runs once per database.
@Suite(.postgresServer) struct MigrationAppliedOnceTests {
    @Test func theBundledMigrationsAppliedTwiceAreAppliedOnce() async throws {
        try await withFreshDatabase { url in
            try await withClient(url: url) { client async throws in
                let bundled = try ParapetSchema.migrations()
                #expect(bundled.first?.version == 1)
                #expect(bundled.first?.name == "processed_messages")

                let first = try await ParapetSchema.migrate(client)
                let second = try await ParapetSchema.migrate(client)
                #expect(first.map(\.version) == bundled.map(\.version))
                #expect(second.isEmpty)

                let recorded = try await client.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
                #expect(try recorded.decode((Int, String, String).self).map(\.0) == bundled.map(\.version))
                #expect(try recorded[0].decode(String.self, column: "checksum") == bundled[0].checksum)
                let table = try await client.query("SELECT to_regclass('processed_messages')::text AS name")
                #expect(try table[0].decode(String?.self, column: "name") == "processed_messages")
            }
        }
    }

    @Test func aMigrationsEffectHappensOnce() async throws {
        let folder = try temporaryFolder(with: [
            "0001_create_tally.sql": "CREATE TABLE tally (n int NOT NULL);",
            "0002_count_one.sql": "INSERT INTO tally VALUES (1);\nINSERT INTO tally VALUES (2);",
            "README.md": "not a migration",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withFreshDatabase { url in
            try await withClient(url: url) { client async throws in
                let migrations = try PostgresMigration.load(from: folder)
                #expect(migrations.map(\.version) == [1, 2])
                let migrator = PostgresMigrator(client: client, migrations: migrations)
                #expect(try await migrator.run().count == 2)
                #expect(try await migrator.run().isEmpty)
                #expect(try await migrator.run().isEmpty)
                let tally = try await client.query("SELECT count(*), sum(n) FROM tally")
                #expect(try tally[0].decode((Int, Int).self) == (2, 3))
                let recorded = try await client.query("SELECT count(*) FROM schema_migrations")
                #expect(try recorded[0].decode(Int.self) == 2)
            }
        }
    }
}
