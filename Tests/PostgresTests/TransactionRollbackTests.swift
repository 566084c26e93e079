import ParapetPostgres
import Testing

/// `withTransaction` commits all of its body or nothing of it.
@Suite(.postgresServer) struct TransactionRollbackTests {
    struct Boom: Error {}

    private func makeTable(_ client: PostgresClient) async throws -> String {
        let table = uniqueName("tx")
        try await client.execute("CREATE TABLE \(identifier: table) (id int8 PRIMARY KEY, note text)")
        return table
    }

    private func count(_ table: String, _ client: PostgresClient) async throws -> Int {
        try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self)
    }

    @Test func aTransactionThatThrowsLeavesNoRow() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            await #expect(throws: Boom.self) {
                try await client.withTransaction { tx in
                    try await tx.execute("INSERT INTO \(identifier: table) VALUES (\(1), \("first"))")
                    try await tx.execute("INSERT INTO \(identifier: table) VALUES (\(2), \("second"))")
                    throw Boom()
                }
            }
            #expect(try await count(table, client) == 0)
            // The connection went back clean: the next transaction works and commits.
            _ = try await client.withTransaction { tx in
                try await tx.execute("INSERT INTO \(identifier: table) VALUES (\(3), \("third"))")
            }
            #expect(try await count(table, client) == 1)
        }
    }

    @Test func aFailedStatementWhoseErrorWasCaughtFailsTheCommit() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let error = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { tx in
                    try await tx.execute("INSERT INTO \(identifier: table) VALUES (\(1), \("kept?"))")
                    // Swallowing this leaves the transaction aborted; COMMIT would quietly roll back.
                    _ = try? await tx.execute("INSERT INTO \(identifier: table) VALUES (\(1), \("duplicate"))")
                }
            }
            #expect(error?.sqlState == .inFailedTransaction)
            #expect(try await count(table, client) == 0)
        }
    }

    @Test func transactionsDoNotNest() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let error = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { tx in
                    try await tx.execute("INSERT INTO \(identifier: table) VALUES (\(1), \("outer"))")
                    try await tx.withTransaction { _ in }
                }
            }
            #expect(error?.code == .invalidUsage)
            #expect(try await count(table, client) == 0)
        }
    }
}
