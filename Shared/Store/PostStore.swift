import Foundation
import ParapetModels
import ParapetPostgres

/// Post revisions in PostgreSQL (`posts`): what ingest stores before it publishes.
///
/// A post is identified by its ``Post/id`` alone (ingest derives it from platform and external
/// id). Storing the same content again writes nothing and returns the stored revision;
/// different content makes the next revision. "Content" is text, media and the author's display
/// name, compared by `post_same_content` in SQL (migration 0006) on every path.
///
/// Concurrency: ``record(_:)`` and ``recordRemoval(id:at:)`` serialise per post on a
/// transaction-level advisory lock keyed by the post id, so concurrent deliveries of one item
/// make one revision 1 and concurrent edits get consecutive revisions. The primary key
/// (id, revision) is the final guard: a writer that loses a race (``recordBatch(_:)`` takes no
/// per-post locks) gets a unique violation, and the whole transaction is retried.
public struct PostStore: Sendable {
    public let client: PostgresClient

    /// How many times a transaction that lost a race is run again before its error is thrown.
    static let attempts = 5

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Stores `post` as a new post, a new revision or nothing (a duplicate). Its `revision` and
    /// `removedAt` are ignored: the store numbers revisions, and removal is
    /// ``recordRemoval(id:at:)``. A new revision's `editedAt` is the post's, else its `receivedAt`.
    public func record(_ post: Post) async throws -> PostRecord {
        let incoming = post.normalisedForStore()
        let encoder = ParapetJSON.makeEncoder()
        let content = PostDocument(json: try encoder.encode(incoming))
        return try await retryingLostRaces {
            try await client.withTransaction { connection in
                try await Self.lock(post.id, connection)
                let latest = try await connection.query(
                    """
                    SELECT revision, post_same_content(document, \(content)) AS same, document
                    FROM posts WHERE id = \(post.id) ORDER BY revision DESC LIMIT 1
                    """)
                var revision = 1
                if let row = latest.first {
                    if try row.decode(Bool.self, column: "same") {
                        return .duplicate(try PostDocument.post(from: row.decode(String.self, column: "document")))
                    }
                    revision = try row.decode(Int.self, column: "revision") + 1
                }
                let stored = incoming.asRevision(revision)
                try await connection.execute(
                    """
                    INSERT INTO posts (id, revision, trust_id, school_id, account_id, platform, external_id,
                        document, created_at, received_at, edited_at)
                    VALUES (\(stored.id), \(Int32(revision)), \(stored.trust), \(stored.school), \(stored.account),
                        \(stored.platform.rawValue), \(stored.externalID), \(PostDocument(json: try encoder.encode(stored))),
                        \(stored.createdAt), \(stored.receivedAt), \(stored.editedAt))
                    """)
                return revision == 1 ? .new(stored) : .revised(stored)
            }
        }
    }

    /// Marks the latest revision of post `id` as taken down at `date` (no new revision is made).
    /// - Returns: `.removed` with the revision as now stored; `.duplicate` of the stored
    ///   revision if it was already removed (its first removal time stays); nil if no post has
    ///   that id.
    public func recordRemoval(id: UUID, at date: Date) async throws -> PostRecord? {
        try await client.withTransaction { connection in
            try await Self.lock(id, connection)
            let latest = try await connection.query(
                "SELECT revision, document FROM posts WHERE id = \(id) ORDER BY revision DESC LIMIT 1")
            guard let row = latest.first else { return nil }
            let post = try PostDocument.post(from: row.decode(String.self, column: "document"))
            guard post.removedAt == nil else { return .duplicate(post) }
            let removed = post.removed(at: ParapetJSON.wholeMilliseconds(date))
            try await connection.execute(
                """
                UPDATE posts SET removed_at = \(removed.removedAt),
                    document = \(PostDocument(json: try ParapetJSON.encode(removed)))
                WHERE id = \(id) AND revision = \(try row.decode(Int32.self, column: "revision"))
                """)
            return .removed(removed)
        }
    }

    /// The latest revision of post `id`, removed or not; nil if there is none.
    public func latest(id: UUID) async throws -> Post? {
        let rows = try await client.query(
            "SELECT document FROM posts WHERE id = \(id) ORDER BY revision DESC LIMIT 1")
        return try rows.first.map { try PostDocument.post(from: $0.decode(String.self, column: "document")) }
    }

    /// The number of posts (distinct ids; every post has a revision 1).
    public func count() async throws -> Int {
        try await scalar("SELECT count(*) FROM posts WHERE revision = 1")
    }

    /// The number of stored revisions of all posts.
    public func revisionCount() async throws -> Int {
        try await scalar("SELECT count(*) FROM posts")
    }

    // MARK: - Helpers

    private func scalar(_ query: PostgresQuery) async throws -> Int {
        let rows = try await client.query(query)
        return try rows.first?.decode(Int.self, at: 0) ?? 0
    }

    /// Waits for, then holds until the transaction ends, the advisory lock of post `id`.
    private static func lock(_ id: UUID, _ connection: PostgresConnection) async throws {
        _ = try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey(for: id)))")
    }

    /// A 64-bit advisory lock key for post `id`: its two halves folded together. Ids are
    /// hashes (or random), so two posts sharing a key is rare and only makes them wait in turn.
    static func lockKey(for id: UUID) -> Int64 {
        withUnsafeBytes(of: id.uuid) { bytes in
            Int64(
                bitPattern: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                    ^ bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// Runs `body` again when its transaction lost a race with another writer of the same
    /// post (a unique violation on (id, revision)) or deadlocked with one; both mean nothing
    /// was written, and a new attempt sees the winner's rows.
    func retryingLostRaces<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Value
    ) async throws -> Value {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as PostgresError
                where attempt < Self.attempts
                && [.uniqueViolation, .deadlockDetected, .serializationFailure].contains(error.sqlState)
            {
                attempt += 1
            }
        }
    }
}
