import Foundation
import ParapetPostgres
import Testing

/// An applied migration must never change; the migrator refuses to run if one did.
@Suite(.postgresServer) struct ChangedMigrationChecksumTests {
    @Test func aChangedMigrationIsReportedAndNothingMoreIsApplied() async throws {
        try await withFreshDatabase { url in
            try await withClient(url: url) { client async throws in
                let original = PostgresMigration(version: 1, name: "pupils", sql: "CREATE TABLE pupils (name text);")
                try await PostgresMigrator(client: client, migrations: [original]).run()

                let edited = PostgresMigration(version: 1, name: "pupils", sql: "CREATE TABLE pupils (name text, year int);")
                let next = PostgresMigration(version: 2, name: "staff", sql: "CREATE TABLE staff (name text);")
                let error = await #expect(throws: PostgresMigrationError.self) {
                    try await PostgresMigrator(client: client, migrations: [edited, next]).run()
                }
                guard case .checksumMismatch(let version, let name, let applied, let current) = error?.reason else {
                    Issue.record("expected a checksum mismatch, got \(String(describing: error))")
                    return
                }
                #expect(version == 1 && name == "pupils")
                #expect(applied == original.checksum && current == edited.checksum)
                #expect(error?.description.hasPrefix("migration 1 (pupils) was changed after it was applied") == true)
                let staff = try await client.query("SELECT to_regclass('staff')::text AS name")
                #expect(try staff[0].decode(String?.self, column: "name") == nil)
            }
        }
    }

    @Test func theChecksumIsTheSQLsSHA256() async throws {
        try await withClient { client async throws in
            for sql in ["", "abc", "CREATE TABLE x (y text); -- ünïcode ✓\n", String(repeating: "0123456789", count: 100)] {
                let migration = PostgresMigration(version: 1, name: "x", sql: sql)
                let rows = try await client.query("SELECT encode(sha256(convert_to(\(sql), 'UTF8')), 'hex')")
                #expect(migration.checksum == (try rows[0].decode(String.self)))
            }
        }
    }
}
