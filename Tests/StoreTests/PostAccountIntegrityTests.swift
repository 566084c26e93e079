import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

/// Every post names a monitored account, and an account with posts stays (migration 0005 checks
/// it once per statement, where 0003's foreign key checked every row).
@Suite("Posts and their monitored accounts")
struct PostAccountIntegrityTests {
    @Test("a batch naming an unknown account stores nothing and fails as the foreign key did")
    func unknownAccountRefusesTheBatch() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            var stray = StoreDatabase.post(text: "on an account nobody watches")
            stray.account = "no-such-account"
            let posts = (0..<2_000).map { StoreDatabase.post(text: "post \($0)") } + [stray]
            let error = try await #require(throws: PostgresError.self) { try await store.recordBatch(posts) }
            #expect(error.sqlState == .foreignKeyViolation)
            #expect(error.detail?.contains("no-such-account") == true)
            // A large batch is stored in parts: the part without the stray post may commit, and
            // the sender's retry of the whole batch then finds those posts as duplicates.
            let stored = try await StoreDatabase.scalar(client, "SELECT count(*) FROM posts WHERE account_id = 'no-such-account'")
            #expect(stored == 0)

            await #expect(throws: PostgresError.self) { try await store.record(stray) }
            await #expect(throws: PostgresError.self) { try await store.recordBatch([stray]) }
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM posts WHERE account_id = 'no-such-account'") == 0)
        }
    }

    @Test("an account with posts cannot be deleted, renamed or truncated away; one without posts can go")
    func accountsWithPostsStay() async throws {
        try await StoreDatabase.with { client in
            _ = try await PostStore(client: client).record(StoreDatabase.post(text: "keeps its account"))
            let account = StoreDatabase.account
            for statement: PostgresQuery in [
                "DELETE FROM monitored_accounts WHERE id = \(account)",
                "UPDATE monitored_accounts SET id = 'renamed' WHERE id = \(account)",
            ] {
                let error = try await #require(throws: PostgresError.self) { try await client.execute(statement) }
                #expect(error.sqlState == .foreignKeyViolation)
                #expect(error.detail?.contains(account) == true)
            }
            let truncate = try await #require(throws: PostgresError.self) {
                try await client.execute("TRUNCATE monitored_accounts CASCADE")
            }
            #expect(truncate.message.contains("cannot truncate"))
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM monitored_accounts WHERE id = \(account)") == 1)

            // Other changes to an account with posts, and removing an account without any, still work.
            #expect(try await client.execute("UPDATE monitored_accounts SET id = id WHERE id = \(account)") == 1)
            let unused = try await StoreDatabase.scalar(
                client,
                """
                SELECT count(*) FROM monitored_accounts a WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id)
                """)
            #expect(unused > 0)
            #expect(
                try await client.execute(
                    """
                    DELETE FROM monitored_accounts a WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id)
                    """) == unused)
        }
    }

    @Test("a delete waiting on a batch that is writing posts for the account fails once the batch commits")
    func deleteRacingABatch() async throws {
        try await StoreDatabase.with { client in
            let account = StoreDatabase.account
            try await client.withConnection { writer in
                try await writer.execute("BEGIN")
                try await writer.execute(
                    """
                    INSERT INTO posts (id, revision, trust_id, school_id, account_id, platform, external_id, document, created_at, received_at)
                    VALUES (gen_random_uuid(), 1, \(StoreDatabase.trust), \(StoreDatabase.school), \(account), 'facebook', 'x',
                        '{"text": "racing"}', now(), now())
                    """)
                // The writer holds its account: a delete from another connection waits for it.
                let deletion = Task { try await client.execute("DELETE FROM monitored_accounts WHERE id = \(account)") }
                var waiting = 0
                for _ in 0..<100 where waiting == 0 {
                    try await Task.sleep(for: .milliseconds(50))
                    waiting = try await StoreDatabase.scalar(
                        client,
                        """
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM monitored_accounts%'
                        """)
                }
                #expect(waiting == 1)
                try await writer.execute("COMMIT")
                let error = await #expect(throws: PostgresError.self) { _ = try await deletion.value }
                #expect(error?.sqlState == .foreignKeyViolation)
            }
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM monitored_accounts WHERE id = \(account)") == 1)
        }
    }
}
