import Foundation
import ParapetPostgres
import Testing

/// A query marked `prepared()` is prepared once per connection and then run by name, with new
/// values each time, through errors and rolled-back transactions.
@Suite(.postgresServer) struct PreparedStatementTests {
    @Test func preparedOnceThenRunWithNewValues() async throws {
        try await withClient(maximumConnections: 1) { client async throws in
            for number in 0..<50 {
                let rows = try await client.query(prepared("SELECT \(number) + 1 AS next, \(PostgresArray(["a", String(number)])) AS list"))
                #expect(try rows[0].decode(Int.self, column: "next") == number + 1)
            }
            let statements = try await client.query("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'parapet_%'")
            #expect(try statements[0].decode(Int.self, at: 0) == 1)
            // Planned once, not for each run's values (PostgreSQL would plan an array parameter afresh every time).
            let plans = try await client.query(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'parapet_%'")
            #expect(try plans[0].decode(Int.self, column: "generic_plans") == 50)
            #expect(try plans[0].decode(Int.self, column: "custom_plans") == 0)
            // Other text, or the same text with other parameter types, is another statement.
            _ = try await client.query(prepared("SELECT \("text") || '' AS next, \(PostgresArray(["a"])) AS list"))
            _ = try await client.query(prepared("SELECT \(1) + 1 AS next, \(PostgresArray([Int32(1)])) AS list"))
            let again = try await client.query("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'parapet_%'")
            #expect(try again[0].decode(Int.self, at: 0) == 3)
        }
    }

    @Test func survivesFailuresAndRollbacks() async throws {
        try await withClient(maximumConnections: 1) { client async throws in
            let table = uniqueName("prepared")
            try await client.execute("CREATE TABLE \(identifier: table) (n integer PRIMARY KEY)")
            func insert(_ n: Int32) -> PostgresQuery { prepared("INSERT INTO \(identifier: table) (n) VALUES (\(n))") }
            // Prepared for the first time inside a transaction that rolls back: still usable after.
            await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.execute(insert(1))
                    try await connection.execute(insert(1))
                }
            }
            try await client.execute(insert(1))
            let duplicate = await #expect(throws: PostgresError.self) { try await client.execute(insert(1)) }
            #expect(duplicate?.sqlState == .uniqueViolation)
            #expect(duplicate?.statement?.contains("INSERT INTO") == true)
            try await client.execute(insert(2))
            let rows = try await client.query("SELECT count(*) FROM \(identifier: table)")
            #expect(try rows[0].decode(Int.self, at: 0) == 2)
            // A statement that cannot be prepared fails as an unprepared one does.
            let invalid = await #expect(throws: PostgresError.self) { try await client.query(prepared("SELEC \(1)")) }
            #expect(invalid?.sqlState == .syntaxError)
        }
    }
}

/// `query` marked to be prepared (a string literal needs its type named first).
private func prepared(_ query: PostgresQuery) -> PostgresQuery { query.prepared() }
