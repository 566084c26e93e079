import Crypto
import Foundation
import ParapetCodecs
import ParapetModels
import ParapetPostgres

/// What leaders taught the engine: cases they closed as "not a breach", and breaches they
/// recorded by hand on posts the engine passed (`missed_breaches`, migration 0014). Read back as
/// labelled examples in the corpus format by `parapet feedback export`.
public struct FeedbackStore: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// A breach a leader recorded by hand.
    public struct MissedBreach: Codable, Sendable, Hashable {
        public var id: UUID
        public var postID: UUID
        public var postRevision: Int
        public var school: String
        public var behaviour: Behaviour
        public var reportedBy: String
        public var recordedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, school, behaviour
            case postID = "post_id"
            case postRevision = "post_revision"
            case reportedBy = "reported_by"
            case recordedAt = "recorded_at"
        }
    }

    /// Records that `email` says the latest revision of `post` breaks `behaviour`; the same
    /// report again returns the first. The id is derived from what was reported, so a retried
    /// request records one row.
    public func recordMissedBreach(
        _ post: Post, behaviour: Behaviour, reportedBy email: String, note: String?
    ) async throws -> MissedBreach {
        let name = "parapet.missed-breach:\(post.id.lowercasedString):\(post.revision):\(behaviour.rawValue):\(email.lowercased())"
        let id = SHA256.hash(data: Array(name.utf8)).withUnsafeBytes { UUID(version8Hash: $0) }
        try await client.execute(
            """
            INSERT INTO missed_breaches (id, trust_id, school_id, post_id, post_revision, behaviour, reported_by, note)
            VALUES (\(id), \(post.trust), \(post.school), \(post.id), \(Int32(post.revision)), \(behaviour.rawValue), \(email.lowercased()), \(note))
            ON CONFLICT DO NOTHING
            """)
        let row = try await client.query(
            """
            SELECT id, recorded_at FROM missed_breaches
            WHERE post_id = \(post.id) AND post_revision = \(Int32(post.revision)) AND behaviour = \(behaviour.rawValue)
                AND reported_by = \(email.lowercased())
            """)
        guard let stored = row.first else { throw PostgresError(code: .invalidUsage, message: "missed breach \(id) was neither inserted nor found") }
        return MissedBreach(
            id: try stored.decode(UUID.self, column: "id"), postID: post.id, postRevision: post.revision, school: post.school,
            behaviour: behaviour, reportedBy: email.lowercased(), recordedAt: try stored.decode(Date.self, column: "recorded_at"))
    }

    /// One labelled example: a post and every behaviour it breaks, as leaders judged it.
    public struct Example: Sendable, Hashable {
        public enum Source: String, Sendable {
            /// A case closed as not a breach: the post breaks none of the case's behaviours.
            case notABreach = "not_a_breach"
            /// A leader recorded a breach the engine missed.
            case missedBreach = "missed_breach"
        }

        public var source: Source
        public var post: Post
        /// Every behaviour the post breaks: the engine's findings with the rejected ones taken
        /// out, or with the missed ones added.
        public var breaks: [Behaviour]
        /// The behaviours the leader judged: rejected, or added.
        public var judged: [Behaviour]
        public var at: Date
    }

    /// Every example of `trust` (of one school, and since a time, when given), oldest first.
    public func examples(trust: String, school: String? = nil, since: Date? = nil) async throws -> [Example] {
        let since = since ?? Date(timeIntervalSince1970: 0)
        var examples: [Example] = []
        // Cases whose current state is "closed, not a breach": a case reopened and upheld since is not one.
        let closed = try await client.query(
            """
            SELECT document::text AS document FROM cases
            WHERE trust_id = \(trust) AND status = 'closed' AND document -> 'state' ->> 'reason' = 'not_a_breach'
                AND (\(school)::text IS NULL OR school_id = \(school)) AND updated_at >= \(since)
            ORDER BY updated_at, id
            """)
        for row in closed {
            let document = try row.decode(String.self, column: "document")
            let `case` = try ParapetJSON.decode(Case.self, from: Data(document.utf8))
            guard case .closed(.notABreach, let at) = `case`.state else { continue }
            for postID in `case`.postIDs {
                guard let post = try await latestPost(postID) else { continue }
                let found = try await verdictBehaviours(post)
                let rejected = `case`.behaviours
                examples.append(
                    Example(
                        source: .notABreach, post: post, breaks: found.filter { !rejected.contains($0) }, judged: rejected, at: at))
            }
        }
        let missed = try await client.query(
            """
            SELECT post_id, post_revision, string_agg(DISTINCT behaviour, ',' ORDER BY behaviour) AS behaviours, max(recorded_at) AS at
            FROM missed_breaches
            WHERE trust_id = \(trust) AND (\(school)::text IS NULL OR school_id = \(school)) AND recorded_at >= \(since)
            GROUP BY post_id, post_revision ORDER BY max(recorded_at), post_id
            """)
        for row in missed {
            let postID = try row.decode(UUID.self, column: "post_id")
            let revision = Int(try row.decode(Int32.self, column: "post_revision"))
            guard let post = try await post(postID, revision: revision) else { continue }
            let added = try row.decode(String.self, column: "behaviours").split(separator: ",").compactMap { Behaviour(rawValue: String($0)) }
            let found = try await verdictBehaviours(post)
            let breaks = Behaviour.allCases.filter { found.contains($0) || added.contains($0) }
            examples.append(
                Example(source: .missedBreach, post: post, breaks: breaks, judged: added, at: try row.decode(Date.self, column: "at")))
        }
        return examples.sorted { ($0.at, $0.post.id.uuidString) < ($1.at, $1.post.id.uuidString) }
    }

    private func latestPost(_ id: UUID) async throws -> Post? {
        try await PostStore(client: client).latest(id: id)
    }

    private func post(_ id: UUID, revision: Int) async throws -> Post? {
        let rows = try await client.query("SELECT document FROM posts WHERE id = \(id) AND revision = \(Int32(revision))")
        return try rows.first.map { try PostDocument.post(from: $0.decode(String.self, column: "document")) }
    }

    /// The behaviours of the newest verdict on this revision of the post, in declaration order.
    private func verdictBehaviours(_ post: Post) async throws -> [Behaviour] {
        let rows = try await client.query(
            """
            SELECT breaches::text AS breaches FROM verdicts WHERE post_id = \(post.id) AND post_revision = \(Int32(post.revision))
            ORDER BY decided_at DESC LIMIT 1
            """)
        guard let text = try rows.first?.decode(String.self, column: "breaches") else { return [] }
        let breaches = try ParapetJSON.decode([ClauseBreach].self, from: Data(text.utf8))
        return Behaviour.allCases.filter { behaviour in breaches.contains { $0.behaviour == behaviour } }
    }
}
