import Foundation
import ParapetModels
import ParapetPostgres

extension PostStore {
    /// Stores many posts at once (bulk import, and the webhook deliveries of concurrent
    /// requests), with the outcome ``record(_:)`` would give each if they were recorded one after
    /// another in input order; returns one outcome per input, in input order.
    ///
    /// The batch travels as arrays in one statement, whose set-based SQL compares each post with
    /// its latest stored revision and inserts the new posts and the changed ones. A post that
    /// occurs k times in the batch is handled in k rounds, in one transaction, each round seeing
    /// the revisions the round before wrote (one round, the usual case, is one statement and
    /// needs no transaction of its own). No per-post locks are taken (a large batch would
    /// exhaust PostgreSQL's lock table): a concurrent writer of the same post makes its part of
    /// the batch fail on the primary key and run again from the start.
    ///
    /// A large batch is split by post id into ``bulkWriters`` parts stored at once on separate
    /// connections, so that more than one PostgreSQL backend does the work. Every occurrence of a
    /// post is in the same part, so outcomes are as above; but the parts commit apart, and if one
    /// fails the others may already be stored. Callers reply or move on only when the whole
    /// batch succeeded, and storing a post again is harmless (a duplicate), so a retry after a
    /// failure loses nothing and duplicates nothing.
    public func recordBatch(_ posts: [Post]) async throws -> [PostRecord] {
        try await recordBatch(PreparedPostBatch(posts))
    }

    /// ``recordBatch(_:)-([Post])`` of a batch prepared beforehand (the importer prepares the next
    /// batch while this one is stored).
    public func recordBatch(_ batch: PreparedPostBatch) async throws -> [PostRecord] {
        guard batch.count > 0 else { return [] }
        let partCount = batch.count >= 2 * Self.bulkRowsPerWriter ? Self.bulkWriters : 1
        // Positions in the batch, not copies: a post is a large value.
        var parts = Array(repeating: [Int](), count: partCount)
        for position in batch.posts.indices { parts[Int(batch.posts[position].id.uuid.0) % partCount].append(position) }
        var records = [PostRecord?](repeating: nil, count: batch.count)
        try await withThrowingTaskGroup(of: [(position: Int, record: PostRecord)].self) { group in
            for part in parts where !part.isEmpty {
                group.addTask { try await self.recordPart(batch, part) }
            }
            // Outcomes are moved, not copied (each holds a post): popLast and take() leave nothing behind.
            for try await var outcomes in group {
                while let (position, record) = outcomes.popLast() { records[position] = record }
            }
        }
        var result: [PostRecord] = []
        result.reserveCapacity(records.count)
        for position in records.indices {
            // Every statement returns a row per post it was given; a missing one is a bug here.
            guard let record = records[position].take() else {
                throw PostgresError(code: .invalidUsage, message: "post \(position + 1) of the batch came back without an outcome")
            }
            result.append(record)
        }
        return result
    }

    /// How many connections a large batch is stored over at once.
    static let bulkWriters = 2
    /// The fewest rows worth a connection of their own.
    static let bulkRowsPerWriter = 500

    /// Stores the posts of `batch` at `part` (every occurrence of each of them, in input order)
    /// on one connection.
    private func recordPart(_ batch: PreparedPostBatch, _ part: [Int]) async throws -> [(position: Int, record: PostRecord)] {
        let rounds = part.lazy.map { batch.occurrences[$0] }.max() ?? 1
        let queries = (1...rounds).compactMap { round -> PostgresQuery? in
            let positions = part.filter { batch.occurrences[$0] == round }
            return positions.isEmpty ? nil : Self.roundQuery(batch, positions)
        }
        return try await retryingLostRaces {
            try await client.withConnection { connection in
                var outcomes: [(position: Int, record: PostRecord)] = []
                outcomes.reserveCapacity(part.count)
                func run(_ query: PostgresQuery) async throws {
                    for row in try await connection.query(query) {
                        let (position, latest, duplicate, stored, received, edited, removed) =
                            try row.decode((Int32, Int?, Bool, String?, Date?, Date?, Date?).self)
                        outcomes.append(
                            (
                                Int(position),
                                try Self.record(
                                    of: batch.posts[Int(position)], latest: latest, duplicate: duplicate, stored: stored,
                                    received: received, edited: edited, removed: removed)
                            ))
                    }
                }
                if queries.count == 1 {
                    try await run(queries[0])
                } else {
                    try await connection.withTransaction { _ in
                        for query in queries { try await run(query) }
                    }
                }
                return outcomes
            }
        }
    }

