import Foundation
import ParapetModels
import ParapetPostgres

extension PostStore {
    /// Stores many posts at once (the import CLI), with the outcome ``record(_:)`` would give
    /// each if they were recorded one after another in input order; returns one outcome per
    /// input, in input order.
    ///
    /// One transaction: the batch is copied into a temporary table, then set-based SQL compares
    /// each post with its latest stored revision and inserts the new posts and the changed ones.
    /// A post that occurs k times in the batch is handled in k rounds, each of which sees the
    /// revisions the round before wrote. No per-post locks are taken (a large batch would
    /// exhaust PostgreSQL's lock table): a concurrent writer of the same post makes this batch
    /// fail on the primary key and run again from the start.
    public func recordBatch(_ posts: [Post]) async throws -> [PostRecord] {
        try await recordBatch(PreparedPostBatch(posts))
    }

    /// ``recordBatch(_:)-([Post])`` of a batch prepared beforehand (the importer prepares the next
    /// batch while this one is stored).
    public func recordBatch(_ batch: PreparedPostBatch) async throws -> [PostRecord] {
        let staged = batch.staged
        guard !staged.isEmpty else { return [] }
        let rounds = staged.lazy.map(\.occurrence).max() ?? 1
        return try await retryingLostRaces {
            try await client.withTransaction { connection in
                try await connection.execute("""
                    CREATE TEMPORARY TABLE post_batch (
                        ord integer NOT NULL, occurrence integer NOT NULL, id uuid NOT NULL,
                        trust_id text NOT NULL, school_id text NOT NULL, account_id text NOT NULL,
                        platform text NOT NULL, external_id text NOT NULL, document jsonb NOT NULL,
                        created_at timestamptz NOT NULL, received_at timestamptz NOT NULL, edited_at timestamptz NOT NULL,
                        edited_text text NOT NULL
                    ) ON COMMIT DROP
                    """)
                try await connection.copy(into: "post_batch", columns: StagedPost.columns) { writer in
                    for row in staged {
                        let post = row.post
                        try writer.append(
                            row.ord, row.occurrence, post.id, post.trust, post.school, post.account,
                            post.platform.rawValue, post.externalID, row.document,
                            post.createdAt, post.receivedAt, post.editedAt, row.editedText)
                    }
                }
                var records = [PostRecord?](repeating: nil, count: staged.count)
                for round in 1...rounds {
                    for row in try await connection.query(Self.roundQuery(Int32(round))) {
                        let (ord, latest, duplicate, stored, received, edited, removed) =
                            try row.decode((Int32, Int?, Bool, String?, Date?, Date?, Date?).self)
                        let incoming = staged[Int(ord)].post
                        guard let latest else {
                            records[Int(ord)] = .new(incoming.asRevision(1))
                            continue
                        }
                        guard duplicate else {
                            records[Int(ord)] = .revised(incoming.asRevision(latest + 1))
                            continue
                        }
                        if let stored {
                            records[Int(ord)] = .duplicate(try PostDocument.post(from: stored))
                        } else {
                            // The stored revision is this post but for its own number and times:
                            // rebuilt here rather than decoded, the common case of a re-import.
                            var post = incoming.asRevision(latest)
                            post.receivedAt = Post.wholeMilliseconds(received ?? incoming.receivedAt)
                            post.editedAt = edited.map(Post.wholeMilliseconds)
                            post.removedAt = removed.map(Post.wholeMilliseconds)
                            records[Int(ord)] = .duplicate(post)
                        }
                    }
                }
                return records.map { $0! }
            }
        }
    }

