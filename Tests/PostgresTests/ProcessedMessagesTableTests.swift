import Foundation
import ParapetPostgres
import ParapetSchema
import Testing

/// Migration 0001's dedupe table: one row per consumer and message, so a redelivered message
/// is recognised inside the same transaction as its effects.
@Suite(.postgresServer) struct ProcessedMessagesTableTests {
    @Test func aMessageIsProcessedOncePerConsumer() async throws {
        try await withFreshDatabase { url in
            try await withClient(url: url) { client async throws in
                try await ParapetSchema.migrate(client)
                let message = UUID()
                let insert = { (consumer: String) in
                    try await client.execute(
                        """
                        INSERT INTO processed_messages (consumer, message_id) VALUES (\(consumer), \(message))
                        ON CONFLICT DO NOTHING
                        """)
                }
                #expect(try await insert("classifier") == 1)
                #expect(try await insert("classifier") == 0)  // a duplicate delivery
                #expect(try await insert("escalation") == 1)  // another consumer's own record

                let rows = try await client.query(
                    "SELECT consumer, processed_at FROM processed_messages WHERE message_id = \(message) ORDER BY consumer")
                #expect(rows.count == 2)
                let processedAt = try rows[0].decode(Date.self, column: "processed_at")
                #expect(abs(processedAt.timeIntervalSinceNow) < 60)
            }
        }
    }
}
