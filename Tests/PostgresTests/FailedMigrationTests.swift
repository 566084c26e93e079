import Foundation
import ParapetPostgres
import Testing

/// A migration that fails leaves nothing behind, is named in the error, and stops the run.
@Suite(.postgresServer) struct FailedMigrationTests {
    @Test func aFailingMigrationIsRolledBackAndStopsTheRun() async throws {
        try await withFreshDatabase { url in
            try await withClient(url: url) { client async throws in
                let migrations = [
                    PostgresMigration(version: 1, name: "good", sql: "CREATE TABLE good (n int);"),
                    PostgresMigration(version: 2, name: "bad", sql: "CREATE TABLE half (n int);\nSELECT no_such_function();"),
                    PostgresMigration(version: 3, name: "later", sql: "CREATE TABLE later (n int);"),
                ]
                let error = await #expect(throws: PostgresMigrationError.self) {
                    try await PostgresMigrator(client: client, migrations: migrations).run()
                }
                guard case .migrationFailed(let version, let name, let cause) = error?.reason else {
                    Issue.record("expected a failed migration, got \(String(describing: error))")
                    return
                }
                #expect(version == 2 && name == "bad")
                #expect(cause.sqlState == "42883")  // undefined_function
                let tables = try await client.query(
                    "SELECT to_regclass('good')::text, to_regclass('half')::text, to_regclass('later')::text")
                let (good, half, later) = try tables[0].decode((String?, String?, String?).self)
                #expect(good == "good" && half == nil && later == nil)
                let recorded = try await client.query("SELECT version FROM schema_migrations")
                #expect(try recorded.decode(Int.self) == [1])
                // The lock was released: the fixed set runs at once.
                let fixed = [migrations[0], PostgresMigration(version: 2, name: "bad", sql: "SELECT 1;"), migrations[2]]
                #expect(try await PostgresMigrator(client: client, migrations: fixed).run().map(\.version) == [2, 3])
            }
        }
    }

    @Test func aMigrationThatCommitsItselfIsRefused() async throws {
        try await withFreshDatabase { url in
            try await withClient(url: url) { client async throws in
                let migration = PostgresMigration(version: 1, name: "commits", sql: "CREATE TABLE c (n int); COMMIT;")
                let error = await #expect(throws: PostgresMigrationError.self) {
                    try await PostgresMigrator(client: client, migrations: [migration]).run()
                }
                #expect(error?.postgresError?.code == .invalidUsage)
                #expect(error?.description.contains("ended the transaction") == true)
            }
        }
    }
}