    /// One round: the posts of the batch at their `round`-th occurrence, each against its
    /// latest stored revision. New posts are stored as staged (revision 1, without `edited_at`);
    /// changed ones become the next revision, their document given its number and `edited_at` here. Returns, per post, its
    /// position, the latest stored revision (NULL if none), whether it is a duplicate, and for a
    /// duplicate the stored revision's times, plus its document when anything else differs.
    private static func roundQuery(_ round: Int32) -> PostgresQuery {
        """
        WITH batch AS (
            SELECT b.*,
                -- Only a post stored before is compared: a new one is inserted as it is.
                CASE WHEN latest.revision IS NOT NULL THEN post_content_sha256(b.document) END AS content_sha256,
                latest.revision AS latest_revision, latest.content_sha256 AS latest_sha256,
                latest.document AS latest_document, latest.received_at AS latest_received_at,
                latest.edited_at AS latest_edited_at, latest.removed_at AS latest_removed_at
            FROM post_batch b
            LEFT JOIN LATERAL (
                SELECT p.revision, p.content_sha256, p.document, p.received_at, p.edited_at, p.removed_at FROM posts p
                WHERE p.id = b.id ORDER BY p.revision DESC LIMIT 1
            ) latest ON true
            WHERE b.occurrence = \(round)
        ), written AS (
            INSERT INTO posts (id, revision, trust_id, school_id, account_id, platform, external_id,
                document, created_at, received_at, edited_at)
            SELECT id, coalesce(latest_revision, 0) + 1, trust_id, school_id, account_id, platform, external_id,
                CASE WHEN latest_revision IS NULL THEN document
                    ELSE document || jsonb_build_object('revision', latest_revision + 1, 'edited_at', edited_text) END,
                created_at, received_at, CASE WHEN latest_revision IS NULL THEN NULL ELSE edited_at END
            FROM batch WHERE latest_revision IS NULL OR latest_sha256 <> content_sha256
        )
        SELECT ord, latest_revision, coalesce(latest_sha256 = content_sha256, false) AS duplicate,
            -- What may differ between deliveries of the same revision: its number and times.
            CASE WHEN latest_sha256 = content_sha256
                AND latest_document - '{revision,received_at,edited_at,removed_at}'::text[]
                    IS DISTINCT FROM document - '{revision,received_at,edited_at,removed_at}'::text[]
                THEN latest_document END AS stored_document,
            latest_received_at, latest_edited_at, latest_removed_at
        FROM batch
        """
    }

    /// The posts normalised as ``record(_:)`` stores them, each encoded once as revision 1 (a
    /// later revision's number and `edited_at`, given as text, are set by the SQL), numbered by
    /// position and by occurrence of its id. The two halves are encoded at once.
    fileprivate static func stage(_ posts: [Post]) async throws -> [StagedPost] {
        var occurrences: [UUID: Int32] = [:]
        occurrences.reserveCapacity(posts.count)
        var numbers: [Int32] = []
        numbers.reserveCapacity(posts.count)
        for post in posts {
            let occurrence = occurrences[post.id, default: 0] + 1
            occurrences[post.id] = occurrence
            numbers.append(occurrence)
        }
        let occurrence = numbers
        @Sendable func encode(_ range: Range<Int>) throws -> [StagedPost] {
            try range.map { ord in
                let incoming = posts[ord].normalisedForStore()
                let first = incoming.asRevision(1)
                let json = Data(PostJSONWriter.encode(first))
                assert(json == (try? ParapetJSON.encode(first)), "PostJSONWriter differs from ParapetJSON")
                return StagedPost(
                    ord: Int32(ord), occurrence: occurrence[ord], post: incoming, document: PostDocument(json: json),
                    editedText: ParapetJSON.string(from: incoming.editedAt ?? incoming.receivedAt))
            }
        }
        let middle = posts.count / 2
        async let first = encode(0..<middle)
        let second = try encode(middle..<posts.count)
        return try await first + second
    }
}

/// Posts made ready for ``PostStore/recordBatch(_:)-(PreparedPostBatch)``: normalised, numbered
/// and encoded, which takes no database and can overlap the storing of the batch before.
public struct PreparedPostBatch: Sendable {
    fileprivate var staged: [StagedPost]

    public init(_ posts: [Post]) async throws {
        staged = posts.isEmpty ? [] : try await PostStore.stage(posts)
    }

    public var count: Int { staged.count }
}

/// One post of a batch as it is copied into `post_batch`.
private struct StagedPost: Sendable {
    static let columns = [
        "ord", "occurrence", "id", "trust_id", "school_id", "account_id", "platform", "external_id", "document",
        "created_at", "received_at", "edited_at", "edited_text",
    ]

    var ord: Int32
    var occurrence: Int32
    var post: Post
    /// The post as revision 1.
    var document: PostDocument
    /// `edited_at` as the document of a later revision has it.
    var editedText: String
}