    /// What one row of a round's result says happened to `incoming`.
    private static func record(
        of incoming: Post, latest: Int?, duplicate: Bool, stored: String?, received: Date?, edited: Date?, removed: Date?
    ) throws -> PostRecord {
        guard let latest else { return .new(incoming.asRevision(1)) }
        guard duplicate else { return .revised(incoming.asRevision(latest + 1)) }
        if let stored { return .duplicate(try PostDocument.post(from: stored)) }
        // The stored revision is this post but for its own number and times: rebuilt here
        // rather than decoded, the common case of a re-import.
        var post = incoming.asRevision(latest)
        post.receivedAt = ParapetJSON.wholeMilliseconds(received ?? incoming.receivedAt)
        post.editedAt = edited.map(ParapetJSON.wholeMilliseconds)
        post.removedAt = removed.map(ParapetJSON.wholeMilliseconds)
        return .duplicate(post)
    }

    /// One round: the posts of `batch` at `positions` (each post at most once) against their latest
    /// stored revisions. New posts are stored as staged (revision 1, without `edited_at`); changed
    /// ones become the next revision, their document given its number and `edited_at` here.
    /// Returns, per post, its position in `batch`, the latest stored revision (NULL if none), whether it is a
    /// duplicate, and for a duplicate the stored revision's times, plus its document when
    /// anything else differs.
    private static func roundQuery(_ batch: PreparedPostBatch, _ positions: [Int]) -> PostgresQuery {
        // Each column read in place (`batch.posts[$0].trust`): copying a post would retain every
        // one of its strings.
        let ords = PostgresArray(positions.map { Int32($0) })
        let ids = PostgresArray(positions.map { batch.posts[$0].id })
        let trusts = PostgresArray(positions.map { batch.posts[$0].trust })
        let schools = PostgresArray(positions.map { batch.posts[$0].school })
        let accounts = PostgresArray(positions.map { batch.posts[$0].account })
        let platforms = PostgresArray(positions.map { batch.posts[$0].platform.rawValue })
        let externalIDs = PostgresArray(positions.map { batch.posts[$0].externalID })
        let documents = PostgresArray(positions.map { batch.documents[$0] })
        let created = PostgresArray(positions.map { batch.posts[$0].createdAt })
        let received = PostgresArray(positions.map { batch.posts[$0].receivedAt })
        let edited = PostgresArray(positions.map { batch.posts[$0].editedAt })
        let editedTexts = PostgresArray(positions.map { batch.editedTexts[$0] })
        // Prepared once per connection: parsing and planning this statement was over a third of
        // PostgreSQL's work for a small batch.
        let query: PostgresQuery = """
            WITH batch AS (
                SELECT b.*,
                    -- Only a post stored before is compared (AND stops at false): a new one is inserted as it is.
                    latest.revision IS NOT NULL AND post_same_content(latest.document, b.document) AS duplicate,
                    latest.revision AS latest_revision,
                    latest.document AS latest_document, latest.received_at AS latest_received_at,
                    latest.edited_at AS latest_edited_at, latest.removed_at AS latest_removed_at
                FROM unnest(\(ords), \(ids), \(trusts), \(schools), \(accounts), \(platforms), \(externalIDs),
                    \(documents), \(created), \(received), \(edited), \(editedTexts))
                    AS b(ord, id, trust_id, school_id, account_id, platform, external_id, document,
                        created_at, received_at, edited_at, edited_text)
                LEFT JOIN LATERAL (
                    SELECT p.revision, p.document, p.received_at, p.edited_at, p.removed_at FROM posts p
                    WHERE p.id = b.id ORDER BY p.revision DESC LIMIT 1
                ) latest ON true
            ), written AS (
                INSERT INTO posts (id, revision, trust_id, school_id, account_id, platform, external_id,
                    document, created_at, received_at, edited_at)
                SELECT id, coalesce(latest_revision, 0) + 1, trust_id, school_id, account_id, platform, external_id,
                    CASE WHEN latest_revision IS NULL THEN document
                        ELSE (document::jsonb || jsonb_build_object('revision', latest_revision + 1, 'edited_at', edited_text))::json END,
                    created_at, received_at, CASE WHEN latest_revision IS NULL THEN NULL ELSE edited_at END
                FROM batch WHERE NOT duplicate
            )
            SELECT ord, latest_revision, duplicate,
                -- What may differ between deliveries of the same revision: its number and times.
                -- (duplicate is never NULL, so AND skips the comparison for every other post.)
                CASE WHEN duplicate
                    AND latest_document::jsonb - '{revision,received_at,edited_at,removed_at}'::text[]
                        IS DISTINCT FROM document::jsonb - '{revision,received_at,edited_at,removed_at}'::text[]
                    THEN latest_document END AS stored_document,
                latest_received_at, latest_edited_at, latest_removed_at
            FROM batch
            """
        return query.prepared()
    }

}

