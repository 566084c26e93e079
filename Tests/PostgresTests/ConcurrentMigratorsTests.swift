import Foundation
import ParapetPostgres
import ParapetSchema
import Testing

/// Two services starting at once both run the migrator: the advisory lock makes them take
/// turns, both succeed, and each migration is applied once.
@Suite(.postgresServer) struct ConcurrentMigratorsTests {
    @Test func twoMigratorsStartedAtOnceBothSucceedAndApplyOnce() async throws {
        // The sleep holds the first runner inside its work long enough for the second to
        // arrive while it is running.
        let migrations = [
            PostgresMigration(version: 1, name: "slow_table", sql: "CREATE TABLE slow (n int); SELECT pg_sleep(0.3);"),
            PostgresMigration(version: 2, name: "one_row", sql: "INSERT INTO slow VALUES (1);"),
        ]
        try await withFreshDatabase { url in
            try await withClient(url: url) { first async throws in
                try await withClient(url: url) { second async throws in
                    async let a = PostgresMigrator(client: first, migrations: migrations).run()
                    async let b = PostgresMigrator(client: second, migrations: migrations).run()
                    let (appliedByA, appliedByB) = try await (a, b)
                    #expect(appliedByA.count + appliedByB.count == 2)
                    #expect(appliedByA.isEmpty || appliedByB.isEmpty)

                    let rows = try await first.query("SELECT count(*) FROM slow")
                    #expect(try rows[0].decode(Int.self) == 1)
                    let recorded = try await first.query("SELECT count(*) FROM schema_migrations")
                    #expect(try recorded[0].decode(Int.self) == 2)
                }
            }
        }
    }

    @Test func parapetsOwnMigrationsRaceSafely() async throws {
        try await withFreshDatabase { url in
            try await withClient(url: url) { first async throws in
                try await withClient(url: url) { second async throws in
                    async let a = ParapetSchema.migrate(first)
                    async let b = ParapetSchema.migrate(second)
                    let (appliedByA, appliedByB) = try await (a, b)
                    #expect(appliedByA.count + appliedByB.count == (try ParapetSchema.migrations().count))
                }
            }
        }
    }
}
