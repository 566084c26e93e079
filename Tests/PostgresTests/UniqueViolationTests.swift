import Foundation
import ParapetPostgres
import Testing

/// A server error arrives as a `PostgresError` with its SQLSTATE, so a consumer can tell a
/// duplicate (already processed) from a real failure.
@Suite(.postgresServer) struct UniqueViolationTests {
    @Test func aDuplicateKeySurfacesAsSQLState23505() async throws {
        try await withClient { client async throws in
            let table = uniqueName("dedupe")
            try await client.execute(
                "CREATE TABLE \(identifier: table) (consumer text, message_id uuid, PRIMARY KEY (consumer, message_id))")
            let id = UUID()
            try await client.execute("INSERT INTO \(identifier: table) VALUES (\("classifier"), \(id))")
            let error = await #expect(throws: PostgresError.self) {
                try await client.execute("INSERT INTO \(identifier: table) VALUES (\("classifier"), \(id))")
            }
            let caught = try #require(error)
            #expect(caught.code == .server)
            #expect(caught.sqlState == .uniqueViolation)
            #expect(caught.sqlState?.rawValue == "23505")
            #expect(caught.sqlState?.isIntegrityConstraintViolation == true)
            #expect(caught.statement?.hasPrefix("INSERT INTO") == true)
            // One line, with the statement but not the values; the key is only in the detail.
            #expect(!caught.description.contains("\n"))
            #expect(caught.description.hasPrefix("PostgreSQL error 23505: duplicate key value violates unique constraint"))
            #expect(!caught.description.contains(id.uuidString.lowercased()))
            #expect(caught.detail?.contains(id.uuidString.lowercased()) == true)
            #expect(caught.debugDescription.contains("detail: Key"))
        }
    }
}