/// Posts made ready for ``PostStore/recordBatch(_:)-(PreparedPostBatch)``: normalised, numbered
/// and encoded, which takes no database and can overlap the storing of the batch before. Kept
/// as columns, one array each, so that nothing copies a whole post to reach one field.
public struct PreparedPostBatch: Sendable {
    /// The posts normalised as ``PostStore/record(_:)`` stores them.
    fileprivate var posts: [Post] = []
    /// Which occurrence of its id each post is (1 for the first): the round it is stored in.
    fileprivate var occurrences: [Int32] = []
    /// Each post encoded once as revision 1 (a later revision's number and `edited_at` are set by
    /// the SQL).
    fileprivate var documents: [PostDocument] = []
    /// `edited_at` as the document of a later revision has it.
    fileprivate var editedTexts: [String] = []

    /// Prepares `incoming`; normalised in place when the caller hands over its only reference.
    public init(_ incoming: consuming [Post]) async throws {
        guard !incoming.isEmpty else { return }
        var seen: [UUID: Int32] = [:]
        seen.reserveCapacity(incoming.count)
        occurrences.reserveCapacity(incoming.count)
        for index in incoming.indices {
            let occurrence = seen[incoming[index].id, default: 0] + 1
            seen[incoming[index].id] = occurrence
            occurrences.append(occurrence)
            incoming[index].normaliseForStore()
        }
        posts = incoming
        // Encoding is the costly part: the two halves at once.
        let posts = posts
        @Sendable func encode(_ range: Range<Int>) async -> [(document: PostDocument, editedText: String)] {
            var encoded: [(document: PostDocument, editedText: String)] = []
            encoded.reserveCapacity(range.count)
            for position in range {
                // Tens of milliseconds for a large batch: let other tasks' continuations run.
                if (position - range.lowerBound) % 250 == 249 { await Task.yield() }
                let first = posts[position].asRevision(1)
                let json = PostJSONWriter.encode(first)
                assert(json == (try? ParapetJSON.encode(first)).map(Array.init), "PostJSONWriter differs from ParapetJSON")
                encoded.append((PostDocument(json: json), ParapetJSON.string(from: posts[position].editedAt ?? posts[position].receivedAt)))
            }
            return encoded
        }
        let middle = posts.count / 2
        async let first = encode(0..<middle)
        let second = await encode(middle..<posts.count)
        for half in [await first, second] {
            documents.append(contentsOf: half.lazy.map(\.document))
            editedTexts.append(contentsOf: half.lazy.map(\.editedText))
        }
    }

    public var count: Int { posts.count }

    /// The JSON of post `index` as revision 1, exactly as a ``PostRecord/new(_:)`` outcome's
    /// post encodes (``PostJSONWriter``): what the store wrote, for a caller that publishes it.
    public func revisionOneJSON(at index: Int) -> [UInt8] {
        documents[index].json
    }
}
